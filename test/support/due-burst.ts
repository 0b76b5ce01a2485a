/**
 * A burst of clubs whose weekly challenge is due in the same wall-clock minute, posted by real Pacer processes
 * on one PostgreSQL while the processes are disrupted: the leader killed (SIGKILL), or every process restarted
 * one by one (SIGTERM, as a rolling deploy does). Shared by test/platform/failover.e2e.test.ts and
 * `npm run bench -- failover-3`. The clubs are set up through the club settings store, the rows /club setup writes.
 */
import type { DiscordDouble, FixtureGuild } from '@pacer/discord-double';
import { ChannelTypes, defaultFixtureGuild, FIXTURE } from '@pacer/discord-double';
import { saveClubSetup } from '../../src/challenges/club-settings-store.js';
import type { PgStorage } from '../../src/platform/db/storage.js';
import { WEEKDAYS, type Weekday } from '../../src/platform/time/club-weeks.js';
import { clubChannel, clubGuildId } from '../platform/scheduler/support.js';
import { healthOf, ledAt, startPacerProcess, type PacerProcess } from './pacer-processes.js';

/** Discord's global limit, which the double enforces: what "achieved/allowed" divides by. */
export const ALLOWED_PER_SECOND = 50;

/** The default fixture guild plus one text channel per club, for clubs 0 .. count-1. */
export function burstGuild(count: number): FixtureGuild {
  const guild = defaultFixtureGuild();
  for (let i = 0; i < count; i++) guild.channels.push({ id: clubChannel(i), name: `club-${i}`, type: ChannelTypes.GuildText, position: 10 + i });
  return guild;
}

/** The environment of a Pacer process as compose.yaml runs it (commands over HTTP, no gateway), against the double. */
export function pacerEnv(double: DiscordDouble, databaseUrl: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    DISCORD_TOKEN: 'fake-token-for-failover-proof',
    DISCORD_API_URL: double.apiUrl,
    DISCORD_GUILD_ID: FIXTURE.guildId,
    DATABASE_URL: databaseUrl,
    PACER_INTERACTIONS: 'http',
    PACER_GATEWAY: 'off',
    PACER_HTTP_ANSWER: 'response',
    DISCORD_PUBLIC_KEY: double.publicKey,
    PACER_HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  };
}

/** The start of the first wall-clock minute at least `leadMs` after `now`. */
export function dueMinute(now: Date, leadMs: number): Date {
  return new Date(Math.ceil((now.getTime() + leadMs) / 60_000) * 60_000);
}

/**
 * A zone in which `due` is not in the local hour 0: the recap runs at local midnight of the post day, and must
 * not fall inside the burst.
 */
function zoneFor(due: Date): string {
  return due.getUTCHours() === 0 ? 'Asia/Tokyo' : 'UTC';
}

function localDayAndTime(due: Date, zone: string): { day: Weekday; time: { hour: number; minute: number } } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(due);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  const day = part('weekday').toLowerCase() as Weekday;
  if (!WEEKDAYS.includes(day)) throw new Error(`unexpected weekday ${day}`);
  return { day, time: { hour: Number(part('hour')), minute: Number(part('minute')) } };
}

/** Clubs first .. first+count-1 set up as /club setup does, each posting in its own channel at `due` (a minute start). */
export async function seedClubsDueAt(storage: PgStorage, first: number, count: number, due: Date, now: Date): Promise<void> {
  const timezone = zoneFor(due);
  const { day, time } = localDayAndTime(due, timezone);
  const indices = Array.from({ length: count }, (_, i) => first + i);
  const workers = Array.from({ length: 6 }, async () => {
    for (let i = indices.shift(); i !== undefined; i = indices.shift()) {
      const saved = await saveClubSetup(storage, { guildId: clubGuildId(i), channelId: clubChannel(i), timezone, day, time, setupByUserId: FIXTURE.users.moderator }, now);
      if (saved.weekly?.nextRunAt?.getTime() !== due.getTime()) throw new Error(`club ${i} is due at ${saved.weekly?.nextRunAt?.toISOString()}, not ${due.toISOString()}`);
    }
  });
  await Promise.all(workers);
}

export type Disruption = 'sigkill' | 'rolling';

export interface RoundReport {
  disruption: Disruption;
  clubs: number;
  /** Clubs whose channel has the post (at least once). */
  posted: number;
  /** Clubs whose channel has no post. */
  lost: number;
  /** Clubs whose channel has it more than once. */
  doubled: number;
  /** 429s the double answered during the round (global, per channel). */
  rejections: { global: number; channel: number };
  /** Posts the double answered with an earlier message (enforce_nonce): in flight when a leader died or stopped. */
  nonceReplays: number;
  /** From each stop or kill of the leading process to the next process saying it leads. */
  failoverMs: number[];
  dueAt: Date;
  /** The due minute to the last post. */
  totalMs: number;
  /** Posts per second from the first post to the last, failovers included. */
  overallRate: number;
  /** Posts per second while a leader was sending (gaps of more than a second between posts left out). */
  sendingRate: number;
}

export interface BurstHarness {
  double: DiscordDouble;
  /** The running processes; a restart replaces its entry. */
  pacers: PacerProcess[];
  env: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

const alive = (pacer: PacerProcess) => pacer.child.exitCode === null && pacer.child.signalCode === null;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** The running process that leads now: the one that most recently said so. */
export function leaderOf(pacers: readonly PacerProcess[]): PacerProcess | undefined {
  let leader: PacerProcess | undefined;
  for (const pacer of pacers) if (alive(pacer) && (ledAt(pacer) ?? -1) > (leader ? ledAt(leader)! : -1)) leader = pacer;
  return leader;
}

/** Starts a process in place of pacers[index] (same name and port) and waits until it answers /health. */
export async function restartInPlace(harness: BurstHarness, index: number): Promise<PacerProcess> {
  const old = harness.pacers[index]!;
  const fresh = startPacerProcess(old.name, old.port, harness.env);
  harness.pacers[index] = fresh;
  await until(`${old.name} healthy again`, async () => (await healthOf(fresh)) === 200, 90_000, 250);
  return fresh;
}

/** Waits until a process other than `gone` says it leads after `since`; the time from `since`. */
async function failoverAfter(harness: BurstHarness, gone: PacerProcess, since: number, timeoutMs: number): Promise<number> {
  let at: number | undefined;
  await until(
    'another process to lead',
    () => {
      at = harness.pacers.filter((pacer) => pacer !== gone && alive(pacer)).map((pacer) => ledAt(pacer) ?? -1).find((time) => time >= since);
      return at !== undefined;
    },
    timeoutMs,
  );
  return at! - since;
}

/**
 * Waits for the burst of clubs first .. first+count-1 (due at `dueAt`), disrupts the processes mid-burst, waits
 * for every club's post (or `settleMs` after the due minute), and reports what a club and an operator would notice.
 */
export async function runDisruptedBurst(harness: BurstHarness, round: { first: number; count: number; dueAt: Date; disruption: Disruption; settleMs?: number }): Promise<RoundReport> {
  const { double } = harness;
  const { first, count, dueAt, disruption } = round;
  const log = harness.log ?? (() => undefined);
  const before = { ...double.rateLimitStats, replays: double.nonceReplays };
  // Counted as the double stores them: polling thousands of channels would take CPU from the double itself.
  const channels = new Set(Array.from({ length: count }, (_, i) => clubChannel(first + i)));
  let created = 0;
  const unsubscribe = double.onEvent((event) => {
    if (event.kind === 'message' && event.change === 'created' && event.source === 'channel' && channels.has(event.message.channel_id)) created += 1;
  });
  const posted = () => created;
  const failoverMs: number[] = [];

  await until('the burst to start', () => posted() >= Math.max(1, Math.floor(count * (disruption === 'sigkill' ? 0.25 : 0.1))), dueAt.getTime() - Date.now() + 60_000, 10);
  if (disruption === 'sigkill') {
    const leader = leaderOf(harness.pacers)!;
    leader.child.kill('SIGKILL');
    const killedAt = Date.now();
    log(`  SIGKILL ${leader.name} (the leader) after ${posted()} of ${count} posts`);
    await leader.exited;
    failoverMs.push(await failoverAfter(harness, leader, killedAt, 30_000));
    log(`  another process leads ${failoverMs[0]} ms later`);
    await restartInPlace(harness, harness.pacers.indexOf(leader));
  } else {
    // A rolling deploy: each process stopped (SIGTERM) and started again, once the new one is healthy the next.
    const leader = leaderOf(harness.pacers)!;
    const order = [leader, ...harness.pacers.filter((pacer) => pacer !== leader)];
    for (const pacer of order) {
      const index = harness.pacers.indexOf(pacer);
      const wasLeading = leaderOf(harness.pacers) === pacer;
      pacer.child.kill('SIGTERM');
      const stoppedAt = Date.now();
      log(`  SIGTERM ${pacer.name}${wasLeading ? ' (the leader)' : ''} after ${posted()} of ${count} posts`);
      await pacer.exited;
      const failover = wasLeading ? failoverAfter(harness, pacer, stoppedAt, 30_000) : undefined;
      failover?.catch(() => undefined); // awaited below, after the restart
      await restartInPlace(harness, index);
      if (failover) {
        failoverMs.push(await failover);
        log(`  another process leads ${failoverMs.at(-1)} ms after the SIGTERM`);
      }
      log(`  ${pacer.name} restarted and healthy`);
    }
  }

  await until('every club posted', () => posted() >= count, Math.max(5_000, dueAt.getTime() + (round.settleMs ?? 240_000) - Date.now()), 100).catch((error: unknown) => log(`  ${(error as Error).message}`));
  await sleep(2_000); // a late second copy would show here
  unsubscribe();

  let lost = 0;
  let doubled = 0;
  const times: number[] = [];
  for (let i = first; i < first + count; i++) {
    const messages = double.messagesIn(clubChannel(i));
    if (messages.length === 0) lost += 1;
    if (messages.length > 1) doubled += 1;
    for (const message of messages) times.push(Date.parse(message.timestamp));
  }
  times.sort((a, b) => a - b);
  const spanMs = times.length > 1 ? times.at(-1)! - times[0]! : 0;
  let idleMs = 0;
  for (let i = 1; i < times.length; i++) if (times[i]! - times[i - 1]! > 1000) idleMs += times[i]! - times[i - 1]!;
  const stats = double.rateLimitStats;
  return {
    disruption,
    clubs: count,
    posted: count - lost,
    lost,
    doubled,
    rejections: { global: stats.globalRejections - before.globalRejections, channel: stats.channelRejections - before.channelRejections },
    nonceReplays: double.nonceReplays - before.replays,
    failoverMs,
    dueAt,
    totalMs: times.length > 0 ? times.at(-1)! - dueAt.getTime() : NaN,
    overallRate: spanMs > 0 ? ((times.length - 1) * 1000) / spanMs : 0,
    sendingRate: spanMs - idleMs > 0 ? ((times.length - 1 - countGaps(times)) * 1000) / (spanMs - idleMs) : 0,
  };
}

function countGaps(times: readonly number[]): number {
  let gaps = 0;
  for (let i = 1; i < times.length; i++) if (times[i]! - times[i - 1]! > 1000) gaps += 1;
  return gaps;
}

export function describeRound(report: RoundReport): string {
  const what = report.disruption === 'sigkill' ? 'leader SIGKILLed mid-burst' : 'rolling restart of all three mid-burst';
  return [
    `${report.clubs.toLocaleString('en')} clubs due at ${report.dueAt.toISOString()}, ${what}:`,
    `  posted ${report.posted}, lost ${report.lost}, doubled ${report.doubled}; 429s ${report.rejections.global} global, ${report.rejections.channel} per channel; nonce replays ${report.nonceReplays}`,
    `  rate ${report.sendingRate.toFixed(1)}/s while a leader sent (${(report.sendingRate / ALLOWED_PER_SECOND).toFixed(2)} of ${ALLOWED_PER_SECOND}/s), ${report.overallRate.toFixed(1)}/s first to last post (${(report.overallRate / ALLOWED_PER_SECOND).toFixed(2)})`,
    `  failover ${report.failoverMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ') || 'none'}; due minute to last post ${(report.totalMs / 1000).toFixed(1)} s`,
  ].join('\n');
}
