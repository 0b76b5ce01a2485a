/**
 * Every feature that posts on a timetable registers its ScheduledJob here, one line each, for example:
 *   (context) => createWeeklyChallengeJob(context),
 * One job per `schedules.kind`; startApp hands them to the scheduler.
 */
import { announcementJob } from '../src/announcements/job.js';
import type { AppContext } from '../src/platform/app-context.js';
import { challengeRecapJob, weeklyChallengeJob } from './challenges/jobs.js';
import { announcementJobStore } from '../src/announcements/store.js';
import type { ScheduledJob } from '../src/platform/scheduler/contract.js';

export type JobFactory = (context: AppContext) => ScheduledJob;

export const scheduledJobs: readonly JobFactory[] = [
  (context) => weeklyChallengeJob(context.db),
  (context) => challengeRecapJob(context.db),
  (context) => announcementJob(announcementJobStore(context.db)),
];
