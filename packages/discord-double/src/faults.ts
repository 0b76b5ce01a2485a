import type { DoubleResponse } from './http-util.js';
import { errorResponse } from './http-util.js';

export interface FaultMatch {
  method?: string;
  /** Matched against the path below `/api/v10` (`@original` decoded); a string matches as a substring. */
  pathPattern?: RegExp | string;
  /** How many matching requests fail before the fault disarms (default 1). */
  times?: number;
}

export type FaultSpec = FaultMatch &
  (
    | { status: 429; retryAfterSeconds?: number; global?: boolean; scope?: 'user' | 'global' | 'shared' }
    | { status: 500 | 502 | 503 }
    | { status: 400 | 401 | 403 | 404; code: number; message?: string }
    /** Holds the request this long, then handles it as usual (a slow network or a stalled Discord). */
    | { status: 'delay'; delayMs: number }
  );

export interface InjectedFault {
  readonly spec: FaultSpec;
  /** Requests this fault has answered so far. */
  hits: number;
  remaining: number;
}

const DEFAULT_RETRY_AFTER_SECONDS = 0.05;

function matches(fault: InjectedFault, method: string, path: string): boolean {
  const { spec } = fault;
  if (spec.method && spec.method.toUpperCase() !== method) return false;
  if (spec.pathPattern === undefined) return true;
  return typeof spec.pathPattern === 'string' ? path.includes(spec.pathPattern) : spec.pathPattern.test(path);
}

export class FaultInjector {
  private readonly faults: InjectedFault[] = [];

  inject(spec: FaultSpec): InjectedFault {
    const fault: InjectedFault = { spec, hits: 0, remaining: spec.times ?? 1 };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** Consumes one use of the first armed fault matching the request, if any. */
  take(method: string, path: string): DoubleResponse | { delayMs: number } | undefined {
    const fault = this.faults.find((candidate) => candidate.remaining > 0 && matches(candidate, method, path));
    if (!fault) return undefined;
    fault.remaining -= 1;
    fault.hits += 1;
    if (fault.spec.status === 'delay') return { delayMs: fault.spec.delayMs };
    return faultResponse(fault.spec);
  }
}

function faultResponse(spec: Exclude<FaultSpec, { status: 'delay' }>): DoubleResponse {
  switch (spec.status) {
    case 429: {
      const retryAfter = spec.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
      const global = spec.global ?? false;
      const headers: Record<string, string> = {
        'retry-after': String(retryAfter),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(retryAfter),
        'x-ratelimit-reset': String((Date.now() / 1000 + retryAfter).toFixed(3)),
        'x-ratelimit-bucket': 'discord-double-fault',
        'x-ratelimit-scope': spec.scope ?? (global ? 'global' : 'user'),
      };
      if (global) headers['x-ratelimit-global'] = 'true';
      return { status: 429, headers, body: { message: 'You are being rate limited.', retry_after: retryAfter, global } };
    }
    case 500:
    case 502:
    case 503:
      return { status: spec.status, body: { message: `${spec.status}: Injected server error`, code: 0 } };
    default: {
      const response = errorResponse(spec.status, spec.code);
      return spec.message ? { ...response, body: { ...(response.body as object), message: spec.message } } : response;
    }
  }
}
