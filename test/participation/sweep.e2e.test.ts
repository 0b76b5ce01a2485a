/**
 * Every participation command and button, in clubs of 0, 1, 2, 30 and 5,000 members, through the real entry
 * point and discord.js client against the Discord double: boards of each period and sort, paged to the last
 * page and back, /me, /club stats and its Share button, /club export (dates in several forms, a huge range),
 * /club forget and /forget-me. An empty week (the 0, 1 and 2 member clubs have logged nothing this week), a
 * full week (everyone in the 30 member club logged every day so far) and the last page are all visited. The
 * double refuses whatever Discord would (duplicate custom_ids, List Guild Members without the intent, limits),
 * and the sweep asserts it refused nothing and every interaction was answered.
 */
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, lastWeeks } from '../../src/platform/time/days.js';
import { defaultFixtureGuild, FIXTURE, type ApiMessage, type FixtureGuild, type InteractionHandle } from '@pacer/discord-double';
import { ParticipationRows, seedChallengesIn, seedClubIn } from './support/seed-storage.js';
import { startPacer, type Pacer } from '../support/pacer.js';

type Json = Record<string, unknown>;
const G = FIXTURE.guildId;
const RITA = FIXTURE.users.member;
const MO = FIXTURE.users.moderator;
/** Wednesday 25 November 2026, noon in London: this week started Monday 23rd. */
const NOW = new Date('2026-11-25T12:00:00Z');
const TODAY = '2026-11-25';
const WEEKS = lastWeeks(TODAY, 6);
const THIS_WEEK = WEEKS[WEEKS.length - 1]!;
const runnerId = (i: number) => String(1_700_000_000_000_000_000n + BigInt(i));

const buttons = (m: ApiMessage) => (m.components as Json[]).flatMap((r) => (r.components as Json[]) ?? []);
const footer = (m: ApiMessage) => String((m.embeds[0]?.footer as { text?: string } | undefined)?.text ?? '');
const pageOf = (m: ApiMessage) => {
  const match = /Page (\d+) of (\d+)/.exec(footer(m));
  return { page: Number(match?.[1]), of: Number(match?.[2]) };
};

/** Members of the club besides Rita and Mo; the 30 member club's are in the server (with names). */
function guildFor(size: number): FixtureGuild {
  const guild = defaultFixtureGuild();
  if (size === 30) {
    for (let i = 0; i < 28; i++) guild.members.push({ user: { id: runnerId(i), username: `runner_${i}`, globalName: `Runner ${i}` }, roleIds: [] });
  }
  return guild;
}

async function seed(pacer: Pacer, size: number): Promise<void> {
  await seedClubIn(pacer.storage, G);
  const ids = await seedChallengesIn(pacer.storage, G, WEEKS.map((weekStart) => ({ weekStart, target: 3, status: weekStart === THIS_WEEK ? 'open' : 'closed' })));
  const members = [RITA, MO, ...Array.from({ length: Math.max(0, size - 2) }, (_, i) => runnerId(i))].slice(0, size);
  const firstSeen = new Date(`${WEEKS[0]}T09:00:00Z`);
  const rows = new ParticipationRows(G);
  members.forEach((userId, m) => {
    rows.member(userId, firstSeen);
    // Closed weeks: a varied record (some reach 3, some not); this week: empty below 30, full at 30.
    WEEKS.slice(0, -1).forEach((week, w) => {
      const count = (m + w) % 5;
      if (count === 0) return;
      rows.enrolment(userId, ids.get(week)!).sessionsOn(userId, Array.from({ length: count }, (_, d) => addDays(week, d)), ids.get(week));
    });
    if (size === 30) rows.enrolment(userId, ids.get(THIS_WEEK)!).sessionsOn(userId, [THIS_WEEK, addDays(THIS_WEEK, 1), addDays(THIS_WEEK, 2)], ids.get(THIS_WEEK));
    if (size === 5000 && m % 7 === 0) rows.sessionsOn(userId, [THIS_WEEK], ids.get(THIS_WEEK));
  });
  await rows.writeTo(pacer.storage);
}

describe.each([0, 1, 2, 30, 5000])('every participation command and button in a club of %i members', (size) => {
  let pacer: Pacer;
  const handles: InteractionHandle[] = [];
  const track = (handle: InteractionHandle) => (handles.push(handle), handle);
  const slash = (name: string, input: Parameters<Pacer['double']['runSlash']>[1]) => track(pacer.double.runSlash(name, input));
  const click = (customId: string, input: { messageId?: string; user?: string } = {}) => track(pacer.double.clickButton(customId, input));

  beforeAll(async () => {
    pacer = await startPacer({ double: { guilds: [guildFor(size)] }, app: { clock: { now: () => NOW }, scheduler: { tickExpression: '0 0 0 1 1 *' } } });
    await seed(pacer, size);
  }, 60_000);
  afterAll(async () => {
    await pacer?.stop();
  });

  it('/me answers privately, with this week in progress', async () => {
    const handle = slash('me', { user: RITA });
    const reply = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    if (size === 0) return expect(reply.content).toMatch(/no record in this club yet/);
    const strip = JSON.stringify(reply.embeds[0]);
    // Below 30 nobody has logged this week: in progress, not missed. At 30 everyone reached it already.
    expect(strip).toContain(size === 30 ? '🟩\\n' : '⏳\\n');
  });

  it.each(['week', 'month', 'all'] as const)('/challenge leaderboard (%s) answers in both sorts, paged to the last page and back', async (period) => {
    const handle = slash('challenge', { subcommand: 'leaderboard', user: RITA, options: { period } });
    const first = await handle.reply();
    expect(handle.isEphemeral()).toBe(false);
    for (const board of [first, await click(String(buttons(first).find((b) => String(b.label).startsWith('By '))!.custom_id), { messageId: first.id }).reply()]) {
      const { of } = pageOf(board);
      if (size < 10) expect(of).toBe(1);
      let page = board;
      if (of > 5) {
        // A 500-page board: jump as an older message's Next would, to the last page.
        const next = String(buttons(board).find((b) => String(b.label).startsWith('Next'))!.custom_id).replace(/:2:next$/, `:${of}:next`);
        page = await click(next).reply();
      } else {
        while (pageOf(page).page < of) {
          const next = buttons(page).find((b) => String(b.label).startsWith('Next'))!;
          expect(next.disabled).toBe(false);
          page = await click(String(next.custom_id), { messageId: page.id }).reply();
        }
      }
      expect(pageOf(page)).toEqual({ page: of, of });
      const [previous, next] = buttons(page);
      expect(next!.disabled).toBe(true);
      expect(previous!.disabled).toBe(of === 1);
      if (of > 1) expect(pageOf(await click(String(previous!.custom_id), { messageId: page.id }).reply()).page).toBe(of - 1);
    }
  });

  it('/club stats answers the moderator privately, and Share posts it in the channel', async () => {
    const handle = slash('club', { subcommand: 'stats', user: MO });
    const reply = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    expect(reply.content).toContain(`${WEEKS.length} weeks`);
    expect(reply.content).toMatch(size === 30 ? /\(this week, so far\): 90 sessions, 30 joined, 30 reached/ : /\(this week, so far\)/);
    const share = buttons(reply).find((b) => b.label === 'Share to channel')!;
    const shared = click(String(share.custom_id), { messageId: reply.id, user: MO });
    await shared.reply();
    expect(shared.isEphemeral()).toBe(false);
  });

  it('/club export sends a CSV with names, in several date forms, clamped to the records, without the members list', async () => {
    const handle = slash('club', { subcommand: 'export', user: MO });
    const reply = await handle.reply(20_000); // a 5,000 member export may be deferred, then sent
    expect(handle.isEphemeral()).toBe(true);
    const file = (reply.attachments as Json[])[0]!;
    expect(file.filename).toBe(`pacer-test-club-participation-${WEEKS[0]}-to-${TODAY}.csv`);
    const rows = parse<Json>(pacer.double.attachment(reply.id, String(file.filename))!.toString('utf8'), { columns: true, bom: true });
    expect(rows).toHaveLength(size * WEEKS.length);
    const nameOf = (id: string) => rows.find((r) => r['Discord member id'] === `id ${id}`)?.Member;
    if (size >= 1) expect(nameOf(RITA)).toBe('Rita'); // kept from her own /me and leaderboard
    if (size >= 2) expect(nameOf(MO)).toBe('Mo');
    if (size === 30) expect(nameOf(runnerId(27))).toBe('Runner 27'); // never used Pacer: fetched alone, by id
    // The members list is refused without the Server Members intent, and Pacer never asks for it.
    expect(pacer.double.requests.filter((r) => /^\/guilds\/\d+\/members$/.test(r.path))).toEqual([]);

    const huge = await slash('club', { subcommand: 'export', user: MO, options: { from: '0001-01-01', to: '9999-12-31' } }).reply(20_000);
    expect(huge.content).toContain(`Participation from ${WEEKS[0]} to ${TODAY}`);
    const forms = await slash('club', { subcommand: 'export', user: MO, options: { from: '16/11/2026', to: '22 Nov 2026' } }).reply(20_000);
    expect(forms.content).toContain('Participation from 2026-11-16 to 2026-11-22');
  });

  it('/club forget and /forget-me answer privately and erase', async () => {
    const forget = await slash('club', { subcommand: 'forget', user: MO, options: { member: size === 30 ? runnerId(0) : RITA } }).reply();
    expect(forget.content).toMatch(size === 0 ? /held nothing/ : /^Done: /);
    const ask = slash('forget-me', { user: MO });
    const confirm = await ask.reply();
    const cancel = buttons(confirm).find((b) => b.label === 'Keep my data')!;
    expect((await click(String(cancel.custom_id), { messageId: confirm.id, user: MO }).reply()).content).toMatch(/Nothing was erased/);
    const again = await slash('forget-me', { user: MO }).reply();
    const erase = buttons(again).find((b) => b.label === 'Erase my data')!;
    const done = await click(String(erase.custom_id), { messageId: again.id, user: MO }).reply();
    expect(done.content).toMatch(size >= 2 ? /^Done: / : /held nothing/);
    expect(await pacer.count(sql`select count(*) from session_logs where user_id = ${MO}`)).toBe(0);
  });

  it('the double refused nothing, and every interaction was answered without an apology', () => {
    expect(handles.length).toBeGreaterThan(10);
    expect(pacer.double.validationErrors).toEqual([]);
    for (const handle of handles) {
      expect(handle.rejectedCallbacks).toEqual([]);
      expect(handle.callback).toBeDefined();
    }
    expect(pacer.logs()).not.toMatch(/something went wrong|"level":50/);
  });
});

describe('a first response Discord refuses', () => {
  let pacer: Pacer;
  beforeAll(async () => {
    // Refused at the callback endpoint: over HTTP the first answers go through it here (one in a response that
    // Discord refuses is never heard of; first-answers.e2e.test.ts covers the held ones).
    pacer = await startPacer({ env: { PACER_HTTP_ANSWER: 'callback' } });
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  it('is followed by a private apology, so the member never sees "This interaction failed"', async () => {
    pacer.double.injectFault({ method: 'POST', pathPattern: /\/callback/, status: 400, code: 50035, message: 'Invalid Form Body' });
    const handle = pacer.double.runSlash('challenge', { subcommand: 'leaderboard', user: RITA });
    const reply = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    expect(reply.content).toMatch(/^Sorry, something went wrong on Pacer's side\. Nothing was changed\./);
  });
});
