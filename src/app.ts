import { Events, type Client, type Interaction } from 'discord.js';
import { commandModules } from '../commands/index.js';
import type { AppContext } from './app-context.js';
import type { CommandModule } from './bot/command.js';
import { createClient } from './bot/client.js';
import { createPoster } from './bot/poster.js';
import { CommandRegistry } from './bot/registry.js';
import { createRouter, type RouterOptions } from './bot/router.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/connection.js';
import { createScheduleStore } from './db/schedule-store.js';
import { scheduledJobs, type JobFactory } from './scheduled-jobs.js';
import type { BackgroundService } from './scheduler/contract.js';
import { Scheduler, type SchedulerOptions } from './scheduler/engine.js';
import { allCards } from './exercises/catalogue.js';
import type { Logger } from './logger.js';
import { assertTriageContent } from './triage/content-check.js';
import { TRIAGE_CONTENT_VERSION } from './triage/rules.js';

export interface StartOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** The command modules to serve; the full set from commands/index.ts unless a test narrows it. */
  commands?: readonly CommandModule[];
  router?: RouterOptions;
  readyTimeoutMs?: number;
  /** The scheduled jobs (src/scheduled-jobs.ts unless a test narrows or extends it). */
  jobs?: readonly JobFactory[];
  /** Pacing, retry delays and heartbeat of the scheduler (tests). */
  scheduler?: Pick<SchedulerOptions, 'pacing' | 'retryDelaysMs' | 'stopGraceMs' | 'tickExpression'>;
}

export interface RunningApp {
  client: Client;
  database: DatabaseHandle;
  context: AppContext;
  /** The scheduler (tests and the playground call `runDue()` to run what is due at the clock's now). */
  scheduler: Scheduler;
  /** Stops taking work, lets in-flight interactions finish, then closes Discord and the database. */
  stop(): Promise<void>;
}

export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const cards = allCards(); // validates the catalogue once, on first use
  assertTriageContent();
  logger.info({ exerciseCards: cards.length, triageContent: TRIAGE_CONTENT_VERSION }, 'content checked');
  const database = openDatabase(config.databasePath);
  logger.info({ databasePath: config.databasePath }, 'database ready, migrations applied');

  const context: AppContext = { config, db: database.db, logger, clock: options.clock ?? systemClock };
  const registry = new CommandRegistry(options.commands ?? commandModules);
  const route = createRouter(registry, context, options.router);
  const client = createClient(config.apiUrl);

  // ---- background services: start after ready, stop before the client is destroyed and the database closed
  const poster = createPoster(client.rest);
  context.poster = poster;
  const scheduler = new Scheduler({
    ...options.scheduler,
    store: createScheduleStore(database),
    poster,
    clock: context.clock,
    logger,
    jobs: (options.jobs ?? scheduledJobs).map((createJob) => createJob(context)),
  });
  const services: BackgroundService[] = [scheduler];
  // ----

  const inFlight = new Set<Promise<void>>();
  let accepting = true;
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (!accepting) return;
    const work = route(interaction).catch((error: unknown) => logger.error({ err: error }, 'router failed'));
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway session resumed'));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ shardId, code: event.code }, 'gateway disconnected'));

  try {
    await loginAndWaitUntilReady(client, config.token, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    await client.destroy();
    database.close();
    throw error;
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, commands: registry.definitions().length }, 'Pacer is ready');
  for (const service of services) await service.start();

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      accepting = false;
      logger.info({ inFlight: inFlight.size }, 'shutting down');
      const servicesStopped = Promise.allSettled(services.map((service) => service.stop()));
      await Promise.race([Promise.allSettled([...inFlight, servicesStopped]), delay(10_000)]);
      await client.destroy();
      database.close();
      logger.info('stopped');
    })());

  return { client, database, context, scheduler, stop };
}

async function loginAndWaitUntilReady(client: Client, token: string, timeoutMs: number): Promise<void> {
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Discord did not report ready within ${timeoutMs / 1000} s.`)), timeoutMs);
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  await client.login(token);
  await ready;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
