import { describe, expect, it } from 'vitest';
import { JOBS_BY_KIND } from '../../../commands/scheduled-jobs.js';
import { SCHEDULE_KIND_NAMES } from '../../../src/platform/schedule-kinds.js';
import { pausedNotice } from '../../../src/platform/scheduler/notices.js';
import { memoryAppContext } from '../../support/app-context.js';

describe('kinds of scheduled post', () => {
  const context = memoryAppContext();

  it.each(SCHEDULE_KIND_NAMES)('%s has a job for that kind, and a notice that names it and says how to resume', (kind) => {
    expect(JOBS_BY_KIND[kind](context).kind).toBe(kind);
    const notice = pausedNotice({ kind, channelId: '1' }, 'Missing Access').content ?? '';
    expect(notice).toMatch(/^\*\*Pacer paused (the|a) [a-z ]+ in <#1>\.\*\*/);
    expect(notice).toMatch(/then run `\/(club|announce|run)/);
  });
});
