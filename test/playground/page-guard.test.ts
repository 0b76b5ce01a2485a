/**
 * The playground is closed to other web pages: its API wants this run's key and its own origin, and the inner
 * Discord double takes a gateway WebSocket only from a bot process (no Origin) or the playground's page, and
 * only with the bot's token. Checked from Node with forged headers, and from a foreign page in Chromium.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import NodeWebSocket from 'ws';
import { DEMO } from '../../tools/playground/demo-club.js';
import { startWebServer, type WebServer } from '../../tools/playground/http-server.js';
import { PlaygroundSession } from '../../tools/playground/session.js';
import { chromiumPath } from './browser-support.js';

let session: PlaygroundSession;
let web: WebServer;
let key: string;

const slash = JSON.stringify({ user: DEMO.users.moderator, channelId: DEMO.channels.general, name: 'symptom-check' });
const interactionsSent = () => session.doubleForTests.requests.filter((request) => request.path.includes('/interactions/')).length;

/** Opens a gateway socket; resolves with how it ended: refused at the upgrade (HTTP status), or closed with a code. */
function gateway(headers: Record<string, string>, token: string): Promise<{ refused?: number; closed?: number; hello: boolean }> {
  return new Promise((resolve) => {
    const socket = new NodeWebSocket(session.doubleForTests.gatewayUrl, { headers });
    let hello = false;
    socket.on('unexpected-response', (_request, response) => resolve({ refused: response.statusCode ?? 0, hello }));
    socket.on('message', (raw) => {
      const frame = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : '{}') as { op: number };
      if (frame.op === 10) {
        hello = true;
        socket.send(JSON.stringify({ op: 2, d: { token, intents: 1, properties: { os: 'linux', browser: 'test', device: 'test' } } }));
      }
      if (frame.op === 0) {
        socket.close(1000);
        resolve({ closed: 0, hello });
      }
    });
    socket.on('close', (code) => resolve({ closed: code, hello }));
    socket.on('error', () => undefined);
  });
}

describe('the playground refuses other pages', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    session = await PlaygroundSession.start({ logLevel: 'silent' });
    web = await startWebServer(session, '127.0.0.1', 0);
    key = new URL(web.url).searchParams.get('key') ?? '';
  }, 30_000);

  afterAll(async () => {
    await web?.close();
    await session?.stop();
  });

  it('prints an address carrying a long random key, and answers the API only with it', async () => {
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await fetch(`${web.origin}/api/state`)).status).toBe(401);
    expect((await fetch(`${web.origin}/api/state`, { headers: { 'x-playground-key': 'x'.repeat(32) } })).status).toBe(401);
    expect((await fetch(`${web.origin}/api/state`, { headers: { 'x-playground-key': key } })).status).toBe(200);
    expect((await fetch(`${web.origin}/api/events`)).status).toBe(401);
  });

  it('refuses a cross-origin text/plain POST to /api/slash and /api/clock, even one carrying the key', async () => {
    const before = interactionsSent();
    const attempts: Array<Record<string, string>> = [{ 'content-type': 'text/plain', origin: 'http://evil.example' }, { 'content-type': 'text/plain', origin: 'http://evil.example', 'x-playground-key': key }, { 'content-type': 'text/plain' }];
    for (const headers of attempts) {
      expect((await fetch(`${web.origin}/api/slash`, { method: 'POST', headers, body: slash })).status).toBeGreaterThanOrEqual(401);
      expect((await fetch(`${web.origin}/api/clock`, { method: 'POST', headers, body: '{"step":"week"}' })).status).toBeGreaterThanOrEqual(401);
    }
    const sameSiteOtherPort = { 'content-type': 'text/plain', origin: 'http://127.0.0.1:1', 'x-playground-key': key };
    expect((await fetch(`${web.origin}/api/clock`, { method: 'POST', headers: sameSiteOtherPort, body: '{"step":"week"}' })).status).toBe(403);
    const crossSite = { 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site', 'x-playground-key': key };
    expect((await fetch(`${web.origin}/api/clock`, { method: 'POST', headers: crossSite, body: '{"step":"week"}' })).status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(interactionsSent()).toBe(before);
    expect(session.clock.offsetMs).toBe(0);
    // The page itself (its origin and key) is served.
    const own = await fetch(`${web.origin}/api/clock`, { method: 'POST', headers: { 'content-type': 'application/json', origin: web.origin, 'x-playground-key': key }, body: '{"step":"hour"}' });
    expect(own.status).toBe(200);
    expect(session.clock.offsetMs).toBeGreaterThan(3_500_000);
  });

  it("the inner double takes a gateway socket only without a foreign Origin and only with the bot's token", async () => {
    expect(await gateway({ origin: 'http://evil.example' }, 'anything')).toEqual({ refused: 403, hello: false });
    expect(await gateway({}, 'a-guessed-token')).toEqual({ closed: 4004, hello: true });
    const rest = await fetch(`${session.doubleForTests.apiUrl}/v10/users/@me`, { headers: { authorization: 'Bot a-guessed-token' } });
    expect(rest.status).toBe(401);
    // The playground's own page may connect (it never does); with the bot's token it gets READY.
    expect(await gateway({ origin: web.origin }, session.doubleForTests.botToken ?? '')).toEqual({ closed: 0, hello: true });
    // The bot itself (no Origin, its token) is connected and served.
    expect(session.doubleForTests.gatewayConnected).toBe(true);
    expect((await fetch(`${session.doubleForTests.apiUrl}/v10/users/@me`, { headers: { authorization: `Bot ${session.doubleForTests.botToken ?? ''}` } })).status).toBe(200);
  });

  it('a foreign page in Chromium can neither drive the API nor open the gateway', async () => {
    const foreign: Server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>elsewhere</title>');
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', () => resolve()));
    const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${String((foreign.address() as AddressInfo).port)}/`);
      const before = { interactions: interactionsSent(), offset: session.clock.offsetMs, identifies: session.doubleForTests.identifies.length };
      const outcome = await page.evaluate(
        async ({ origin, gatewayUrl, body, leakedKey }) => {
          const statuses: string[] = [];
          for (const [path, payload] of [['/api/slash', body], ['/api/clock', '{"step":"week"}']] as const) {
            // A "simple" request: no preflight, the browser sends it and hides the answer.
            await fetch(`${origin}${path}`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: payload }).then(() => statuses.push('sent'), () => statuses.push('blocked'));
            // With a leaked key as a header the browser must ask first (CORS preflight), and the playground says no.
            await fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-playground-key': leakedKey }, body: payload }).then(() => statuses.push('read'), () => statuses.push('blocked'));
          }
          const socket = await new Promise<string>((resolve) => {
            const ws = new WebSocket(gatewayUrl);
            ws.onopen = () => resolve('open');
            ws.onerror = () => resolve('refused');
          });
          return { statuses, socket };
        },
        { origin: web.origin, gatewayUrl: session.doubleForTests.gatewayUrl, body: slash, leakedKey: key },
      );
      expect(outcome.socket).toBe('refused');
      expect(outcome.statuses).toEqual(['sent', 'blocked', 'sent', 'blocked']);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect({ interactions: interactionsSent(), offset: session.clock.offsetMs, identifies: session.doubleForTests.identifies.length }).toEqual(before);
    } finally {
      await browser.close();
      await new Promise<void>((resolve) => foreign.close(() => resolve()));
    }
  });
});
