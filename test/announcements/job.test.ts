import { describe, expect, it } from 'vitest';
import type { AnnouncementContent } from '../../src/announcements/announcement.js';
import { announcementJob, GRACE_WINDOW_MS, type AnnouncementJobStore } from '../../src/announcements/job.js';
import type { Occurrence, OutgoingMessage, Poster } from '../../src/platform/scheduler/contract.js';
import { notifiedBy } from './discord-mentions.js';
import type { Storage } from '../../src/platform/db/storage.js';
import { memoryAppContext } from '../support/app-context.js';

/** Records posts; stands in for the bot layer. */
class FakePoster implements Poster {
  readonly posts: { channelId: string; message: OutgoingMessage }[] = [];
  post(channelId: string, message: OutgoingMessage) {
    this.posts.push({ channelId, message });
    return Promise.resolve({ messageId: String(9000 + this.posts.length) });
  }
  edit() {
    return Promise.resolve();
  }
  directMessage() {
    return Promise.resolve({ messageId: '1' });
  }
}

/** A store per transaction, as the job builds it; `recorded` says which transaction each write went through. */
function store(content: (AnnouncementContent & { id: number }) | undefined) {
  const recorded: { scheduleId: number; messageId: string; tx: Storage }[] = [];
  const s = (tx: Storage): AnnouncementJobStore => ({
    contentForSchedule: () => Promise.resolve(content),
    recordPost: (scheduleId, messageId) => Promise.resolve(void recorded.push({ scheduleId, messageId, tx })),
  });
  return { s, recorded };
}

const tx = memoryAppContext().storage;

const due = new Date('2026-12-01T18:00:00Z');
const occurrence = (lateMs: number): Occurrence => ({
  scheduleId: 7,
  guildId: '1200000000000000001',
  kind: 'announcement',
  channelId: '1300000000000000003',
  timezone: 'Europe/London',
  scheduledFor: due,
  now: new Date(due.getTime() + lateMs),
});

/** What the engine does with one decision, minus the ledger. */
async function run(job: ReturnType<typeof announcementJob>, poster: FakePoster, occ: Occurrence) {
  const decision = await job.decide(occ, tx);
  if (decision.action === 'post') {
    const { messageId } = await poster.post(occ.channelId, decision.message);
    await job.posted?.(occ, messageId, tx);
  }
  return decision;
}

describe('announcement job', () => {
  const content = { id: 3, title: 'Club night', body: 'Hill reps @everyone', ping: { kind: 'role' as const, roleId: '1400000000000000009' } };

  it('posts the announcement on time with only the chosen ping, and records the message', async () => {
    const { s, recorded } = store(content);
    const poster = new FakePoster();
    const job = announcementJob(s);
    expect(job.kind).toBe('announcement');
    await run(job, poster, occurrence(0));
    expect(poster.posts).toHaveLength(1);
    expect(poster.posts[0]!.message.embeds?.[0]).toMatchObject({ title: 'Club night', description: 'Hill reps @everyone' });
    expect(notifiedBy(poster.posts[0]!.message)).toEqual({ everyone: false, roles: ['1400000000000000009'], users: [] });
    expect(recorded).toEqual([{ scheduleId: 7, messageId: '9001', tx }]);
  });

  it('still posts an occurrence missed by up to the 60-minute grace window', async () => {
    expect(GRACE_WINDOW_MS).toBe(60 * 60_000);
    const poster = new FakePoster();
    await run(announcementJob(store(content).s), poster, occurrence(GRACE_WINDOW_MS));
    expect(poster.posts).toHaveLength(1);
  });

  it('skips and reports an occurrence missed by more than the grace window', async () => {
    const poster = new FakePoster();
    const { s, recorded } = store(content);
    const decision = await run(announcementJob(s), poster, occurrence(GRACE_WINDOW_MS + 60_000));
    expect(poster.posts).toHaveLength(0);
    expect(recorded).toEqual([]);
    if (decision.action !== 'skip') throw new Error('expected a skip');
    expect(decision.notifyModerators).toBe(true);
    expect(decision.reason).toMatch(/announcement #3.*61 minutes late.*60-minute grace window/);
  });

  it('posts nothing for a schedule whose announcement is gone', async () => {
    const poster = new FakePoster();
    expect(await run(announcementJob(store(undefined).s), poster, occurrence(0))).toMatchObject({ action: 'skip' });
    expect(poster.posts).toEqual([]);
  });
});
