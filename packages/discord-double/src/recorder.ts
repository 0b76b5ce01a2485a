import type { BodyKind } from './validation.js';
import type { ChangeNotifier } from './waiting.js';

export interface RecordedRequest {
  seq: number;
  method: string;
  /** Path below `/api/v10`, with `%40original` decoded to `@original`. */
  path: string;
  /** Matched route pattern such as `POST /channels/:channelId/messages`, or null when nothing matched. */
  route: string | null;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  status: number;
  responseBody: unknown;
  /** Clock time (ms) when the request arrived. */
  at: number;
  injectedFault: boolean;
}

export interface ValidationFailure {
  method: string;
  path: string;
  kind: BodyKind;
  issues: string[];
  body: unknown;
  at: number;
}

export interface RecorderListener {
  request?(request: RecordedRequest): void;
  validationFailure?(failure: ValidationFailure): void;
}

export class RequestRecorder {
  readonly requests: RecordedRequest[] = [];
  readonly validationErrors: ValidationFailure[] = [];
  private nextSeq = 1;
  private readonly listeners = new Set<RecorderListener>();

  constructor(private readonly changes: ChangeNotifier) {}

  record(request: Omit<RecordedRequest, 'seq'>): RecordedRequest {
    const recorded = { ...request, seq: this.nextSeq++ };
    this.requests.push(recorded);
    for (const listener of this.listeners) listener.request?.(recorded);
    this.changes.notify();
    return recorded;
  }

  recordValidationFailure(failure: ValidationFailure): void {
    this.validationErrors.push(failure);
    for (const listener of this.listeners) listener.validationFailure?.(failure);
  }

  /** Calls back on each recorded request and validation failure; returns the unsubscribe function. */
  listen(listener: RecorderListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the first request (already recorded or future) matching `predicate`. */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs = 2000): Promise<RecordedRequest> {
    return this.changes.waitUntil(() => this.requests.find(predicate), timeoutMs, 'a matching request');
  }
}
