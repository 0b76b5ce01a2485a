import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leaderboardPage, rank, streakScores } from '../../src/participation/leaderboard.js';
import { memberRecord, type ClubCalendar, type MemberHistory } from '../../src/participation/record.js';
import { localDay, weekStartOf } from '../../src/platform/time/days.js';
import { writeCsv, type ExportRow } from '../../src/participation/export-csv.js';

const calendar = (today: string, firstDay = 1): ClubCalendar => ({ zone: 'Europe/London', today, firstDay });
const history = (over: Partial<MemberHistory>): MemberHistory => ({
  clubWeeks: [],
  enrolledWeeks: new Set(),
  pausedWeeks: new Set(),
  sessionDays: [],
  firstDay: '2026-10-05',
  ...over,
});
// Mondays of October-November 2026
const W = ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02'];
const target2 = W.map((weekStart) => ({ weekStart, target: 2 }));
const twice = (week: string) => [week, week];

describe('streaks and weeks as /me uses them', () => {
  it('a missed week breaks the streak; the best is kept', () => {
    const r = memberRecord(history({ clubWeeks: target2, sessionDays: [...twice(W[0]!), ...twice(W[1]!), ...twice(W[3]!)] }), calendar('2026-11-03'));
    expect(r.streaks).toEqual({ current: 1, best: 2 });
    expect(r.strip.slice(-5).map((w) => w.outcome)).toEqual(['reached', 'reached', 'missed', 'reached', 'open']);
  });

  it('shows the week in progress as in progress, not missed, until it closes (then missed) or is reached', () => {
    const base = { clubWeeks: target2, sessionDays: twice(W[0]!) };
    expect(memberRecord(history(base), calendar('2026-10-12')).strip.at(-1)).toMatchObject({ weekStart: W[1], outcome: 'open' });
    expect(memberRecord(history({ ...base, sessionDays: [...base.sessionDays, W[1]!] }), calendar('2026-10-18')).strip.at(-1)?.outcome).toBe('open');
    expect(memberRecord(history(base), calendar('2026-10-19')).strip.at(-2)).toMatchObject({ weekStart: W[1], outcome: 'missed' });
    expect(memberRecord(history({ ...base, sessionDays: [...base.sessionDays, ...twice(W[1]!)] }), calendar('2026-10-13')).strip.at(-1)?.outcome).toBe('reached');
  });

  it('a paused week neither counts nor breaks', () => {
    const r = memberRecord(history({ clubWeeks: target2, pausedWeeks: new Set([W[1]!]), sessionDays: [...twice(W[0]!), ...twice(W[2]!)] }), calendar('2026-10-25'));
    expect(r.streaks).toEqual({ current: 2, best: 2 });
    expect(r.strip.slice(-3).map((w) => w.outcome)).toEqual(['reached', 'paused', 'reached']);
  });

  it('the running week below target breaks nothing yet, and counts once reached', () => {
    const base = { clubWeeks: target2, sessionDays: [...twice(W[0]!), W[1]!] };
    expect(memberRecord(history(base), calendar('2026-10-13')).streaks).toEqual({ current: 1, best: 1 });
    expect(memberRecord(history({ ...base, sessionDays: [...base.sessionDays, '2026-10-18'] }), calendar('2026-10-18')).streaks).toEqual({ current: 2, best: 2 });
  });

  it('a week spanning the clock change (London, 25 Oct 2026) is still seven days', () => {
    // Sunday 25 Oct is the day the clocks go back; Monday 26 Oct starts the next week.
    expect(weekStartOf('2026-10-25')).toBe('2026-10-19');
    expect(weekStartOf('2026-10-26')).toBe('2026-10-26');
    const r = memberRecord(history({ clubWeeks: target2, sessionDays: ['2026-10-19', '2026-10-25'] }), calendar('2026-10-27'));
    expect(r.strip.find((w) => w.weekStart === '2026-10-19')?.outcome).toBe('reached');
  });

  it('week boundaries follow the club zone and post weekday: a late log on the last day counts for that week', () => {
    // 23:30 on Sunday 1 Nov in London is 2026-11-01T23:30Z (GMT); in New York it is still 18:30 Sunday.
    expect(localDay(new Date('2026-11-01T23:30:00Z'), 'Europe/London')).toBe('2026-11-01');
    expect(localDay(new Date('2026-11-02T00:30:00Z'), 'Europe/London')).toBe('2026-11-02');
    expect(localDay(new Date('2026-11-02T03:30:00Z'), 'America/New_York')).toBe('2026-11-01');
    expect(weekStartOf('2026-11-01')).toBe('2026-10-26');
    // A club whose weeks start on Thursday (4).
    expect(weekStartOf('2026-11-04', 4)).toBe('2026-10-29');
    expect(weekStartOf('2026-11-05', 4)).toBe('2026-11-05');
  });

  it('counts this week, this month and all time', () => {
    const r = memberRecord(history({ clubWeeks: target2, sessionDays: ['2026-10-28', '2026-10-31', '2026-11-02', '2026-11-03'] }), calendar('2026-11-04'));
    expect(r.sessions).toEqual({ week: 2, month: 2, all: 4 });
  });
});

describe('leaderboard', () => {
  it('orders by score, shares ranks on ties (1, 2, 2, 4) in a stable order, and leaves out zero scores', () => {
    const ranked = rank([
      { userId: '3', score: 5 },
      { userId: '2', score: 5 },
      { userId: '1', score: 9 },
      { userId: '4', score: 1 },
      { userId: '5', score: 0 },
    ]);
    expect(ranked.map((r) => [r.userId, r.rank])).toEqual([
      ['1', 1],
      ['2', 2],
      ['3', 2],
      ['4', 4],
    ]);
  });

  it("pages and gives the caller's own rank when they are not on the page", () => {
    const scores = Array.from({ length: 25 }, (_, i) => ({ userId: String(100 + i), score: 50 - i }));
    const page = leaderboardPage(scores, { period: 'week', board: 'sessions', page: 1, callerId: '122' });
    expect(page.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(page.caller).toEqual({ userId: '122', score: 28, rank: 23 });
    expect(page.pageCount).toBe(3);
    expect(leaderboardPage(scores, { period: 'week', board: 'sessions', page: 9, callerId: 'x' }).page).toBe(3);
  });
});

describe('streak board after a club moves its challenge day', () => {
  // Last week's challenge started on Tuesday 17 November, this week's on Wednesday 18 November (weeks now start
  // on Wednesdays). Ann logged on Tuesday (last Wednesday-week), Ben on Wednesday (this week, target reached).
  const calendar: ClubCalendar = { zone: 'Europe/London', today: '2026-11-18', firstDay: 3 };
  const clubWeeks = [
    { weekStart: '2026-11-17', target: 1 },
    { weekStart: '2026-11-18', target: 1 },
  ];
  const ann = { userId: 'ann', firstWeek: '2026-11-11', perWeek: new Map([['2026-11-11', 1]]), pausedWeeks: new Set<string>() };
  const ben = { userId: 'ben', firstWeek: '2026-11-18', perWeek: new Map([['2026-11-18', 1]]), pausedWeeks: new Set<string>() };

  it("gives a member this week's streak, whether the board scores the club at once or a page of members at a time", () => {
    const together = streakScores([ann, ben], clubWeeks, calendar, 'week');
    expect(together.find((s) => s.userId === 'ben')).toEqual({ userId: 'ben', score: 1 });
    const onePerPage = [ann, ben].flatMap((member) => streakScores([member], clubWeeks, calendar, 'week'));
    expect(onePerPage).toEqual(together);
  });

  it("/me shows the same: this week reached, on the club's new weekday", () => {
    const record = memberRecord(history({ clubWeeks, sessionDays: ['2026-11-18'], firstDay: '2026-11-10' }), calendar);
    expect(record.streaks.current).toBe(1);
    expect(record.strip.at(-1)).toMatchObject({ weekStart: '2026-11-18', outcome: 'reached' });
  });
});

describe('CSV export', () => {
  it('parses back to the same values; formulas are escaped; commas, quotes and line breaks survive', async () => {
    const rows: ExportRow[] = [
      { memberId: '1', displayName: '=HYPERLINK("http://evil","x")', weekStart: '2026-10-05', joined: true, sessions: 3, groupRuns: 1, reachedTarget: true, paused: false },
      { memberId: '2', displayName: 'Smith, "Jo"\nsecond line', weekStart: '2026-10-05', joined: false, sessions: 0, groupRuns: 0, reachedTarget: false, paused: true },
      { memberId: '3', displayName: '+44 runner', weekStart: '2026-10-12', joined: true, sessions: 1, groupRuns: 0, reachedTarget: false, paused: false },
      { memberId: '4', displayName: 'line one\nline two', weekStart: '2026-10-12', joined: false, sessions: 2, groupRuns: 2, reachedTarget: true, paused: false },
    ];
    const path = join(mkdtempSync(join(tmpdir(), 'pacer-csv-')), 'out.csv');
    await writeCsv([rows], path);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text).toContain('\r\n');
    const parsed = parse<Record<string, string>>(text, { columns: true, bom: true });
    expect(text).toContain('"line one\nline two"');
    expect(parsed.map((r) => r.Member)).toEqual(["'=HYPERLINK(\"http://evil\",\"x\")", 'Smith, "Jo"\nsecond line', "'+44 runner", 'line one\nline two']);
    expect(parsed.map((r) => [r['Discord member id'], r['Week starting'], r['Joined the challenge'], r['Sessions logged'], r['Group runs'], r['Reached the target'], r['Paused that week']])).toEqual([
      ['id 1', '2026-10-05', 'yes', '3', '1', 'yes', 'no'],
      ['id 2', '2026-10-05', 'no', '0', '0', 'no', 'yes'],
      ['id 3', '2026-10-12', 'yes', '1', '0', 'no', 'no'],
      ['id 4', '2026-10-12', 'no', '2', '2', 'yes', 'no'],
    ]);
  });

  it('writes the same bytes a page at a time as csv-stringify streaming every row at once, however the rows are paged', async () => {
    const { stringify } = await import('csv-stringify');
    const { Readable } = await import('node:stream');
    const { buffer } = await import('node:stream/consumers');
    const { CSV_OPTIONS } = await import('../../src/participation/export-csv.js');
    const names = ['Rita', '=cmd', 'Smith, "Jo"', 'two\nlines', '', '@here', 'Zoë'];
    const rows: ExportRow[] = Array.from({ length: 23 }, (_, i) => ({
      memberId: String(1500000000000000000n + BigInt(i)),
      displayName: names[i % names.length]!,
      weekStart: `2026-10-${String(5 + (i % 4) * 7).padStart(2, '0')}`,
      joined: i % 2 === 0,
      sessions: i % 5,
      groupRuns: i % 2,
      reachedTarget: i % 3 === 0,
      paused: i % 7 === 0,
    }));
    const dir = mkdtempSync(join(tmpdir(), 'pacer-csv-'));
    for (const count of [0, 1, 23]) {
      const whole = (await buffer(Readable.from(rows.slice(0, count)).pipe(stringify(CSV_OPTIONS)))).toString('utf8');
      for (const cuts of [[], [0], [1, 1, 5], [0, 7, 7, 22]]) {
        const pages: ExportRow[][] = [];
        let from = 0;
        for (const cut of [...cuts.filter((c) => c <= count), count]) {
          pages.push(rows.slice(from, cut));
          from = cut;
        }
        const path = join(dir, `out-${count}-${cuts.join('-')}.csv`);
        await writeCsv(pages, path);
        expect(readFileSync(path, 'utf8'), `${count} rows cut at ${cuts.join(', ')}`).toBe(whole);
      }
    }
  });

  it('names its columns in plain words and writes 19-digit ids as text a spreadsheet cannot turn into 1.5E+18', async () => {
    const id = '1500000000000000001';
    const path = join(mkdtempSync(join(tmpdir(), 'pacer-csv-')), 'out.csv');
    await writeCsv([[{ memberId: id, displayName: 'Rita', weekStart: '2026-10-05', joined: true, sessions: 3, groupRuns: 0, reachedTarget: true, paused: false }]], path);
    const [header, line] = readFileSync(path, 'utf8').replace('\ufeff', '').split('\r\n');
    expect(header).toBe('Member,Discord member id,Week starting,Joined the challenge,Sessions logged,Group runs,Reached the target,Paused that week');
    const cell = line!.split(',')[1]!;
    expect(cell).toBe(`id ${id}`);
    // What a spreadsheet does with a cell: a number if the whole cell reads as one (it would keep 15 digits).
    expect(Number.isFinite(Number(cell))).toBe(false);
    expect(cell.slice(3)).toBe(id);
  });
});
