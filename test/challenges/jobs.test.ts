/**
 * The weekly post and the recap, run by the real scheduler engine on SQLite and on PostgreSQL, with a fake Poster
 * (it keeps messages like Discord, returning the first one for a repeated nonce) and a clock the test moves.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { challengeWeek } from '../../src/platform/time/club-weeks.js';
import { challengeForWeek, currentChallenge, enrol, isEnrolledThisWeek, logSession, memberStreaks, setMemberPaused, skipChallengeWeek } from '../../src/challenges/store.js';
import { clubSettings, pauseWeeklyChallenge, saveClubSetup } from '../../src/challenges/club-settings-store.js';
import type { Storage } from '../../src/platform/db/storage.js';
import { createPgScheduleStore } from '../../src/platform/scheduler/pg-store.js';
import { dialects, type OpenStorage } from '../support/storages.js';
import { createScheduleStore } from '../../src/platform/scheduler/sqlite-store.js';
import { challengeRecapJob, weeklyChallengeJob } from '../../commands/challenges/jobs.js';
import type { OutgoingMessage, Poster } from '../../src/platform/scheduler/contract.js';
import { Scheduler } from '../../src/platform/scheduler/engine.js';

const GUILD = '900000000000000001';
const CHANNEL = '900000000000000010';
const ZONE = 'Europe/London';
const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

interface Sent {
  id: string;
  channelId: string;
  message: OutgoingMessage;
}

class FakePoster implements Poster {
  readonly sent: Sent[] = [];
  private readonly byNonce = new Map<string, string>();
  /** Runs once a message is in the channel, before Pacer hears back: what happens while a post is in flight. */
  whileInFlight: (() => Promise<unknown>) | undefined;

  async post(channelId: string, message: OutgoingMessage, options: { nonce?: string; enforceNonce?: boolean } = {}) {
    const replay = options.nonce ? this.byNonce.get(options.nonce) : undefined;
    if (replay) return { messageId: replay };
    const id = String(7000 + this.sent.length);
    this.sent.push({ id, channelId, message });
    if (options.nonce) this.byNonce.set(options.nonce, id);
    const inFlight = this.whileInFlight;
    this.whileInFlight = undefined;
    await inFlight?.();
    return { messageId: id };
  }
  edit() {
    return Promise.resolve();
  }
  directMessage(userId: string, message: OutgoingMessage) {
    return this.post(`dm:${userId}`, message);
  }
  inChannel(channelId = CHANNEL) {
    return this.sent.filter((s) => s.channelId === channelId);
  }
}

type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } };
const embedOf = (sent: Sent | undefined) => (sent?.message.embeds?.[0] ?? {}) as Embed;
const textOf = (sent: Sent | undefined) => {
  const e = embedOf(sent);
  const content = (sent?.message as { content?: string } | undefined)?.content ?? '';
  return [content, e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? ''].join('\n');
};

describe.each(dialects)('weekly challenge and recap jobs on $name', ({ open }) => {
  let opened: OpenStorage;
  let storage: Storage;
  let poster: FakePoster;
  let now: Date;
  let scheduler: Scheduler;
  const at = async (iso: string) => {
    now = new Date(iso);
    return scheduler.runDue();
  };

  beforeEach(async () => {
    opened = await open();
    storage = opened.storage;
    poster = new FakePoster();
    now = new Date('2026-03-02T09:00:00Z'); // a Monday
    scheduler = new Scheduler({
      store: storage.dialect === 'sqlite' ? createScheduleStore(storage) : createPgScheduleStore(storage),
      poster,
      clock: { now: () => now },
      logger: silent,
      jobs: [weeklyChallengeJob(), challengeRecapJob()],
      retryDelaysMs: [],
      pacing: { perChannel: { count: 1000, windowMs: 1 } },
    });
    await saveClubSetup(storage, { guildId: GUILD, channelId: CHANNEL, timezone: ZONE, day: 'wednesday', time: { hour: 18, minute: 2 }, setupByUserId: '1' }, now);
  });
  afterEach(() => opened.close());

  it('posts week 1 at the local time with the circuit, target, dates, pain rule, symptom check and buttons', async () => {
    await at('2026-03-04T18:01:00Z');
    expect(poster.inChannel()).toHaveLength(0);
    await at('2026-03-04T18:02:00Z');
    expect(poster.inChannel()).toHaveLength(1);
    const post = poster.inChannel()[0];
    const text = textOf(post);
    expect(embedOf(post).title).toMatch(/week 1 of 12/);
    expect(text).toMatch(/Clamshell: 2 × 12 each side/);
    expect(text).toMatch(/target \*\*2 sessions\*\*/);
    expect(text).toMatch(/Wed 4 Mar to Tue 10 Mar/);
    expect(text).toMatch(/Pain rule/);
    expect(text).not.toMatch(/late/i);
    expect(post?.message.allowed_mentions).toEqual({ parse: [] });
    const components = (post?.message.components as { components: { label?: string; custom_id: string }[] }[]).flatMap((r) => r.components);
    expect(components.map((b) => [b.label, b.custom_id])).toEqual([
      [undefined, 'ex:1:pick'],
      ['Join', 'ch:1:join:2026-03-04'],
      ['Log today', 'ch:1:log:2026-03-04'],
      ['Pain rule', 'ch:1:pain:2026-03-04'],
    ]);
    const challenge = await challengeForWeek(storage, GUILD, '2026-03-04');
    expect(challenge?.messageId).toBe(post?.id);
    expect((await clubSettings(storage, GUILD))?.programmeWeek).toBe(2);

    await at('2026-03-04T18:03:00Z');
    expect(poster.inChannel()).toHaveLength(1);
  });

  it('moves one programme week per week, in summer time too', async () => {
    await at('2026-03-04T18:02:00Z');
    await at('2026-03-11T18:02:00Z');
    await at('2026-03-18T18:02:00Z');
    await at('2026-03-25T18:02:00Z');
    await at('2026-04-01T17:02:00Z'); // 18:02 BST
    const titles = poster.inChannel().map((s) => embedOf(s).title ?? '');
    const weekPosts = titles.filter((t) => t.startsWith('Strength challenge'));
    expect(weekPosts.map((t) => /week (\d+) of/.exec(t)?.[1])).toEqual(['1', '2', '3', '4', '5']);
  });

  it('after downtime posts the current week once, saying it is late, and never a burst of old weeks', async () => {
    await at('2026-03-20T12:00:00Z'); // down from Mon 2 March to Fri 20 March: weeks of 4, 11 and 18 March fell due
    const posts = poster.inChannel().filter((s) => embedOf(s).title?.startsWith('Strength challenge'));
    expect(posts).toHaveLength(1);
    expect(textOf(posts[0])).toMatch(/Posted late/);
    expect(textOf(posts[0])).toMatch(/Wed 18 Mar to Tue 24 Mar/);
    expect(await challengeForWeek(storage, GUILD, '2026-03-04')).toBeUndefined();
  });

  it('skips a week whose end has passed instead of posting it', async () => {
    const job = weeklyChallengeJob();
    const decision = await job.decide({
      scheduleId: 1,
      guildId: GUILD,
      kind: 'weekly_challenge',
      channelId: CHANNEL,
      timezone: ZONE,
      scheduledFor: new Date('2026-03-04T18:02:00Z'),
      now: new Date('2026-03-11T00:00:00Z'), // the week of 4 March closed at this instant
    }, storage);
    expect(decision.action).toBe('skip');
  });

  it("a moderator's skip or pause made while the week's post is in flight stands: the week stays skipped, the timetable paused", async () => {
    const week = challengeWeek('2026-03-04', ZONE);
    poster.whileInFlight = async () => {
      expect(await skipChallengeWeek(storage, GUILD, week, now)).toBe('skipped');
      expect(await pauseWeeklyChallenge(storage, GUILD, 'Paused by <@1>.', now)).toBe(true);
    };
    expect(await at('2026-03-04T18:02:00Z')).toMatchObject({ posted: 1 });
    expect(await challengeForWeek(storage, GUILD, week.start)).toMatchObject({ status: 'skipped', messageId: poster.inChannel()[0]!.id });
    expect(await currentChallenge(storage, GUILD, now)).toBeUndefined();
    expect((await clubSettings(storage, GUILD))?.weekly).toMatchObject({ status: 'paused', lastError: 'Paused by <@1>.' });
    expect((await clubSettings(storage, GUILD))?.programmeWeek).toBe(1);
    await at('2026-03-11T18:02:00Z');
    await at('2026-03-18T18:02:00Z');
    expect(poster.inChannel().filter((s) => embedOf(s).title?.startsWith('Strength challenge'))).toHaveLength(1);
  });

  it('closes the week with a recap that pings nobody: joined, reached, longest current streaks', async () => {
    await at('2026-03-04T18:02:00Z');
    const week1 = (await currentChallenge(storage, GUILD, now))!;
    await enrol(storage, week1, 'u-ana', now);
    await enrol(storage, week1, 'u-ben', now);
    await logSession(storage, week1, 'u-ana', '2026-03-05', now);
    // A late log on the last day, 23:59 local on Tuesday 10 March, still counts.
    now = new Date('2026-03-10T23:59:00Z');
    await logSession(storage, week1, 'u-ana', '2026-03-10', now);
    await logSession(storage, week1, 'u-ben', '2026-03-10', now);

    await at('2026-03-10T23:59:30Z');
    expect(poster.inChannel()).toHaveLength(1);
    await at('2026-03-11T00:00:00Z'); // local midnight: the week closes
    const recap = poster.inChannel()[1];
    expect(embedOf(recap).title).toBe('Week 1 recap: Wednesday 4 March to Tuesday 10 March');
    expect(embedOf(recap).description).toBe('**2** joined and **1** reached the target of 2 sessions.');
    expect(textOf(recap)).toMatch(/1\. <@u-ana>: 1 week in a row/);
    expect(textOf(recap)).not.toMatch(/u-ben/);
    expect(recap?.message.allowed_mentions).toEqual({ parse: [] });
    expect((await challengeForWeek(storage, GUILD, '2026-03-04'))?.recapMessageId).toBe(recap?.id);
    // Who the recap names is noted, so that erasing a member edits it later.
    const { postedMentions } = storage.t;
    expect(await storage.run((db) => db.select({ userId: postedMentions.userId, shown: postedMentions.shown }).from(postedMentions).where(eq(postedMentions.messageId, recap!.id)))).toEqual([
      { userId: 'u-ana', shown: '<@u-ana>' },
    ]);

    await at('2026-03-11T00:05:00Z');
    expect(poster.inChannel()).toHaveLength(2);
  });

  it('knows who is enrolled in the week running now (for the symptom check)', async () => {
    await at('2026-03-04T18:02:00Z');
    await enrol(storage, (await currentChallenge(storage, GUILD, now))!, 'u-ana', now);
    expect(await isEnrolledThisWeek(storage, GUILD, 'u-ana', now)).toBe(true);
    expect(await isEnrolledThisWeek(storage, GUILD, 'u-ben', now)).toBe(false);
    expect(await isEnrolledThisWeek(storage, null, 'u-ana', now)).toBe(false);
    expect(await isEnrolledThisWeek(storage, GUILD, 'u-ana', new Date('2026-03-11T00:00:00Z'))).toBe(false);
  });

  it('keeps streaks over paused and skipped weeks and breaks them on a missed one', async () => {
    const reachWeek = async (userId: string, days: string[]) => {
      const challenge = (await currentChallenge(storage, GUILD, now))!;
      for (const day of days) await logSession(storage, challenge, userId, day, now);
    };
    await at('2026-03-04T18:02:00Z');
    await reachWeek('u-ana', ['2026-03-05', '2026-03-07']);
    await reachWeek('u-ben', ['2026-03-05', '2026-03-07']);
    // Ana pauses (injured) during the week of 11 March; Ben just misses it.
    await at('2026-03-11T18:02:00Z');
    await setMemberPaused(storage, GUILD, 'u-ana', true, await currentChallenge(storage, GUILD, now), now);
    await reachWeek('u-ben', ['2026-03-12']);
    // Moderators skip the week of 18 March.
    expect(await skipChallengeWeek(storage, GUILD, challengeWeek('2026-03-18', ZONE), now)).toBe('skipped');
    await at('2026-03-18T18:02:00Z');
    expect(poster.inChannel().filter((s) => embedOf(s).title?.startsWith('Strength challenge'))).toHaveLength(2);
    await at('2026-03-25T18:02:00Z');
    await setMemberPaused(storage, GUILD, 'u-ana', false, undefined, now);
    await reachWeek('u-ana', ['2026-03-26', '2026-03-28']);
    await reachWeek('u-ben', ['2026-03-26', '2026-03-28']);
    now = new Date('2026-04-01T00:00:00Z');
    expect(await memberStreaks(storage, GUILD, 'u-ana', now)).toEqual({ current: 2, best: 2 });
    expect(await memberStreaks(storage, GUILD, 'u-ben', now)).toEqual({ current: 1, best: 1 });
  });
});
