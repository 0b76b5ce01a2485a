import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';
import type { LogLevel } from './config.js';
import { privateFamilies } from './codec.js';
import { redactLogLine } from './log-redaction.js';

export type { Logger };

export type LogFormat = 'auto' | 'json' | 'pretty';

/**
 * Log lines: readable on a terminal, one JSON object per line otherwise (files, Docker, log collectors).
 * The token is redacted wherever it could appear; errors go through `serializeError`; interaction bodies are
 * never logged (see the router).
 */
export function createLogger(level: LogLevel, destination?: NodeJS.WritableStream, format: LogFormat = 'auto'): Logger {
  const target = destination ?? process.stdout;
  const pretty = format === 'pretty' || (format === 'auto' && (target as { isTTY?: boolean }).isTTY === true);
  const options = {
    level,
    base: { app: 'pacer' },
    serializers: { err: serializeError, error: serializeError },
    formatters: { log: redactLogLine },
  };
  // JSON lines to the process's stdout are written from a worker thread of libuv, not the event loop (one write
  // system call per interaction otherwise); pino writes what is still buffered when the process exits.
  if (!pretty) return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
  // Loaded only for a terminal: a deployment writing JSON lines never holds it (its CommonJS build loads synchronously).
  const pinoPretty = createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
  return pino(
    options,
    pinoPretty({
      destination: target,
      sync: true,
      colorize: (target as { isTTY?: boolean }).isTTY === true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,app',
      singleLine: true,
    }),
  );
}

export interface SerializedError {
  type: string;
  message: string;
  code?: string | number;
  status?: number;
  method?: string;
  route?: string;
  constraint?: string;
  stack?: string;
  cause?: SerializedError;
}

/** Lower-case route words (`channels`, `callback`, `@original`) stay; snowflakes become `:id`; anything else is a token. */
function routeSegment(segment: string, previous: string | undefined): string {
  if (/^\d{1,25}$/.test(segment)) return ':id';
  if (previous === ':id' && segment !== '@original' && !/^[a-z][a-z-]*$/.test(segment)) return ':token';
  return /^@?[a-z][a-z_-]{0,31}$/.test(segment) ? segment : ':token';
}

/**
 * The route of a Discord request URL with every id and token replaced, and no host or query string:
 * `https://discord.com/api/v10/interactions/123/aW50.../callback?x=1` becomes `/interactions/:id/:token/callback`.
 */
export function discordRoute(url: string): string {
  let path: string;
  try {
    path = new URL(url, 'http://x').pathname;
  } catch {
    return ':unreadable';
  }
  const segments = path.split('/').filter(Boolean);
  const api = segments.indexOf('api');
  let rest = api >= 0 ? segments.slice(api + 1) : segments;
  if (rest[0] && /^v\d+$/.test(rest[0])) rest = rest.slice(1);
  const out: string[] = [];
  for (const segment of rest) {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      decoded = ':token';
    }
    out.push(routeSegment(decoded, out.at(-1)));
  }
  return `/${out.join('/')}`;
}

const MAX_CAUSE_DEPTH = 3;

/**
 * What the log may hold about an error: its kind, message, code, status, method and route. Request
 * bodies (button `custom_id`s carry a symptom check's answers), files, headers and the URL (an
 * interaction's URL holds its token) are dropped. discord.js's DiscordAPIError, HTTPError and
 * RateLimitError carry all of those; any other error may too, so the same rules apply to every error.
 */
export function serializeError(value: unknown, depth = 0): unknown {
  if (!(value instanceof Error)) {
    if (value === null || typeof value !== 'object') return value;
    return { type: 'NonError', message: '[an object was thrown; not logged]' };
  }
  const e = value as Error & Record<string, unknown>;
  const message = safeMessage(e);
  const out: SerializedError = { type: e.name || e.constructor.name, message: scrub(message) };
  if (isPostgresError(e) && typeof e.constraint === 'string') out.constraint = e.constraint;
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code;
  if (typeof e.status === 'number') out.status = e.status;
  if (typeof e.method === 'string') out.method = e.method.toUpperCase();
  if (typeof e.url === 'string') out.route = discordRoute(e.url);
  else if (typeof e.route === 'string') out.route = discordRoute(e.route);
  if (typeof e.stack === 'string') out.stack = scrub(message === e.message ? e.stack : stackWithMessage(e.stack, e.name, message));
  if (e.cause !== undefined && depth < MAX_CAUSE_DEPTH) {
    const cause = serializeError(e.cause, depth + 1);
    if (cause && typeof cause === 'object') out.cause = cause as SerializedError;
  }
  return out;
}

/**
 * A failed drizzle query puts its values (member ids, names, announcement text) in its message, and PostgreSQL
 * quotes the value it could not read (`invalid input syntax for type integer: "…"`). The log keeps the query,
 * whose values are placeholders, and the error's words; names of constraints come as their own field.
 */
function safeMessage(e: Error & Record<string, unknown>): string {
  if (typeof e.query === 'string' && Array.isArray(e.params)) return `Failed query: ${e.query} (values not logged)`;
  if (isPostgresError(e)) return e.message.replace(/"[^"]*"/g, '"…"');
  return e.message;
}

/** The stack's frames under a new first line: the message is repeated at the top of every stack. */
function stackWithMessage(stack: string, name: string, message: string): string {
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [`${name}: ${message}`, ...frames].join('\n');
}

/** node-postgres's DatabaseError: a severity and a five-character SQLSTATE. */
function isPostgresError(e: Record<string, unknown>): boolean {
  return typeof e.severity === 'string' && typeof e.code === 'string' && e.code.length === 5;
}

/** Ids of the families whose codecs say they carry private state (src/platform/codec.ts). */
function privateIdPattern(): RegExp {
  const prefixes = privateFamilies().map((prefix) => prefix.replaceAll('.', '\\.'));
  return prefixes.length === 0 ? /$^/g : new RegExp(`\\b(?:${prefixes.join('|')}):\\d+:[^\\s'"]*`, 'g');
}

/** URLs in free text lose their ids and tokens too; private custom_ids and long opaque runs (tokens, packed state) go. */
function scrub(text: string): string {
  return text
    .replace(/https?:\/\/[^\s'"]+/g, (url) => discordRoute(url))
    .replace(privateIdPattern(), '[custom_id]')
    .replace(/[A-Za-z0-9_-]{40,}(?:\.[A-Za-z0-9_-]+)*/g, '[opaque]');
}
