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
  app?: Pick<StartOptions, 'clock' | 'jobs' | 'scheduler'>;
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
    logger.fatal({ err: error }, 'could not start');
    console.error(`Pacer could not start: ${explainStartFailure(error)}`);
    return 1;
  }
}

function explainStartFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'TokenInvalid' || /invalid token|4004|Authentication failed/i.test(message)) {
    return 'Discord refused DISCORD_TOKEN. Copy a fresh token from the Bot page of your Discord application into .env.';
  }
  if (code === 'DisallowedIntents') return 'Discord refused the gateway intents Pacer asked for.';
  if (/SQLITE|database/i.test(message)) return `the database could not be opened (${message}). Check DATABASE_PATH.`;
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|fetch failed/i.test(message)) {
    return `Discord could not be reached (${message}). Check the network, or DISCORD_API_URL if you set it.`;
  }
  return message;
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
