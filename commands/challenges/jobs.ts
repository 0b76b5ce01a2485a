/**
 * The scheduled jobs of the weekly strength challenge: the weekly post ('weekly_challenge') and the recap
 * when a club's week closes ('challenge_recap'). They decide on the storage the engine hands them and build the
 * message; the engine posts it exactly once and records it through the same storage.
 */
import { programmeWeek } from '../../src/challenges/programme.js';
import { challengeWeek, weekStartFor, type ChallengeWeek, type Weekday } from '../../src/platform/time/club-weeks.js';
import { localDay } from '../../src/platform/time/days.js';
import {
  challengeAwaitingRecap,
  challengeForWeek,
  clubProgrammeWeek,
  clubProgress,
  longestCurrentStreaks,
  recordChallengePost,
  recordRecap,
} from '../../src/challenges/store.js';
import { clubSettings } from '../../src/challenges/club-settings-store.js';
import type { Storage } from '../../src/platform/db/storage.js';
import type { JobDecision, Occurrence, ScheduledJob } from '../../src/platform/scheduler/contract.js';
import { nextRun } from '../../src/platform/time/weekly-rules.js';
import { recordPostedMentions } from '../../src/participation/posted-mentions-store.js';
import { asOutgoing, recapView, weeklyPostView, type WeeklyPostModel } from './views.js';

/** A post this long after its time says it is late. */
export const LATE_AFTER_MS = 10 * 60_000;
/** A recap more than this long after its week closed is not worth posting any more. */
export const RECAP_STALE_AFTER_MS = 3 * 24 * 60 * 60_000;
export const RECAP_STREAKS_SHOWN = 5;

/** The post for the week starting on `week.start`, as members will see it (the preview shows the same). */
export async function weeklyPostModel(storage: Storage, guildId: string, week: ChallengeWeek, timezone: string, late: boolean): Promise<WeeklyPostModel> {
  const weekNumber = (await challengeForWeek(storage, guildId, week.start))?.weekNumber ?? (await clubProgrammeWeek(storage, guildId));
  return { weekNumber, week: programmeWeek(weekNumber), weekStart: week.start, weekEnd: week.end, timezone, late };
}

/** The challenge week an occurrence of the weekly post opens. */
export function weekOfOccurrence(scheduledFor: Date, timezone: string, postDay: Weekday): ChallengeWeek {
  return challengeWeek(weekStartFor(localDay(scheduledFor, timezone), postDay), timezone);
}

export function weeklyChallengeJob(): ScheduledJob {
  return {
    kind: 'weekly_challenge',
    async decide(occurrence: Occurrence, tx: Storage): Promise<JobDecision> {
      const settings = await clubSettings(tx, occurrence.guildId);
      if (!settings?.weekly) return { action: 'skip', reason: 'The club has no weekly challenge set up.' };
      const week = weekOfOccurrence(occurrence.scheduledFor, occurrence.timezone, settings.weekly.day);
      if (occurrence.now.getTime() >= week.closesAt.getTime()) {
        return { action: 'skip', reason: `The week of ${week.start} ended before Pacer could post it.` };
      }
      const existing = await challengeForWeek(tx, occurrence.guildId, week.start);
      if (existing?.status === 'skipped') return { action: 'skip', reason: `A moderator skipped the week of ${week.start}.` };
      if (existing?.messageId) return { action: 'skip', reason: `The week of ${week.start} was already posted (post-now).` };
      const late = occurrence.now.getTime() - occurrence.scheduledFor.getTime() > LATE_AFTER_MS;
      return {
        action: 'post',
        message: asOutgoing(weeklyPostView(await weeklyPostModel(tx, occurrence.guildId, week, occurrence.timezone, late))),
        recordPosted: async (messageId, postedTx) => {
          await recordChallengePost(postedTx, { guildId: occurrence.guildId, week, channelId: occurrence.channelId, messageId }, occurrence.now);
        },
      };
    },
  };
}

export function challengeRecapJob(): ScheduledJob {
  return {
    kind: 'challenge_recap',
    async decide(occurrence: Occurrence, tx: Storage): Promise<JobDecision> {
      const challenge = await challengeAwaitingRecap(tx, occurrence.guildId, occurrence.now);
      if (!challenge) return { action: 'skip', reason: 'No challenge week to close.' };
      if (occurrence.now.getTime() - challenge.closesAt.getTime() > RECAP_STALE_AFTER_MS) {
        return { action: 'skip', reason: `The recap of the week of ${challenge.weekStart} is too old to post.` };
      }
      const week = challengeWeek(challenge.weekStart, occurrence.timezone);
      const progress = await clubProgress(tx, challenge);
      const streaks = await longestCurrentStreaks(tx, occurrence.guildId, occurrence.now, RECAP_STREAKS_SHOWN);
      const view = recapView({
        weekNumber: challenge.weekNumber,
        weekStart: week.start,
        weekEnd: week.end,
        targetSessions: challenge.targetSessions,
        joined: progress.joined,
        reachedTarget: progress.reachedTarget,
        streaks,
      });
      return {
        action: 'post',
        message: asOutgoing(view),
        recordPosted: async (messageId, postedTx) => {
          await recordRecap(postedTx, challenge.id, messageId);
          // The recap mentions members: noted, so that erasing one of them edits it later.
          const named = streaks.map((entry) => ({ userId: entry.userId, shown: `<@${entry.userId}>` }));
          if (named.length > 0) await recordPostedMentions(postedTx, { guildId: occurrence.guildId, channelId: occurrence.channelId, messageId, members: named }, occurrence.now);
        },
      };
    },
  };
}

/** The instant the weekly post of `week` is due by the club's rule (its post day at its time), for post-now's ledger claim. */
export function weeklyOccurrence(week: ChallengeWeek, rule: string, timezone: string): Date | null {
  return nextRun(rule, timezone, new Date(week.opensAt.getTime() - 1));
}
