/**
 * Guild Scheduled Events: `POST` and `GET /guilds/:guildId/scheduled-events`. Create checks the body against the
 * OpenAPI schema (validation.ts) and the rules Discord adds to it for external events, and needs Manage Events or
 * Create Events (else 403, 50013).
 */
import { findMember, memberPermissions, PermissionBits, type FixtureGuild, type FixtureUser, userPayload } from './fixtures.js';
import { errorResponse, type DoubleResponse } from './http-util.js';
import type { ValidationFailure } from './recorder.js';
import type { RouteDefinition, RouteRequest } from './rest-routes.js';
import { snowflakeAt } from './snowflake.js';
import { toDiscordErrors, validateBody } from './validation.js';

export const EntityType = { StageInstance: 1, Voice: 2, External: 3 } as const;

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
  status: 1;
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

export function scheduledEventRoutes(store: ScheduledEventStore, deps: ScheduledEventDeps): RouteDefinition[] {
  const refuseInvalid = (request: RouteRequest, issues: { path: string; message: string }[]): DoubleResponse => {
    deps.recordValidationFailure({
      method: request.method,
      path: request.path,
      kind: 'scheduled-event-create',
      issues: issues.map((issue) => `${issue.path}: ${issue.message}`),
      body: request.body,
      at: deps.now(),
    });
    return errorResponse(400, 50035, { errors: toDiscordErrors(issues) });
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
  ];
}
