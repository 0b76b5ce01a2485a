/**
 * The Discord event of a run created by its series (no interaction, so no permission snapshot: Discord's answer
 * says whether Pacer may). Discord events take no nonce, so Pacer looks for the event first: a crash between
 * creating it and recording its id finds it again instead of making a second one.
 */
import { DiscordAPIError, Routes } from 'discord.js';
import type { AppContext } from '../../src/platform/app-context.js';
import type { Service } from '../../src/platform/lifecycle.js';
import { seriesRunsWithoutEvent } from '../../src/runs/series-store.js';
import { getRun, recordRunEvent } from '../../src/runs/store.js';
import { runEventBody } from './discord-event.js';

interface ListedEvent {
  id: string;
  name: string;
  scheduled_start_time: string;
  entity_metadata: { location?: string } | null;
}

/** Runs whose event is being created, per app: a second request for one waits for the first's outcome. */
const pendingByApp = new WeakMap<AppContext, Set<number>>();

export async function ensureRunEvent(ctx: AppContext, guildId: string, runId: number): Promise<void> {
  const rest = ctx.discordRest;
  let pending = pendingByApp.get(ctx);
  if (!pending) pendingByApp.set(ctx, (pending = new Set()));
  if (!rest || pending.has(runId)) return;
  pending.add(runId);
  try {
    const run = await getRun(ctx.storage, guildId, runId);
    if (!run || run.eventId || run.status !== 'open' || run.startsAt <= ctx.clock.now()) return;
    const body = runEventBody(run);
    const listed = (await rest.get(Routes.guildScheduledEvents(guildId))) as ListedEvent[];
    const found = listed.find((e) => e.name === body.name && Date.parse(e.scheduled_start_time) === run.startsAt.getTime() && e.entity_metadata?.location === body.entity_metadata.location);
    const event = found ?? ((await rest.post(Routes.guildScheduledEvents(guildId), { body })) as { id: string });
    await recordRunEvent(ctx.storage, run.id, event.id);
    ctx.logger.info({ guildId, runId, eventId: event.id, found: Boolean(found) }, 'group run event created by its series');
  } catch (error) {
    const refused = error instanceof DiscordAPIError && (error.code === 50013 || error.code === 50001);
    ctx.logger[refused ? 'info' : 'warn']({ guildId, runId, reason: error instanceof Error ? error.message : 'unknown' }, refused ? 'no permission to create a group run event; card only' : 'could not create a group run event');
  } finally {
    pending.delete(runId);
  }
}

/**
 * At start: the events of series runs that a crash (or a failed request) left without one, for runs that have
 * not started. An event Discord created before the crash is found and recorded, not created again.
 */
export function runEventRepair(ctx: AppContext): Service {
  let work: Promise<unknown> = Promise.resolve();
  return {
    name: 'group run event repair',
    async start() {
      const runs = await seriesRunsWithoutEvent(ctx.storage, ctx.clock.now());
      if (runs.length > 0) ctx.logger.info({ runs: runs.length }, 'creating group run events left undone');
      work = Promise.allSettled(runs.map((run) => ensureRunEvent(ctx, run.guildId, run.id)));
    },
    stop: () => work.then(() => undefined),
    stopLimitMs: 2_000,
  };
}
