/**
 * The bot as a process for the crash test (bundled by crash.test.ts): the real startApp (system clock, real heartbeat) with the
 * test-only job registered through the same job list a feature uses.
 */
import { startApp } from '../../../../src/app.js';
import { parseConfig } from '../../../../src/platform/config.js';
import { createLogger } from '../../../../src/platform/logger.js';
import { TestJob } from '../support.js';

const config = parseConfig(process.env);
const logger = createLogger(config.logLevel);
const app = await startApp({ config, logger, jobs: [() => new TestJob('weekly_challenge')] });
process.once('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
