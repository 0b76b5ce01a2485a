/** Who Pacer's posts name, and the queue of edits an erasure leaves, on both dialects. */
import { describe, expect, it } from 'vitest';
import { eraseMember } from '../../src/participation/erasure-store.js';
import { finishMessageEdit, nextMessageEdit, pendingMessageEdits, postponeMessageEdit, recordPostedMentions } from '../../src/participation/posted-mentions-store.js';
import type { Storage } from '../../src/platform/db/storage.js';
import { dialects, freshStorageEach } from '../support/storages.js';

const G = '1200000000000000001';
const RITA = '1500000000000000001';
const KIM = '1500000000000000002';
const NOW = new Date('2026-11-20T10:00:00Z');
const mention = (userId: string) => ({ userId, shown: `<@${userId}>` });

describe.each(dialects)('posted mentions and message edits on $name', ({ open }) => {
  let storage: Storage;
  freshStorageEach(open, (fresh) => (storage = fresh));

  const mentionsOf = async (messageId: string) => {
    const { postedMentions: p } = storage.t;
    const rows = await storage.run((db) => db.select({ messageId: p.messageId, userId: p.userId, shown: p.shown }).from(p).orderBy(p.id));
    return rows.filter((r) => r.messageId === messageId).map((r) => r.userId);
  };

  it('records who a message names, replacing what was recorded for it before (a run card edited as answers change)', async () => {
    await recordPostedMentions(storage, { guildId: G, channelId: '1', messageId: '100', members: [mention(RITA), mention(KIM)] }, NOW);
    await recordPostedMentions(storage, { guildId: G, channelId: '1', messageId: '101', members: [mention(KIM)] }, NOW);
    await recordPostedMentions(storage, { guildId: G, channelId: '1', messageId: '100', members: [mention(KIM)] }, NOW);
    expect(await mentionsOf('100')).toEqual([KIM]);
    expect(await mentionsOf('101')).toEqual([KIM]);
    await recordPostedMentions(storage, { guildId: G, channelId: '1', messageId: '100', members: [] }, NOW);
    expect(await mentionsOf('100')).toEqual([]);
  });

  it('records a message naming 1,200 members (more than one insert batch)', async () => {
    const many = Array.from({ length: 1200 }, (_, i) => mention(String(1600000000000000000n + BigInt(i))));
    await recordPostedMentions(storage, { guildId: G, channelId: '1', messageId: '100', members: many }, NOW);
    expect(await mentionsOf('100')).toEqual(many.map((m) => m.userId));
  });

  it('an erasure queues one edit per message naming the member; the queue hands them out due first, postpones and finishes', async () => {
    expect(await nextMessageEdit(storage, NOW)).toBeNull();
    await recordPostedMentions(storage, { guildId: G, channelId: '1', messageId: '100', members: [mention(RITA), mention(KIM)] }, NOW);
    await recordPostedMentions(storage, { guildId: G, channelId: '2', messageId: '200', members: [{ userId: RITA, shown: '**2.** Rita · ' }] }, NOW);
    expect((await eraseMember(storage, RITA)).messagesToEdit).toBe(2);
    expect(await pendingMessageEdits(storage)).toBe(2);
    const first = await nextMessageEdit(storage, NOW);
    expect(first).toEqual({ channelId: '1', messageId: '100', ids: [expect.any(Number)], attempts: 0, changes: [{ find: `<@${RITA}>`, replacement: 'a former member' }] });
    await postponeMessageEdit(storage, first!.ids, new Date(NOW.getTime() + 30_000));
    const second = await nextMessageEdit(storage, NOW);
    expect(second).toMatchObject({ channelId: '2', messageId: '200', attempts: 0, changes: [{ find: '**2.** Rita · ', replacement: '**2.** A former member · ' }] });
    await finishMessageEdit(storage, second!.ids);
    // The postponed one is not due until its time, then comes back with its attempt counted.
    expect(await nextMessageEdit(storage, NOW)).toBeNull();
    expect(await nextMessageEdit(storage, new Date(NOW.getTime() + 30_000))).toMatchObject({ messageId: '100', attempts: 1 });
    await finishMessageEdit(storage, first!.ids);
    expect(await pendingMessageEdits(storage)).toBe(0);
    expect(await mentionsOf('100')).toEqual([KIM]);
  });
});
