/**
 * compose.yaml's topology without Docker, on loopback: one PostgreSQL database, the Discord double, three real
 * Pacer processes answering commands over HTTP, and a small round-robin proxy in front of them standing in for
 * Caddy (it skips a process that refuses the connection, as `lb_try_duration` does). Started in compose's order:
 * the first process (which migrates) is healthy before the other two start.
 *
 * What an operator would notice: every process answers /health; commands through the proxy are answered by all
 * three, and what one process saved another reads; exactly one process leads the sender; when it is killed
 * (SIGKILL) another leads within 10 s, and commands through the proxy keep being answered.
 */
import { createServer as createHttpServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIXTURE, startDiscordDouble, type ApiMessage, type DiscordDouble, type InteractionHandle } from '@pacer/discord-double';
import { commandDefinitions } from '../../commands/index.js';
import { runDeploy } from '../../src/platform/discord/deploy.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { freePort, healthOf, killAll, ledAt, startPacerProcess, type PacerProcess } from '../support/pacer-processes.js';

const PROCESSES = 3;
const MOD = FIXTURE.users.moderator;

interface Proxy {
  url: string;
  /** 2xx answers per backend, by index. */
  answered: number[];
  /** Connections refused per backend, by index. */
  refused: number[];
  /** Which backend answered each interaction, by interaction id. */
  servedBy: Map<string, number>;
  close(): Promise<void>;
}

/** Round-robin over the backends for POST /interactions; a backend that refuses the connection is skipped. */
async function startProxy(ports: number[]): Promise<Proxy> {
  const answered = ports.map(() => 0);
  const refused = ports.map(() => 0);
  const servedBy = new Map<string, number>();
  let next = 0;

  const forward = (index: number, req: IncomingMessage, body: Buffer) =>
    new Promise<IncomingMessage>((done, fail) => {
      const headers = { ...req.headers, host: `127.0.0.1:${ports[index]}`, 'content-length': String(body.length) };
      const out = request({ host: '127.0.0.1', port: ports[index], method: 'POST', path: '/interactions', headers }, done);
      out.once('error', fail);
      out.end(body);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || req.url !== '/interactions') {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const start = next;
    next = (next + 1) % ports.length;
    for (let tried = 0; tried < ports.length; tried++) {
      const index = (start + tried) % ports.length;
      let reply: IncomingMessage;
      try {
        reply = await forward(index, req, body);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') {
          refused[index]! += 1;
          continue;
        }
        throw error;
      }
      const replyChunks: Buffer[] = [];
      for await (const chunk of reply) replyChunks.push(chunk as Buffer);
      const status = reply.statusCode ?? 502;
      if (status >= 200 && status < 300) {
        answered[index]! += 1;
        const id = (JSON.parse(body.toString()) as { id?: unknown }).id;
        if (typeof id === 'string') servedBy.set(id, index);
      }
      res.writeHead(status, reply.headers).end(Buffer.concat(replyChunks));
      return;
    }
    res.writeHead(502).end();
  };

  const server: Server = createHttpServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/interactions`,
    answered,
    refused,
    servedBy,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

type Json = Record<string, unknown>;
const text = (message: ApiMessage) => [message.content, ...message.embeds.flatMap((e: Json) => [e.title, e.description, ...((e.fields as Json[] | undefined) ?? []).flatMap((f) => [f.name, f.value])])].join('\n');

describe("compose.yaml's topology: three Pacer processes behind a round-robin proxy, on one PostgreSQL", () => {
  let database: TestDatabase;
  let double: DiscordDouble;
  let proxy: Proxy;
  const pacers: PacerProcess[] = [];

  /** A command through the proxy: its private reply's text, and which process answered it. */
  const command = async (handle: InteractionHandle) => {
    const reply = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    // As compose.yaml runs Pacer: the first answer is the HTTP response's body.
    expect((await handle.delivered()).status).toBe(200);
    return { text: text(reply), by: proxy.servedBy.get(handle.id) };
  };
  const showExercise = () => command(double.runSlash('exercise', { subcommand: 'show', options: { name: 'glute-bridge' } }));

  beforeAll(async () => {
    database = await createTestDatabase();
    double = await startDiscordDouble();
    const ports = await Promise.all(Array.from({ length: PROCESSES }, () => freePort()));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      DISCORD_TOKEN: 'fake-token-for-topology-test',
      DISCORD_API_URL: double.apiUrl,
      DISCORD_GUILD_ID: FIXTURE.guildId,
      DATABASE_URL: database.url,
      PACER_INTERACTIONS: 'http',
      PACER_GATEWAY: 'off',
      PACER_HTTP_ANSWER: 'response',
      DISCORD_PUBLIC_KEY: double.publicKey,
      PACER_HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    };
    const deployErrors: string[] = [];
    expect(await runDeploy(env, commandDefinitions(), () => undefined, (line) => deployErrors.push(line)), deployErrors.join('\n')).toBe(0);

    // As compose starts them: pacer-1 (which migrates) healthy first, then pacer-2 and pacer-3.
    pacers.push(startPacerProcess('pacer-1', ports[0]!, env));
    await vi.waitFor(async () => expect(await healthOf(pacers[0]!), pacers[0]!.output().slice(-2000)).toBe(200), { timeout: 60_000, interval: 250 });
    pacers.push(startPacerProcess('pacer-2', ports[1]!, env), startPacerProcess('pacer-3', ports[2]!, env));
    proxy = await startProxy(ports);
  }, 150_000);

  afterAll(async () => {
    await killAll(pacers);
    await proxy?.close();
    await double?.close();
    await database?.drop();
  }, 30_000);

  it('every process answers /health with 200', async () => {
    for (const pacer of pacers) await vi.waitFor(async () => expect(await healthOf(pacer), `${pacer.name}: ${pacer.output().slice(-2000)}`).toBe(200), { timeout: 60_000, interval: 250 });
    // Discord accepts the proxy's URL only after it answers PING (through one of the three) and refuses a bad signature.
    await double.setInteractionsEndpoint(proxy.url);
    expect(double.interactionsEndpointUrl).toBe(proxy.url);
  }, 130_000);

  it('answers commands through the proxy from all three processes, and what one saves another reads', async () => {
    for (let i = 0; i < 6; i++) expect((await showExercise()).text).toMatch(/Glute bridge/i);
    expect(proxy.answered.every((count) => count >= 2)).toBe(true);

    const setup = await command(double.runSlash('club', { subcommand: 'setup', options: { channel: FIXTURE.channels.announcements, timezone: 'Europe/Paris', day: 'thursday', time: '19:15' }, user: MOD, bypassPermissionGate: true }));
    expect(setup.text).toMatch(/Saved/);
    const readers = [];
    for (let i = 0; i < 2; i++) {
      const settings = await command(double.runSlash('club', { subcommand: 'settings', user: MOD, bypassPermissionGate: true }));
      expect(settings.text).toMatch(/Europe\/Paris/);
      expect(settings.text).toMatch(/Thursday/i);
      expect(settings.text).toMatch(/19:15/);
      readers.push(settings.by);
    }
    // Round robin: the two reads were answered by the two processes that did not save the settings.
    expect(new Set([setup.by, ...readers]).size).toBe(PROCESSES);
  }, 60_000);

  it('exactly one process leads the sender; killed, another leads within 10 s and commands are still answered', async () => {
    await expect.poll(() => pacers.filter((pacer) => ledAt(pacer) !== undefined).length, { timeout: 20_000, interval: 100 }).toBe(1);
    await new Promise((done) => setTimeout(done, 4_000)); // more than a standby's 3 s between asks: still one
    const leaders = pacers.filter((pacer) => ledAt(pacer) !== undefined);
    expect(leaders).toHaveLength(1);
    const leader = leaders[0]!;
    const survivors = pacers.filter((pacer) => pacer !== leader);

    leader.child.kill('SIGKILL');
    const killedAt = Date.now();
    await leader.exited;
    await expect.poll(() => survivors.filter((pacer) => ledAt(pacer) !== undefined).length, { timeout: 10_000, interval: 50 }).toBe(1);
    const failoverMs = Math.min(...survivors.map((pacer) => ledAt(pacer) ?? Infinity)) - killedAt;
    expect(failoverMs).toBeLessThan(10_000);

    const before = [...proxy.answered];
    const deadIndex = pacers.indexOf(leader);
    for (let i = 0; i < 6; i++) {
      const answer = await showExercise();
      expect(answer.text).toMatch(/Glute bridge/i);
      expect(answer.by).not.toBe(deadIndex);
    }
    expect(proxy.refused[deadIndex]).toBeGreaterThanOrEqual(1); // the proxy tried it, was refused, and moved on
    expect(proxy.answered[deadIndex]).toBe(before[deadIndex]);
    for (const survivor of survivors) expect(await healthOf(survivor)).toBe(200);
    await new Promise((done) => setTimeout(done, 4_000));
    expect(survivors.filter((pacer) => ledAt(pacer) !== undefined)).toHaveLength(1);

    console.log(`topology: failover ${failoverMs} ms (${leader.name} killed); 2xx per process ${pacers.map((pacer, i) => `${pacer.name}=${proxy.answered[i]}`).join(' ')}; refused by the dead one ${proxy.refused[deadIndex]}`);
  }, 60_000);
});
