/**
 * The scheduler store's contract, run against both adapters (SQLite and PostgreSQL): what the engine relies on
 * from `due`, `take`, the run ledger, resolving, retrying, a moderator's change winning, and clock re-planning.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScheduleAfterRun } from '../../../../src/platform/scheduler/store.js';
import { adapters, type StoreUnderTest } from './adapters.js';

const T0 = new Date('2026-06-01T17:00:00Z');
const MINUTE = 60_000;
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
const KINDS = ['weekly_challenge', 'announcement'] as const;

describe.each(adapters)('ScheduleStore on $name', (adapter) => {
  let t: StoreUnderTest;
  beforeEach(async () => {
    t = await adapter.open();
    await t.addClub('g1', { timezone: 'America/New_York', noticesChannelId: '900', setupByUserId: '42' });
    await t.addClub('g2');
  });
  afterEach(() => t.close());

  const next = (revision: number, nextRunAt: Date | null = at(7 * 24 * 60)): ScheduleAfterRun => ({ status: 'active', nextRunAt, lastError: null, ifRevision: revision });

  it('due: active rows of the asked kinds, due by now, earliest first, at most `limit`, each read in its club\'s zone', async () => {
    const late = await t.addSchedule({ guildId: 'g1', nextRunAt: at(-5) });
    const early = await t.addSchedule({ guildId: 'g2', nextRunAt: at(-10), kind: 'announcement', ruleKind: 'once', cron: null });
    await t.addSchedule({ guildId: 'g1', nextRunAt: at(1) }); // not yet
    await t.addSchedule({ guildId: 'g1', nextRunAt: at(-1), status: 'paused' });
    await t.addSchedule({ guildId: 'g1', nextRunAt: at(-1), kind: 'challenge_recap' }); // a kind not asked for
    const due = await t.store.due(T0, 10, KINDS);
    expect(due.map((row) => [row.id, row.timezone])).toEqual([
      [early, 'Europe/London'],
      [late, 'America/New_York'],
    ]);
    expect(due[0]).toMatchObject({ ruleKind: 'once', cron: null, nextRunAt: at(-10), revision: 0, channelId: '100' });
    expect((await t.store.due(T0, 1, KINDS)).map((row) => row.id)).toEqual([early]);
    expect(await t.store.due(T0, 10, [])).toEqual([]);
  });

  it('take: claims the asked occurrence of rows without an open run, and hands back the open run of the others', async () => {
    const fresh = await t.addSchedule({ guildId: 'g1', nextRunAt: at(0) });
    const reopened = await t.addSchedule({ guildId: 'g2', nextRunAt: at(-3) });
    const leftover = await t.store.claim(reopened, at(-60), at(-59)); // a crash's claimed run
    const taken = await t.store.take(T0, 10, KINDS, (row) => row.nextRunAt);
    expect(taken.map(({ row, run }) => [row.id, run.scheduledFor.toISOString(), run.status])).toEqual([
      [reopened, at(-60).toISOString(), 'claimed'],
      [fresh, at(0).toISOString(), 'claimed'],
    ]);
    expect(taken[0]!.run).toEqual(leftover);
    expect(taken[1]!.run.claimedAt).toEqual(T0);
    expect(await t.runs(fresh)).toHaveLength(1);
    expect(await t.runs(reopened)).toHaveLength(1); // no second claim beside the leftover
    // Taken again before it resolves (SQLite's engine skips what it has in flight; PostgreSQL leases): never a second claim.
    const again = await t.store.take(T0, 10, KINDS, (row) => new Date(row.nextRunAt.getTime() + MINUTE));
    expect(again.every(({ run }) => taken.some((first) => first.run.id === run.id))).toBe(true);
    expect(await t.runs(fresh)).toHaveLength(1);
  });

  it('take: an occurrence resolved already (post-now) comes back with its status, not as a new claim', async () => {
    const id = await t.addSchedule({ guildId: 'g1', nextRunAt: at(0) });
    const run = await t.store.claim(id, at(0), at(-2));
    await t.store.resolve(run, { status: 'posted', attempts: 1, messageId: 'm1', postedAt: at(-2) }, { status: 'active', nextRunAt: at(0), lastError: null, ifRevision: 0 }, at(-2));
    const [taken] = await t.store.take(T0, 10, KINDS, () => at(0));
    expect(taken!.run).toMatchObject({ id: run.id, status: 'posted', messageId: 'm1' });
  });

  it('claim: one ledger row per occurrence, however often it is claimed', async () => {
    const id = await t.addSchedule({ guildId: 'g1', nextRunAt: at(0) });
    const first = await t.store.claim(id, at(0), T0);
    const again = await t.store.claim(id, at(0), at(1));
    expect(again).toEqual(first);
    expect(first).toMatchObject({ scheduleId: id, status: 'claimed', attempts: 0, messageId: null, claimedAt: T0 });
    expect(await t.store.openRun(id)).toEqual(first);
    expect(await t.runs(id)).toHaveLength(1);
  });

  it('resolve: records the run and moves the schedule on; the job\'s failure is handed back and the rest is kept', async () => {
    const id = await t.addSchedule({ guildId: 'g1', nextRunAt: at(0) });
    const run = await t.store.claim(id, at(0), T0);
    const failure = new Error('the job could not remember its message');
    let called = 0;
    const returned = await t.store.resolve(run, { status: 'posted', attempts: 1, messageId: 'm1', postedAt: at(1) }, next(0), at(1), () => {
      called += 1;
      throw failure;
    });
    expect(called).toBe(1);
    expect(returned).toBe(failure);
    expect(await t.runs(id)).toEqual([expect.objectContaining({ status: 'posted', attempts: 1, messageId: 'm1' })]);
    expect(await t.scheduleRow(id)).toMatchObject({ status: 'active', nextRunAt: at(7 * 24 * 60), revision: 1, attempts: 0 });
    expect(await t.store.openRun(id)).toBeUndefined();
    expect(await t.store.due(at(2), 10, KINDS)).toEqual([]);
  });

  it('a moderator\'s change while the post was in flight wins: the schedule keeps it, the run is still recorded', async () => {
    const id = await t.addSchedule({ guildId: 'g1', nextRunAt: at(0) });
    const [taken] = await t.store.take(T0, 10, KINDS, (row) => row.nextRunAt);
    const moderated = taken!.row.revision + 1;
    await t.setStatus(id, 'paused');
    expect(await t.scheduleRow(id)).toMatchObject({ status: 'paused', revision: moderated }); // the revision trigger, in both dialects
    expect(await t.store.stillActive(id)).toBe(false);
    await t.store.resolve(taken!.run, { status: 'posted', attempts: 1, messageId: 'm1', postedAt: at(1) }, next(taken!.row.revision), at(1));
    expect(await t.scheduleRow(id)).toMatchObject({ status: 'paused', revision: moderated });
    expect(await t.runs(id)).toEqual([expect.objectContaining({ status: 'posted', messageId: 'm1' })]);
  });

  it('resolveMany: several runs in one call, each job\'s failure reported for its own run only', async () => {
    const a = await t.addSchedule({ guildId: 'g1', nextRunAt: at(0) });
    const b = await t.addSchedule({ guildId: 'g2', nextRunAt: at(0) });
    const taken = (await t.store.take(T0, 10, KINDS, (row) => row.nextRunAt)).sort((x, y) => x.row.id - y.row.id);
    const failure = new Error('b could not remember');
    const results = await t.store.resolveMany(
      taken.map(({ row, run }) => ({
        run,
        outcome: { status: 'posted' as const, attempts: 1, messageId: `m${row.id}`, postedAt: at(1) },
        schedule: next(row.revision),
        now: at(1),
        alsoInTransaction: row.id === b ? () => { throw failure; } : () => undefined,
      })),
    );
    expect(results).toEqual([{ alsoFailed: undefined }, { alsoFailed: failure }]);
    for (const id of [a, b]) expect(await t.runs(id)).toEqual([expect.objectContaining({ status: 'posted', messageId: `m${id}` })]);
  });

  it('retryLater: counts the attempt, keeps the run claimed, and the row is due again at the retry time', async () => {
    const id = await t.addSchedule({ guildId: 'g1', nextRunAt: at(0) });
    const [taken] = await t.store.take(T0, 10, KINDS, (row) => row.nextRunAt);
    await t.store.retryLater(taken!.run, 1, at(1), 'Discord answered 503', T0, taken!.row.revision);
    expect(await t.scheduleRow(id)).toMatchObject({ nextRunAt: at(1), attempts: 1, lastError: 'Discord answered 503', revision: taken!.row.revision + 1 });
    expect(await t.store.due(T0, 10, KINDS)).toEqual([]);
    const [retry] = await t.store.take(at(1), 10, KINDS, () => at(1));
    expect(retry!.run).toMatchObject({ id: taken!.run.id, scheduledFor: at(0), attempts: 1, status: 'claimed' });
  });

  it('aheadOfClock and replan: a schedule run under a fast clock is planned again and forgets the runs after now', async () => {
    const id = await t.addSchedule({ guildId: 'g1', nextRunAt: at(60) });
    const fast = await t.store.claim(id, at(30), at(30));
    await t.store.resolve(fast, { status: 'posted', attempts: 1, messageId: 'm', postedAt: at(30) }, { status: 'active', nextRunAt: at(60), lastError: null, ifRevision: 0 }, at(30));
    const [ahead] = await t.store.aheadOfClock(T0);
    expect(ahead).toMatchObject({ id, revision: 1 });
    await t.store.replan(id, at(5), T0, ahead!.revision);
    expect(await t.scheduleRow(id)).toMatchObject({ nextRunAt: at(5), revision: 2 });
    expect(await t.runs(id)).toEqual([]);
    expect(await t.store.aheadOfClock(T0)).toEqual([]);
    await t.store.replan(id, at(9), T0, 1); // a stale revision changes nothing
    expect(await t.scheduleRow(id)).toMatchObject({ nextRunAt: at(5), revision: 2 });
  });

  it('schedule and contacts: one row whatever its status, and who to tell', async () => {
    const id = await t.addSchedule({ guildId: 'g1', nextRunAt: at(0), status: 'paused' });
    expect(await t.store.schedule(id)).toMatchObject({ id, status: 'paused', timezone: 'America/New_York' });
    expect(await t.store.schedule(id + 1000)).toBeUndefined();
    expect(await t.store.contacts('g1')).toEqual({ noticesChannelId: '900', setupByUserId: '42' });
    expect(await t.store.contacts('nobody')).toEqual({ noticesChannelId: null, setupByUserId: null });
  });

  it('jobWork: hands back what the work returns, and a savepoint hands back what its work throws', async () => {
    const out = await t.store.jobWork(async (tx) => {
      const caught = await tx
        .transaction(() => Promise.reject(new Error('decide failed')))
        .catch((error: unknown) => (error as Error).message);
      return [await tx.transaction(() => Promise.resolve(7)), caught];
    });
    expect(out).toEqual([7, 'decide failed']);
  });
});
