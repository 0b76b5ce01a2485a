import { describe, expect, it } from 'vitest';
import { JOBS_BY_KIND } from '../../../commands/scheduled-jobs.js';
import { parseConfig } from '../../../src/platform/config.js';
import { openDatabase } from '../../../src/platform/db/connection.js';
import { createLogger } from '../../../src/platform/logger.js';
import { SCHEDULE_KIND_NAMES } from '../../../src/platform/schedule-kinds.js';
import { pausedNotice } from '../../../src/platform/scheduler/notices.js';
import { systemClock } from '../../../src/platform/time/clock.js';

describe('kinds of scheduled post', () => {
  const context = { config: parseConfig({ DISCORD_TOKEN: 'x' }), db: openDatabase(':memory:').db, logger: createLogger('silent'), clock: systemClock };

  it.each(SCHEDULE_KIND_NAMES)('%s has a job for that kind, and a notice that names it and says how to resume', (kind) => {
    expect(JOBS_BY_KIND[kind](context).kind).toBe(kind);
    const notice = pausedNotice({ kind, channelId: '1' }, 'Missing Access').content ?? '';
    expect(notice).toMatch(/^\*\*Pacer paused (the|a) [a-z ]+ in <#1>\.\*\*/);
    expect(notice).toMatch(/then run `\/(club|announce|run)/);
  });
});
