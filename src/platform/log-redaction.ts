/** What replaces a secret in a log line. */
export const REDACTED = '[redacted]';

/** Fields of a logged value that are censored, on the line itself and one level down (`config.token`). */
const SECRET_FIELDS = ['token', 'requestBody'] as const;

/** Lines whose fields have serializers of their own (errors: src/platform/logger.ts keeps only safe fields). */
const SERIALIZED = new Set(['err', 'error']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function hasSecret(value: Record<string, unknown>): boolean {
  return SECRET_FIELDS.some((field) => Object.hasOwn(value, field)) || (isRecord(value.headers) && Object.hasOwn(value.headers, 'authorization'));
}

/** A copy of one value with its token, request body and authorization header censored. */
function censored(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...value };
  for (const field of SECRET_FIELDS) if (Object.hasOwn(copy, field)) copy[field] = REDACTED;
  if (isRecord(value.headers) && Object.hasOwn(value.headers, 'authorization')) copy.headers = { ...value.headers, authorization: REDACTED };
  return copy;
}

/**
 * pino's `formatters.log`: censors `token`, `requestBody` and `headers.authorization` on a log line and on any
 * object it holds (`config.token`, `request.headers.authorization`). A line without them is returned as it is,
 * with nothing copied: pino's own path-based `redact` parsed its paths again for every field of every line.
 */
export function redactLogLine(line: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  if (hasSecret(line)) out = censored(line);
  for (const key in line) {
    const value = line[key];
    if (SERIALIZED.has(key) || !isRecord(value) || !Object.hasOwn(line, key) || !hasSecret(value)) continue;
    out ??= { ...line };
    out[key] = censored(value);
  }
  return out ?? line;
}
