import { pathToFileURL } from 'node:url';
import { startApp, type RunningApp, type StartOptions } from './app.js';
import { ConfigError, loadDotEnv, parseConfig } from './platform/config.js';
import { createLogger } from './platform/logger.js';
import { StartupError } from './platform/startup-error.js';
import { stopSignalHandler } from './platform/stop-signals.js';

export interface MainOptions {
  /** Where log lines go (stdout unless a test captures them). */
  logDestination?: NodeJS.WritableStream;
  /** Test hooks passed to startApp: an injected clock, a narrower or extended job list, scheduler pacing. */
  app?: Pick<StartOptions, 'clock' | 'jobs' | 'scheduler' | 'commands'>;
}

/** The bot's entry point, as run by `npm start`: the running app, or the exit code it would like. */
export async function main(env: NodeJS.ProcessEnv = process.env, options: MainOptions = {}): Promise<RunningApp | number> {
  let config;
  try {
    config = parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, options.logDestination, config.logFormat);
  try {
    return await startApp({ ...options.app, config, logger });
  } catch (error) {
    if (error instanceof StartupError) {
      console.error(`Pacer could not start: ${error.message}`);
      return 1;
    }
    const explained = explainStartFailure(error);
    // A cause the operator can fix gets one human line; only the unexpected is logged with its stack.
    if (explained === null) logger.fatal({ err: error }, 'could not start');
    console.error(`Pacer could not start: ${explained ?? (error instanceof Error ? error.message : String(error))}`);
    return 1;
  }
}

/** One line an operator can act on, or null for a failure Pacer does not recognise (a bug: logged with its stack). */
export function explainStartFailure(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const status = (error as { status?: unknown } | null)?.status;
  const name = error instanceof Error ? error.name : '';
  if (code === 'TokenInvalid' || status === 401 || /invalid token|4004|Authentication failed/i.test(message)) {
    return 'Discord refused DISCORD_TOKEN. Copy a fresh token from the Bot page of your Discord application into .env.';
  }
  if (code === 'DisallowedIntents') return 'Discord refused the gateway intents Pacer asked for.';
  if (/SQLITE|database/i.test(message)) return `the database could not be opened (${message}). Check DATABASE_PATH.`;
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|fetch failed/i.test(message)) {
    return `Discord could not be reached (${message}). Check the network, or DISCORD_API_URL if you set it.`;
  }
  if (name === 'AbortError' || name === 'TimeoutError' || /did not report ready|aborted/i.test(message)) {
    return `Discord did not answer in time (${message}). Check the network, or DISCORD_API_URL if you set it.`;
  }
  if (typeof status === 'number') {
    const route = (error as { url?: unknown }).url;
    return `DISCORD_API_URL answered, but not as Discord's API does (HTTP ${status}${typeof route === 'string' ? ` for ${new URL(route).pathname}` : ''}). Check DISCORD_API_URL, or remove it to use Discord itself.`;
  }
  return null;
}

function isEntryPoint(): boolean {
  return process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
}

if (isEntryPoint()) {
  loadDotEnv();
  const outcome = await main();
  if (typeof outcome === 'number') {
    process.exit(outcome);
  } else {
    const shutdown = stopSignalHandler({ stop: () => outcome.stop(), exit: (code) => process.exit(code), say: (line) => console.error(line) });
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
  }
}
