/** The Interactions Endpoint URL: Discord's check before saving it, and signed delivery instead of the gateway. */
import { createPublicKey, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallbackType, type DiscordDouble, EndpointRefused, FIXTURE, startDiscordDouble } from '../src/index.js';

interface Received {
  body: string;
  signature: string | undefined;
  timestamp: string | undefined;
}

type Answer = (received: Received, response: ServerResponse) => void | Promise<void>;

/** A stand-in app endpoint: records what it receives and answers with `answer`. */
async function startEndpoint(answer: Answer): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const got = {
        body: Buffer.concat(chunks).toString('utf8'),
        signature: request.headers['x-signature-ed25519'] as string | undefined,
        timestamp: request.headers['x-signature-timestamp'] as string | undefined,
      };
      received.push(got);
      void answer(got, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/interactions`,
    received,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const json = (response: ServerResponse, status: number, body?: unknown) => {
  response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' }).end(body === undefined ? undefined : JSON.stringify(body));
};

function signedByDouble(double: DiscordDouble, got: Received): boolean {
  if (!got.signature || !got.timestamp) return false;
  const key = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(double.publicKey, 'hex')]), format: 'der', type: 'spki' });
  return verify(null, Buffer.from(got.timestamp + got.body), key, Buffer.from(got.signature, 'hex'));
}

/** A well-behaved app: PONG to signed PINGs, 401 to anything else unsigned, then `onInteraction`. */
function honestApp(double: () => DiscordDouble, onInteraction: Answer): Answer {
  return (got, response) => {
    if (!signedByDouble(double(), got)) return json(response, 401);
    if ((JSON.parse(got.body) as { type: number }).type === 1) return json(response, 200, { type: 1 });
    return onInteraction(got, response);
  };
}

describe('Interactions Endpoint URL', () => {
  let double: DiscordDouble;
  const endpoints: Array<{ close(): Promise<void> }> = [];

  beforeEach(async () => {
    double = await startDiscordDouble();
    const put = await fetch(`${double.apiUrl}/v10/applications/${FIXTURE.applicationId}/guilds/${FIXTURE.guildId}/commands`, {
      method: 'PUT',
      headers: { authorization: 'Bot test-token', 'content-type': 'application/json' },
      body: JSON.stringify([{ name: 'ping', description: 'Ping' }]),
    });
    expect(put.status).toBe(200);
  });
  afterEach(async () => {
    await Promise.all(endpoints.splice(0).map((endpoint) => endpoint.close()));
    await double.close();
  });

  async function endpoint(answer: Answer) {
    const started = await startEndpoint(answer);
    endpoints.push(started);
    return started;
  }

  it('has an Ed25519 public key, shown as verify_key like the portal shows it', async () => {
    expect(double.publicKey).toMatch(/^[0-9a-f]{64}$/);
    const app = (await (await fetch(`${double.apiUrl}/v10/applications/@me`, { headers: { authorization: 'Bot t' } })).json()) as { verify_key: string };
    expect(app.verify_key).toBe(double.publicKey);
  });

  it('refuses a URL that does not answer PING with PONG', async () => {
    const app = await endpoint((_got, response) => json(response, 200, { type: 4, data: { content: 'hello' } }));
    await expect(double.setInteractionsEndpoint(app.url)).rejects.toThrow(EndpointRefused);
    await expect(double.setInteractionsEndpoint(app.url)).rejects.toThrow(/not a PONG/);
    expect(double.interactionsEndpointUrl).toBeUndefined();
  });

  it('refuses a URL that accepts a bad signature (it must answer 401)', async () => {
    const careless = await endpoint((_got, response) => json(response, 200, { type: 1 }));
    await expect(double.setInteractionsEndpoint(careless.url)).rejects.toThrow(/bad signature got HTTP 200, not 401/);
    expect(double.interactionsEndpointUrl).toBeUndefined();
  });

  it('refuses a URL nobody answers', async () => {
    const gone = await endpoint((_got, response) => json(response, 200, { type: 1 }));
    await gone.close();
    await expect(double.setInteractionsEndpoint(gone.url)).rejects.toThrow(EndpointRefused);
  });

  it('POSTs each interaction there, signed, instead of using the gateway, and takes the answer in the HTTP body', async () => {
    const app = await endpoint(honestApp(() => double, (_got, response) => json(response, 200, { type: CallbackType.ChannelMessageWithSource, data: { content: 'pong!' } })));
    await double.setInteractionsEndpoint(app.url);
    expect(app.received).toHaveLength(2); // the signed PING and the forged one
    expect(signedByDouble(double, app.received[1]!)).toBe(false);

    // No gateway session exists: in gateway mode this would throw ActorError.
    const handle = double.runSlash('ping');
    expect((await handle.reply()).content).toBe('pong!');
    expect((await handle.delivered()).status).toBe(200);
    const delivered = app.received[2]!;
    expect(signedByDouble(double, delivered)).toBe(true);
    expect(JSON.parse(delivered.body)).toMatchObject({ id: handle.id, token: handle.token, type: 2, data: { name: 'ping' } });
    expect(Math.abs(Number(delivered.timestamp) - Date.now() / 1000)).toBeLessThan(5);
  });

  it('takes a callback over REST with a 202 and no body, as Discord asks', async () => {
    const app = await endpoint(
      honestApp(() => double, async (got, response) => {
        const { id, token } = JSON.parse(got.body) as { id: string; token: string };
        const callback = await fetch(`${double.apiUrl}/v10/interactions/${id}/${token}/callback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: CallbackType.DeferredChannelMessageWithSource, data: { flags: 64 } }),
        });
        json(response, callback.status === 204 ? 202 : 500);
      }),
    );
    await double.setInteractionsEndpoint(app.url);
    const handle = double.runSlash('ping');
    expect((await handle.response()).type).toBe(CallbackType.DeferredChannelMessageWithSource);
    expect((await handle.delivered()).status).toBe(202);
    expect(handle.isEphemeral()).toBe(true);
  });

  it('holds an answer in the HTTP body to the 3-second rule', async () => {
    await double.close();
    double = await startDiscordDouble({ interactionDeadlineMs: 100 });
    await fetch(`${double.apiUrl}/v10/applications/${FIXTURE.applicationId}/guilds/${FIXTURE.guildId}/commands`, {
      method: 'PUT',
      headers: { authorization: 'Bot test-token', 'content-type': 'application/json' },
      body: JSON.stringify([{ name: 'ping', description: 'Ping' }]),
    });
    const app = await endpoint(
      honestApp(() => double, (_got, response) => {
        setTimeout(() => json(response, 200, { type: CallbackType.ChannelMessageWithSource, data: { content: 'too late' } }), 250);
      }),
    );
    await double.setInteractionsEndpoint(app.url);
    const handle = double.runSlash('ping');
    expect((await handle.delivered()).inlineRefusal).toEqual({ status: 404, code: 10062 });
    expect(handle.callback).toBeUndefined();
  });

  it('records an endpoint that fails (no answer is taken) and can go back to the gateway', async () => {
    const app = await endpoint(honestApp(() => double, (_got, response) => json(response, 500)));
    await double.setInteractionsEndpoint(app.url);
    const handle = double.runSlash('ping');
    expect((await handle.delivered()).status).toBe(500);
    expect(handle.callback).toBeUndefined();
    await double.setInteractionsEndpoint(null);
    expect(() => double.runSlash('ping')).toThrow(/no gateway session/);
  });
});
