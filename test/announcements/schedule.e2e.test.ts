/**
 * Announcements through the real scheduler: each occurrence posts at its time (injected clock) exactly
 * once, across restarts; a missed occurrence within the 60-minute grace window still posts, a later one is
 * skipped and reported; a post Discord refuses for good pauses the announcement and tells the moderators.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAnnouncement } from '../../src/announcements/store.js';
import { FIXTURE, type ApiMessage } from '@pacer/discord-double';
import { notifiedBy } from './discord-mentions.js';
import { startPacer, type Pacer } from '../support/pacer.js';
import { TestClock } from '../support/test-clock.js';

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}


const MOD = FIXTURE.users.moderator;
const CHANNEL = FIXTURE.channels.announcements;
const NOTICES = FIXTURE.channels.general;
const ROLE = FIXTURE.roles.moderator;

describe('announcements post at their time, exactly once', () => {
  let pacer: Pacer;
  const clock = new TestClock(new Date('2026-11-30T12:00:00Z'));
  const posts = () => pacer.double.messagesIn(CHANNEL);
  const notices = () => pacer.double.messagesIn(NOTICES);
  const postBodies = () =>
    pacer.double.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/channels/${CHANNEL}/messages`) && r.status === 200).map((r) => r.body as Record<string, unknown>);

  async function schedule(options: Record<string, string>, text: { title?: string; body: string }): Promise<number> {
    const command = pacer.double.runSlash('announce', { subcommand: 'schedule', options: { channel: CHANNEL, ...options }, user: MOD });
    expect((await command.response()).type).toBe(9);
    const submit = pacer.double.submitModal(String(command.modal().custom_id), { title: text.title ?? '', body: text.body }, { user: MOD });
    const reply: ApiMessage = await submit.reply();
    const id = Number(/#(\d+) scheduled/.exec(reply.content)?.[1]);
    if (!id) throw new Error(`not scheduled: ${reply.content}`);
    return id;
  }

  async function cancel(id: number) {
    const prompt = await pacer.double.runSlash('announce', { subcommand: 'cancel', options: { id }, user: MOD }).reply();
    expect((await pacer.double.clickButton(`an:1:cx:${id}`, { messageId: prompt.id, user: MOD }).reply()).content).toMatch(/is cancelled/);
  }

  async function at(iso: string) {
    clock.set(iso);
    return pacer.app.scheduler.runDue();
  }

  beforeAll(async () => {
    pacer = await startPacer({ app: { clock } });
    const { storage } = pacer.app.context;
    await storage.run((db) => db.insert(storage.t.clubs).values({ guildId: FIXTURE.guildId, timezone: 'Europe/London', region: 'UK', noticesChannelId: NOTICES, setupByUserId: MOD }));
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  it('posts a one-off at its local time, once, with only the chosen ping', async () => {
    await schedule({ when: 'tomorrow 18:00', ping: ROLE }, { body: 'Track night moved to 7pm. @everyone @here <@&1400000000000000002>' });
    await at('2026-12-01T17:59:00Z');
    expect(posts()).toEqual([]);
    await at('2026-12-01T18:00:05Z');
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.content).toBe(`<@&${ROLE}>\nTrack night moved to 7pm. @everyone @here <@&1400000000000000002>`);
    expect(notifiedBy(postBodies()[0]!)).toEqual({ everyone: false, roles: [ROLE], users: [] });

    await at('2026-12-01T18:01:00Z');
    await pacer.restart();
    await at('2026-12-01T18:02:00Z');
    expect(posts()).toHaveLength(1);
    expect(await getAnnouncement(pacer.app.context.storage, FIXTURE.guildId, 1)).toMatchObject({ status: 'done', lastMessageId: posts()[0]!.id });
  });

  it('posts a weekly one every week at 18:00 local across the clock change, once each, across a restart', async () => {
    clock.set('2027-03-20T12:00:00Z');
    const id = await schedule({ when: '2027-03-23 18:00', repeat: 'weekly' }, { title: 'Tuesday hills', body: 'Meet at the park gate.' });
    const before = posts().length;
    await at('2027-03-23T18:00:10Z'); // GMT
    expect(posts()).toHaveLength(before + 1);
    expect(posts().at(-1)!.embeds[0]).toMatchObject({ title: 'Tuesday hills', description: 'Meet at the park gate.' });
    expect(notifiedBy(postBodies().at(-1)!)).toEqual({ everyone: false, roles: [], users: [] });

    await pacer.restart();
    await at('2027-03-23T18:30:00Z');
    expect(posts()).toHaveLength(before + 1);
    await at('2027-03-30T16:59:00Z');
    expect(posts()).toHaveLength(before + 1);
    await at('2027-03-30T17:00:05Z'); // 18:00 BST
    expect(posts()).toHaveLength(before + 2);
    expect((await getAnnouncement(pacer.app.context.storage, FIXTURE.guildId, id))?.nextRunAt?.toISOString()).toBe('2027-04-06T17:00:00.000Z');
    await cancel(id);
  });

  it('after downtime, posts once within the 60-minute grace window and skips and reports beyond it', async () => {
    clock.set('2027-05-01T12:00:00Z');
    const id = await schedule({ when: '2027-05-03 09:00', repeat: 'daily' }, { body: 'Daily stretch reminder' });
    const count = posts().length;
    await pacer.app.stop();
    clock.set('2027-05-03T08:45:00Z'); // 09:45 BST: 45 minutes late
    await pacer.restart(); // its start-up tick runs what is due; running again must not post twice
    await until(() => posts().length > count);
    await pacer.app.scheduler.runDue();
    expect(posts()).toHaveLength(count + 1);
    expect(posts().at(-1)!.content).toBe('Daily stretch reminder');

    const noticesBefore = notices().length;
    await pacer.app.stop();
    clock.set('2027-05-04T10:30:00Z'); // 11:30 BST: two and a half hours late
    await pacer.restart();
    await until(() => notices().length > noticesBefore);
    await pacer.app.scheduler.runDue();
    expect(posts()).toHaveLength(count + 1);
    expect(notices()).toHaveLength(noticesBefore + 1);
    expect(notices().at(-1)!.content).toMatch(new RegExp(`announcement #${id} was due.*150 minutes late, past the 60-minute grace window`));
    expect(await getAnnouncement(pacer.app.context.storage, FIXTURE.guildId, id)).toMatchObject({ status: 'active' });
    expect((await getAnnouncement(pacer.app.context.storage, FIXTURE.guildId, id))?.nextRunAt?.toISOString()).toBe('2027-05-05T08:00:00.000Z');
    await cancel(id);
  });

  it('pauses an announcement Discord refuses for good, tells the moderators, and resumes on request', async () => {
    clock.set('2027-06-01T12:00:00Z');
    const id = await schedule({ when: '2027-06-02 18:00', repeat: 'daily' }, { body: 'Club run' });
    pacer.double.injectFault({ method: 'POST', pathPattern: `/channels/${CHANNEL}/messages`, status: 403, code: 50013, message: 'Missing Permissions' });
    const count = posts().length;
    const noticesBefore = notices().length;
    await at('2027-06-02T17:00:05Z');
    expect(posts()).toHaveLength(count);
    expect(await getAnnouncement(pacer.app.context.storage, FIXTURE.guildId, id)).toMatchObject({ status: 'paused' });
    expect(notices()).toHaveLength(noticesBefore + 1);
    expect(notices().at(-1)!.content).toMatch(/paused a scheduled announcement.*\/announce resume/s);

    const list = await pacer.double.runSlash('announce', { subcommand: 'list', user: MOD }).reply();
    expect(list.content).toMatch(new RegExp(`\\*\\*#${id}\\*\\* Club run\\n.*· paused \\(.*Missing Permissions`));

    const resumed = await pacer.double.runSlash('announce', { subcommand: 'resume', options: { id }, user: MOD }).reply();
    expect(resumed.content).toContain(`<t:${Date.parse('2027-06-03T17:00:00Z') / 1000}:F>`);
    await at('2027-06-03T17:00:05Z');
    expect(posts()).toHaveLength(count + 1);
    await cancel(id);
  });

  it('does not post in the past when the form stayed open past the chosen time', async () => {
    clock.set('2027-08-02T16:00:00Z');
    const openForm = async (options: Record<string, string>) => {
      const command = pacer.double.runSlash('announce', { subcommand: 'schedule', options: { channel: CHANNEL, ...options }, user: MOD });
      expect((await command.response()).type).toBe(9);
      return String(command.modal().custom_id);
    };
    const once = await openForm({ when: '2027-08-02 18:00' });
    const weekly = await openForm({ when: '2027-08-02 18:00', repeat: 'weekly' });
    clock.set('2027-08-02T17:05:00Z'); // 18:05 BST: both forms are still open
    const refused = await pacer.double.submitModal(once, { title: '', body: 'Too late text' }, { user: MOD }).reply();
    expect(refused.content).toMatch(/passed while the form was open.*Too late text/s);
    const accepted = await pacer.double.submitModal(weekly, { title: '', body: 'Weekly from next week' }, { user: MOD }).reply();
    expect(accepted.content).toContain(`<t:${Date.parse('2027-08-09T17:00:00Z') / 1000}:F>`);
    const count = posts().length;
    await pacer.app.scheduler.runDue();
    expect(posts()).toHaveLength(count);
    await cancel(Number(/#(\d+)/.exec(accepted.content)?.[1]));
  });

  it('posts nothing for a paused or cancelled announcement', async () => {
    clock.set('2027-07-01T12:00:00Z');
    const paused = await schedule({ when: '2027-07-02 18:00' }, { body: 'Paused one' });
    const cancelled = await schedule({ when: '2027-07-02 18:00' }, { body: 'Cancelled one' });
    await pacer.double.runSlash('announce', { subcommand: 'pause', options: { id: paused }, user: MOD }).reply();
    await cancel(cancelled);
    const count = posts().length;
    await at('2027-07-02T17:00:05Z');
    expect(posts()).toHaveLength(count);
    expect(pacer.double.validationErrors).toEqual([]);
  });
});
