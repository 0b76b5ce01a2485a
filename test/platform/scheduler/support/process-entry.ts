/**
 * The bot as a process for the crash tests (bundled by bot-process.ts): the real startApp (real heartbeat) with
 * test-only jobs registered through the same job list a feature uses. PACER_TEST_JOBS lists their kinds
 * (default weekly_challenge), or is `real` for Pacer's own jobs; PACER_TEST_CLOCK_OFFSET_MS moves its clock
 * (a restart "minutes later").
 */
import { startApp } from '../../../../src/app.js';
import { parseConfig } from '../../../../src/platform/config.js';
import { createLogger } from '../../../../src/platform/logger.js';
import type { ScheduleKind } from '../../../../src/platform/scheduler/contract.js';
import { TestJob } from '../support.js';

const config = parseConfig(process.env);
const logger = createLogger(config.logLevel);
const kinds = (process.env.PACER_TEST_JOBS ?? 'weekly_challenge').split(',') as ScheduleKind[];
const offsetMs = Number(process.env.PACER_TEST_CLOCK_OFFSET_MS ?? 0);
const app = await startApp({
  config,
  logger,
  clock: { now: () => new Date(Date.now() + offsetMs) },
  jobs: process.env.PACER_TEST_JOBS === 'real' ? undefined : kinds.map((kind) => () => new TestJob(kind)),
});
process.once('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
