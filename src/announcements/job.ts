/**
 * The scheduler job for kind 'announcement'. The engine claims each occurrence once in the run ledger and
 * posts what this job decides; pausing on a permanent failure and telling moderators are the engine's.
 */
import type { JobDecision, Occurrence, ScheduledJob } from '../platform/scheduler/contract.js';
import type { Storage } from '../platform/db/storage.js';
import type { AnnouncementContent } from './announcement.js';
import { announcementPost } from './post.js';

/** An occurrence missed while Pacer was down is still posted if it is at most this late; later ones are skipped and reported. */
export const GRACE_WINDOW_MS = 60 * 60_000;

/** What the job needs from storage (src/announcements/store.ts implements it). */
export interface AnnouncementJobStore {
  /** The announcement behind a schedule row, or undefined if there is none (or it was cancelled). */
  contentForSchedule(scheduleId: number): Promise<(AnnouncementContent & { id: number }) | undefined>;
  recordPost(scheduleId: number, messageId: string, at: Date): Promise<void>;
}

/** `storeOn` builds the store on the transaction the engine passes to each call. */
export function announcementJob(storeOn: (tx: Storage) => AnnouncementJobStore): ScheduledJob {
  return {
    kind: 'announcement',
    async decide(occurrence: Occurrence, tx: Storage): Promise<JobDecision> {
      const announcement = await storeOn(tx).contentForSchedule(occurrence.scheduleId);
      if (!announcement) return { action: 'skip', reason: 'the announcement no longer exists' };
      const lateMs = occurrence.now.getTime() - occurrence.scheduledFor.getTime();
      if (lateMs > GRACE_WINDOW_MS) {
        return {
          action: 'skip',
          reason: `announcement #${announcement.id} was due <t:${Math.floor(occurrence.scheduledFor.getTime() / 1000)}:f> while Pacer was offline. It was ${Math.round(lateMs / 60_000)} minutes late, past the ${GRACE_WINDOW_MS / 60_000}-minute grace window, so that post was skipped; later posts go ahead as scheduled.`,
          notifyModerators: true,
        };
      }
      return { action: 'post', message: announcementPost(announcement) };
    },
    posted(occurrence: Occurrence, messageId: string, tx: Storage): Promise<void> {
      return storeOn(tx).recordPost(occurrence.scheduleId, messageId, occurrence.now);
    },
  };
}
