/**
 * The scheduled job of kind 'run_repeat': a few days before each start of a weekly or fortnightly series, it
 * creates that occurrence (the run and its reminder), posts its card through the scheduler (the run ledger and
 * the occurrence's nonce make it exactly once), then creates its Discord event.
 */
import type { AppContext } from '../../src/platform/app-context.js';
import type { Storage } from '../../src/platform/db/storage.js';
import type { JobDecision, ScheduledJob } from '../../src/platform/scheduler/contract.js';
import { formatLocal } from '../../src/announcements/when.js';
import { occurrenceFor } from '../../src/runs/repeats.js';
import { tally } from '../../src/runs/run.js';
import { occurrenceRun, seriesForSchedule } from '../../src/runs/series-store.js';
import { recordRunCard, runRsvpList } from '../../src/runs/store.js';
import { ensureRunEvent } from './repeat-events.js';
import { runCardMessage } from './views.js';

export function runRepeatJob(ctx: AppContext): ScheduledJob {
  const createEvents = (guildId: string, runIds: readonly number[]) =>
    // After the engine's transaction commits (its records are flushed on a timer, synchronously).
    setImmediate(() => runIds.forEach((runId) => void ensureRunEvent(ctx, guildId, runId)));
  return {
    kind: 'run_repeat',
    async decide(occurrence, tx: Storage): Promise<JobDecision> {
      const series = await seriesForSchedule(tx, occurrence.scheduleId);
      if (!series || series.guildId !== occurrence.guildId) return { action: 'skip', reason: 'The repeating group run no longer exists.' };
      if (series.status === 'cancelled') return { action: 'skip', reason: `The repeating group run "${series.title}" was cancelled.` };
      const next = occurrenceFor(series, occurrence.scheduledFor, series.timezone);
      if (next.startsAt === null) return { action: 'skip', reason: `"${series.title}": ${next.why}.` };
      if (occurrence.now >= next.startsAt) {
        return { action: 'skip', reason: `"${series.title}" on ${formatLocal(next.startsAt, series.timezone)} was due to be posted while Pacer was offline, and it has already started.`, notifyModerators: true };
      }
      const run = await occurrenceRun(tx, series, next.day, occurrence.now);
      if (!run) return { action: 'skip', reason: `The repeating group run "${series.title}" was cancelled.` };
      if (run.status === 'cancelled') return { action: 'skip', reason: `Group run #${run.id} was cancelled before its card was posted.` };
      return {
        action: 'post',
        message: runCardMessage(run, tally(run, await runRsvpList(tx, run.id))),
        recordPosted: async (messageId, posted: Storage) => {
          await recordRunCard(posted, run.id, messageId);
          createEvents(run.guildId, [run.id]);
        },
      };
    },
  };
}
