/** The scheduler inside the real app: the discord.js client logged into the double, the suite's database (SQLite or PostgreSQL), an injected clock. */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { weeklyCron } from '../../../src/platform/time/club-weeks.js';
import { nextRun } from '../../../src/platform/time/weekly-rules.js';
import { FIXTURE } from '@pacer/discord-double';
import { saveClubSetup } from '../../../src/challenges/club-settings-store.js';
import { occurrenceNonce } from '../../../src/platform/scheduler/occurrences.js';
import { ManualClock, TestJob } from './support.js';
import { startPacer, type Pacer } from '../../support/pacer.js';

let pacer: Pacer | undefined;
afterEach(async () => {
  await pacer?.stop();
  pacer = undefined;
});

async function startWithClub(clock: ManualClock, job: TestJob, notices: boolean): Promise<{ pacer: Pacer; scheduleId: number }> {
  const started = await startPacer({ app: { clock, jobs: [() => job] } });
  const now = clock.now();
  await insertClub(started, { noticesChannelId: notices ? FIXTURE.channels.general : null, setupByUserId: FIXTURE.users.moderator, createdAt: now, updatedAt: now });
  const rule = weeklyCron('monday', { hour: 18, minute: 0 });
  const id = await insertSchedule(started, { kind: 'weekly_challenge', channelId: FIXTURE.channels.strength, ruleKind: 'cron', cron: rule, nextRunAt: nextRun(rule, 'Europe/London', now), createdAt: now, updatedAt: now });
  return { pacer: started, scheduleId: id };
}

type Insert<T extends 'clubs' | 'schedules'> = Omit<Pacer['storage']['t'][T]['$inferInsert'], 'guildId'>;

async function insertClub(on: Pacer, values: Insert<'clubs'>): Promise<void> {
  await on.storage.run((db) => db.insert(on.storage.t.clubs).values({ guildId: FIXTURE.guildId, timezone: 'Europe/London', ...values }));
}

async function insertSchedule(on: Pacer, values: Insert<'schedules'>): Promise<number> {
  const { t } = on.storage;
  const [row] = await on.storage.run((db) => db.insert(t.schedules).values({ guildId: FIXTURE.guildId, ...values }).returning({ id: t.schedules.id }));
  return row!.id;
}

async function scheduleRow(on: Pacer, id?: number) {
  const { t } = on.storage;
  const rows = await on.storage.run((db) => db.select().from(t.schedules).where(id === undefined ? undefined : eq(t.schedules.id, id)));
  return rows[0]!;
}

async function ledger(on: Pacer, scheduleId: number) {
  const { t } = on.storage;
  return on.storage.run((db) => db.select().from(t.scheduleRuns).where(eq(t.scheduleRuns.scheduleId, scheduleId)));
}

describe('scheduled posts through the running app', () => {
  it('a due schedule posts in its channel at its time, once', async () => {
    const clock = new ManualClock('2026-06-01T16:58:00Z');
    const job = new TestJob();
    ({ pacer } = await startWithClub(clock, job, true));
    await pacer.app.scheduler.runDue();
    expect(pacer.double.messagesIn(FIXTURE.channels.strength)).toHaveLength(0);
    clock.set('2026-06-01T17:00:00Z'); // Monday 18:00 in London
    await pacer.app.scheduler.runDue();
    await pacer.app.scheduler.runDue();
    const posted = pacer.double.messagesIn(FIXTURE.channels.strength);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.content).toContain('weekly_challenge');
    expect(posted[0]!.author.id).toBe(FIXTURE.applicationId);
    await pacer.restart();
    await pacer.app.scheduler.runDue();
    expect(pacer.double.messagesIn(FIXTURE.channels.strength)).toHaveLength(1);
    expect(pacer.logs()).not.toContain('fake-token-for-tests');
  });

  it('a 403 pauses the schedule and tells the moderators how to resume; nothing more is posted', async () => {
    const clock = new ManualClock('2026-06-01T16:30:00Z');
    let scheduleId: number;
    ({ pacer, scheduleId } = await startWithClub(clock, new TestJob(), true));
    clock.set('2026-06-01T17:00:00Z');
    pacer.double.injectFault({ method: 'POST', pathPattern: `/channels/${FIXTURE.channels.strength}/messages`, status: 403, code: 50001, times: 5 });
    await pacer.app.scheduler.runDue();
    const row = await scheduleRow(pacer, scheduleId);
    expect({ status: row.status, lastError: row.lastError }).toEqual({ status: 'paused', lastError: 'Pacer cannot see that channel (Missing Access)' });
    const notice = pacer.double.messagesIn(FIXTURE.channels.general);
    expect(notice).toHaveLength(1);
    expect(notice[0]!.content).toMatch(/paused the weekly challenge in <#\d+>[\s\S]*Missing Access[\s\S]*\/club challenge resume/);
    clock.set('2026-06-08T17:00:00Z');
    await pacer.app.scheduler.runDue();
    expect(pacer.double.messagesIn(FIXTURE.channels.strength)).toHaveLength(0);
  });

  it('with the real clock, the node-cron heartbeat posts a due row on its own (heartbeat every second here)', async () => {
    const job = new TestJob('announcement', 60 * 60_000);
    pacer = await startPacer({ app: { jobs: [() => job], scheduler: { tickExpression: '* * * * * *' } } });
    const now = new Date();
    await insertClub(pacer, { createdAt: now, updatedAt: now });
    const dueAt = new Date(now.getTime() + 1500);
    await insertSchedule(pacer, { kind: 'announcement', channelId: FIXTURE.channels.announcements, ruleKind: 'once', nextRunAt: dueAt, createdAt: now, updatedAt: now });
    await expect.poll(() => pacer!.double.messagesIn(FIXTURE.channels.announcements).length, { timeout: 8000 }).toBe(1);
    const posted = pacer.double.messagesIn(FIXTURE.channels.announcements)[0]!;
    expect(new Date(posted.timestamp).getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    await expect.poll(async () => (await scheduleRow(pacer!)).status).toBe('done');
  });

  it('after the clock steps back a day, a post due minutes later is on time; /health shows the last tick and 503 when the heartbeat stalls', async () => {
    const clock = new ManualClock('2026-06-02T12:00:00Z');
    const job = new TestJob('announcement', 60 * 60_000);
    pacer = await startPacer({
      env: { HEALTH_PORT: '0' },
      app: { clock, jobs: [() => job], scheduler: { tickExpression: '0 0 0 1 1 *', watchdogMs: 25, lateAfterMs: 1500 } },
    });
    const health = async () => {
      const response = await fetch(`http://127.0.0.1:${pacer!.app.health!.port}/health`);
      return { status: response.status, body: (await response.json()) as { scheduler: { lastTickAt: string | null; late: boolean } } };
    };
    await expect.poll(async () => (await health()).body.scheduler.lastTickAt).toBe('2026-06-02T12:00:00.000Z');
    expect((await health()).status).toBe(200);

    clock.set('2026-06-01T10:00:00Z'); // back 26 hours
    await expect.poll(() => pacer!.logs()).toContain('clock step detected');
    const now = clock.now();
    await insertClub(pacer, { createdAt: now, updatedAt: now });
    const dueAt = new Date(now.getTime() + 150_000);
    await insertSchedule(pacer, { kind: 'announcement', channelId: FIXTURE.channels.announcements, ruleKind: 'once', nextRunAt: dueAt, createdAt: now, updatedAt: now });
    clock.set(dueAt);
    await expect.poll(() => pacer!.double.messagesIn(FIXTURE.channels.announcements).length, { timeout: 3000 }).toBe(1);

    // Discord stalls the next post: the heartbeat makes no progress and /health says so.
    pacer.double.injectFault({ method: 'POST', pathPattern: '/messages', status: 'delay', delayMs: 6000 });
    await insertSchedule(pacer, { kind: 'announcement', channelId: FIXTURE.channels.announcements, ruleKind: 'once', nextRunAt: new Date(dueAt.getTime() + 60_000), createdAt: now, updatedAt: now });
    clock.advance(60_000);
    await expect.poll(async () => (await health()).status, { timeout: 5000, interval: 200 }).toBe(503);
    expect((await health()).body.scheduler.late).toBe(true);
  });

  it('/club challenge post-now claims the week in the run ledger like the timetable, so the timetable does not post it again', async () => {
    const clock = new ManualClock('2026-06-01T10:00:00Z'); // Monday 11:00 in London; the week posts at 18:00
    pacer = await startPacer({ app: { clock } });
    const settings = await saveClubSetup(pacer.app.context.storage, { guildId: FIXTURE.guildId, channelId: FIXTURE.channels.strength, timezone: 'Europe/London', day: 'monday', time: { hour: 18, minute: 0 }, setupByUserId: FIXTURE.users.moderator }, clock.now());
    const scheduleId = settings.weekly!.scheduleId;
    const handle = pacer.double.runSlash('club', { subcommandGroup: 'challenge', subcommand: 'post-now', options: {}, user: FIXTURE.users.moderator, bypassPermissionGate: true });
    expect((await handle.reply()).content).toMatch(/Posted this week's challenge/);
    const posted = pacer.double.messagesIn(FIXTURE.channels.strength);
    expect(posted).toHaveLength(1);
    const occurrence = new Date('2026-06-01T17:00:00Z');
    const post = pacer.double.requests.find((request) => request.route === 'POST /channels/:channelId/messages')!;
    expect(post.body).toMatchObject({ nonce: occurrenceNonce(scheduleId, occurrence), enforce_nonce: true });
    await expect.poll(() => ledger(pacer!, scheduleId)).toEqual([expect.objectContaining({ scheduledFor: occurrence, status: 'posted', messageId: posted[0]!.id })]);
    expect((await scheduleRow(pacer, scheduleId)).nextRunAt?.toISOString()).toBe('2026-06-08T17:00:00.000Z');

    clock.set(occurrence);
    await pacer.app.scheduler.runDue();
    expect(pacer.double.messagesIn(FIXTURE.channels.strength)).toHaveLength(1);
    const again = pacer.double.runSlash('club', { subcommandGroup: 'challenge', subcommand: 'post-now', options: {}, user: FIXTURE.users.moderator, bypassPermissionGate: true });
    expect((await again.reply()).content).toMatch(/already posted/);
    expect(pacer.double.messagesIn(FIXTURE.channels.strength)).toHaveLength(1);
  });
});
