/** REST v10 routes of the double. Handlers return plain responses; server.ts does HTTP, faults and recording. */
import type { CommandRegistry } from './command-registry.js';
import {
  channelPayload,
  type FixtureGuild,
  type FixtureUser,
  findMember,
  guildCreatePayload,
  memberPayload,
  memberPermissions,
  PermissionBits,
  rolePayload,
  userPayload,
} from './fixtures.js';
import { type DmChannels, type NonceMemory, nonceProblem } from './channel-posts.js';
import { type DoubleResponse, errorResponse } from './http-util.js';
import { CallbackType, type InteractionRecord, type InteractionStore } from './interaction-state.js';
import { MessageFlags, type MessageStore, type StoredMessage } from './messages.js';
import type { RequestRecorder } from './recorder.js';
import { type BodyContext, type BodyKind, toDiscordErrors, validateBody } from './validation.js';
import { recommendedShards } from './sharding.js';

export interface RouteRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export interface RouteDefinition {
  method: string;
  template: string;
  /** Bot-token routes answer 401 without `Authorization: Bot …`; interaction and webhook routes use the token in the URL. */
  auth: boolean;
  handle(request: RouteRequest): DoubleResponse;
}

export interface RouteDeps {
  applicationId: string;
  botUser: FixtureUser;
  guilds: () => FixtureGuild[];
  gatewayUrl: () => string;
  messages: MessageStore;
  interactions: InteractionStore;
  registry: CommandRegistry;
  recorder: RequestRecorder;
  dmChannels: DmChannels;
  nonces: NonceMemory;
  now: () => number;
  /** The application's public key (hex), for `verify_key`. */
  publicKey: () => string;
}

const TEXT_CHANNEL_TYPES = new Set([0, 5, 10, 11, 12]);

function ok(body: unknown): DoubleResponse {
  return { status: 200, body };
}

const noContent: DoubleResponse = { status: 204 };

function asObject(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** The type of the option marked `focused` in an autocomplete interaction, looking inside subcommands. */
function focusedOptionType(options: unknown): number | undefined {
  if (!Array.isArray(options)) return undefined;
  for (const option of options.map(asObject)) {
    if (option.focused === true && typeof option.type === 'number') return option.type;
    const nested = focusedOptionType(option.options);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

export function buildRoutes(deps: RouteDeps): RouteDefinition[] {
  const { applicationId, botUser, messages, interactions, registry } = deps;

  const invalid = (request: RouteRequest, kind: BodyKind, context?: BodyContext): DoubleResponse | undefined => {
    const { issues, code } = validateBody(kind, request.body, context);
    if (issues.length === 0) return undefined;
    deps.recorder.recordValidationFailure({
      method: request.method,
      path: request.path,
      kind,
      issues: issues.map((issue) => `${issue.path}: ${issue.message}`),
      body: request.body,
      at: deps.now(),
    });
    return errorResponse(400, code, code === 50035 ? { errors: toDiscordErrors(issues) } : {});
  };

  const findChannel = (channelId: string | undefined) => {
    for (const guild of deps.guilds()) {
      const channel = guild.channels.find((candidate) => candidate.id === channelId);
      if (channel) return { guild, channel };
    }
    return undefined;
  };

  const findGuild = (guildId: string | undefined) => deps.guilds().find((guild) => guild.id === guildId);

  const channelMessage = (request: RouteRequest): StoredMessage | DoubleResponse => {
    if (!findChannel(request.params.channelId)) return errorResponse(404, 10003);
    const stored = messages.get(request.params.messageId ?? '');
    if (!stored || stored.message.channel_id !== request.params.channelId || stored.message.flags & MessageFlags.Ephemeral) {
      return errorResponse(404, 10008);
    }
    return stored;
  };

  const webhookRecord = (request: RouteRequest): InteractionRecord | DoubleResponse => {
    const { record, refusal } = interactions.checkWebhookToken(request.params.applicationId ?? '', applicationId, request.params.token ?? '');
    return record ?? refusal ?? errorResponse(404, 10015);
  };

  const webhookMessage = (request: RouteRequest): StoredMessage | DoubleResponse => {
    const record = webhookRecord(request);
    if ('status' in record) return record;
    return interactions.webhookMessage(record, request.params.messageId ?? '') ?? errorResponse(404, 10008);
  };

  const application = () => ({
    id: applicationId,
    name: botUser.username,
    icon: null,
    description: '',
    summary: '',
    type: null,
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: deps.publicKey(),
    flags: 0,
    owner: userPayload({ id: '1500000000000000099', username: 'app_owner' }),
    team: null,
    bot: userPayload(botUser),
    approximate_guild_count: deps.guilds().length,
    integration_types_config: { '0': {} },
  });

  const commandsScope = (request: RouteRequest): DoubleResponse | undefined => {
    if (request.params.applicationId !== applicationId) return errorResponse(404, 10002);
    if (request.params.guildId && !findGuild(request.params.guildId)) return errorResponse(403, 50001);
    return undefined;
  };

  const callback = (request: RouteRequest): DoubleResponse => {
    const body = asObject(request.body);
    const { record, refusal, wrongType } = interactions.precheckCallback(request.params.interactionId ?? '', request.params.token ?? '', body.type);
    if (refusal || !record) return refusal ?? errorResponse(404, 10062);
    if (wrongType) {
      deps.recorder.recordValidationFailure({ method: request.method, path: request.path, kind: 'interaction-callback', issues: [`type: ${wrongType}`], body, at: deps.now() });
      return errorResponse(400, 50035, { errors: toDiscordErrors([{ path: 'type', message: wrongType }]) });
    }
    const failure = invalid(request, 'interaction-callback', { focusedOptionType: focusedOptionType(record.payload.data?.options) });
    if (failure) return failure;
    const type = body.type as number;
    const message = interactions.acceptCallback(record, type, body.data === undefined || body.data === null ? undefined : asObject(body.data));
    if (request.query.get('with_response') !== 'true') return noContent;
    const interaction: Record<string, unknown> = { id: record.payload.id, type: record.payload.type };
    if (message) {
      interaction.response_message_id = message.message.id;
      interaction.response_message_loading = type === CallbackType.DeferredChannelMessageWithSource;
      interaction.response_message_ephemeral = (message.message.flags & MessageFlags.Ephemeral) !== 0;
    }
    return ok({ interaction, resource: message ? { type, message: message.message } : { type } });
  };

  return [
    { method: 'GET', template: '/gateway', auth: false, handle: () => ok({ url: deps.gatewayUrl() }) },
    {
      method: 'GET',
      template: '/gateway/bot',
      auth: true,
      handle: () =>
        ok({
          url: deps.gatewayUrl(),
          shards: recommendedShards(deps.guilds().length),
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        }),
    },
    { method: 'GET', template: '/users/@me', auth: true, handle: () => ok({ ...userPayload(botUser), bot: true, verified: true, mfa_enabled: false, flags: 0 }) },
    { method: 'GET', template: '/applications/@me', auth: true, handle: () => ok(application()) },
    { method: 'GET', template: '/oauth2/applications/@me', auth: true, handle: () => ok(application()) },

    { method: 'POST', template: '/interactions/:interactionId/:token/callback', auth: false, handle: callback },
    {
      method: 'POST',
      template: '/webhooks/:applicationId/:token',
      auth: false,
      handle: (request) => {
        const record = webhookRecord(request);
        if ('status' in record) return record;
        const failure = invalid(request, 'webhook-execute');
        if (failure) return failure;
        const created = interactions.createFollowUp(record, asObject(request.body));
        return 'status' in created ? created : ok(created.message);
      },
    },
    {
      method: 'GET',
      template: '/webhooks/:applicationId/:token/messages/:messageId',
      auth: false,
      handle: (request) => {
        const stored = webhookMessage(request);
        return 'status' in stored ? stored : ok(stored.message);
      },
    },
    {
      method: 'PATCH',
      template: '/webhooks/:applicationId/:token/messages/:messageId',
      auth: false,
      handle: (request) => {
        const stored = webhookMessage(request);
        if ('status' in stored) return stored;
        const failure = invalid(request, 'webhook-edit');
        if (failure) return failure;
        return ok(interactions.editWebhookMessage(stored, asObject(request.body)).message);
      },
    },
    {
      method: 'DELETE',
      template: '/webhooks/:applicationId/:token/messages/:messageId',
      auth: false,
      handle: (request) => {
        const stored = webhookMessage(request);
        if ('status' in stored) return stored;
        messages.delete(stored.message.id);
        return noContent;
      },
    },

    {
      method: 'GET',
      template: '/channels/:channelId',
      auth: true,
      handle: (request) => {
        const found = findChannel(request.params.channelId);
        return found ? ok(channelPayload(found.channel, found.guild.id)) : errorResponse(404, 10003);
      },
    },
    {
      method: 'GET',
      template: '/channels/:channelId/messages',
      auth: true,
      handle: (request) => {
        const found = findChannel(request.params.channelId);
        if (!found) return errorResponse(404, 10003);
        // As Discord: limit 1-100 (default 50); View Channel or 403 Missing Access; without Read Message
        // History the answer is an empty list, not an error. Listed messages carry no nonce.
        const limitText = request.query.get('limit');
        const limit = limitText === null ? 50 : Number(limitText);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
          return errorResponse(400, 50035, { errors: toDiscordErrors([{ path: 'limit', message: 'int value should be between 1 and 100' }]) });
        }
        const me = findMember(found.guild, botUser.id);
        const permissions = me ? memberPermissions(found.guild, me) : 0n;
        if (!(permissions & PermissionBits.ViewChannel)) return errorResponse(403, 50001);
        if (!(permissions & PermissionBits.ReadMessageHistory)) return ok([]);
        const list = messages.inChannel(request.params.channelId ?? '', ['channel', 'interaction-response', 'follow-up', 'synthetic']);
        return ok(
          list
            .filter((message) => !(message.flags & MessageFlags.Ephemeral))
            .reverse()
            .slice(0, limit)
            .map(({ nonce: _nonce, ...message }) => message),
        );
      },
    },
    {
      method: 'POST',
      template: '/channels/:channelId/messages',
      auth: true,
      handle: (request) => {
        const found = findChannel(request.params.channelId);
        const dm = deps.dmChannels.get(request.params.channelId);
        if (!dm && (!found || !TEXT_CHANNEL_TYPES.has(found.channel.type))) return errorResponse(404, 10003);
        const failure = invalid(request, 'message-create');
        if (failure) return failure;
        const body = asObject(request.body);
        const problem = nonceProblem(body);
        if (problem) return errorResponse(400, 50035, { errors: toDiscordErrors([{ path: 'nonce', message: problem }]) });
        const nonce = typeof body.nonce === 'string' || typeof body.nonce === 'number' ? String(body.nonce) : undefined;
        if (nonce !== undefined && body.enforce_nonce === true) {
          const earlier = deps.nonces.find(botUser.id, nonce);
          if (earlier) {
            deps.nonces.replays += 1;
            return ok(earlier.message);
          }
        }
        const channelId = dm?.id ?? found!.channel.id;
        const stored = messages.create({ channelId, body: { ...body, flags: (Number(body.flags) || 0) & ~MessageFlags.Ephemeral }, source: 'channel' });
        if (nonce !== undefined) {
          stored.message.nonce = body.nonce;
          deps.nonces.remember(botUser.id, nonce, stored);
        }
        return ok(stored.message);
      },
    },
    {
      method: 'POST',
      template: '/users/@me/channels',
      auth: true,
      handle: (request) => {
        const recipientId = asObject(request.body).recipient_id;
        const member = deps.guilds().flatMap((guild) => guild.members).find((candidate) => candidate.user.id === recipientId);
        if (!member) return errorResponse(400, 50007);
        return ok(deps.dmChannels.payload(deps.dmChannels.open(member.user)));
      },
    },
    {
      method: 'GET',
      template: '/channels/:channelId/messages/:messageId',
      auth: true,
      handle: (request) => {
        const stored = channelMessage(request);
        return 'status' in stored ? stored : ok(stored.message);
      },
    },
    {
      method: 'PATCH',
      template: '/channels/:channelId/messages/:messageId',
      auth: true,
      handle: (request) => {
        const stored = channelMessage(request);
        if ('status' in stored) return stored;
        if (stored.message.author.id !== botUser.id) return errorResponse(403, 50005);
        const failure = invalid(request, 'message-edit');
        if (failure) return failure;
        return ok(messages.edit(stored, asObject(request.body)).message);
      },
    },
    {
      method: 'DELETE',
      template: '/channels/:channelId/messages/:messageId',
      auth: true,
      handle: (request) => {
        const stored = channelMessage(request);
        if ('status' in stored) return stored;
        messages.delete(stored.message.id);
        return noContent;
      },
    },

    {
      method: 'GET',
      template: '/guilds/:guildId',
      auth: true,
      handle: (request) => {
        const guild = findGuild(request.params.guildId);
        if (!guild) return errorResponse(403, 50001);
        const { channels: _channels, members: _members, ...rest } = guildCreatePayload(guild);
        return ok(rest);
      },
    },
    {
      method: 'GET',
      template: '/guilds/:guildId/channels',
      auth: true,
      handle: (request) => {
        const guild = findGuild(request.params.guildId);
        return guild ? ok(guild.channels.map((channel) => channelPayload(channel, guild.id))) : errorResponse(403, 50001);
      },
    },
    {
      method: 'GET',
      template: '/guilds/:guildId/roles',
      auth: true,
      handle: (request) => {
        const guild = findGuild(request.params.guildId);
        return guild ? ok(guild.roles.map(rolePayload)) : errorResponse(403, 50001);
      },
    },
    {
      method: 'GET',
      template: '/guilds/:guildId/members/:userId',
      auth: true,
      handle: (request) => {
        const guild = findGuild(request.params.guildId);
        if (!guild) return errorResponse(403, 50001);
        const member = findMember(guild, request.params.userId ?? '');
        return member ? ok(memberPayload(member)) : errorResponse(404, 10007);
      },
    },

    ...(['/applications/:applicationId/commands', '/applications/:applicationId/guilds/:guildId/commands'] as const).flatMap(
      (template): RouteDefinition[] => [
        {
          method: 'GET',
          template,
          auth: true,
          handle: (request) => commandsScope(request) ?? ok(registry.list(request.params.guildId)),
        },
        {
          method: 'PUT',
          template,
          auth: true,
          handle: (request) => {
            const refusal = commandsScope(request) ?? invalid(request, 'commands-overwrite');
            if (refusal) return refusal;
            const definitions = Array.isArray(request.body) ? (request.body as Array<Record<string, unknown>>) : [];
            return ok(registry.overwrite(request.params.guildId, definitions));
          },
        },
      ],
    ),
  ];
}

export interface MatchedRoute {
  route: RouteDefinition;
  params: Record<string, string>;
}

/** Matches templates segment by segment; `:name` captures one (URL-decoded) segment. */
export function matchRoute(routes: RouteDefinition[], method: string, path: string): MatchedRoute | undefined {
  const segments = path.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const parts = route.template.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matched = parts.every((part, index) => {
      const segment = segments[index] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = segment;
        return true;
      }
      return part === segment;
    });
    if (matched) return { route, params };
  }
  return undefined;
}
