/**
 * Interactions over HTTP: Discord POSTs each interaction to the Interactions Endpoint URL, signed with Ed25519.
 * A verified interaction goes to discord.js as if it had come over the gateway, so the same router and handlers
 * answer it. The request stays open until the first answer has gone: in its body (200), or through the callback
 * endpoint, after which it is answered 202 with no body (`first-answers.ts` decides which).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HealthReport } from '../health.js';
import { delay } from '../lifecycle.js';
import type { Logger } from '../logger.js';
import type { OpenRequests } from './first-answers.js';
import { discordPublicKey, signatureProblem } from './signature.js';

/** Interactions are a few kilobytes; a modal with every field full stays well under this. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Discord's deadline for the first answer: past it the HTTP request is answered anyway. */
const ANSWER_WITHIN_MS = 3_000;

const PING = 1;
const PONG = 1;

export interface HttpInteractionsOptions {
  host: string;
  port: number;
  /** The application's public key, 64 hex characters. */
  publicKey: string;
  logger: Logger;
  /** Hands a verified interaction payload to discord.js (and so to the router). */
  deliver(payload: Record<string, unknown>): void;
  health(): HealthReport;
  now?: () => number;
  maxBodyBytes?: number;
  answerWithinMs?: number;
}

export interface HttpInteractions extends OpenRequests {
  readonly port: number;
  /** Requests being answered right now. */
  readonly inFlight: number;
  /** Stops taking connections, lets requests in progress finish within `limitMs`, then drops the rest. */
  close(limitMs: number): Promise<void>;
}

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        reject(new BodyTooLarge());
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function reply(response: ServerResponse, status: number, body?: unknown): void {
  if (response.headersSent) return;
  if (body === undefined) {
    response.writeHead(status, { 'content-length': '0' }).end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), 'cache-control': 'no-store' }).end(text);
}

export async function startHttpInteractions(options: HttpInteractionsOptions): Promise<HttpInteractions> {
  const { logger } = options;
  const key = discordPublicKey(options.publicKey);
  const now = options.now ?? Date.now;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const answerWithinMs = options.answerWithinMs ?? ANSWER_WITHIN_MS;
  /** Open requests by interaction id: each is answered once, with a body or with 202. */
  const waiting = new Map<string, (body?: unknown) => void>();
  const inFlight = new Set<Promise<void>>();

  const handleInteraction = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    let body: Buffer;
    try {
      body = await readBody(request, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        logger.warn({ limitBytes: maxBodyBytes }, 'interaction request refused: body too large');
        response.setHeader('connection', 'close');
        return reply(response, 413);
      }
      throw error;
    }
    const problem = signatureProblem({ signature: header(request, 'x-signature-ed25519'), timestamp: header(request, 'x-signature-timestamp'), body }, key, now());
    if (problem) {
      // Only the reason: never the body, the headers or the token inside.
      logger.warn({ reason: problem }, 'interaction request refused (401)');
      return reply(response, 401, { message: 'invalid request signature' });
    }
    let payload: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(body.toString('utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      payload = parsed as Record<string, unknown>;
    } catch {
      logger.warn({ reason: 'signed body is not a JSON object' }, 'interaction request refused (400)');
      return reply(response, 400);
    }
    if (payload.type === PING) return reply(response, 200, { type: PONG });

    const id = payload.id;
    if (typeof id !== 'string') {
      logger.warn({ reason: 'signed interaction without an id' }, 'interaction request refused (400)');
      return reply(response, 400);
    }
    let timer: NodeJS.Timeout | undefined;
    const answer = new Promise<{ body?: unknown }>((resolve) => {
      waiting.set(id, (body) => resolve({ body }));
      timer = setTimeout(() => resolve({}), answerWithinMs);
    });
    let firstAnswer: unknown;
    try {
      options.deliver(payload);
      firstAnswer = (await answer).body;
    } finally {
      clearTimeout(timer);
      waiting.delete(id);
    }
    if (firstAnswer === undefined) reply(response, 202);
    else reply(response, 200, firstAnswer);
  };

  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method === 'GET' && path === '/health') {
      const report = options.health();
      return reply(response, report.ok ? 200 : 503, report);
    }
    if (path !== '/' && path !== '/interactions') return reply(response, 404);
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      return reply(response, 405);
    }
    const work = handleInteraction(request, response).catch((error: unknown) => {
      logger.error({ errorName: error instanceof Error ? error.name : undefined }, 'interaction request failed');
      reply(response, 500);
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    port: (server.address() as AddressInfo).port,
    isOpen: (interactionId) => waiting.has(interactionId),
    answerWith: (interactionId, body) => {
      const settle = waiting.get(interactionId);
      if (!settle || body === undefined) return false;
      waiting.delete(interactionId);
      settle(body);
      return true;
    },
    answered: (interactionId) => {
      const settle = waiting.get(interactionId);
      waiting.delete(interactionId);
      settle?.();
    },
    get inFlight() {
      return inFlight.size;
    },
    close: async (limitMs) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = now() + limitMs;
      while (inFlight.size > 0 && now() < deadline) {
        await Promise.race([Promise.allSettled([...inFlight]), delay(deadline - now())]);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
