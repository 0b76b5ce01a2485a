import { pageOfRanked, rank, streakScores, type Board, type LeaderboardPage, type Period, type Ranked, type Score } from './leaderboard.js';
import { memberRecord, type ClubCalendar, type MemberRecord } from './record.js';
import type { ChartWeek } from './chart.js';
import type { ExportRow } from './export-csv.js';
import { localDay, monthOf, weekStartOf, weeksBetween, type LocalDay } from '../platform/time/days.js';
import type { Storage } from '../platform/db/storage.js';
import { nextTurn } from '../platform/turns.js';
import {
  clubChartCounts,
  clubFirstWeekday,
  clubFirstDay,
  clubMemberIds,
  clubTimezone,
  clubWeeks,
  countedMemberPage,
  exportFactsOf,
  memberExportRows,
  memberHistory,
  memberIdPage,
  memberWeeks,
  sessionScoresBetween,
  participationRevision,
  sessionTotals,
  type MemberPage,
} from './store.js';

/** The club's zone, today's date there and the weekday its weeks start on. */
export async function clubCalendar(storage: Storage, guildId: string, now: Date): Promise<ClubCalendar> {
  const zone = (await clubTimezone(storage, guildId)) ?? 'Europe/London';
  return { zone, today: localDay(now, zone), firstDay: await clubFirstWeekday(storage, guildId) };
}

export async function loadMemberRecord(storage: Storage, guildId: string, userId: string, now: Date): Promise<MemberRecord | null> {
  const calendar = await clubCalendar(storage, guildId, now);
  const history = await memberHistory(storage, guildId, userId, calendar);
  return history ? memberRecord(history, calendar) : null;
}


/** Members per page of a club-wide board: a page is a few milliseconds of work at most. */
export const BOARD_PAGE_MEMBERS = 100;

/** The club's pages of members with a session (paused members left out), with a turn of the event loop between pages. */
async function* memberPages(storage: Storage, guildId: string, pageSize: number): AsyncGenerator<MemberPage> {
  for (let page = await countedMemberPage(storage, guildId, '', pageSize); page; page = await countedMemberPage(storage, guildId, page.last, pageSize)) {
    yield page;
    await nextTurn();
  }
}

/**
 * Club-wide scores are read from every member's weekly counts, so a ranked board is kept until the club's
 * records change: triggers bump the club's number in participation_revisions on every change to its
 * sessions, challenges, pauses or members (migration 0012), so checking a board is one row, however large the
 * club. Paging through a board, or many members asking at once, costs one computation: members asking while
 * it runs wait for the same one.
 */
const SCORE_CACHE_BOARDS = 64;
interface CachedBoard {
  revision: number;
  ranked: Promise<Ranked[]>;
}
/** Per database (a storage's handle: a transaction's storage shares it). */
const boardCache = new WeakMap<object, Map<string, CachedBoard>>();

async function cachedRanking(storage: Storage, guildId: string, boardKey: string, compute: () => Promise<Score[]>): Promise<Ranked[]> {
  let cache = boardCache.get(storage.handle);
  if (!cache) boardCache.set(storage.handle, (cache = new Map<string, CachedBoard>()));
  // Read before the first page: a write while the pages are read bumps it, so the next ask computes again.
  const revision = await participationRevision(storage, guildId);
  const hit = cache.get(boardKey);
  if (hit && hit.revision === revision) return hit.ranked;
  const entry: CachedBoard = { revision, ranked: compute().then(rank) };
  entry.ranked.catch(() => {
    if (cache.get(boardKey) === entry) cache.delete(boardKey);
  });
  cache.delete(boardKey);
  cache.set(boardKey, entry);
  if (cache.size > SCORE_CACHE_BOARDS) cache.delete(cache.keys().next().value!);
  return entry.ranked;
}

async function allTimeSessions(storage: Storage, guildId: string, pageSize: number): Promise<Score[]> {
  const scores: Score[] = [];
  for await (const page of memberPages(storage, guildId, pageSize)) scores.push(...(await sessionTotals(storage, guildId, page)));
  return scores;
}

/** A member's streak depends only on their own weeks and the club's, so each page of members is scored on its own. */
async function streakBoard(storage: Storage, guildId: string, calendar: ClubCalendar, period: Period, pageSize: number): Promise<Score[]> {
  const weeks = await clubWeeks(storage, guildId);
  const scores: Score[] = [];
  for await (const page of memberPages(storage, guildId, pageSize)) scores.push(...streakScores(await memberWeeks(storage, guildId, page), weeks, calendar, period));
  return scores;
}

export async function loadLeaderboard(
  storage: Storage,
  guildId: string,
  request: { period: Period; board: Board; page: number; callerId: string; now: Date; pageSize?: number; memberPageSize?: number },
): Promise<LeaderboardPage> {
  const { memberPageSize = BOARD_PAGE_MEMBERS } = request;
  const calendar = await clubCalendar(storage, guildId, request.now);
  const { today, firstDay } = calendar;
  const ranked = await cachedRanking(storage, guildId, `${guildId}:${request.board}:${request.period}:${today}:${firstDay}`, () => {
    if (request.board === 'streak') return streakBoard(storage, guildId, calendar, request.period, memberPageSize);
    if (request.period === 'all') return allTimeSessions(storage, guildId, memberPageSize);
    // A week's or a month's days only: bounded by the period, not by the club's history.
    const range = request.period === 'week' ? { from: weekStartOf(today, firstDay), to: today } : monthOf(today);
    return sessionScoresBetween(storage, guildId, range);
  });
  return pageOfRanked(ranked, request);
}

export const CHART_WEEKS = 12;

/** The club's weeks for the chart: from its first week (at most the last 12) to the week running now, which is marked. */
export async function loadClubChart(storage: Storage, guildId: string, now: Date): Promise<ChartWeek[]> {
  const { today, firstDay } = await clubCalendar(storage, guildId, now);
  const current = weekStartOf(today, firstDay);
  const clubFirst = await clubFirstDay(storage, guildId);
  const first = clubFirst && clubFirst < current ? weekStartOf(clubFirst, firstDay) : current;
  const weeks = weeksBetween(first, current).slice(-CHART_WEEKS);
  const counts = await clubChartCounts(storage, guildId, weeks[0]!, current);
  return weeks.map((weekStart) => ({ weekStart, joined: 0, sessions: 0, reached: 0, ...counts.get(weekStart), current: weekStart === current }));
}

/**
 * The days an export covers, clamped to the club's records: from its first record (or `from`, if later) to
 * today (or `to`, if earlier), and the weeks holding them. Null when that leaves nothing (no records, or a range
 * wholly before the first or after today): a range like 0001-01-01 to 9999-12-31 costs no more than "all".
 */
export async function exportRange(
  storage: Storage,
  guildId: string,
  range: { from: LocalDay | null; to: LocalDay | null },
  now: Date,
): Promise<{ from: LocalDay; to: LocalDay; weeks: LocalDay[] } | null> {
  const { today, firstDay } = await clubCalendar(storage, guildId, now);
  const first = await clubFirstDay(storage, guildId);
  if (!first) return null;
  const from = range.from && range.from > first ? range.from : first;
  const to = range.to && range.to < today ? range.to : today;
  if (from > to) return null;
  return { from, to, weeks: weeksBetween(weekStartOf(from, firstDay), weekStartOf(to, firstDay)) };
}

/** Member ids of a club that have any participation row, in id order, read a page at a time between turns of the event loop. */
export async function clubMemberIdsInTurns(storage: Storage, guildId: string, pageSize = 1000): Promise<string[]> {
  const ids: string[] = [];
  for (let page = await memberIdPage(storage, guildId, '', pageSize); page.length > 0; page = await memberIdPage(storage, guildId, page[page.length - 1]!, pageSize)) {
    ids.push(...page);
    await nextTurn();
  }
  return ids;
}

/** Rows per page of the export: a page is read, built and turned into CSV in a few milliseconds. */
export const EXPORT_PAGE_ROWS = 200;

/**
 * Export rows, a page of members at a time (one row per member and week), so a large club is never held in
 * memory and other commands run between pages. `names` resolves display names for a page of member ids.
 */
export async function* exportRows(
  storage: Storage,
  guildId: string,
  weeks: readonly LocalDay[],
  names: (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>,
  memberIds?: readonly string[],
  pageSize = Math.max(1, Math.floor(EXPORT_PAGE_ROWS / Math.max(1, weeks.length))),
): AsyncGenerator<ExportRow[]> {
  if (weeks.length === 0) return;
  const ids = memberIds ?? (await clubMemberIds(storage, guildId));
  const targets = new Map((await clubWeeks(storage, guildId)).map((w) => [w.weekStart, w.target]));
  for (let i = 0; i < ids.length; i += pageSize) {
    const page = ids.slice(i, i + pageSize);
    const named = await names(page);
    const facts = await exportFactsOf(storage, guildId, page, weeks[0]!, weeks[weeks.length - 1]!);
    yield page.flatMap((userId) => memberExportRows(userId, weeks, targets, facts.get(userId)).map((row) => ({ ...row, displayName: named.get(userId) ?? '' })));
    await nextTurn();
  }
}
