import { pino, type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { LogLevel } from './config.js';

export type { Logger };

export type LogFormat = 'auto' | 'json' | 'pretty';

/**
 * Log lines: readable on a terminal, one JSON object per line otherwise (files, Docker, log collectors).
 * The token is redacted wherever it could appear; interaction bodies are never logged (see the router).
 */
export function createLogger(level: LogLevel, destination?: NodeJS.WritableStream, format: LogFormat = 'auto'): Logger {
  const target = destination ?? process.stdout;
  const pretty = format === 'pretty' || (format === 'auto' && (target as { isTTY?: boolean }).isTTY === true);
  const options = {
    level,
    base: { app: 'pacer' },
    redact: {
      paths: ['token', '*.token', 'config.token', 'headers.authorization', '*.headers.authorization', 'err.requestBody', '*.requestBody'],
      censor: '[redacted]',
    },
  };
  if (!pretty) return pino(options, target);
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
