/** The Discord Guild Scheduled Event that mirrors a group run, created over REST when Pacer may. */
import { DiscordAPIError, PermissionFlagsBits, Routes, type BaseInteraction } from 'discord.js';
import type { ServerFacts } from '../../src/platform/discord/server-facts.js';
import { clip } from '../../src/platform/discord/components.js';
import type { GroupRun } from '../../src/runs/run.js';

/** Discord's values: privacy GUILD_ONLY, entity type EXTERNAL (a place outside Discord). */
const GUILD_ONLY = 2;
const EXTERNAL = 3;

export function runEventBody(run: GroupRun) {
  const description = [run.distance, run.paceGroups.length > 0 ? `Pace groups: ${run.paceGroups.join(', ')}` : null, run.notes].filter(Boolean).join('\n');
  return {
    name: clip(run.title, 100),
    description: clip(description, 1000),
    privacy_level: GUILD_ONLY,
    entity_type: EXTERNAL,
    scheduled_start_time: run.startsAt.toISOString(),
    scheduled_end_time: run.endsAt.toISOString(),
    entity_metadata: { location: clip(run.meetingPoint, 100) },
  };
}

export type EventOutcome = { created: true; eventId: string } | { created: false; why: string };

/** Whether Pacer holds Manage Events or Create Events in the interaction's server. */
export function mayCreateEvents(server: ServerFacts | null): boolean {
  const permissions = server?.pacerPermissions ?? 0n;
  return (permissions & (PermissionFlagsBits.ManageEvents | PermissionFlagsBits.CreateEvents)) !== 0n || (permissions & PermissionFlagsBits.Administrator) !== 0n;
}

export async function createRunEvent(interaction: BaseInteraction, server: ServerFacts | null, run: GroupRun): Promise<EventOutcome> {
  const noPermission = 'Pacer does not have the **Create Events** (or Manage Events) permission in this server, so no Discord event was created. Give Pacer that permission for future runs.';
  if (!mayCreateEvents(server)) return { created: false, why: noPermission };
  try {
    const event = (await interaction.client.rest.post(Routes.guildScheduledEvents(run.guildId), { body: runEventBody(run) })) as { id: string };
    return { created: true, eventId: event.id };
  } catch (error) {
    if (error instanceof DiscordAPIError && (error.code === 50013 || error.code === 50001)) return { created: false, why: noPermission };
    return { created: false, why: 'Discord did not accept the event just now, so no Discord event was created; the card works without it.' };
  }
}

/** Discord's status for an event that will not happen (allowed from SCHEDULED). */
const CANCELED = 4;
const UNKNOWN_EVENT = 10070;

export type EventChange = { done: true } | { done: false; gone: boolean; why: string };

async function changeEvent(interaction: BaseInteraction, run: GroupRun, body: object, verb: 'updated' | 'cancelled'): Promise<EventChange> {
  if (!run.eventId) return { done: false, gone: false, why: 'The run has no Discord event.' };
  try {
    await interaction.client.rest.patch(Routes.guildScheduledEvent(run.guildId, run.eventId), { body });
    return { done: true };
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === UNKNOWN_EVENT) {
      return { done: false, gone: true, why: `Its Discord event had been deleted in Discord, so there was no event to be ${verb}.` };
    }
    if (error instanceof DiscordAPIError && (error.code === 50013 || error.code === 50001)) {
      return { done: false, gone: false, why: `Pacer no longer has the **Manage Events** or **Create Events** permission, so its Discord event was not ${verb}: change it in the server’s Events list.` };
    }
    return { done: false, gone: false, why: `Discord did not accept the change just now, so its Discord event was not ${verb}: change it in the server’s Events list.` };
  }
}

/** Moves the event to the run's new name, time, place and details. */
export function updateRunEvent(interaction: BaseInteraction, run: GroupRun): Promise<EventChange> {
  const { name, description, scheduled_start_time, scheduled_end_time, entity_metadata } = runEventBody(run);
  return changeEvent(interaction, run, { name, description, scheduled_start_time, scheduled_end_time, entity_metadata }, 'updated');
}

/** Cancels the event (it leaves the server's Events list; members who were interested see it cancelled). */
export function cancelRunEvent(interaction: BaseInteraction, run: GroupRun): Promise<EventChange> {
  return changeEvent(interaction, run, { status: CANCELED }, 'cancelled');
}
