import { Events, MessageFlags, type Client, type Interaction } from 'discord.js';
import { commandModules } from '../commands/index.js';
import type { AppContext } from './platform/app-context.js';
import type { CommandModule } from './platform/discord/command.js';
import { createClient } from './platform/discord/client.js';
import { monitorGateway, type GatewayMonitor } from './platform/discord/gateway-monitor.js';
import { guardInteractions } from './platform/discord/interaction-guard.js';
import { mentionEraser } from '../commands/participation/mention-eraser.js';
import { createPoster } from './platform/discord/poster.js';
import { CommandRegistry } from './platform/discord/registry.js';
import { createRouter, type RouterOptions } from './platform/discord/router.js';
import { systemClock, type Clock } from './platform/time/clock.js';
import type { Config } from './platform/config.js';
import { openDatabase, type DatabaseHandle } from './platform/db/connection.js';
import { createScheduleStore } from './platform/scheduler/sqlite-store.js';
import { scheduledJobs, type JobFactory } from '../commands/scheduled-jobs.js';
import { Scheduler, type SchedulerOptions } from './platform/scheduler/engine.js';
import { allCards } from './exercises/catalogue.js';
import { exportFolderFor, resetExportFolder } from './participation/export-folder.js';
import { programme } from './challenges/programme.js';
import { startHealthServer, type HealthReport, type HealthServer } from './platform/health.js';
import type { Logger } from './platform/logger.js';
import type { BackgroundService } from './platform/scheduler/contract.js';
import { assertTriageContent } from './symptom-check/content-check.js';
import { TRIAGE_CONTENT_VERSION } from './symptom-check/rules.js';

export const RESTARTING_TEXT = 'Pacer is restarting. Please try again in a moment.';

/**
 * The whole stop, at most: Docker gives 10 s between SIGTERM and SIGKILL. Each step gets its own limit and never
 * more than what is left of this budget, so a stuck service or interaction cannot push the stop past it.
 */
export const STOP_BUDGET_MS = 8_000;
/** How long a stop waits for interactions in progress and for background services (both at once). */
export const DRAIN_MS = 5_000;
/** The scheduler's grace for a post in progress; its stop (queue, then current run) fits in DRAIN_MS. */
const SCHEDULER_STOP_GRACE_MS = 2_000;
/** Closing the gateway connection. */
const DISCORD_CLOSE_MS = 1_500;

/** What a background service may use; it is built once the client is ready. */
export interface ServiceDeps {
  client: Client<true>;
  context: AppContext;
}

export type ServiceFactory = (deps: ServiceDeps) => BackgroundService;


export interface StartOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** The command modules to serve; the full set from commands/index.ts unless a test narrows it. */
  commands?: readonly CommandModule[];
  /** More background services, after the scheduler: started in order after ready, stopped before the client goes. */
  services?: readonly ServiceFactory[];
  router?: RouterOptions;
  readyTimeoutMs?: number;
  /** The scheduled jobs (commands/scheduled-jobs.ts unless a test narrows or extends it). */
  jobs?: readonly JobFactory[];
  /** Pacing, retry delays and heartbeat of the scheduler (tests). */
  scheduler?: Pick<SchedulerOptions, 'pacing' | 'retryDelaysMs' | 'stopGraceMs' | 'tickExpression'>;
  drainMs?: number;
  stopBudgetMs?: number;
}

export interface RunningApp {
  client: Client;
  database: DatabaseHandle;
  context: AppContext;
  /** The scheduler (tests and the playground call `runDue()` to run what is due at the clock's now). */
  scheduler: Scheduler;
  gateway: GatewayMonitor;
  health: HealthServer | undefined;
  /** Interactions being handled right now. */
  inFlight(): number;
  /**
   * Stops taking work (late arrivals get a private "restarting"), stops background services while in-flight
   * interactions finish (at most `drainMs`), then closes Discord, the health endpoint and the database.
   */
  stop(): Promise<void>;
}

/** One step of the stop sequence; steps run in order, each bounded by its own time limit. */
interface StopStep {
  name: string;
  /** `limitMs`: how long this step may take. */
  run(limitMs: number): Promise<void> | void;
  timeoutMs?: number;
}

export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const cards = allCards(); // validates the catalogue once, on first use
  assertTriageContent();
  programme(); // validates the strength programme against the catalogue
  logger.info({ exerciseCards: cards.length, triageContent: TRIAGE_CONTENT_VERSION }, 'content checked');
  const database = openDatabase(config.databasePath);
  logger.info({ databasePath: config.databasePath }, 'database ready, migrations applied');
  const exportLeftovers = resetExportFolder(exportFolderFor(config.databasePath));
  if (exportLeftovers > 0) logger.info({ removed: exportLeftovers }, 'export files left by an earlier run removed');

  const context: AppContext = { config, db: database.db, logger, clock: options.clock ?? systemClock };
  const registry = new CommandRegistry(options.commands ?? commandModules);
  const route = createRouter(registry, context, options.router);
  const client = createClient(config.apiUrl);
  guardInteractions(client, { logger });

  const poster = createPoster(client.rest);
  context.poster = poster;
  const scheduler = new Scheduler({
    stopGraceMs: SCHEDULER_STOP_GRACE_MS,
    ...options.scheduler,
    store: createScheduleStore(database),
    poster,
    clock: context.clock,
    logger,
    jobs: (options.jobs ?? scheduledJobs).map((createJob) => createJob(context)),
  });
  const gateway = monitorGateway(client, logger);
  const startedAt = Date.now();

  const inFlight = new Set<Promise<void>>();
  let accepting = true;
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (!accepting) {
      track(answerRestarting(interaction, logger));
      return;
    }
    track(route(interaction).catch((error: unknown) => logger.error({ err: error }, 'router failed')));
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));

  let health: HealthServer | undefined;
  const services: BackgroundService[] = [];
  const serviceFactories: ServiceFactory[] = [() => scheduler, (deps) => mentionEraser(deps.client.rest, deps.context), ...(options.services ?? [])];
  try {
    await loginAndWaitUntilReady(client, config.token, options.readyTimeoutMs ?? 30_000);
    if (config.health) {
      const report = (): HealthReport => {
        const away = gateway.awayMs();
        const databaseOk = database.healthy();
        return {
          ok: gateway.state === 'ready' && databaseOk && accepting,
          gateway: gateway.state,
          ...(away === null ? {} : { gatewayAwaySeconds: Math.round(away / 1000) }),
          database: databaseOk ? 'ok' : 'unavailable',
          stopping: !accepting,
          uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        };
      };
      health = await startHealthServer(config.health.host, config.health.port, report);
      logger.info({ host: config.health.host, port: health.port }, 'health endpoint listening on /health');
    }
    for (const factory of serviceFactories) {
      const service = factory({ client: client as Client<true>, context });
      await service.start();
      services.push(service);
      logger.info({ service: service.name }, 'background service started');
    }
  } catch (error) {
    for (const service of services.reverse()) await service.stop().catch(() => undefined);
    await health?.close();
    await client.destroy();
    database.close();
    throw error;
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, commands: registry.definitions().length }, 'Pacer is ready');

  const drainMs = options.drainMs ?? DRAIN_MS;
  const stopBudgetMs = options.stopBudgetMs ?? STOP_BUDGET_MS;
  const drain = async (limitMs: number) => {
    const deadline = Date.now() + limitMs;
    while (inFlight.size > 0 && Date.now() < deadline) {
      await Promise.race([Promise.allSettled([...inFlight]), delay(deadline - Date.now())]);
    }
    if (inFlight.size > 0) logger.warn({ unfinished: inFlight.size }, 'stopped waiting for interactions in progress');
  };
  /** Every service is asked at once (last started first); a service that does not finish in time is logged. */
  const stopServices = async (limitMs: number) => {
    const stopping = [...services].reverse().map(async (service) => {
      const outcome = await Promise.race([
        service.stop().then(
          () => 'stopped' as const,
          (error: unknown) => {
            logger.error({ err: error, service: service.name }, 'a background service failed to stop');
            return 'failed' as const;
          },
        ),
        delay(limitMs).then(() => 'late' as const),
      ]);
      if (outcome === 'late') logger.warn({ step: `service ${service.name}`, ms: limitMs }, 'a background service did not stop in time; moving on');
    });
    await Promise.all(stopping);
  };

  const stopSequence: StopStep[] = [
    {
      name: 'refuse new work',
      run: () => {
        accepting = false;
        logger.info({ inFlight: inFlight.size }, 'shutting down');
      },
    },
    {
      name: 'background services and interactions in progress',
      run: async (limitMs) => void (await Promise.all([stopServices(limitMs), drain(limitMs)])),
      timeoutMs: drainMs,
    },
    {
      name: 'discord',
      run: async () => {
        gateway.stopped();
        await client.destroy();
      },
      timeoutMs: DISCORD_CLOSE_MS,
    },
    { name: 'health endpoint', run: () => health?.close(), timeoutMs: 500 },
    { name: 'database', run: () => database.close() },
  ];

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      const started = Date.now();
      const deadline = started + stopBudgetMs;
      for (const step of stopSequence) {
        try {
          const limitMs = Math.max(100, Math.min(step.timeoutMs ?? Infinity, deadline - Date.now()));
          const done = Promise.resolve(step.run(limitMs));
          if (step.timeoutMs === undefined) await done;
          else if ((await Promise.race([done.then(() => 'done' as const), delay(limitMs + 50).then(() => 'late' as const)])) === 'late') {
            logger.warn({ step: step.name, ms: limitMs }, 'a stop step took too long; moving on');
          }
        } catch (error) {
          logger.error({ err: error, step: step.name }, 'a stop step failed; moving on');
        }
      }
      logger.info({ ms: Date.now() - started }, 'stopped');
    })());

  return { client, database, context, scheduler, gateway, health, inFlight: () => inFlight.size, stop };
}

/** While stopping: a short private answer instead of silence (autocomplete gets no suggestions). */
async function answerRestarting(interaction: Interaction, logger: Logger): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isRepliable()) {
      await interaction.reply({ content: RESTARTING_TEXT, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    }
    logger.info({ kind: interaction.isAutocomplete() ? 'autocomplete' : 'late', outcome: 'restarting' }, 'interaction');
  } catch (error) {
    logger.warn({ errorName: error instanceof Error ? error.name : undefined }, 'could not send the restarting answer');
  }
}

async function loginAndWaitUntilReady(client: Client, token: string, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Discord did not report ready within ${timeoutMs / 1000} s.`)), timeoutMs);
    client.once(Events.ClientReady, () => resolve());
  });
  ready.catch(() => undefined); // a failed login below is the error that matters
  try {
    await client.login(token);
    await ready;
  } finally {
    clearTimeout(timer);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)).unref());
}
