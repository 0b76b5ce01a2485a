/**
 * Starts the real Pacer entry point against a fresh Discord double, on a fresh SQLite file. Interactions reach it
 * over the gateway, or over HTTP (signed POSTs to its Interactions Endpoint) with `interactions: 'http'` or, for
 * the whole suite, PACER_TEST_INTERACTIONS=http.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { RunningApp } from '../../src/app.js';
import { commandDefinitions } from '../../commands/index.js';
import { runDeploy } from '../../src/platform/discord/deploy.js';
import { main, type MainOptions } from '../../src/main.js';
import { FIXTURE, startDiscordDouble, type DiscordDouble, type DiscordDoubleOptions } from '@pacer/discord-double';

/** `http-only`: interactions over HTTP and no gateway connection at all (PACER_GATEWAY=off). */
export type InteractionMode = 'gateway' | 'http' | 'http-only';
const MODES: readonly string[] = ['gateway', 'http', 'http-only'];

/** The mode the suite runs in: PACER_TEST_INTERACTIONS=http (or http-only) sends every e2e test's interactions over HTTP. */
export function suiteInteractionMode(): InteractionMode {
  const wanted = process.env.PACER_TEST_INTERACTIONS ?? 'gateway';
  if (!MODES.includes(wanted)) throw new Error(`PACER_TEST_INTERACTIONS must be one of ${MODES.join(', ')}, not ${wanted}`);
  return wanted as InteractionMode;
}

export interface Pacer {
  double: DiscordDouble;
  interactions: InteractionMode;
  app: RunningApp;
  env: NodeJS.ProcessEnv;
  databasePath: string;
  /** Every log line written so far, as text. */
  logs(): string;
  /** Restart the bot process on the same database file and double. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartPacerOptions {
  double?: DiscordDoubleOptions;
  env?: NodeJS.ProcessEnv;
  /** Injected clock, job list or scheduler pacing for the app under test. */
  app?: MainOptions['app'];
  /** How interactions reach Pacer (default: the suite's mode, see suiteInteractionMode). */
  interactions?: InteractionMode;
}

export async function startPacer(options: StartPacerOptions = {}): Promise<Pacer> {
  const interactions = options.interactions ?? suiteInteractionMode();
  const double = await startDiscordDouble(options.double);
  const dir = mkdtempSync(join(tmpdir(), 'pacer-e2e-'));
  const databasePath = join(dir, 'pacer.sqlite');
  const env: NodeJS.ProcessEnv = {
    DISCORD_TOKEN: 'fake-token-for-tests',
    DISCORD_API_URL: double.apiUrl,
    DISCORD_GUILD_ID: FIXTURE.guildId,
    DATABASE_PATH: databasePath,
    LOG_LEVEL: 'debug',
    ...(interactions !== 'gateway' ? { PACER_INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: double.publicKey, PACER_HTTP_PORT: '0', PACER_HTTP_HOST: '127.0.0.1' } : {}),
    ...(interactions === 'http-only' ? { PACER_GATEWAY: 'off' } : {}),
    ...options.env,
  };
  const deployErrors: string[] = [];
  const deployed = await runDeploy(env, commandDefinitions(), () => undefined, (line) => deployErrors.push(line));
  if (deployed !== 0) throw new Error(`deploy failed: ${deployErrors.join('\n')}`);

  let logText = '';
  const start = async () => {
    const logDestination = new PassThrough();
    logDestination.on('data', (chunk: Buffer) => (logText += chunk.toString('utf8')));
    const app = await main(env, { logDestination, app: options.app });
    if (typeof app === 'number') throw new Error(`Pacer exited with ${app}`);
    const port = app.interactionsPort();
    if (port !== undefined) await double.setInteractionsEndpoint(`http://127.0.0.1:${port}/interactions`);
    return app;
  };

  const pacer: Pacer = {
    double,
    interactions,
    app: await start(),
    env,
    databasePath,
    logs: () => logText,
    restart: async () => {
      await pacer.app.stop();
      pacer.app = await start();
    },
    stop: async () => {
      await pacer.app.stop();
      await double.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return pacer;
}
