import { InteractionResponseType, MessageFlags, Routes, type Client } from 'discord.js';
import type { Logger } from '../logger.js';

export const UNREADABLE_TEXT = "Pacer couldn't read that request from Discord, so nothing was changed. Please try again.";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const hasId = (value: unknown): boolean => isObject(value) && isText(value.id);
const optionalList = (value: unknown): boolean => value === undefined || value === null || Array.isArray(value);

const InteractionKind = { Command: 2, Component: 3, Autocomplete: 4, ModalSubmit: 5 } as const;
const CommandKind = { ChatInput: 1, User: 2, Message: 3, PrimaryEntryPoint: 4 } as const;

/**
 * What is wrong with a raw INTERACTION_CREATE payload that discord.js would trip over while building the
 * interaction, or null when it looks buildable. Checks shapes only, never values, so the reason is safe to log.
 */
export function interactionPayloadProblem(payload: unknown): string | null {
  if (!isObject(payload)) return 'payload is not an object';
  if (!isText(payload.id) || !isText(payload.token) || !isText(payload.application_id)) return 'id, token or application_id missing';
  if (!Object.values(InteractionKind).includes(payload.type as never)) return 'unknown interaction type';
  if (!hasId(payload.user) && !(isObject(payload.member) && hasId(payload.member.user))) return 'neither user nor member.user';
  if (payload.member !== undefined && payload.member !== null && !(isObject(payload.member) && hasId(payload.member.user))) return 'member without user';
  if (payload.channel !== undefined && payload.channel !== null && !hasId(payload.channel)) return 'channel without id';
  if (!Array.isArray(payload.entitlements)) return 'entitlements is not a list';
  if (payload.authorizing_integration_owners !== undefined && !isObject(payload.authorizing_integration_owners)) {
    return 'authorizing_integration_owners is not an object';
  }
  const data = payload.data;
  if (!isObject(data)) return 'data is not an object';

  switch (payload.type) {
    case InteractionKind.Command:
    case InteractionKind.Autocomplete: {
      if (!isText(data.name) || !isText(data.id)) return 'command without name or id';
      if (!optionalList(data.options)) return 'options is not a list';
      if (payload.type === InteractionKind.Autocomplete && !Array.isArray(data.options)) return 'autocomplete without options';
      if (data.resolved !== undefined && data.resolved !== null && !isObject(data.resolved)) return 'resolved is not an object';
      if (data.type === CommandKind.User || data.type === CommandKind.Message) {
        if (!isText(data.target_id) || !isObject(data.resolved)) return 'context menu command without target';
        const bucket = data.type === CommandKind.User ? data.resolved.users : data.resolved.messages;
        if (!isObject(bucket) || !isObject(bucket[data.target_id])) return 'context menu command without its resolved target';
      } else if (data.type !== CommandKind.ChatInput && data.type !== CommandKind.PrimaryEntryPoint) {
        return 'unknown command type';
      }
      return null;
    }
    case InteractionKind.Component:
      if (!isText(data.custom_id)) return 'custom_id is not text';
      if (typeof data.component_type !== 'number') return 'component_type missing';
      if (!optionalList(data.values)) return 'values is not a list';
      if (!hasId(payload.message)) return 'component without its message';
      return null;
    case InteractionKind.ModalSubmit:
      if (!isText(data.custom_id)) return 'custom_id is not text';
      if (!Array.isArray(data.components)) return 'modal without components';
      if (!data.components.every(isObject)) return 'modal component is not an object';
      if (payload.message !== undefined && payload.message !== null && !hasId(payload.message)) return 'modal message without id';
      return null;
    default:
      return 'unknown interaction type';
  }
}

export interface GuardOptions {
  logger: Logger;
  /** Counts guarded events (for tests and health). */
  onRejected?(reason: string): void;
}

interface PrivateClient {
  actions: { InteractionCreate: { handle(data: unknown): unknown } };
  ws: { handlePacket(packet?: { t?: unknown }, shard?: unknown): boolean };
}

/**
 * Puts a guard in front of discord.js's INTERACTION_CREATE handler, which builds the interaction straight from
 * the raw packet and throws on a malformed one, from inside the gateway's message loop (an unhandled rejection:
 * the process would end). Malformed payloads are answered privately when they carry an id and a token, else
 * dropped; either way they are logged by shape, never by content. A last net around every gateway dispatch keeps
 * any other handler error from ending the process.
 */
export function guardInteractions(client: Client, options: GuardOptions): void {
  const { logger } = options;
  const internals = client as unknown as Partial<PrivateClient>;
  if (typeof internals.actions?.InteractionCreate?.handle !== 'function' || typeof internals.ws?.handlePacket !== 'function') {
    // Pinned to discord.js 14's internals (test/platform/discord/interaction-guard.test.ts): an upgrade that moves them stops here.
    throw new Error('This discord.js version has moved the internals the interaction guard wraps; check src/platform/discord/interaction-guard.ts.');
  }
  const action = internals.actions.InteractionCreate;
  const build = action.handle.bind(action);

  action.handle = (data: unknown) => {
    const problem = interactionPayloadProblem(data);
    if (problem === null) {
      try {
        return build(data);
      } catch (error) {
        return reject(data, `discord.js could not build it (${error instanceof Error ? error.name : 'error'})`);
      }
    }
    return reject(data, problem);
  };

  const handlePacket = internals.ws.handlePacket.bind(internals.ws);
  internals.ws.handlePacket = (packet?: { t?: unknown }, shard?: unknown) => {
    try {
      return handlePacket(packet, shard);
    } catch (error) {
      logger.error({ event: typeof packet?.t === 'string' ? packet.t : undefined, errorName: error instanceof Error ? error.name : undefined }, 'gateway event could not be handled; dropped');
      return true;
    }
  };

  function reject(data: unknown, reason: string): undefined {
    options.onRejected?.(reason);
    const payload = isObject(data) ? data : {};
    const summary = {
      interactionId: typeof payload.id === 'string' ? payload.id : undefined,
      type: typeof payload.type === 'number' ? payload.type : undefined,
      reason,
    };
    const answer = answerFor(payload);
    if (!answer) {
      logger.warn(summary, 'malformed interaction dropped');
      return undefined;
    }
    logger.warn(summary, 'malformed interaction answered privately');
    client.rest
      .post(Routes.interactionCallback(answer.id, answer.token), { body: answer.body, auth: false })
      .catch((error: unknown) => logger.warn({ ...summary, errorName: error instanceof Error ? error.name : undefined }, 'could not answer a malformed interaction'));
    return undefined;
  }
}

function answerFor(payload: Json): { id: string; token: string; body: Json } | null {
  if (!isText(payload.id) || !isText(payload.token)) return null;
  const base = { id: payload.id, token: payload.token };
  if (payload.type === InteractionKind.Autocomplete) {
    return { ...base, body: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } } };
  }
  if (payload.type === InteractionKind.Command || payload.type === InteractionKind.Component || payload.type === InteractionKind.ModalSubmit) {
    return {
      ...base,
      body: {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: { content: UNREADABLE_TEXT, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
      },
    };
  }
  return null;
}

/**
 * Builds and emits an interaction from a raw payload that arrived over HTTP, through the same discord.js action
 * (and so the same guard) as a gateway INTERACTION_CREATE: listeners of `Events.InteractionCreate` cannot tell
 * the two apart. Call after `guardInteractions`.
 */
export function deliverRawInteraction(client: Client, payload: Record<string, unknown>): void {
  (client as unknown as PrivateClient).actions.InteractionCreate.handle(payload);
}
