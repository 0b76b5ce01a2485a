/** The playground's web server: the page, its modules, the Lit components, a JSON API and an event stream. */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { KEY_PARAM, newPageKey, ownOrigins, refuse } from './page-guard.js';
import { PlaygroundError, type ClockStep, type OfflineSpan, type PageEvent, type PlaygroundSession } from './session.js';

const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), 'web');
const MAX_BODY_BYTES = 256 * 1024;

/** The browser may load these packages (and nothing else) from node_modules. */
export const VENDOR_PACKAGES = ['@skyra/discord-components-core', 'lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context'] as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

function packageRoot(name: string): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(name));
  while (dir !== dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return dir;
    dir = dirname(dir);
  }
  throw new Error(`cannot find the package root of ${name}`);
}

export interface WebServer {
  /** The page's address with this run's key: what the terminal prints. */
  url: string;
  /** The page's origin (no key). */
  origin: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebServer(session: PlaygroundSession, host: string, port: number): Promise<WebServer> {
  const roots = new Map(VENDOR_PACKAGES.map((name) => [name, packageRoot(name)]));
  const transpiled = new Map<string, { mtimeMs: number; code: string }>();
  const streams = new Set<ServerResponse>();
  const key = newPageKey();
  const unsubscribe = session.subscribe((event: PageEvent) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  const pageModule = (name: string): string | undefined => {
    const file = join(WEB_DIR, `${name}.ts`);
    if (!/^[a-z-]+$/.test(name) || !existsSync(file)) return undefined;
    const { mtimeMs } = statSync(file);
    const cached = transpiled.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.code;
    const output = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
      fileName: file,
    });
    transpiled.set(file, { mtimeMs, code: output.outputText });
    return output.outputText;
  };

  const vendorFile = (path: string): string | undefined => {
    for (const [name, root] of roots) {
      if (!path.startsWith(`${name}/`)) continue;
      const file = normalize(join(root, path.slice(name.length + 1)));
      if (!file.startsWith(root + sep) || !['.js', '.css', '.map'].includes(extname(file)) || !existsSync(file)) return undefined;
      return file;
    }
    return undefined;
  };

  const api = async (request: IncomingMessage, path: string): Promise<unknown> => {
    const body = request.method === 'POST' ? await readJson(request) : {};
    switch (`${request.method} ${path}`) {
      case 'GET /api/state':
        return session.state();
      case 'POST /api/slash':
        session.runSlash(body as never);
        return { ok: true };
      case 'POST /api/autocomplete':
        return { choices: await session.autocomplete(body as never) };
      case 'POST /api/button':
        session.clickButton(str(body, 'user'), str(body, 'messageId'), str(body, 'customId'));
        return { ok: true };
      case 'POST /api/select':
        session.select(str(body, 'user'), str(body, 'messageId'), str(body, 'customId'), strings(body, 'values'));
        return { ok: true };
      case 'POST /api/modal':
        session.submitModal(str(body, 'user'), str(body, 'customId'), (body as { fields?: Record<string, string | string[]> }).fields ?? {});
        return { ok: true };
      case 'POST /api/clock': {
        const step = str(body, 'step');
        if (!['hour', 'day', 'week', 'next'].includes(step)) throw new PlaygroundError(`unknown clock step "${step}"`);
        return session.runClock(step as ClockStep);
      }
      case 'POST /api/offline': {
        const span = str(body, 'span');
        if (!['hour', 'day', 'week'].includes(span)) throw new PlaygroundError(`unknown offline span "${span}"`);
        return session.offline(span as OfflineSpan);
      }
      case 'POST /api/members-use-club':
        session.setMembersMayUseClub((body as { allowed?: unknown }).allowed === true);
        return { ok: true };
      default:
        return undefined;
    }
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (!hostAllowed(request.headers.host, server)) return sendText(response, 421, 'The playground answers on 127.0.0.1 only.');
    if (path === '/' || path === '/index.html') return sendFile(response, join(WEB_DIR, 'index.html'));
    if (path === '/app/style.css') return sendFile(response, join(WEB_DIR, 'style.css'));
    const moduleName = /^\/app\/([a-z-]+)\.js$/.exec(path)?.[1];
    if (moduleName) {
      const code = pageModule(moduleName);
      return code === undefined ? sendText(response, 404, 'not found') : send(response, 200, CONTENT_TYPES['.js']!, code);
    }
    if (path.startsWith('/vendor/')) {
      const file = vendorFile(decodeURIComponent(path.slice('/vendor/'.length)));
      return file ? sendFile(response, file) : sendText(response, 404, 'not found');
    }
    const guarded = path.startsWith('/api/') || path.startsWith('/attachments/');
    const refusal = guarded ? refuse(request, url, key, listeningPort(), path === '/api/events' || path.startsWith('/attachments/')) : undefined;
    if (refusal) return sendText(response, refusal.status, refusal.text);
    const attachment = /^\/attachments\/(\d+)\/([^/]+)$/.exec(path);
    if (attachment) {
      const stored = session.attachment(attachment[1] ?? '', decodeURIComponent(attachment[2] ?? ''));
      if (!stored) return sendText(response, 404, 'no such attachment');
      const download = url.searchParams.has('download') ? { 'content-disposition': 'attachment' } : {};
      // Files come from the bot: never let the browser sniff them into something runnable.
      const safeType = /^(image\/(png|jpeg|gif|webp)|text\/csv|text\/plain|application\/json)(;.*)?$/.test(stored.contentType) ? stored.contentType : 'application/octet-stream';
      response.writeHead(200, { 'content-type': safeType, 'content-length': String(stored.data.length), 'x-content-type-options': 'nosniff', ...download });
      response.end(stored.data);
      return;
    }
    if (path === '/api/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }
    if (path.startsWith('/api/')) {
      try {
        const result = await api(request, path);
        if (result === undefined) return sendText(response, 404, 'unknown API route');
        return send(response, 200, 'application/json', JSON.stringify(result));
      } catch (error) {
        const status = error instanceof PlaygroundError || error instanceof SyntaxError ? 400 : 500;
        return send(response, status, 'application/json', JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
      }
    }
    sendText(response, 404, 'not found');
  };

  const listeningPort = (): number => (server.address() as AddressInfo).port;
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendText(response, 500, String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = listeningPort();
  session.allowPageOrigins(ownOrigins(actualPort));
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actualPort}/?${KEY_PARAM}=${key}`,
    origin: `http://${shownHost}:${actualPort}`,
    port: actualPort,
    close: async () => {
      unsubscribe();
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Refuses requests addressed to another host name (a DNS-rebinding page cannot drive the bot). */
function hostAllowed(hostHeader: string | undefined, server: Server): boolean {
  const port = (server.address() as AddressInfo | null)?.port;
  return ['127.0.0.1', 'localhost', '[::1]'].some((host) => hostHeader === `${host}:${String(port)}`);
}

function str(body: unknown, key: string): string {
  const value = (body as Record<string, unknown>)[key];
  if (typeof value !== 'string' || value === '') throw new PlaygroundError(`${key} is missing`);
  return value;
}

function strings(body: unknown, key: string): string[] {
  const value = (body as Record<string, unknown>)[key];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new PlaygroundError(`${key} must be a list of strings`);
  return value;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new PlaygroundError('request too large');
    chunks.push(chunk);
  }
  return chunks.length === 0 ? {} : (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  send(response, status, 'text/plain; charset=utf-8', text);
}

function sendFile(response: ServerResponse, file: string): void {
  send(response, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file, 'utf8'));
}
