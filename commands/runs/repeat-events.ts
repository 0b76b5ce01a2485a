/**
 * The Discord event of a run created by its series (no interaction, so no permission snapshot: Discord's answer
 * says whether Pacer may). Discord events take no nonce, so Pacer looks for the event first: a crash between
 * creating it and recording its id finds it again instead of making a second one.
 */
import { DiscordAPIError, Routes } from 'discord.js';
import type { AppContext } from '../../src/platform/app-context.js';
import { getRun, recordRunEvent } from '../../src/runs/store.js';
import { runEventBody } from './discord-event.js';

interface ListedEvent {
  id: string;
  name: string;
  scheduled_start_time: string;
  entity_metadata: { location?: string } | null;
}

const pending = new Set<number>();

export async function ensureRunEvent(ctx: AppContext, guildId: string, runId: number): Promise<void> {
  const rest = ctx.discordRest;
  const run = getRun(ctx.db, guildId, runId);
  if (!rest || !run || run.eventId || run.status !== 'open' || run.startsAt <= ctx.clock.now() || pending.has(runId)) return;
  pending.add(runId);
  try {
    const body = runEventBody(run);
    const listed = (await rest.get(Routes.guildScheduledEvents(guildId))) as ListedEvent[];
    const found = listed.find((e) => e.name === body.name && Date.parse(e.scheduled_start_time) === run.startsAt.getTime() && e.entity_metadata?.location === body.entity_metadata.location);
    const event = found ?? ((await rest.post(Routes.guildScheduledEvents(guildId), { body })) as { id: string });
    recordRunEvent(ctx.db, run.id, event.id);
    ctx.logger.info({ guildId, runId, eventId: event.id, found: Boolean(found) }, 'group run event created by its series');
  } catch (error) {
    const refused = error instanceof DiscordAPIError && (error.code === 50013 || error.code === 50001);
    ctx.logger[refused ? 'info' : 'warn']({ guildId, runId, reason: error instanceof Error ? error.message : 'unknown' }, refused ? 'no permission to create a group run event; card only' : 'could not create a group run event');
  } finally {
    pending.delete(runId);
  }
}
