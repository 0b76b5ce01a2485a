/**
 * Scheduler test support: a manual clock, a test-only job, fixture channels, seeding schedule rows, and an
 * engine wired to the real REST Poster, the real SQLite file and the Discord double (no gateway needed).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST } from 'discord.js';
import { createPoster } from '../../../src/platform/discord/poster.js';
import type { Clock } from '../../../src/platform/time/clock.js';
import { openDatabase, type DatabaseHandle } from '../../../src/platform/db/connection.js';
import { createScheduleStore } from '../../../src/platform/scheduler/sqlite-store.js';
import { clubs, scheduleRuns, schedules } from '../../../src/platform/db/schema.js';
import type { Occurrence, Poster, ScheduleKind, ScheduledJob } from '../../../src/platform/scheduler/contract.js';
import { Scheduler, type SchedulerLogger, type SchedulerOptions } from '../../../src/platform/scheduler/engine.js';
import { nextRun } from '../../../src/platform/time/weekly-rules.js';
import { ChannelTypes, defaultFixtureGuild, type FixtureGuild } from '@pacer/discord-double';
import type { DiscordDouble } from '@pacer/discord-double';
import { sqliteStorage, type SqliteStorage } from '../../../src/platform/db/storage.js';

export class ManualClock implements Clock {
  private at: number;
  constructor(start: Date | string) {
    this.at = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.at);
  }
  set(to: Date | string): void {
    this.at = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The channel of test club `i` (and its notices channel), as ids the double knows once added to a guild. */
export function clubChannel(i: number): string {
  return (1310000000000000000n + BigInt(i)).toString();
}
export function noticesChannel(i: number): string {
  return (1320000000000000000n + BigInt(i)).toString();
}
export function clubGuildId(i: number): string {
  return (1210000000000000000n + BigInt(i)).toString();
}

/** The default fixture guild plus a post channel and a notices channel for each of `count` clubs. */
export function guildWithClubChannels(count: number): FixtureGuild {
  const guild = defaultFixtureGuild();
  for (let i = 0; i < count; i++) {
    guild.channels.push({ id: clubChannel(i), name: `club-${i}`, type: ChannelTypes.GuildText, position: 10 + i });
    guild.channels.push({ id: noticesChannel(i), name: `club-${i}-mods`, type: ChannelTypes.GuildText, position: 10 + count + i });
  }
  return guild;
}

/** Records every decide and posted call; posts "<kind> #<schedule> for <occurrence>" unless later than `lateLimitMs`. */
export class TestJob implements ScheduledJob {
  readonly decided: Occurrence[] = [];
  readonly postedIds: { scheduleId: number; scheduledFor: Date; messageId: string }[] = [];
  constructor(
    readonly kind: ScheduleKind = 'weekly_challenge',
    private readonly lateLimitMs = 7 * DAY,
  ) {}
  decide(occurrence: Occurrence) {
    this.decided.push(occurrence);
    const lateBy = occurrence.now.getTime() - occurrence.scheduledFor.getTime();
    if (lateBy > this.lateLimitMs) return { action: 'skip' as const, reason: `too late (${Math.round(lateBy / MINUTE)} minutes)` };
    const late = lateBy >= MINUTE ? ' (late)' : '';
    return {
      action: 'post' as const,
      message: { content: `${this.kind} #${occurrence.scheduleId} for ${occurrence.scheduledFor.toISOString()}${late}`, allowed_mentions: { parse: [] } },
    };
  }
  posted(occurrence: Occurrence, messageId: string) {
    this.postedIds.push({ scheduleId: occurrence.scheduleId, scheduledFor: occurrence.scheduledFor, messageId });
  }
}

export interface SeedClub {
  index: number;
  rule: string;
  timezone: string;
  kind?: ScheduleKind;
  withNotices?: boolean;
  setupBy?: string;
}

/** Inserts club `index` and its schedule row, its next run computed from `now`; returns the schedule id. */
export function seedClub(handle: DatabaseHandle, club: SeedClub, now: Date): number {
  const guildId = clubGuildId(club.index);
  handle.db
    .insert(clubs)
    .values({ guildId, timezone: club.timezone, noticesChannelId: club.withNotices ? noticesChannel(club.index) : null, setupByUserId: club.setupBy ?? null, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .run();
  const row = handle.db
    .insert(schedules)
    .values({
      guildId,
      kind: club.kind ?? 'weekly_challenge',
      channelId: clubChannel(club.index),
      ruleKind: 'cron',
      cron: club.rule,
      nextRunAt: nextRun(club.rule, club.timezone, now),
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: schedules.id })
    .get();
  return row.id;
}

export function scheduleRow(handle: DatabaseHandle, id: number) {
  return handle.sqlite.prepare('select * from schedules where id = ?').get(id) as {
    status: string;
    next_run_at: number | null;
    last_error: string | null;
    attempts: number;
  };
}

export function ledger(handle: DatabaseHandle, scheduleId?: number) {
  const rows = handle.db.select().from(scheduleRuns).all();
  return scheduleId === undefined ? rows : rows.filter((row) => row.scheduleId === scheduleId);
}

export const quietLogger: SchedulerLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export interface EngineHarness {
  handle: DatabaseHandle;
  /** The storage the engine runs on (share it: on SQLite its turns keep work out of each other's transactions). */
  storage: SqliteStorage;
  scheduler: Scheduler;
  poster: Poster;
  /** "Restarts" the bot: stops this engine (its unfinished work is abandoned) and opens a new one on the same file. */
  restart(wrapPoster?: (poster: Poster) => Poster): Promise<void>;
  close(): Promise<void>;
}

export function tempDatabasePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'pacer-sched-')), 'pacer.sqlite');
}

export function startEngine(
  double: DiscordDouble,
  clock: Clock,
  jobs: readonly ScheduledJob[],
  options: { path?: string; wrapPoster?: (poster: Poster) => Poster; engine?: Partial<SchedulerOptions> } = {},
): EngineHarness {
  const path = options.path ?? tempDatabasePath();
  const build = (wrap?: (poster: Poster) => Poster) => {
    const handle = openDatabase(path);
    const rest = new REST({ api: double.apiUrl }).setToken('fake-token-for-scheduler-tests');
    const real = createPoster(rest);
    const poster = wrap ? wrap(real) : real;
    const storage = sqliteStorage(handle);
    const scheduler = new Scheduler({ store: createScheduleStore(storage), poster, clock, logger: quietLogger, jobs, stopGraceMs: 200, ...options.engine });
    return { handle, storage, scheduler, poster };
  };
  const harness: EngineHarness = {
    ...build(options.wrapPoster),
    async restart(wrap) {
      await harness.scheduler.stop();
      harness.handle.close();
      Object.assign(harness, build(wrap));
    },
    async close() {
      await harness.scheduler.stop();
      harness.handle.close();
    },
  };
  return harness;
}

/** A Poster whose next post hangs forever, before or after the real post reached Discord: a crash. */
export function crashingPoster(when: 'before-post' | 'after-post', onCrash: () => void): (poster: Poster) => Poster {
  return (poster) => ({
    ...poster,
    async post(channelId, message, options) {
      if (when === 'after-post') await poster.post(channelId, message, options);
      onCrash();
      return new Promise<never>(() => undefined);
    },
  });
}
