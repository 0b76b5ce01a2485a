/**
 * Every feature that posts on a timetable registers its ScheduledJob here, one line each, for example:
 *   (context) => createWeeklyChallengeJob(context),
 * One job per `schedules.kind`; startApp hands them to the scheduler.
 */
import { announcementJob } from './announcements/job.js';
import type { AppContext } from './app-context.js';
import { challengeRecapJob, weeklyChallengeJob } from './jobs/challenge-jobs.js';
import { announcementJobStore } from './db/announcements.js';
import type { ScheduledJob } from './scheduler/contract.js';

export type JobFactory = (context: AppContext) => ScheduledJob;

export const scheduledJobs: readonly JobFactory[] = [
  (context) => weeklyChallengeJob(context.db),
  (context) => challengeRecapJob(context.db),
  (context) => announcementJob(announcementJobStore(context.db)),
];
