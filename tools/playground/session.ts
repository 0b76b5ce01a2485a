/**
 * One playground session: the Discord double with the demo club, the real Pacer logged into it (same
 * `startApp`, same router, same commands), an offset clock, and the actions the web page may take. Every
 * action goes through the double's interaction actors, so the bot receives what Discord would send.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { and, asc, eq, gte, isNotNull } from 'drizzle-orm';
import { startApp, type RunningApp } from '../../src/app.js';
import { commandDefinitions } from '../../commands/index.js';
import { runDeploy } from '../../src/platform/discord/deploy.js';
import { parseConfig } from '../../src/platform/config.js';
import { clubs, scheduleRuns, schedules } from '../../src/platform/db/schema.js';
import { createLogger } from '../../src/platform/logger.js';
import {
  CallbackType,
  type ApiMessage,
  type DiscordDouble,
  type DoubleEvent,
  type InteractionHandle,
  type MessageSource,
  type ModalFieldValue,
  type OptionScalar,
  memberPermissions,
  startDiscordDouble,
} from '@pacer/discord-double';
import { DEMO, DEMO_ACTORS, demoBotUser, demoClub } from './demo-club.js';
import { OffsetClock } from './offset-clock.js';
import { MINUTE_MS, runClockTo } from './clock-runner.js';
import { summariseRuns, type RunSummary } from './run-summary.js';

export interface ShownMessage {
  message: ApiMessage;
  source: MessageSource;
  /** For ephemeral messages: the only user who sees it. */
  visibleTo?: string;
  /** "Rita used /symptom-check" above a command's reply. */
  usedCommand?: { userId: string; name: string };
}

/** A Discord scheduled event as the server's Events list shows it (upcoming or under way only). */
export interface ShownEvent {
  id: string;
  name: string;
  start: string;
  end: string | null;
  location: string | null;
  status: number;
}

export type PageEvent =
  | { type: 'message'; change: 'created' | 'edited' | 'deleted'; shown: ShownMessage }
  | { type: 'events'; events: ShownEvent[] }
  | { type: 'problem'; id: string; text: string; detail?: string[] }
  | { type: 'modal'; userId: string; interactionId: string; modal: Record<string, unknown> }
  | { type: 'clock'; clock: ClockState }
  | { type: 'dm'; channelId: string; userId: string }
  | { type: 'commands' };

export interface ClockState {
  now: string;
  /** The club's zone (from /club setup), for showing times as its members read them; null before setup. */
  timezone: string | null;
  offsetMs: number;
  /** The next active schedule's due time, if any. */
  nextPostAt: string | null;
  /** What the scheduler did when the clock last moved: posted, skipped and why, failed. */
  lastRun: RunSummary | null;
  /** While the clock runs minute by minute: how far it has got. */
  progress: { done: number; total: number; at: string } | null;
}

export type ClockStep = 'hour' | 'day' | 'week' | 'next';
export type OfflineSpan = 'hour' | 'day' | 'week';
const STEP_MS: Record<OfflineSpan, number> = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 };

export interface SlashRequest {
  user: string;
  channelId: string;
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: Record<string, OptionScalar>;
}

export interface AutocompleteRequest extends SlashRequest {
  focused: { name: string; value: OptionScalar };
}

export class PlaygroundError extends Error {}

export interface PlaygroundOptions {
  /** Keep data in this SQLite file; default a throw-away file. */
  databasePath?: string;
  logLevel?: string;
  logDestination?: NodeJS.WritableStream;
}

const CHOICES_TIMEOUT_MS = 4000;

export class PlaygroundSession {
  readonly clock = new OffsetClock();
  private readonly shown = new Map<string, ShownMessage>();
  /** Direct-message channels the bot opened: channel id to the member who reads it. */
  private readonly dmChannels = new Map<string, string>();
  private readonly invocations = new Map<string, { userId: string; name: string; type: number }>();
  private readonly listeners = new Set<(event: PageEvent) => void>();
  private readonly problems: PageEvent[] = [];
  private double!: DiscordDouble;
  private app: RunningApp | undefined;
  private lastRun: ClockState['lastRun'] = null;
  private progress: ClockState['progress'] = null;
  private clockBusy = false;
  /** The server admin's per-command override in Discord's Integrations settings: members may use /club. */
  private membersMayUseClub = false;
  /** This run's bot token: the double refuses every other one. */
  private readonly botToken = `playground.${randomBytes(24).toString('base64url')}`;
  /** Problem ids are unique across runs, so a box dismissed in an earlier run never hides a new one. */
  private readonly runId = randomBytes(6).toString('hex');
  private problemCount = 0;
  private tempDir: string | undefined;
  private stopped = false;

  static async start(options: PlaygroundOptions = {}): Promise<PlaygroundSession> {
    const session = new PlaygroundSession();
    await session.boot(options);
    return session;
  }

  private async boot(options: PlaygroundOptions): Promise<void> {
    this.double = await startDiscordDouble({
      applicationId: DEMO.applicationId,
      botUser: demoBotUser,
      guilds: [demoClub()],
      now: () => this.clock.now().getTime(),
      botToken: this.botToken,
    });
    this.double.onEvent((event) => this.onDoubleEvent(event));
    let databasePath = options.databasePath ? resolve(options.databasePath) : undefined;
    if (!databasePath) {
      this.tempDir = mkdtempSync(join(tmpdir(), 'pacer-playground-'));
      databasePath = join(this.tempDir, 'pacer.sqlite');
    }
    const env: NodeJS.ProcessEnv = {
      DISCORD_TOKEN: this.botToken,
      DISCORD_API_URL: this.double.apiUrl,
      DISCORD_GUILD_ID: DEMO.guildId,
      DATABASE_PATH: databasePath,
      LOG_LEVEL: options.logLevel ?? 'warn',
      PACER_REGION: 'UK',
    };
    const deployErrors: string[] = [];
    if ((await runDeploy(env, commandDefinitions(), () => undefined, (line) => deployErrors.push(line))) !== 0) {
      await this.double.close();
      throw new PlaygroundError(`registering the commands failed: ${deployErrors.join(' ')}`);
    }
    const config = parseConfig(env);
    const logger = createLogger(config.logLevel, options.logDestination);
    this.app = await startApp({ config, logger, clock: this.clock });
  }

  get databasePath(): string {
    return this.app?.context.config.databasePath ?? '';
  }

  get doubleForTests(): DiscordDouble {
    return this.double;
  }

  /** The page's origins, whose WebSocket the inner double may take (the page itself never opens one). */
  allowPageOrigins(origins: readonly string[]): void {
    for (const origin of origins) this.double.allowedOrigins.add(origin);
  }

  /** Like a server admin allowing @everyone to use /club in Server Settings > Integrations: Discord shows and sends it. */
  setMembersMayUseClub(allowed: boolean): void {
    this.membersMayUseClub = allowed;
    this.emit({ type: 'commands' });
  }

  subscribe(listener: (event: PageEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Everything the page needs to draw itself from scratch. */
  state() {
    const guild = demoClub();
    return {
      guild: { id: guild.id, name: guild.name },
      bot: { id: demoBotUser.id, name: demoBotUser.username },
      channels: guild.channels.map((channel) => ({ id: channel.id, name: channel.name, topic: channel.topic ?? null })),
      // Discord's role pickers list @everyone too (its id is the server's).
      roles: guild.roles.filter((role) => !role.managed).map((role) => ({ id: role.id, name: role.name })),
      members: guild.members.map((member) => ({
        id: member.user.id,
        name: member.user.globalName ?? member.user.username,
        username: member.user.username,
        bot: member.user.bot === true,
        roleIds: member.roleIds,
        permissions: memberPermissions(guild, member).toString(),
      })),
      actors: DEMO_ACTORS.map((actor) => ({ ...actor })),
      commands: this.double.commands(DEMO.guildId).concat(this.double.commands()),
      dms: [...this.dmChannels].map(([channelId, userId]) => ({ channelId, userId })),
      messages: [...this.shown.values()],
      problems: this.problems.slice(-20),
      clock: this.clockState(),
      membersMayUseClub: this.membersMayUseClub,
      events: this.shownEvents(),
    };
  }

  /** Discord lists scheduled and active events; cancelled and finished ones leave the list. */
  private shownEvents(): ShownEvent[] {
    return this.double
      .scheduledEvents(DEMO.guildId)
      .filter((event) => event.status === 1 || event.status === 2)
      .sort((a, b) => a.scheduled_start_time.localeCompare(b.scheduled_start_time))
      .map((event) => ({ id: event.id, name: event.name, start: event.scheduled_start_time, end: event.scheduled_end_time, location: event.entity_metadata?.location ?? null, status: event.status }));
  }

  runSlash(request: SlashRequest): void {
    const handle = this.act(() =>
      this.double.runSlash(request.name, {
        user: request.user,
        channelId: request.channelId,
        ...(request.subcommandGroup ? { subcommandGroup: request.subcommandGroup } : {}),
        ...(request.subcommand ? { subcommand: request.subcommand } : {}),
        options: request.options ?? {},
        ...(this.overridden(request.name) ? { bypassPermissionGate: true } : {}),
      }),
    );
    const label = [request.name, request.subcommandGroup, request.subcommand].filter(Boolean).join(' ');
    this.invocations.set(handle.id, { userId: request.user, name: label, type: 2 });
    this.watch(handle, request.user);
  }

  async autocomplete(request: AutocompleteRequest): Promise<Array<{ name: string; value: string | number }>> {
    const handle = this.act(() =>
      this.double.autocomplete(request.name, {
        user: request.user,
        channelId: request.channelId,
        ...(request.subcommandGroup ? { subcommandGroup: request.subcommandGroup } : {}),
        ...(request.subcommand ? { subcommand: request.subcommand } : {}),
        options: request.options ?? {},
        focused: request.focused,
        ...(this.overridden(request.name) ? { bypassPermissionGate: true } : {}),
      }),
    );
    try {
      await handle.response(CHOICES_TIMEOUT_MS);
      return handle.autocompleteChoices();
    } catch (error) {
      this.problem(`Autocomplete for /${request.name} ${request.focused.name} failed: ${message(error)}`);
      return [];
    }
  }

  clickButton(user: string, messageId: string, customId: string): void {
    this.watch(this.act(() => this.double.clickButton(customId, { user, messageId })), user);
  }

  select(user: string, messageId: string, customId: string, values: string[]): void {
    this.watch(this.act(() => this.double.selectMenu(customId, values, { user, messageId })), user);
  }

  submitModal(user: string, customId: string, fields: Record<string, ModalFieldValue>): void {
    this.watch(this.act(() => this.double.submitModal(customId, fields, { user })), user);
  }

  /**
   * Runs the bot's clock forward one minute at a time, running the scheduler at each minute as a running
   * Pacer's heartbeat would: every post due on the way goes out at its minute.
   */
  async runClock(step: ClockStep): Promise<ClockState> {
    const start = this.clock.now();
    const next = this.nextPostAt();
    if (step === 'next' && !next) throw new PlaygroundError('Nothing is scheduled yet.');
    // The heartbeat runs on whole minutes: a post due at 16:35:20 goes out at 16:36.
    const until = step === 'next' && next ? new Date(Math.ceil(next.getTime() / MINUTE_MS) * MINUTE_MS) : new Date(start.getTime() + STEP_MS[step as OfflineSpan]);
    return this.moveClock('running', start, async () => {
      await runClockTo({
        clock: this.clock,
        until,
        runDueNow: () => this.app!.scheduler.runDue(),
        stopped: () => this.stopped,
        onProgress: ({ done, total, at }) => {
          this.progress = { done, total, at: at.toISOString() };
          this.emit({ type: 'clock', clock: this.clockState() });
        },
      });
    });
  }

  /** Pacer was not running for `span`: the clock jumps, then the scheduler catches up once, as after a restart. */
  async offline(span: OfflineSpan): Promise<ClockState> {
    const start = this.clock.now();
    return this.moveClock('offline', start, async () => {
      this.clock.advance(STEP_MS[span]);
      await this.app!.scheduler.runDue();
    });
  }

  private async moveClock(mode: RunSummary['mode'], start: Date, move: () => Promise<void>): Promise<ClockState> {
    if (this.clockBusy) throw new PlaygroundError('The clock is already moving; wait for it to finish.');
    this.clockBusy = true;
    try {
      await move();
    } catch (error) {
      this.problem(`The scheduler failed: ${message(error)}`);
    } finally {
      this.clockBusy = false;
      this.progress = null;
    }
    // Posted runs are recorded in small batches just after they are sent: let the last batch land first.
    await new Promise((resolve) => setTimeout(resolve, 80));
    this.lastRun = summariseRuns(mode, start, this.clock.now(), this.runsSince(start));
    const state = this.clockState();
    this.emit({ type: 'clock', clock: state });
    return state;
  }

  private runsSince(start: Date) {
    return this.app!.database.db
      .select({ kind: schedules.kind, status: scheduleRuns.status, scheduledFor: scheduleRuns.scheduledFor, postedAt: scheduleRuns.postedAt, reason: scheduleRuns.reason })
      .from(scheduleRuns)
      .innerJoin(schedules, eq(schedules.id, scheduleRuns.scheduleId))
      .where(gte(scheduleRuns.claimedAt, start))
      .all();
  }

  /** A file the bot uploaded, with the content type it declared (only for messages the page has seen). */
  attachment(messageId: string, filename: string): { contentType: string; data: Buffer } | undefined {
    const attachments = (this.shown.get(messageId)?.message.attachments ?? []) as Array<{ filename?: string; content_type?: string }>;
    const described = attachments.find((attachment) => attachment.filename === filename);
    const data = described ? this.double.attachment(messageId, filename) : undefined;
    return data ? { contentType: described?.content_type ?? 'application/octet-stream', data } : undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.clockRefresh);
    await this.app?.stop();
    await this.double.close();
    if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
  }

  // ---- internals ---------------------------------------------------------------------------------------------

  private overridden(command: string): boolean {
    return command === 'club' && this.membersMayUseClub;
  }

  private clockState(): ClockState {
    return {
      now: this.clock.now().toISOString(),
      timezone: this.clubTimezone(),
      offsetMs: this.clock.offsetMs,
      nextPostAt: this.nextPostAt()?.toISOString() ?? null,
      lastRun: this.lastRun,
      progress: this.progress,
    };
  }

  private clubTimezone(): string | null {
    if (!this.app) return null;
    return this.app.database.db.select({ timezone: clubs.timezone }).from(clubs).where(eq(clubs.guildId, DEMO.guildId)).get()?.timezone ?? null;
  }

  private nextPostAt(): Date | undefined {
    if (!this.app) return undefined; // still registering commands
    const row = this.app.database.db
      .select({ nextRunAt: schedules.nextRunAt })
      .from(schedules)
      .where(and(eq(schedules.status, 'active'), isNotNull(schedules.nextRunAt)))
      .orderBy(asc(schedules.nextRunAt))
      .limit(1)
      .get();
    return row?.nextRunAt ?? undefined;
  }

  private act(run: () => InteractionHandle): InteractionHandle {
    try {
      return run();
    } catch (error) {
      // The double refused to build the interaction (unknown option, disabled button, hidden command...).
      this.problem(message(error));
      throw new PlaygroundError(message(error));
    }
  }

  /** Waits for the bot's answer; shows a modal, or says so in red when Discord would say "This interaction failed". */
  private watch(handle: InteractionHandle, userId: string): void {
    handle.response().then(
      (callback) => {
        if (callback.type === CallbackType.Modal && callback.data) {
          this.emit({ type: 'modal', userId, interactionId: handle.id, modal: callback.data });
        }
      },
      (error: unknown) => this.problem('This interaction failed: Pacer did not answer within 3 seconds.', [message(error)]),
    );
  }

  /** After the bot talks to Discord, schedules may have changed: tell the page when the next post is due. */
  private clockRefresh: ReturnType<typeof setTimeout> | undefined;
  private refreshClockSoon(): void {
    if (this.clockRefresh) return;
    this.clockRefresh = setTimeout(() => {
      this.clockRefresh = undefined;
      if (!this.stopped) this.emit({ type: 'clock', clock: this.clockState() });
    }, 150);
  }

  private onDoubleEvent(event: DoubleEvent): void {
    if (event.kind === 'request') {
      this.refreshClockSoon();
      if (event.request.route?.includes('/scheduled-events') && event.request.method !== 'GET' && event.request.status < 300) this.emit({ type: 'events', events: this.shownEvents() });
      this.noticeDmChannel(event.request.route, event.request.status, event.request.responseBody);
    }
    if (event.kind === 'message') {
      const shown: ShownMessage = { message: event.message, source: event.source };
      const dmReader = this.dmChannels.get(event.message.channel_id);
      if (dmReader) shown.visibleTo = dmReader;
      else if (event.message.flags & (1 << 6)) {
        const user = (event.message.interaction_metadata as { user?: { id?: string } } | undefined)?.user?.id;
        if (user) shown.visibleTo = user;
      }
      const invocation = event.interactionId ? this.invocations.get(event.interactionId) : undefined;
      if (invocation && event.source === 'interaction-response') shown.usedCommand = { userId: invocation.userId, name: invocation.name };
      if (event.change === 'deleted') this.shown.delete(event.message.id);
      else this.shown.set(event.message.id, shown);
      this.emit({ type: 'message', change: event.change, shown: structuredClone(shown) });
    } else if (event.kind === 'validation-error') {
      this.problem(`Discord would refuse ${event.failure.method} ${redactPath(event.failure.path)}: the body breaks its schema or limits.`, event.failure.issues);
    } else if (event.request.status >= 400) {
      const body = event.request.responseBody as { code?: number; message?: string } | undefined;
      if (body?.code === 50035 || body?.code === 50006) return; // reported with its issues as a validation error
      this.problem(`Discord answered ${event.request.status} to ${event.request.method} ${redactPath(event.request.path)}: ${body?.message ?? ''} (${body?.code ?? '?'})`);
    } else if (event.request.path.endsWith('/commands') && event.request.method === 'PUT') {
      this.emit({ type: 'commands' });
    }
  }

  private noticeDmChannel(route: string | null, status: number, body: unknown): void {
    if (route !== 'POST /users/@me/channels' || status !== 200) return;
    const channel = body as { id?: string; recipients?: Array<{ id?: string }> };
    const userId = channel.recipients?.[0]?.id;
    if (!channel.id || !userId || this.dmChannels.has(channel.id)) return;
    this.dmChannels.set(channel.id, userId);
    this.emit({ type: 'dm', channelId: channel.id, userId });
  }

  private problem(text: string, detail?: string[]): void {
    this.problemCount += 1;
    const id = `${this.runId}-${this.problemCount}`;
    const event: PageEvent = detail ? { type: 'problem', id, text, detail } : { type: 'problem', id, text };
    this.problems.push(event);
    if (this.problems.length > 100) this.problems.shift();
    this.emit(event);
  }

  private emit(event: PageEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** Interaction tokens are secrets in real Discord; the page never shows them. */
export function redactPath(path: string): string {
  return path.replace(/(\/(?:interactions\/\d+|webhooks\/\d+)\/)[^/]+/, '$1<token>');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
