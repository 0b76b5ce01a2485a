/**
 * The scheduled job of kind 'run_reminder': one post before a group run, pinging only those who said Going.
 * The engine claims the occurrence once in the run ledger and posts it paced, like every scheduled post.
 */
import type { Storage } from '../../src/platform/db/storage.js';
import type { JobDecision, ScheduledJob } from '../../src/platform/scheduler/contract.js';
import { tally } from '../../src/runs/run.js';
import { runForReminder, runRsvpList } from '../../src/runs/store.js';
import { recordPostedMentions } from '../../src/participation/posted-mentions-store.js';
import { reminderMessage } from './views.js';

export function runReminderJob(): ScheduledJob {
  return {
    kind: 'run_reminder',
    async decide(occurrence, tx: Storage): Promise<JobDecision> {
      const run = await runForReminder(tx, occurrence.scheduleId);
      if (!run || run.guildId !== occurrence.guildId) return { action: 'skip', reason: 'The group run no longer exists.' };
      if (!run.messageId) return { action: 'skip', reason: `Group run #${run.id}'s card was never posted.` };
      if (run.status === 'cancelled') return { action: 'skip', reason: `Group run #${run.id} was cancelled.` };
      if (occurrence.now.getTime() >= run.startsAt.getTime()) {
        return { action: 'skip', reason: `The reminder for group run #${run.id} was due while Pacer was offline, and the run has already started.`, notifyModerators: true };
      }
      const counts = tally(run, await runRsvpList(tx, run.id));
      const going = [...counts.groups.flatMap((group) => group.userIds), ...counts.goingUngrouped];
      if (going.length === 0) return { action: 'skip', reason: `Nobody has said Going to group run #${run.id}, so there is nobody to remind.` };
      const message = reminderMessage(run, going);
      const pinged = message.allowed_mentions.users ?? [];
      return {
        action: 'post',
        message,
        // The reminder names members: noted, so that erasing one of them edits it.
        recordPosted: (messageId, tx) =>
          recordPostedMentions(tx, { guildId: run.guildId, channelId: occurrence.channelId, messageId, members: pinged.map((userId) => ({ userId, shown: `<@${userId}>` })) }, occurrence.now),
      };
    },
  };
}
