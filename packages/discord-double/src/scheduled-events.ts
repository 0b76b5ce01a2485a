/**
 * Guild Scheduled Events: create, list, get one, modify and delete under `/guilds/:guildId/scheduled-events`.
 * Create and modify check the body against the OpenAPI schema (validation.ts) and the rules Discord adds to it for
 * external events and status changes. Create needs Manage Events or Create Events; modify and delete need Manage
 * Events, or Create Events for an event the bot created itself (else 403, 50013).
 */
import { findMember, memberPermissions, PermissionBits, type FixtureGuild, type FixtureUser, userPayload } from './fixtures.js';
import { errorResponse, type DoubleResponse } from './http-util.js';
import type { ValidationFailure } from './recorder.js';
import type { RouteDefinition, RouteRequest } from './rest-routes.js';
import { snowflakeAt } from './snowflake.js';
import { toDiscordErrors, validateBody } from './validation.js';

export const EntityType = { StageInstance: 1, Voice: 2, External: 3 } as const;
export const EventStatus = { Scheduled: 1, Active: 2, Completed: 3, Canceled: 4 } as const;

/** Discord's valid status changes: SCHEDULED to ACTIVE or CANCELED, ACTIVE to COMPLETED; COMPLETED and CANCELED are final. */
const NEXT_STATUSES: Record<number, readonly number[]> = {
  [EventStatus.Scheduled]: [EventStatus.Active, EventStatus.Canceled],
  [EventStatus.Active]: [EventStatus.Completed],
  [EventStatus.Completed]: [],
  [EventStatus.Canceled]: [],
};

export interface ScheduledEvent {
  id: string;
  guild_id: string;
  channel_id: string | null;
  creator_id: string;
  creator: ReturnType<typeof userPayload>;
  name: string;
  description: string | null;
  scheduled_start_time: string;
  scheduled_end_time: string | null;
  privacy_level: number;
  status: number;
  entity_type: number;
  entity_id: null;
  entity_metadata: { location?: string } | null;
  user_count: number;
  image: null;
  recurrence_rule: null;
}

export interface ScheduledEventDeps {
  botUser: FixtureUser;
  findGuild: (id: string | undefined) => FixtureGuild | undefined;
  now: () => number;
  recordValidationFailure: (failure: ValidationFailure) => void;
}

export class ScheduledEventStore {
  private readonly byGuild = new Map<string, ScheduledEvent[]>();

  list(guildId: string): ScheduledEvent[] {
    return [...(this.byGuild.get(guildId) ?? [])];
  }

  add(event: ScheduledEvent): void {
    const list = this.byGuild.get(event.guild_id) ?? [];
    list.push(event);
    this.byGuild.set(event.guild_id, list);
  }

  get(guildId: string, id: string | undefined): ScheduledEvent | undefined {
    return this.byGuild.get(guildId)?.find((event) => event.id === id);
  }

  replace(event: ScheduledEvent): void {
    const list = this.byGuild.get(event.guild_id) ?? [];
    this.byGuild.set(event.guild_id, list.map((old) => (old.id === event.id ? event : old)));
  }

  delete(guildId: string, id: string): void {
    this.byGuild.set(guildId, (this.byGuild.get(guildId) ?? []).filter((event) => event.id !== id));
  }
}

/** What Discord refuses beyond the schema: an external event needs a location and an end after its start, in the future. */
function ruleIssues(body: Record<string, unknown>, now: number): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const start = Date.parse(String(body.scheduled_start_time));
  const end = typeof body.scheduled_end_time === 'string' ? Date.parse(body.scheduled_end_time) : NaN;
  if (Number.isFinite(start) && start < now) issues.push({ path: 'scheduled_start_time', message: 'Cannot schedule event in the past.' });
  if (body.entity_type === EntityType.External) {
    if (body.channel_id != null) issues.push({ path: 'channel_id', message: 'Must be null for an external event.' });
    if (body.scheduled_end_time == null) issues.push({ path: 'scheduled_end_time', message: 'Required for an external event.' });
    else if (Number.isFinite(start) && Number.isFinite(end) && end <= start) issues.push({ path: 'scheduled_end_time', message: 'Must be after the start time.' });
    const location = (body.entity_metadata as { location?: unknown } | undefined)?.location;
    if (typeof location === 'string' && location.trim().length === 0) issues.push({ path: 'entity_metadata.location', message: 'Must be 1-100 characters.' });
  }
  return issues;
}

/**
 * A modify is checked as the event it would leave behind: a new start must not be in the past, an external event
 * keeps a location and an end after its start, and the status may only move the ways Discord allows.
 */
function modifyIssues(event: ScheduledEvent, body: Record<string, unknown>, now: number): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (body.status != null && body.status !== event.status && !NEXT_STATUSES[event.status]?.includes(Number(body.status))) {
    issues.push({ path: 'status', message: `Cannot change the status from ${event.status} to ${JSON.stringify(body.status)}.` });
  }
  const merged: Record<string, unknown> = {
    entity_type: body.entity_type ?? event.entity_type,
    channel_id: 'channel_id' in body ? body.channel_id : event.channel_id,
    scheduled_start_time: body.scheduled_start_time ?? event.scheduled_start_time,
    scheduled_end_time: 'scheduled_end_time' in body ? body.scheduled_end_time : event.scheduled_end_time,
    entity_metadata: 'entity_metadata' in body ? body.entity_metadata : event.entity_metadata,
  };
  const rules = ruleIssues(merged, now).filter((issue) => issue.path !== 'scheduled_start_time' || body.scheduled_start_time !== undefined);
  issues.push(...rules);
  if (merged.entity_type === EntityType.External) {
    const location = (merged.entity_metadata as { location?: unknown } | null | undefined)?.location;
    if (typeof location !== 'string') issues.push({ path: 'entity_metadata.location', message: 'Required for an external event.' });
  }
  return issues;
}

/** Manage Events for any event; Create Events only for the bot's own events (Discord's rule for modify and delete). */
function mayChange(guild: FixtureGuild, botUser: FixtureUser, event: ScheduledEvent): boolean {
  const me = findMember(guild, botUser.id);
  const permissions = me ? memberPermissions(guild, me) : 0n;
  if (permissions & PermissionBits.ManageEvents) return true;
  return (permissions & PermissionBits.CreateEvents) !== 0n && event.creator_id === botUser.id;
}

export function scheduledEventRoutes(store: ScheduledEventStore, deps: ScheduledEventDeps): RouteDefinition[] {
  const refuseInvalid = (request: RouteRequest, issues: { path: string; message: string }[]): DoubleResponse => {
    deps.recordValidationFailure({
      method: request.method,
      path: request.path,
      kind: request.method === 'PATCH' ? 'scheduled-event-modify' : 'scheduled-event-create',
      issues: issues.map((issue) => `${issue.path}: ${issue.message}`),
      body: request.body,
      at: deps.now(),
    });
    return errorResponse(400, 50035, { errors: toDiscordErrors(issues) });
  };
  /** The event a route names, or Discord's refusal: unknown server, unknown event, or (to change it) no permission. */
  const findEvent = (params: Record<string, string>, { toChange = false } = {}): { event: ScheduledEvent } | { refused: DoubleResponse } => {
    const guild = deps.findGuild(params.guildId);
    if (!guild) return { refused: errorResponse(403, 50001) };
    const event = store.get(guild.id, params.eventId);
    if (!event) return { refused: errorResponse(404, 10070) };
    if (toChange && !mayChange(guild, deps.botUser, event)) return { refused: errorResponse(403, 50013) };
    return { event };
  };
  return [
    {
      method: 'GET',
      template: '/guilds/:guildId/scheduled-events',
      auth: true,
      handle: (request) => {
        const guild = deps.findGuild(request.params.guildId);
        return guild ? { status: 200, body: store.list(guild.id) } : errorResponse(403, 50001);
      },
    },
    {
      method: 'POST',
      template: '/guilds/:guildId/scheduled-events',
      auth: true,
      handle: (request) => {
        const guild = deps.findGuild(request.params.guildId);
        if (!guild) return errorResponse(403, 50001);
        const me = findMember(guild, deps.botUser.id);
        const permissions = me ? memberPermissions(guild, me) : 0n;
        if (!(permissions & (PermissionBits.ManageEvents | PermissionBits.CreateEvents))) return errorResponse(403, 50013);
        const { issues } = validateBody('scheduled-event-create', request.body);
        const body = (request.body ?? {}) as Record<string, unknown>;
        const all = [...issues, ...(issues.length === 0 ? ruleIssues(body, deps.now()) : [])];
        if (all.length > 0) return refuseInvalid(request, all);
        const event: ScheduledEvent = {
          id: snowflakeAt(deps.now()),
          guild_id: guild.id,
          channel_id: (body.channel_id as string | null | undefined) ?? null,
          creator_id: deps.botUser.id,
          creator: userPayload(deps.botUser),
          name: String(body.name),
          description: (body.description as string | null | undefined) ?? null,
          scheduled_start_time: new Date(String(body.scheduled_start_time)).toISOString(),
          scheduled_end_time: typeof body.scheduled_end_time === 'string' ? new Date(body.scheduled_end_time).toISOString() : null,
          privacy_level: Number(body.privacy_level),
          status: 1,
          entity_type: Number(body.entity_type),
          entity_id: null,
          entity_metadata: (body.entity_metadata as { location?: string } | undefined) ?? null,
          user_count: 0,
          image: null,
          recurrence_rule: null,
        };
        store.add(event);
        return { status: 200, body: event };
      },
    },
    {
      method: 'GET',
      template: '/guilds/:guildId/scheduled-events/:eventId',
      auth: true,
      handle: (request) => {
        const found = findEvent(request.params);
        return 'refused' in found ? found.refused : { status: 200, body: found.event };
      },
    },
    {
      method: 'PATCH',
      template: '/guilds/:guildId/scheduled-events/:eventId',
      auth: true,
      handle: (request) => {
        const found = findEvent(request.params, { toChange: true });
        if ('refused' in found) return found.refused;
        const { event } = found;
        if (event.status === EventStatus.Completed || event.status === EventStatus.Canceled) return errorResponse(400, 180002);
        const { issues } = validateBody('scheduled-event-modify', request.body, { eventEntityType: event.entity_type });
        const body = (request.body ?? {}) as Record<string, unknown>;
        const all = [...issues, ...(issues.length === 0 ? modifyIssues(event, body, deps.now()) : [])];
        if (all.length > 0) return refuseInvalid(request, all);
        const updated: ScheduledEvent = {
          ...event,
          ...(body.name !== undefined ? { name: body.name as string } : {}),
          ...('description' in body ? { description: (body.description as string | null | undefined) ?? null } : {}),
          ...('channel_id' in body ? { channel_id: (body.channel_id as string | null | undefined) ?? null } : {}),
          ...(body.scheduled_start_time !== undefined ? { scheduled_start_time: new Date(body.scheduled_start_time as string).toISOString() } : {}),
          ...('scheduled_end_time' in body
            ? { scheduled_end_time: typeof body.scheduled_end_time === 'string' ? new Date(body.scheduled_end_time).toISOString() : null }
            : {}),
          ...(body.privacy_level !== undefined ? { privacy_level: Number(body.privacy_level) } : {}),
          ...(body.status != null ? { status: Number(body.status) } : {}),
          ...(body.entity_type != null ? { entity_type: Number(body.entity_type) } : {}),
          ...(body.entity_metadata !== undefined ? { entity_metadata: body.entity_metadata } : {}),
        };
        store.replace(updated);
        return { status: 200, body: updated };
      },
    },
    {
      method: 'DELETE',
      template: '/guilds/:guildId/scheduled-events/:eventId',
      auth: true,
      handle: (request) => {
        const found = findEvent(request.params, { toChange: true });
        if ('refused' in found) return found.refused;
        store.delete(found.event.guild_id, found.event.id);
        return { status: 204 };
      },
    },
  ];
}
