/** Notices about missed or failed posts: one digest per tick and club, not one message per dropped post. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noticeDigest, skippedNotice } from '../../../src/platform/scheduler/notices.js';
import { startDiscordDouble, type DiscordDouble } from '@pacer/discord-double';
import { clubChannel, DAY, guildWithClubChannels, HOUR, ManualClock, noticesChannel, seedClub, startEngine, TestJob, type EngineHarness } from './support.js';

let double: DiscordDouble;
let harness: EngineHarness | undefined;
beforeEach(async () => {
  double = await startDiscordDouble({ guilds: [guildWithClubChannels(2)] });
});
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  await double.close();
});

/** A job that skips every occurrence and asks for the moderators to hear why (as announcements past their grace window do). */
class SkippingJob extends TestJob {
  override decide(occurrence: Parameters<TestJob['decide']>[0]) {
    super.decide(occurrence);
    return { action: 'skip' as const, reason: `schedule #${occurrence.scheduleId} was ${Math.round((occurrence.now.getTime() - occurrence.scheduledFor.getTime()) / 60_000)} minutes late`, notifyModerators: true };
  }
}

describe('notices to moderators', () => {
  it('six posts dropped in one tick give one message in the notices channel, listing each', async () => {
    const clock = new ManualClock('2026-06-01T00:00:00Z');
    harness = startEngine(double, clock, [new SkippingJob('announcement')]);
    // One club (index 0) with six announcements, all missed while Pacer was down; a second club with one.
    for (let i = 0; i < 6; i++) seedClub(harness.handle, { index: 0, rule: `${i * 5} 9 * * *`, timezone: 'UTC', kind: 'announcement', withNotices: true }, clock.now());
    seedClub(harness.handle, { index: 1, rule: '0 9 * * *', timezone: 'UTC', kind: 'announcement', withNotices: true }, clock.now());
    clock.advance(3 * DAY + 12 * HOUR);
    expect(await harness.scheduler.runDue()).toMatchObject({ due: 7, skipped: 7 });
    const club0 = double.messagesIn(noticesChannel(0));
    expect(club0).toHaveLength(1);
    expect(club0[0]!.content).toMatch(/^\*\*Pacer has 6 notices about scheduled posts:\*\*/);
    expect(club0[0]!.content.split('\n').filter((line) => line.startsWith('• '))).toHaveLength(6);
    expect(double.messagesIn(noticesChannel(1))).toHaveLength(1);
    expect(double.messagesIn(noticesChannel(1))[0]!.content).not.toMatch(/notices about/);
    expect(double.messagesIn(clubChannel(0))).toHaveLength(0);
  });

  it('a digest of many notices fits in one Discord message and says how many did not fit', () => {
    const many = Array.from({ length: 80 }, (_, i) => skippedNotice({ kind: 'announcement', channelId: String(1300000000000000000n + BigInt(i)) }, `announcement #${i} was due while Pacer was offline, past the grace window`));
    const digest = noticeDigest(many);
    expect(digest.content!.length).toBeLessThanOrEqual(2000);
    expect(digest.content).toMatch(/…and \d+ more/);
    expect(digest.allowed_mentions).toEqual({ parse: [] });
  });
});
