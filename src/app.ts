import { Events, InteractionResponseType, MessageFlags, Routes, type Client, type Interaction, type RepliableInteraction } from 'discord.js';
import { commandModules, componentHandlers } from '../commands/index.js';
import type { AppContext } from './platform/app-context.js';
import type { AnyComponentHandler, CommandModule } from './platform/discord/command.js';
import { createClient } from './platform/discord/client.js';
import { monitorGateway, type GatewayMonitor } from './platform/discord/gateway-monitor.js';
import { deliverRawInteraction, guardInteractions } from './platform/discord/interaction-guard.js';
import { routeFirstAnswers, type FirstAnswers } from './platform/discord/first-answers.js';
import { startHttpInteractions, type HttpInteractions } from './platform/discord/http-interactions.js';
import { mentionEraser } from '../commands/participation/mention-eraser.js';
import { runEventRepair } from '../commands/runs/repeat-events.js';
import { rememberMemberName } from '../commands/participation/member-names.js';
import { createPoster } from './platform/discord/poster.js';
import { CommandRegistry } from './platform/discord/registry.js';
import { createRouter, errorText, newReference, type RouterOptions } from './platform/discord/router.js';
import { serverFacts } from './platform/discord/server-facts.js';
import { systemClock, type Clock } from './platform/time/clock.js';
import type { Config } from './platform/config.js';
import type { DatabaseHandle } from './platform/db/connection.js';
import { openStorage } from './platform/db/open-storage.js';
import { createScheduleStore } from './platform/scheduler/sqlite-store.js';
import { StartupError } from './platform/startup-error.js';
import { scheduledJobs, type JobFactory } from '../commands/scheduled-jobs.js';
import { Scheduler, type SchedulerOptions } from './platform/scheduler/engine.js';
import { allCards } from './exercises/catalogue.js';
import { exportFolderOf, resetExportFolder } from './participation/export-folder.js';
import { programme } from './challenges/programme.js';
import { CoalescedEdits } from './challenges/coalesced-edits.js';
import { startHealthServer, type HealthReport, type HealthServer } from './platform/health.js';
import type { Logger } from './platform/logger.js';
import { delay, Lifecycle, type Service } from './platform/lifecycle.js';
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
/** Live edits of one message (the weekly post's count): at most one per this interval, within Discord's limits. */
export const LIVE_EDIT_INTERVAL_MS = 5_000;

export interface StartOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** The command modules to serve; the full set from commands/index.ts unless a test narrows it. */
  commands?: readonly CommandModule[];
  /** The component families answered on their own (commands/index.ts unless a test narrows it). */
  components?: readonly AnyComponentHandler[];
  router?: RouterOptions;
  readyTimeoutMs?: number;
  /** The scheduled jobs (commands/scheduled-jobs.ts unless a test narrows or extends it). */
  jobs?: readonly JobFactory[];
  /** Pacing, retry delays and heartbeat of the scheduler (tests). */
  scheduler?: Pick<SchedulerOptions, 'pacing' | 'retryDelaysMs' | 'stopGraceMs' | 'tickExpression' | 'watchdogMs' | 'stepThresholdMs' | 'lateAfterMs'>;
  drainMs?: number;
  stopBudgetMs?: number;
}

export interface RunningApp {
  client: Client;
  /** The SQLite handle (SQLite mode only: tests and the playground read rows through it); throws on PostgreSQL. */
  readonly database: DatabaseHandle;
  context: AppContext;
  /** The scheduler (tests and the playground call `runDue()` to run what is due at the clock's now). */
  scheduler: Scheduler;
  gateway: GatewayMonitor;
  health: HealthServer | undefined;
  /** The Interactions Endpoint (PACER_INTERACTIONS=http): its port once listening; undefined in gateway mode. */
  interactionsPort(): number | undefined;
  /** Interactions being handled right now. */
  inFlight(): number;
  /**
   * Stops taking work (late arrivals get a private "restarting"), stops background services while in-flight
   * interactions finish (at most `drainMs`), then closes Discord, the health endpoint and the database.
   */
  stop(): Promise<void>;
}

export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const cards = allCards(); // validates the catalogue once, on first use
  assertTriageContent();
  programme(); // validates the strength programme against the catalogue
  logger.info({ exerciseCards: cards.length, triageContent: TRIAGE_CONTENT_VERSION }, 'content checked');

  const lifecycle = new Lifecycle(logger, options.stopBudgetMs ?? STOP_BUDGET_MS);
  const database = await openStorage(config);
  await lifecycle.start([{ name: 'database', start: () => undefined, stop: () => database.close() }]);
  logger.info(database.where, 'database ready, migrations applied');
  const exportLeftovers = resetExportFolder(exportFolderOf(config));
  if (exportLeftovers > 0) logger.info({ removed: exportLeftovers }, 'export files left by an earlier run removed');

  const client = createClient(config.apiUrl, config.shards);
  guardInteractions(client, { logger });
  const poster = createPoster(client.rest);
  const liveEdits = new CoalescedEdits({
    intervalMs: LIVE_EDIT_INTERVAL_MS,
    onError: (error) => logger.warn({ reason: error instanceof Error ? error.message : 'unknown' }, 'a live message edit failed'),
  });
  const { storage } = database;
  const context: AppContext = { config, storage, logger, clock: options.clock ?? systemClock, poster, liveEdits, discordRest: client.rest };
  const registry = new CommandRegistry(options.commands ?? commandModules, options.components ?? componentHandlers);
  const pg = storage.dialect === 'postgres' ? await loadPgScheduling() : undefined;
  const scheduleStore = storage.dialect === 'sqlite' ? createScheduleStore(storage) : pg!.createPgScheduleStore(storage);
  const jobs = (options.jobs ?? scheduledJobs).map((createJob) => createJob(context));
  const newScheduler = () => new Scheduler({ stopGraceMs: SCHEDULER_STOP_GRACE_MS, ...options.scheduler, store: scheduleStore, poster, clock: context.clock, logger, jobs });
  // On SQLite this one scheduler sends. On PostgreSQL it only serves post-now (claimed in the shared ledger, so
  // never doubled); the timetable is sent by whichever process holds the sender lock, with a scheduler of its own.
  const scheduler = newScheduler();
  let sending: Scheduler | undefined = storage.dialect === 'sqlite' ? scheduler : undefined;
  context.scheduler = scheduler;
  const gateway = monitorGateway(client, logger);
  const afterInteraction = (interaction: RepliableInteraction, app: AppContext) => {
    rememberMemberName(app.storage, interaction, app.clock.now()).catch((error: unknown) => app.logger.warn({ err: error }, 'an interaction observer failed'));
  };
  let pacerUserId: string | undefined;
  const servers = serverFacts(client.rest, () => client.user?.id ?? pacerUserId);
  let firstAnswers: FirstAnswers | undefined;
  const intake = new Intake(logger, createRouter(registry, context, { afterInteraction, servers, ...options.router }), (id) => firstAnswers?.handlerDone(id));
  client.on(Events.InteractionCreate, (interaction: Interaction) => intake.take(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));

  const startedAt = Date.now();
  const report = (): HealthReport => {
    const away = gateway.awayMs();
    const databaseOk = database.healthyNow();
    const heartbeat = (sending ?? scheduler).health();
    return {
      ok: (!config.gateway || gateway.state === 'ready') && databaseOk && intake.accepting && !heartbeat.late,
      scheduler: heartbeat,
      gateway: config.gateway ? gateway.state : 'off',
      ...(away === null ? {} : { gatewayAwaySeconds: Math.round(away / 1000) }),
      database: databaseOk ? 'ok' : 'unavailable',
      stopping: !intake.accepting,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
  };
  let health: HealthServer | undefined;
  const healthService = (where: NonNullable<Config['health']>): Service => ({
    name: 'health endpoint',
    start: async () => {
      health = await startHealthServer(where.host, where.port, report);
      logger.info({ host: where.host, port: health.port }, 'health endpoint listening on /health');
    },
    stop: () => health?.close(),
    stopLimitMs: 500,
  });

  let httpIntake: HttpInteractions | undefined;
  const interactionsService = ((): Service => {
    const drain = { stopLimitMs: options.drainMs ?? DRAIN_MS };
    if (config.interactions.mode === 'gateway') {
      return { name: 'interactions', start: () => undefined, stop: (limitMs) => intake.close(limitMs), ...drain };
    }
    const where = config.interactions;
    firstAnswers = routeFirstAnswers(client.rest, where.firstAnswer, () => httpIntake, async (error, answerInstead) => {
      const reference = newReference();
      logger.error({ errorName: error instanceof Error ? error.name : undefined, reference }, 'Discord refused a first answer; a private apology goes instead');
      await answerInstead({ type: InteractionResponseType.ChannelMessageWithSource, data: { content: errorText(reference), flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } } });
    });
    return {
      name: 'interactions over HTTP',
      start: async () => {
        httpIntake = await startHttpInteractions({ ...where, logger, health: report, deliver: (payload) => deliverRawInteraction(client, payload) });
        logger.info({ host: where.host, port: httpIntake.port }, 'interactions endpoint listening');
      },
      // Requests already in progress (and any on open connections) still get their answer, "restarting" if late.
      stop: async (limitMs) => {
        await Promise.all([intake.close(limitMs), httpIntake?.close(limitMs)]);
      },
      ...drain,
    };
  })();

  await lifecycle.start([
    {
      name: 'discord',
      start: async () => {
        if (config.gateway) return loginAndWaitUntilReady(client, config.token, options.readyTimeoutMs ?? 30_000, config.shards);
        pacerUserId = await restOnly(client, config.token);
      },
      stop: async () => {
        gateway.stopped();
        await client.destroy();
      },
      stopLimitMs: DISCORD_CLOSE_MS,
    },
    ...(config.health ? [healthService(config.health)] : []),
    { name: 'live message edits', start: () => undefined, stop: () => liveEdits.flush(), stopLimitMs: DISCORD_CLOSE_MS },
    ...senders(),
    interactionsService,
  ]);
  const where = config.gateway ? { guilds: client.guilds.cache.size, shards: client.ws.shards.size } : { gateway: 'off' };
  logger.info({ user: client.user?.tag, ...where, commands: registry.definitions().length, interactions: config.interactions.mode }, 'Pacer is ready');

  return {
    client,
    get database(): DatabaseHandle {
      if (!database.sqlite) throw new Error('Pacer runs on PostgreSQL here: read through context.storage');
      return database.sqlite;
    },
    context,
    scheduler,
    gateway,
    health,
    interactionsPort: () => httpIntake?.port,
    inFlight: () => intake.inFlight,
    stop: () => lifecycle.stop(),
  };

  /**
   * What posts and edits on Pacer's own: the scheduler, the eraser of names in old posts, the repair of group runs'
   * Discord events. On PostgreSQL only the process holding the sender lock runs them (Discord's limits are per bot).
   */
  function senders(): Service[] {
    const schedulerStop = SCHEDULER_STOP_GRACE_MS + 500;
    if (storage.dialect === 'sqlite') {
      return [{ name: 'scheduler', start: () => scheduler.start(), stop: () => scheduler.stop(), stopLimitMs: schedulerStop }, mentionEraser(client.rest, context), runEventRepair(context)];
    }
    const leader = new pg!.SenderLeader({
      url: config.databaseUrl!,
      logger,
      makeSender: () => {
        const running = newScheduler();
        const others = [mentionEraser(client.rest, context), runEventRepair(context)];
        sending = running;
        return {
          name: 'sender',
          start: async () => {
            await running.start();
            for (const other of others) await other.start();
          },
          stop: async () => {
            await Promise.all([running.stop(), ...others.map((other) => other.stop(DRAIN_MS))]);
            if (sending === running) sending = undefined;
          },
        };
      },
    });
    return [{ name: 'sender leader', start: () => leader.start(), stop: () => leader.stop(), stopLimitMs: schedulerStop }];
  }
}

/**
 * Where interactions come in: each is routed and tracked until answered. Once closed, late arrivals get a short
 * private "restarting" answer instead of silence, and closing waits (within its limit) for those in progress.
 */
class Intake {
  accepting = true;
  private readonly work = new Set<Promise<void>>();

  constructor(
    private readonly logger: Logger,
    private readonly route: (interaction: Interaction) => Promise<void>,
    /** Told when the work on an interaction is over (its first answer may be held until then). */
    private readonly done: (interactionId: string) => void,
  ) {}

  get inFlight(): number {
    return this.work.size;
  }

  take(interaction: Interaction): void {
    const work = this.accepting
      ? this.route(interaction).catch((error: unknown) => this.logger.error({ err: error }, 'router failed'))
      : answerRestarting(interaction, this.logger);
    this.work.add(work);
    void work.finally(() => {
      this.work.delete(work);
      this.done(interaction.id);
    });
  }

  async close(limitMs: number): Promise<void> {
    this.accepting = false;
    this.logger.info({ inFlight: this.work.size }, 'shutting down');
    const deadline = Date.now() + limitMs;
    while (this.work.size > 0 && Date.now() < deadline) {
      await Promise.race([Promise.allSettled([...this.work]), delay(deadline - Date.now())]);
    }
    if (this.work.size > 0) this.logger.warn({ unfinished: this.work.size }, 'stopped waiting for interactions in progress');
  }
}

/** The scheduler's PostgreSQL store and the sender lock, loaded only on PostgreSQL (with its driver). */
async function loadPgScheduling() {
  const [{ createPgScheduleStore }, { SenderLeader }] = await Promise.all([import('./platform/scheduler/pg-store.js'), import('./platform/scheduler/pg-leader.js')]);
  return { createPgScheduleStore, SenderLeader };
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

/**
 * No gateway connection: REST only, for a process that answers commands over HTTP. The token is checked by
 * asking Discord who it belongs to (a wrong one fails the start, as a gateway login would); Pacer's user id comes back.
 */
async function restOnly(client: Client, token: string): Promise<string> {
  client.token = token;
  client.rest.setToken(token);
  const me = (await client.rest.get(Routes.user('@me'))) as { id: string };
  return me.id;
}

/** Discord's close code for a session that would hold too many servers (more than 2,500 on one shard). */
const SHARDING_REQUIRED = 4011;
const DISALLOWED_INTENTS = 4014;

/**
 * Logs in and waits until every shard is ready. A shard Discord closes for good while starting fails the start
 * at once (and closes the other shards) instead of waiting out the timeout.
 */
async function loginAndWaitUntilReady(client: Client, token: string, timeoutMs: number, shards: Config['shards']): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let refusedWith: number | undefined;
  let refused: ((code: number) => void) | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Discord did not report ready within ${timeoutMs / 1000} s.`)), timeoutMs);
    client.once(Events.ClientReady, () => resolve());
    refused = (code) => reject(refusalError(code, shards, client.options.shardCount ?? 1));
  });
  const onDisconnect = (event: { code: number }) => {
    refusedWith ??= event.code;
    refused?.(event.code);
  };
  client.on(Events.ShardDisconnect, onDisconnect);
  ready.catch(() => undefined); // a failed login below is the error that matters
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy();
    // discord.js may reject the login with its own words for the close code ("Sharding is required").
    if (refusedWith === undefined && error instanceof Error && /sharding is required/i.test(error.message)) refusedWith = SHARDING_REQUIRED;
    throw refusedWith === SHARDING_REQUIRED ? refusalError(refusedWith, shards, client.options.shardCount ?? 1) : error;
  } finally {
    clearTimeout(timer);
    client.off(Events.ShardDisconnect, onDisconnect);
  }
}

function refusalError(code: number, shards: Config['shards'], shardCount: number): Error {
  if (code === SHARDING_REQUIRED) {
    const asked = shards === 'auto' ? `the ${shardCount} shard(s) Discord recommended` : `PACER_SHARDS=${shards}`;
    return new StartupError(
      `Discord requires more gateway shards: with ${asked} a shard would hold more than 2,500 servers (close code 4011). Set PACER_SHARDS=auto, or a larger number (about one shard per 1,000 servers).`,
    );
  }
  const error = new Error(`Discord closed the gateway and will not let Pacer reconnect (close code ${code}).`);
  if (code === DISALLOWED_INTENTS) Object.assign(error, { code: 'DisallowedIntents' });
  return error;
}
