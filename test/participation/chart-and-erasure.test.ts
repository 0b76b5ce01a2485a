import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/connection.js';
import { eraseMember, textColumns } from '../../src/participation/erasure-store.js';
import { CHART_HEIGHT, CHART_WIDTH, chartSvg, PLOT, rasterise, renderPng, sessionTrend, WEEK_LABELS, type ChartWeek } from '../../src/participation/chart.js';
import { lastWeeks } from '../../src/platform/time/days.js';
import { seedChallenges, seedClub, seedEnrolment, seedMember, seedPause, seedSessions } from './support/seed.js';

const weeks: ChartWeek[] = lastWeeks('2026-11-25', 12).map((weekStart, i) => ({ weekStart, joined: 10 + i, sessions: 30 + 2 * i, reached: 5 + i, current: i === 11 }));

/** Rows (top to bottom) of a box that hold any text-dark pixel: the height of the text drawn there. */
function inkHeight(image: { pixels: Buffer; width: number }, box: { x0: number; y0: number; x1: number; y1: number }): number {
  const rows: number[] = [];
  for (let y = Math.floor(box.y0); y < box.y1; y++) {
    for (let x = Math.floor(box.x0); x < box.x1; x++) {
      const i = (y * image.width + x) * 4;
      if (image.pixels[i]! < 120 && image.pixels[i + 1]! < 120 && image.pixels[i + 2]! < 120 && image.pixels[i + 3]! > 200) {
        rows.push(y);
        break;
      }
    }
  }
  return rows.length === 0 ? 0 : rows[rows.length - 1]! - rows[0]! + 1;
}

/** Dark pixels (text is near-black; bars and grid are lighter) inside a box of the image. */
function darkPixels(pixels: Buffer, width: number, box: { x0: number; y0: number; x1: number; y1: number }): number {
  let dark = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const i = (y * width + x) * 4;
      if (pixels[i]! < 90 && pixels[i + 1]! < 90 && pixels[i + 2]! < 90 && pixels[i + 3]! > 200) dark++;
    }
  }
  return dark;
}

describe('club chart', () => {
  const svg = chartSvg(weeks, 'Weekly challenge: joined and reached the target');
  const title = { x0: 20, y0: 10, x1: 420, y1: 50 };
  const weekLabels = { x0: PLOT.left, y0: WEEK_LABELS.top, x1: PLOT.right, y1: WEEK_LABELS.bottom };
  const axisLabels = { x0: 10, y0: PLOT.top - 10, x1: PLOT.left - 4, y1: PLOT.bottom + 6 };

  it('draws its title, week labels and axis numbers with the shipped font (and none without a font)', () => {
    const withFont = rasterise(svg);
    const without = rasterise(svg, []);
    for (const box of [title, weekLabels, axisLabels]) {
      expect(darkPixels(withFont.pixels, withFont.width, box)).toBeGreaterThan(50);
      expect(darkPixels(without.pixels, without.width, box)).toBe(0);
    }
  });

  it('stays legible at the 400 px Discord shows it: week labels and axis numbers at least 9 px tall there', () => {
    const shown = rasterise(svg, undefined, 400);
    expect(shown.width).toBe(400);
    const half = (box: { x0: number; y0: number; x1: number; y1: number }) => ({ x0: box.x0 / 2, y0: box.y0 / 2, x1: box.x1 / 2, y1: box.y1 / 2 });
    expect(inkHeight(shown, half(weekLabels))).toBeGreaterThanOrEqual(9);
    // The top axis number alone (its row of the axis).
    expect(inkHeight(shown, half({ x0: 10, y0: PLOT.top - 20, x1: PLOT.left - 4, y1: PLOT.top + 20 }))).toBeGreaterThanOrEqual(9);
    expect(inkHeight(shown, half(title))).toBeGreaterThanOrEqual(11);
  });

  it('marks the week in progress "so far" and draws the trend through finished weeks only', () => {
    expect(svg).toContain('>so far</text>');
    expect(svg).toContain('url(#sofar)');
    // Finished weeks' sessions rise by 2 a week: the fitted line runs from 30 to 50.
    expect(sessionTrend(weeks)).toEqual({ from: 30, to: 50 });
    expect(sessionTrend(weeks.slice(10))).toBeNull();
  });

  it('is a valid PNG of the documented size', () => {
    const png = renderPng(svg);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
  });

  it('escapes text that would break the SVG', () => {
    expect(chartSvg(weeks, 'A <b> & "c"')).toContain('A &#60;b&#62; &#38; &#34;c&#34;');
  });
});

describe('erasure', () => {
  const GUILD = '1200000000000000001';
  const OTHER = '1200000000000000009';
  const USER = '1500000000000000777';
  const KEEP = '1500000000000000888';

  function seeded() {
    const path = join(mkdtempSync(join(tmpdir(), 'pacer-erase-')), 'pacer.sqlite');
    const handle = openDatabase(path);
    const { sqlite } = handle;
    for (const guildId of [GUILD, OTHER]) {
      seedClub(sqlite, { guildId });
      const ids = seedChallenges(sqlite, guildId, [{ weekStart: '2026-11-02', target: 2 }, { weekStart: '2026-11-09', target: 2 }]);
      for (const userId of [USER, KEEP]) {
        seedMember(sqlite, guildId, userId, new Date('2026-11-01'));
        seedEnrolment(sqlite, guildId, userId, ids.get('2026-11-02')!);
        seedPause(sqlite, guildId, userId, ids.get('2026-11-09')!);
        seedSessions(sqlite, guildId, userId, ['2026-11-02', '2026-11-03'], ids.get('2026-11-02'));
      }
    }
    // The member also set a club up, created an announcement and is mentioned in another one.
    sqlite.prepare('update clubs set setup_by_user_id = ? where guild_id = ?').run(USER, GUILD);
    const schedule = sqlite
      .prepare("insert into schedules (guild_id, kind, channel_id, rule_kind, created_by) values (?, 'announcement', '1', 'once', ?) returning id")
      .pluck()
      .get(GUILD, USER) as number;
    sqlite.prepare('insert into announcements (schedule_id, guild_id, content, created_by) values (?, ?, ?, ?)').run(schedule, GUILD, `Well done <@${USER}>!`, KEEP);
    // A weekly group run the member set up; both members answered Going and confirmed "I ran" in each club.
    const repeat = sqlite.prepare("insert into schedules (guild_id, kind, channel_id, rule_kind, cron) values (?, 'run_repeat', '1', 'cron', '30 18 * * 3') returning id").pluck().get(GUILD);
    const series = sqlite
      .prepare("insert into run_series (guild_id, channel_id, schedule_id, every_weeks, first_day, local_time, duration_minutes, title, meeting_point, distance, pace_groups, reminder_hours, created_by) values (?, '1', ?, 1, '2026-11-03', '18:30', 60, 'Track', 'Gate', '8 km', '[]', 2, ?) returning id")
      .pluck()
      .get(GUILD, repeat, USER);
    for (const guildId of [GUILD, OTHER]) {
      const run = sqlite
        .prepare("insert into group_runs (guild_id, channel_id, title, meeting_point, distance, pace_groups, starts_at, ends_at, series_id, created_by) values (?, '1', 'Track', 'Gate', '8 km', '[]', 0, 1, ?, ?) returning id")
        .pluck()
        .get(guildId, guildId === GUILD ? series : null, KEEP) as number;
      for (const userId of [USER, KEEP]) {
        sqlite.prepare("insert into run_rsvps (run_id, guild_id, user_id, answer, answered_at) values (?, ?, ?, 'going', 0)").run(run, guildId, userId);
        sqlite.prepare("insert into session_logs (guild_id, user_id, day, exercise_id, group_run_id) values (?, ?, '2026-11-03', ?, ?)").run(guildId, userId, `group-run:${run}`, run);
      }
    }
    return { handle, path };
  }

  /** Rows in any text column of any table that hold the id, read from the schema itself. */
  function rowsNaming(handle: ReturnType<typeof openDatabase>, id: string): string[] {
    const { columns } = textColumns(handle.sqlite);
    return columns.flatMap(({ table, column }) => {
      const n = handle.sqlite.prepare(`select count(*) from "${table}" where instr("${column}", ?) > 0`).pluck().get(id) as number;
      return n > 0 ? [`${table}.${column}: ${n}`] : [];
    });
  }

  it('finds every table of the schema, including ones added later', () => {
    const { handle } = seeded();
    handle.sqlite.exec('create table later_feature (id integer primary key, guild_id text, user_id text, note text)');
    handle.sqlite.prepare('insert into later_feature (guild_id, user_id, note) values (?, ?, ?)').run(GUILD, USER, 'x');
    const { tables } = textColumns(handle.sqlite);
    const all = handle.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").pluck().all();
    expect(tables.sort()).toEqual((all as string[]).sort());
    expect(eraseMember(handle.db, USER).deleted.later_feature).toBe(1);
    expect(rowsNaming(handle, USER)).toEqual([]);
    handle.close();
  });

  it('/forget-me leaves no row naming the member in any table, keeps everyone else, and the WAL and file hold none after a checkpoint', () => {
    const { handle, path } = seeded();
    const keepBefore = rowsNaming(handle, KEEP);
    expect(rowsNaming(handle, USER).length).toBeGreaterThan(4);
    const result = eraseMember(handle.db, USER);
    // 2 clubs x (member + enrolment + pause + 2 sessions + a group run's answer and confirmation) deleted; set-up,
    // creators and mention cleared.
    expect(result.deleted).toEqual({ members: 2, enrolments: 2, challenge_pauses: 2, session_logs: 6, run_rsvps: 2 });
    expect(result.cleared).toEqual({ clubs: 1, schedules: 1, announcements: 1, run_series: 1 });
    expect(rowsNaming(handle, USER)).toEqual([]);
    expect(rowsNaming(handle, KEEP)).toEqual(keepBefore);
    expect(handle.sqlite.prepare('select content from announcements').pluck().get()).toBe('Well done <@erased>!');
    handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const needle = Buffer.from(USER);
    expect(readFileSync(`${path}-wal`).includes(needle)).toBe(false);
    expect(readFileSync(path).includes(needle)).toBe(false);
    handle.close();
  });

  it('/club forget erases only that club, and the member can take part again as new', () => {
    const { handle } = seeded();
    const result = eraseMember(handle.db, USER, { guildId: GUILD });
    expect(result.deleted).toEqual({ members: 1, enrolments: 1, challenge_pauses: 1, session_logs: 3, run_rsvps: 1 });
    expect(handle.sqlite.prepare('select count(*) from session_logs where user_id = ? and guild_id = ?').pluck().get(USER, OTHER)).toBe(3);
    expect(handle.sqlite.prepare('select count(*) from run_rsvps where user_id = ? and guild_id = ?').pluck().get(USER, OTHER)).toBe(1);
    seedMember(handle.sqlite, GUILD, USER, new Date('2026-11-20'));
    seedSessions(handle.sqlite, GUILD, USER, ['2026-11-20']);
    expect(handle.sqlite.prepare('select count(*) from session_logs where user_id = ? and guild_id = ?').pluck().get(USER, GUILD)).toBe(1);
    handle.close();
  });
});
