import { parseMultipartBody } from './attachments.js';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const DiscordErrorMessages: Record<number, string> = {
  0: '404: Not Found',
  10002: 'Unknown Application',
  10003: 'Unknown Channel',
  10004: 'Unknown Guild',
  10007: 'Unknown Member',
  10008: 'Unknown Message',
  10015: 'Unknown Webhook',
  10062: 'Unknown interaction',
  10070: 'Unknown Guild Scheduled Event',
  40060: 'Interaction has already been acknowledged',
  50001: 'Missing Access',
  50005: 'Cannot edit a message authored by another user',
  50006: 'Cannot send an empty message',
  50007: 'Cannot send messages to this user',
  50013: 'Missing Permissions',
  50027: 'Invalid Webhook Token',
  50035: 'Invalid Form Body',
  50109: 'The request body contains invalid JSON.',
  180002: 'Cannot update a finished event',
};

export interface DoubleResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function errorResponse(status: number, code: number, extra: Record<string, unknown> = {}): DoubleResponse {
  return { status, body: { message: DiscordErrorMessages[code] ?? `Error ${code}`, code, ...extra } };
}

export function notFound(): DoubleResponse {
  return { status: 404, body: { message: '404: Not Found', code: 0 } };
}

export function readRawBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export class BodyParseError extends Error {}

export function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  try {
    if (contentType?.startsWith('multipart/form-data')) return parseMultipartBody(raw, contentType);
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new BodyParseError(`unparseable request body: ${(error as Error).message}`);
  }
}

export function send(response: ServerResponse, result: DoubleResponse): void {
  const headers: Record<string, string> = { ...result.headers };
  if (result.body === undefined) {
    response.writeHead(result.status, headers);
    response.end();
    return;
  }
  const payload = JSON.stringify(result.body);
  headers['content-type'] = 'application/json';
  headers['content-length'] = String(Buffer.byteLength(payload));
  response.writeHead(result.status, headers);
  response.end(payload);
}
