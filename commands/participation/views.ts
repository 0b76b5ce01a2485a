import { ButtonStyle, type APIEmbed } from 'discord.js';
import { forgetCodec, leaderboardCodec, statsShareCodec } from './custom-id.js';
import type { ChartWeek } from '../../src/participation/chart.js';
import { shortDate } from '../../src/platform/time/days.js';
import { type Board, type LeaderboardPage, type Period, type Ranked } from '../../src/participation/leaderboard.js';
import type { MemberRecord, StripOutcome } from '../../src/participation/record.js';
import type { ErasureSummary } from '../../src/participation/erasure-summary.js';
import { button, buttonRows, clip, type Row, PACER_GREEN, type MessageView } from '../../src/platform/discord/components.js';

// ---- /me ----------------------------------------------------------------------------------------------------

export const STRIP_SYMBOLS: Record<StripOutcome, string> = { reached: '🟩', partial: '🟨', paused: '⏸️', missed: '⬜', none: '▫️', open: '⏳' };
const STRIP_LEGEND = '🟩 reached · 🟨 some sessions · ⏸️ paused · ⬜ missed · ▫️ no challenge · ⏳ this week, in progress';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function meView(record: MemberRecord): MessageView {
  const { sessions, streaks, strip } = record;
  const first = strip[0];
  const embed: APIEmbed = {
    title: 'Your Pacer record',
    color: PACER_GREEN,
    fields: [
      { name: 'Challenges', value: `Joined ${record.challengesJoined} · completed ${record.challengesCompleted}`, inline: false },
      { name: 'Sessions', value: `This week ${sessions.week} · this month ${sessions.month} · all time ${sessions.all}`, inline: false },
      { name: 'Streak', value: `Now ${plural(streaks.current, 'week')} in a row · best ${plural(streaks.best, 'week')}`, inline: false },
      {
        name: `Last ${strip.length} weeks${first ? ` (from ${shortDate(first.weekStart)})` : ''}`,
        value: `${strip.map((w) => STRIP_SYMBOLS[w.outcome]).join('')}\n${STRIP_LEGEND}`,
        inline: false,
      },
    ],
    footer: { text: 'Only you can see this. /forget-me erases everything Pacer holds about you.' },
  };
  return { embeds: [embed], components: [] };
}

export const NO_RECORD_TEXT = 'You have no record in this club yet. Join this week\'s challenge with `/challenge join`, then log a session with `/challenge log`.';

// ---- leaderboard --------------------------------------------------------------------------------------------

export const PERIOD_LABELS: Record<Period, string> = { week: 'This week', month: 'This month', all: 'All time' };
export const BOARD_LABELS: Record<Board, string> = { sessions: 'Sessions', streak: 'Streak' };

function scoreText(board: Board, period: Period, score: number): string {
  if (board === 'sessions') return plural(score, 'session');
  return `${plural(score, 'week')}${period === 'all' ? ' (best)' : ''}`;
}

/** Names are plain text (Markdown escaped), so nobody is pinged or mis-formatted. */
export function plainName(name: string): string {
  return clip(name.replace(/[\r\n]+/g, ' ').replace(/([\\*_~`|>#[\]()@<:-])/g, '\\$1'), 64);
}

function rankLine(row: Ranked, name: string, board: Board, period: Period, isCaller: boolean): string {
  const line = `**${row.rank}.** ${plainName(name)} · ${scoreText(board, period, row.score)}`;
  return isCaller ? `${line} ← you` : line;
}

export function leaderboardView(page: LeaderboardPage, names: ReadonlyMap<string, string>, callerId: string): MessageView {
  const nameOf = (id: string) => names.get(id) ?? 'A former member';
  const lines = page.rows.map((row) => rankLine(row, nameOf(row.userId), page.board, page.period, row.userId === callerId));
  const onPage = page.rows.some((r) => r.userId === callerId);
  const you = page.caller
    ? onPage
      ? null
      : `Your place: **${page.caller.rank}** of ${page.total} · ${scoreText(page.board, page.period, page.caller.score)}`
    : page.board === 'sessions'
      ? 'You are not on this board yet: log a session with `/challenge log`.'
      : 'You are not on this board yet: reach a weekly target to start a streak.';
  const embed: APIEmbed = {
    title: `Leaderboard · ${BOARD_LABELS[page.board]} · ${PERIOD_LABELS[page.period]}`,
    color: PACER_GREEN,
    description: clip([lines.length ? lines.join('\n') : 'Nobody is on this board yet.', ...(you ? ['', you] : [])].join('\n'), 4096),
    footer: { text: `Page ${page.page} of ${page.pageCount} · ${plural(page.total, 'member')}` },
  };
  const state = { period: page.period, board: page.board };
  const other: Board = page.board === 'sessions' ? 'streak' : 'sessions';
  const components: Row[] = buttonRows([
    button(leaderboardCodec.encode({ ...state, page: Math.max(1, page.page - 1), button: 'prev' }), '◀ Previous', ButtonStyle.Secondary, page.page <= 1),
    button(leaderboardCodec.encode({ ...state, page: Math.min(page.pageCount, page.page + 1), button: 'next' }), 'Next ▶', ButtonStyle.Secondary, page.page >= page.pageCount),
    button(leaderboardCodec.encode({ period: page.period, board: other, page: 1, button: 'flip' }), `By ${BOARD_LABELS[other].toLowerCase()}`, ButtonStyle.Primary),
  ]);
  return { embeds: [embed], components };
}

// ---- /club stats ----------------------------------------------------------------------------------------------

export const CHART_FILE_NAME = 'club-stats.png';

/** The chart's numbers as text, for screen readers and for anyone who cannot see the picture. */
export function chartText(weeks: readonly ChartWeek[]): string {
  const lines = weeks.map(
    (w) => `${shortDate(w.weekStart)}${w.current ? ' (this week, so far)' : ''}: ${plural(w.sessions, 'session')}, ${w.joined} joined, ${w.reached} reached the target`,
  );
  const heading = weeks.length === 1 ? '**This week** (the club\'s first):' : `**The club's ${weeks.length} weeks** (week starting):`;
  return [heading, ...lines].join('\n');
}

export const SHARE_STATS_LABEL = 'Share to channel';

/** `shareable`: the moderator's private copy carries the button that posts it for everyone. */
export function statsView(weeks: readonly ChartWeek[], shareable: boolean): MessageView {
  return {
    content: clip(chartText(weeks), 2000),
    embeds: [{ title: 'Club challenge: sessions and targets reached', color: PACER_GREEN, image: { url: `attachment://${CHART_FILE_NAME}` } }],
    components: shareable ? buttonRows([button(statsShareCodec.encode('share'), SHARE_STATS_LABEL, ButtonStyle.Primary)]) : [],
  };
}

// ---- /forget-me and /club forget ----------------------------------------------------------------------------

export function forgetConfirmView(): MessageView {
  return {
    content:
      'This erases everything Pacer holds about you in every club: challenges joined, sessions logged, pauses and streaks. It cannot be undone. You can take part again later as a new member.',
    embeds: [],
    components: buttonRows([button(forgetCodec.encode('confirm'), 'Erase my data', ButtonStyle.Danger), button(forgetCodec.encode('cancel'), 'Keep my data', ButtonStyle.Secondary)]),
  };
}

/** `messagesToEdit`: Pacer's past posts (recaps, leaderboards) that name the member, queued for editing. */
export function erasedText(summary: ErasureSummary, who: 'you' | 'member', messagesToEdit = 0): string {
  const edits =
    messagesToEdit > 0
      ? ` Pacer is also editing ${plural(messagesToEdit, 'of its past message', 'of its past messages')} in the channel (recaps and leaderboards) to take ${who === 'you' ? 'your' : 'their'} name out; that takes a few minutes.`
      : '';
  if (summary.total === 0) {
    return (who === 'you' ? 'Pacer held nothing about you. Nothing was removed.' : 'Pacer held nothing about that member in this club. Nothing was removed.') + edits;
  }
  const detail = summary.parts.map((p) => `${p.count} ${p.label}`).join(', ');
  return who === 'you'
    ? `Done: ${plural(summary.total, 'record')} about you removed (${detail}).${edits} ${messagesToEdit > 0 ? 'After that, Pacer' : 'Pacer'} holds nothing more about you.`
    : `Done: ${plural(summary.total, 'record')} about that member removed from this club (${detail}).${edits}`;
}

export const FORGET_CANCELLED_TEXT = 'Nothing was erased. Your record is as it was.';
