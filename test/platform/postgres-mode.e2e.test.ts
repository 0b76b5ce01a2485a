/**
 * Pacer on PostgreSQL (DATABASE_URL), end to end through the Discord double: a club sets up, the weekly post
 * goes out once, a member joins, logs and reads their record, an announcement posts once, and /forget-me leaves
 * no row about the member. Every row read here comes from PostgreSQL; no SQLite file is made.
 */
import { existsSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIXTURE, type ApiMessage, type InteractionHandle } from '@pacer/discord-double';
import { startPacer, type Pacer } from '../support/pacer.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

const MOD = FIXTURE.users.moderator;
const MEMBER = FIXTURE.users.member;
const CHANNEL = FIXTURE.channels.announcements;

type Json = Record<string, unknown>;
const buttons = (message: ApiMessage) => (message.components as Json[]).flatMap((row) => (row.components as Json[] | undefined) ?? []).filter((c) => c.type === 2);
const text = (message: ApiMessage) => [message.content, ...message.embeds.flatMap((e: Json) => [e.title, e.description, ...((e.fields as Json[] | undefined) ?? []).flatMap((f) => [f.name, f.value])])].join('\n');

describe('Pacer on PostgreSQL', () => {
  let database: TestDatabase;
  let pacer: Pacer;
  let now = new Date('2026-03-02T09:00:00Z'); // Monday 2 March 2026, 09:00 in London
  const posts = () => pacer.double.messagesIn(CHANNEL);
  const privately = async (handle: InteractionHandle) => {
    const reply = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    return text(reply);
  };
  const tick = async (iso: string) => {
    now = new Date(iso);
    return pacer.app.scheduler.runDue();
  };
  const rows = async () => {
    const { storage } = pacer.app.context;
    const { t } = storage;
    return storage.run(async (db) => ({
      clubs: await db.select().from(t.clubs),
      members: await db.select().from(t.members).where(eq(t.members.userId, MEMBER)),
      sessions: await db.select().from(t.sessionLogs).where(eq(t.sessionLogs.userId, MEMBER)),
      enrolments: await db.select().from(t.enrolments).where(eq(t.enrolments.userId, MEMBER)),
      runs: await db.select().from(t.scheduleRuns),
      names: await db.select().from(t.memberNames).where(eq(t.memberNames.userId, MEMBER)),
    }));
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    pacer = await startPacer({
      env: { DATABASE_URL: database.url },
      // The timetable is run here by hand (the heartbeat would only fire on 1 January).
      app: { clock: { now: () => now }, scheduler: { tickExpression: '0 0 0 1 1 *' } },
    });
  });
  afterAll(async () => {
    await pacer?.stop();
    await database?.drop();
  });

  it('runs on the database DATABASE_URL names: no SQLite file, the storage is PostgreSQL, and it holds the sender lock', async () => {
    expect(pacer.app.context.storage.dialect).toBe('postgres');
    expect(existsSync(pacer.databasePath)).toBe(false);
    expect(() => pacer.app.database).toThrow(/PostgreSQL/);
    await vi.waitFor(() => expect(pacer.logs()).toMatch(/"msg":"[^"]*lead[^"]*"/i), { timeout: 10_000 });
  });

  it('sets up a club and posts its weekly challenge once, at its time', async () => {
    const setup = pacer.double.runSlash('club', { subcommand: 'setup', options: { channel: CHANNEL, timezone: 'Europe/London', day: 'wednesday', time: '18:02' }, user: MOD, bypassPermissionGate: true });
    expect(text(await setup.reply())).toMatch(/Saved/);
    expect((await rows()).clubs).toEqual([expect.objectContaining({ guildId: FIXTURE.guildId, timezone: 'Europe/London' })]);
    await tick('2026-03-04T18:02:00Z');
    await tick('2026-03-04T18:10:00Z');
    expect(posts()).toHaveLength(1);
    expect(text(posts()[0]!)).toMatch(/Wed 4 Mar to Tue 10 Mar/);
    // The weekly post once; the recap's first run finds no earlier week to close.
    expect((await rows()).runs.map((run) => [run.status, run.messageId])).toEqual(
      expect.arrayContaining([
        ['posted', posts()[0]!.id],
        ['skipped', null],
      ]),
    );
    expect((await rows()).runs).toHaveLength(2);
  });

  it('lets a member join, log a session and read their record, every row in PostgreSQL', async () => {
    const post = posts()[0]!;
    const join = buttons(post).find((b) => b.label === 'Join')!;
    expect(await privately(pacer.double.clickButton(String(join.custom_id), { messageId: post.id, user: MEMBER }))).toMatch(/You joined week 1/);
    now = new Date('2026-03-05T08:00:00Z');
    expect(await privately(pacer.double.runSlash('challenge', { subcommand: 'log', user: MEMBER }))).toMatch(/Logged a session for today\. That makes 1 of 2 this week/);
    expect(await privately(pacer.double.runSlash('challenge', { subcommand: 'log', user: MEMBER }))).toMatch(/already logged a session for today/);
    const state = await rows();
    expect(state.enrolments).toHaveLength(1);
    expect(state.sessions).toEqual([expect.objectContaining({ day: '2026-03-05' })]);
    expect(await privately(pacer.double.runSlash('me', { user: MEMBER }))).toMatch(/Joined 1 · completed 0[\s\S]*This week 1 · this month 1 · all time 1/);
  });

  it('schedules an announcement that posts once at its time', async () => {
    const command = pacer.double.runSlash('announce', { subcommand: 'schedule', options: { channel: CHANNEL, when: 'tomorrow 18:00' }, user: MOD });
    expect((await command.response()).type).toBe(9);
    const submit = pacer.double.submitModal(String(command.modal().custom_id), { title: '', body: 'Hill repeats at the park' }, { user: MOD });
    expect((await submit.reply()).content).toMatch(/#\d+ scheduled/);
    await tick('2026-03-06T18:00:00Z');
    await tick('2026-03-06T18:05:00Z');
    expect(posts().filter((message) => message.content.includes('Hill repeats at the park'))).toHaveLength(1);
  });

  it('/forget-me leaves no row about the member', async () => {
    const ask = pacer.double.runSlash('forget-me', { user: MEMBER });
    const confirm = await ask.reply();
    const erase = buttons(confirm).find((b) => String(b.label) === 'Erase my data')!;
    expect((await pacer.double.clickButton(String(erase.custom_id), { messageId: confirm.id, user: MEMBER }).reply()).content).toMatch(/^Done: \d+ records about you removed/);
    const state = await rows();
    expect([state.members, state.sessions, state.enrolments, state.names]).toEqual([[], [], [], []]);
    expect(await privately(pacer.double.runSlash('me', { user: MEMBER }))).toMatch(/no record in this club yet/);
  });
});
