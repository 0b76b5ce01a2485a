/**
 * Erasure reaches what Pacer posted: a member's recap mention and public leaderboard line are edited out of the
 * channel after /forget-me, within Discord's limits, and the work survives a restart half-way.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, type ApiMessage } from '@pacer/discord-double';
import { startPacer, type Pacer } from '../support/pacer.js';

type Json = Record<string, unknown>;
const RITA = FIXTURE.users.member;
const MO = FIXTURE.users.moderator;
const STRENGTH = FIXTURE.channels.strength;
const everything = (m: ApiMessage) => JSON.stringify([m.content, m.embeds]);
const buttons = (m: ApiMessage) => (m.components as Json[]).flatMap((r) => (r.components as Json[]) ?? []);

async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('erasure edits Pacer\'s own past posts', () => {
  let pacer: Pacer;
  let now = new Date('2026-03-02T09:00:00Z'); // Monday 2 March 2026

  beforeAll(async () => {
    pacer = await startPacer({ app: { clock: { now: () => now }, scheduler: { tickExpression: '0 0 0 1 1 *' } } });
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  it('takes the member out of a recap and a public leaderboard, says so, and finishes after a restart', async () => {
    const mod = (subcommand: string, options: Record<string, string> = {}, subcommandGroup?: string) =>
      pacer.double.runSlash('club', { subcommand, options, user: MO, bypassPermissionGate: true, ...(subcommandGroup ? { subcommandGroup } : {}) }).reply();
    await mod('setup', { channel: STRENGTH, timezone: 'Europe/London', day: 'monday', time: '09:00' });
    await mod('post-now', {}, 'challenge');
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-04']) {
      now = new Date(`${day}T10:00:00Z`);
      expect((await pacer.double.runSlash('challenge', { subcommand: 'log', user: RITA }).reply()).content).toMatch(/logged/i);
    }
    // A day before the club's first week: no week of it has closed.
    const early = await pacer.double.runSlash('challenge', { subcommand: 'log', user: RITA, options: { day: '2026-03-01' } }).reply();
    expect(early.content).toBe(
      "Sunday 1 March was before the club's first challenge week, which started on Monday 2 March. You can log any day from then to today. Nothing was logged.",
    );
    // A public leaderboard that names Rita, then the week closes and the recap mentions her.
    const board = pacer.double.runSlash('challenge', { subcommand: 'leaderboard', user: MO });
    const boardMessage = await board.reply();
    expect(board.isEphemeral()).toBe(false);
    expect(String(boardMessage.embeds[0]!.description)).toContain('**1.** Rita · 3 sessions');
    now = new Date('2026-03-09T00:00:00Z');
    await pacer.app.scheduler.runDue();
    const recap = pacer.double.messagesIn(STRENGTH).find((m) => String(m.embeds[0]?.title).includes('recap'))!;
    expect(everything(recap)).toContain(`<@${RITA}>`);

    await pacer.restart(); // nothing queued yet: the records of who is named survive it too
    const ask = await pacer.double.runSlash('forget-me', { user: RITA }).reply();
    const confirm = buttons(ask).find((b) => b.label === 'Erase my data')!;
    const done = await pacer.double.clickButton(String(confirm.custom_id), { messageId: ask.id, user: RITA }).reply();
    expect(done.content).toContain('Pacer is also editing 2 of its past messages in the channel (recaps and leaderboards) to take your name out');
    expect(await pacer.count(sql`select count(distinct message_id) from message_edits`)).toBe(2);
    await pacer.restart(); // resumable: the queue is in the database

    await until(async () => (await pacer.count(sql`select count(*) from message_edits`)) === 0);
    const recapAfter = pacer.double.message(recap.id)!;
    const boardAfter = pacer.double.message(boardMessage.id)!;
    expect(everything(recapAfter)).not.toContain(RITA);
    expect(everything(recapAfter)).toContain('1. a former member: 1 week in a row');
    expect(String(boardAfter.embeds[0]!.description)).toContain('**1.** A former member · 3 sessions');
    expect(everything(boardAfter)).not.toContain('Rita');
    // Edits went through Discord's own edit route, none was refused, and nothing is left naming her.
    // (The weekly post's live count is edited too as Rita logs; only the recap and the board name her.)
    const edited = (id: string) => pacer.double.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith(`/messages/${id}`));
    expect([...edited(recap.id), ...edited(boardMessage.id)].map((r) => r.status)).toEqual([200, 200]);
    expect(pacer.double.validationErrors).toEqual([]);
    expect(await pacer.count(sql`select count(*) from posted_mentions`)).toBe(0);
  });
});
