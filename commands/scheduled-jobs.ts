/**
 * The job of each kind of scheduled post (src/platform/schedule-kinds.ts lists the kinds): a kind without a job
 * here does not type-check. startApp hands them to the scheduler.
 */
import { announcementJob } from '../src/announcements/job.js';
import type { AppContext } from '../src/platform/app-context.js';
import { challengeRecapJob, weeklyChallengeJob } from './challenges/jobs.js';
import { announcementJobStore } from '../src/announcements/store.js';
import { runReminderJob } from './runs/jobs.js';
import { runRepeatJob } from './runs/repeat-job.js';
import type { ScheduleKind, ScheduledJob } from '../src/platform/scheduler/contract.js';

export type JobFactory = (context: AppContext) => ScheduledJob;

/** Exported for the test that each kind's job handles that kind. */
export const JOBS_BY_KIND: Record<ScheduleKind, JobFactory> = {
  weekly_challenge: () => weeklyChallengeJob(),
  challenge_recap: () => challengeRecapJob(),
  announcement: () => announcementJob(announcementJobStore),
  run_reminder: () => runReminderJob(),
  run_repeat: (context) => runRepeatJob(context),
};

export const scheduledJobs: readonly JobFactory[] = Object.values(JOBS_BY_KIND);
