/**
 * Participation end to end: /me, /challenge leaderboard, /club stats, export, forget and /forget-me through
 * the real entry point and discord.js client against the Discord double, on records seeded in the database.
 */
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastWeeks, localDay } from '../../src/platform/time/days.js';
import { FIXTURE, type ApiMessage } from '@pacer/discord-double';
import { ParticipationRows, seedChallengesIn, seedClubIn } from './support/seed-storage.js';
import { startPacer, type Pacer } from '../support/pacer.js';

type Json = Record<string, unknown>;
const G = FIXTURE.guildId;
const RITA = FIXTURE.users.member;
const MO = FIXTURE.users.moderator;
const buttons = (m: ApiMessage) => (m.components as Json[]).flatMap((r) => (r.components as Json[]) ?? []);

describe('participation through Discord', () => {
  let pacer: Pacer;
  const today = localDay(new Date(), 'Europe/London');
  const weeks = lastWeeks(today, 4);

  beforeAll(async () => {
    pacer = await startPacer();
    await seedClubIn(pacer.storage, G);
    const ids = await seedChallengesIn(pacer.storage, G, weeks.map((weekStart) => ({ weekStart, target: 2 })));
    const rows = new ParticipationRows(G);
    // Rita reached the target in the three closed weeks: a streak of 3.
    rows.member(RITA, new Date(Date.parse(weeks[0]!)));
    for (const week of weeks.slice(0, 3)) rows.enrolment(RITA, ids.get(week)!).sessionsOn(RITA, [week, week], ids.get(week));
    // Twelve busier members (not in the server) push Rita off the first page of the all-time board.
    for (let i = 0; i < 12; i++) {
      const id = String(1_600_000_000_000_000_000n + BigInt(i));
      rows.member(id, new Date(Date.parse(weeks[0]!))).sessionsOn(id, Array.from({ length: 7 + i }, () => weeks[0]!));
    }
    // Mo: one session and a display name full of spreadsheet trouble is tested in the unit CSV test.
    rows.member(MO, new Date(Date.parse(weeks[0]!))).enrolment(MO, ids.get(weeks[1]!)!).sessionsOn(MO, [weeks[1]!], ids.get(weeks[1]!));
    await rows.writeTo(pacer.storage);
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  it('/me shows my sessions and streak privately', async () => {
    const handle = pacer.double.runSlash('me');
    const reply = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    const text = JSON.stringify(reply.embeds[0]);
    expect(text).toContain('Joined 3 · completed 3');
    expect(text).toContain('all time 6');
    expect(text).toContain('Now 3 weeks in a row · best 3 weeks');
    expect(text).toContain('🟩🟩🟩');
  });

  it('/challenge leaderboard ranks by sessions, pings nobody, and shows my rank when I am not on the page', async () => {
    const handle = pacer.double.runSlash('challenge', { subcommand: 'leaderboard', options: { period: 'all' } });
    const reply = await handle.reply();
    expect(handle.isEphemeral()).toBe(false);
    const description = String(reply.embeds[0]!.description);
    expect(description.split('\n')[0]).toContain('**1.** A former member · 18 sessions');
    expect(description).not.toMatch(/<@/);
    expect(description).toContain('Your place: **13** of 14 · 6 sessions');
    expect(handle.callback?.data?.allowed_mentions).toEqual({ parse: [] });

    const next = buttons(reply).find((b) => String(b.label).includes('Next'))!;
    const page2 = await pacer.double.clickButton(String(next.custom_id), { messageId: reply.id }).reply();
    expect(String(page2.embeds[0]!.description)).toContain('**13.** Rita · 6 sessions ← you');
    expect(String(page2.embeds[0]!.description)).toContain('**14.** Mo · 1 session');
  });

  it('/challenge leaderboard by streak lists the member who reached the target', async () => {
    const reply = await pacer.double.runSlash('challenge', { subcommand: 'leaderboard', options: { period: 'all' } }).reply();
    const toggle = buttons(reply).find((b) => String(b.label).includes('streak'))!;
    const streak = await pacer.double.clickButton(String(toggle.custom_id), { messageId: reply.id }).reply();
    expect(String(streak.embeds[0]!.title)).toContain('Streak');
    expect(String(streak.embeds[0]!.description)).toContain('**1.** Rita · 3 weeks (best) ← you');
  });

  it('/club stats answers the moderator privately from the club\'s first week, marks this week, and shares on request', async () => {
    const handle = pacer.double.runSlash('club', { subcommand: 'stats', user: MO });
    const reply = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    // The club's first challenge week is 3 weeks back: four weeks, not twelve, and this one is "so far".
    expect(reply.content).toContain("**The club's 4 weeks**");
    expect(reply.content).toContain('2 sessions, 1 joined, 1 reached the target');
    expect(reply.content).toMatch(/\(this week, so far\): 0 sessions/);
    const png = pacer.double.attachment(reply.id, 'club-stats.png')!;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, 600]);
    const share = buttons(reply).find((b) => b.label === 'Share to channel')!;
    // A member who is not a moderator cannot share a moderator's chart (checked at the click).
    const refused = await pacer.double.clickButton(String(share.custom_id), { messageId: reply.id, user: RITA }).reply();
    expect(refused.content).toMatch(/Only moderators/);
    const shared = pacer.double.clickButton(String(share.custom_id), { messageId: reply.id, user: MO });
    const post = await shared.reply();
    expect(shared.isEphemeral()).toBe(false);
    expect(post.components).toEqual([]);
    expect(pacer.double.attachment(post.id, 'club-stats.png')?.length).toBeGreaterThan(5_000);
  });

  it('/club export sends moderators a CSV that parses back to the database numbers', async () => {
    const handle = pacer.double.runSlash('club', { subcommand: 'export', user: MO });
    const reply = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    const file = (reply.attachments as Json[])[0]!;
    const csv = pacer.double.attachment(reply.id, String(file.filename))!.toString('utf8');
    expect(file.filename).toBe(`pacer-test-club-participation-${weeks[0]}-to-${today}.csv`);
    const rows = parse<Json>(csv, { columns: true, bom: true });
    const rita = rows.filter((r) => r['Discord member id'] === `id ${RITA}`);
    expect(rita.map((r) => [r['Week starting'], r.Member, r['Sessions logged'], r['Reached the target'], r['Joined the challenge']])).toEqual(
      weeks.map((w, i) => [w, 'Rita', i < 3 ? '2' : '0', i < 3 ? 'yes' : 'no', i < 3 ? 'yes' : 'no']),
    );
    const total = rows.reduce((sum, r) => sum + Number(r['Sessions logged']), 0);
    expect(total).toBe(await pacer.count(sql`select count(*) from session_logs where guild_id = ${G}`));
  });

  it('/club export refuses a member who is not a moderator, and a bad date', async () => {
    const refused = await pacer.double.runSlash('club', { subcommand: 'export', user: RITA, bypassPermissionGate: true }).reply();
    expect(refused.content).toMatch(/Only moderators/);
    expect(refused.attachments).toEqual([]);
    const bad = await pacer.double.runSlash('club', { subcommand: 'export', user: MO, options: { from: '2026-02-30' } }).reply();
    expect(bad.content).toMatch(/not a date I can read/);
    expect(bad.attachments).toEqual([]);
  });

  it('/forget-me asks first, then erases every row about me and says how many', async () => {
    const before = await pacer.count(
      sql`select (select count(*) from session_logs where user_id = ${RITA}) + (select count(*) from enrolments where user_id = ${RITA}) + (select count(*) from members where user_id = ${RITA}) + (select count(*) from member_names where user_id = ${RITA})`,
    );
    const ask = pacer.double.runSlash('forget-me');
    const confirm = await ask.reply();
    expect(ask.isEphemeral()).toBe(true);
    expect(await pacer.count(sql`select count(*) from session_logs where user_id = ${RITA}`)).toBe(6);
    const erase = buttons(confirm).find((b) => String(b.label) === 'Erase my data')!;
    const done = await pacer.double.clickButton(String(erase.custom_id), { messageId: confirm.id }).reply();
    expect(done.content).toContain(`Done: ${String(before)} records about you removed`);
    for (const table of ['members', 'enrolments', 'session_logs', 'member_names']) {
      expect(await pacer.count(sql`select count(*) from ${sql.identifier(table)} where user_id = ${RITA}`)).toBe(0);
    }
    const me = await pacer.double.runSlash('me').reply();
    expect(me.content).toMatch(/no record in this club yet/);
  });

  it('/club forget erases a member from this club for a moderator', async () => {
    const reply = await pacer.double.runSlash('club', { subcommand: 'forget', user: MO, options: { member: MO } }).reply();
    expect(reply.content).toMatch(/Done: 4 records about that member removed .*1 display name kept/);
    expect(await pacer.count(sql`select count(*) from session_logs where user_id = ${MO}`)).toBe(0);
  });
});
