/** Per-interaction state: the callback, the original response and follow-ups, and the 3 s / 15 min rules. */
import { type DoubleResponse, errorResponse } from './http-util.js';
import { type InteractionPayload, InteractionType } from './interaction-payloads.js';
import { type ApiMessage, MessageFlags, type MessageStore, type StoredMessage } from './messages.js';
import type { ChangeNotifier } from './waiting.js';

export const CallbackType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
  Modal: 9,
} as const;

export interface AcceptedCallback {
  type: number;
  data: Record<string, unknown> | undefined;
  /** Clock time (ms). */
  at: number;
}

export interface RejectedCallback {
  type: unknown;
  status: number;
  code: number;
  at: number;
}

export interface InteractionRecord {
  payload: InteractionPayload;
  dispatchedAt: number;
  callback?: AcceptedCallback;
  rejectedCallbacks: RejectedCallback[];
  /** For 4/5 the response message; for 6/7 the component's message. */
  originalMessageId?: string;
  /** Edits the original had right after the callback; a deferred reply is complete once it has more. */
  originalEditsAtCallback: number;
  followUpIds: string[];
  /** Over an Interactions Endpoint URL: how the endpoint answered the POST (status 0: no answer at all). */
  delivery?: EndpointDelivery;
}

export interface EndpointDelivery {
  status: number;
  at: number;
  /** The refusal of an initial response given in the HTTP body (status 200) instead of over REST. */
  inlineRefusal?: { status: number; code: number };
}

export const TOKEN_LIFETIME_MS = 15 * 60 * 1000;

const CALLBACKS_BY_INTERACTION: Record<number, readonly number[]> = {
  [InteractionType.ApplicationCommand]: [4, 5, 9],
  [InteractionType.MessageComponent]: [4, 5, 6, 7, 9],
  [InteractionType.Autocomplete]: [8],
  [InteractionType.ModalSubmit]: [4, 5, 6, 7],
};

export interface InteractionStoreOptions {
  messages: MessageStore;
  changes: ChangeNotifier;
  now: () => number;
  deadlineMs: number;
}

export class InteractionStore {
  private readonly byId = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();

  constructor(private readonly options: InteractionStoreOptions) {}

  get deadlineMs(): number {
    return this.options.deadlineMs;
  }

  add(payload: InteractionPayload): InteractionRecord {
    const record: InteractionRecord = { payload, dispatchedAt: this.options.now(), rejectedCallbacks: [], originalEditsAtCallback: 0, followUpIds: [] };
    this.byId.set(payload.id, record);
    this.byToken.set(payload.token, record);
    return record;
  }

  get(id: string): InteractionRecord | undefined {
    return this.byId.get(id);
  }

  byTokenValue(token: string): InteractionRecord | undefined {
    return this.byToken.get(token);
  }

  all(): InteractionRecord[] {
    return [...this.byId.values()];
  }

  /** The last modal (type 9 data) shown with this custom_id, and the interaction that showed it. */
  findShownModal(customId: string): InteractionRecord | undefined {
    return this.all()
      .reverse()
      .find((record) => record.callback?.type === CallbackType.Modal && record.callback.data?.custom_id === customId);
  }

  /** Returns an error response when the callback must be refused, before body validation. */
  precheckCallback(id: string, token: string, type: unknown): { record?: InteractionRecord; refusal?: DoubleResponse; wrongType?: string } {
    const record = this.byId.get(id);
    const now = this.options.now();
    if (!record || record.payload.token !== token) return { refusal: errorResponse(404, 10062) };
    const refuse = (status: number, code: number): { refusal: DoubleResponse } => {
      record.rejectedCallbacks.push({ type, status, code, at: now });
      this.options.changes.notify();
      return { refusal: errorResponse(status, code) };
    };
    if (record.callback) return refuse(400, 40060);
    if (now - record.dispatchedAt > this.options.deadlineMs) return refuse(404, 10062);
    const allowed = CALLBACKS_BY_INTERACTION[record.payload.type] ?? [];
    if (typeof type === 'number' && !allowed.includes(type)) {
      return { record, wrongType: `callback type ${type} is not valid for interaction type ${record.payload.type} (allowed: ${allowed.join(', ')})` };
    }
    return { record };
  }

  acceptCallback(record: InteractionRecord, type: number, data: Record<string, unknown> | undefined): StoredMessage | undefined {
    const { messages } = this.options;
    record.callback = { type, data, at: this.options.now() };
    let message: StoredMessage | undefined;
    const commandReply = record.payload.type === InteractionType.ApplicationCommand;
    const common = {
      channelId: record.payload.channel_id,
      source: 'interaction-response' as const,
      interactionId: record.payload.id,
      type: commandReply ? 20 : 0,
      fields: this.webhookFields(record),
    };
    if (type === CallbackType.ChannelMessageWithSource) {
      message = messages.create({ ...common, body: data ?? {} });
    } else if (type === CallbackType.DeferredChannelMessageWithSource) {
      const ephemeral = typeof data?.flags === 'number' ? data.flags & MessageFlags.Ephemeral : 0;
      message = messages.create({ ...common, body: {}, extraFlags: ephemeral | MessageFlags.Loading });
    } else if (type === CallbackType.UpdateMessage || type === CallbackType.DeferredUpdateMessage) {
      message = record.payload.message ? messages.get(record.payload.message.id) : undefined;
      if (message && type === CallbackType.UpdateMessage) messages.edit(message, data ?? {});
    }
    if (message) {
      record.originalMessageId = message.message.id;
      record.originalEditsAtCallback = message.editCount;
    }
    this.options.changes.notify();
    return message;
  }

  /** Webhook routes: unknown or expired token refusals. */
  checkWebhookToken(applicationId: string, expectedApplicationId: string, token: string): { record?: InteractionRecord; refusal?: DoubleResponse } {
    const record = this.byToken.get(token);
    if (!record || applicationId !== expectedApplicationId) return { refusal: errorResponse(404, 10015) };
    if (this.options.now() - record.dispatchedAt > TOKEN_LIFETIME_MS) return { refusal: errorResponse(401, 50027) };
    return { record };
  }

  original(record: InteractionRecord): StoredMessage | undefined {
    return record.originalMessageId ? this.options.messages.get(record.originalMessageId) : undefined;
  }

  /** POST /webhooks/:app/:token. After a deferred reply that was not edited yet, Discord turns the first follow-up into the original. */
  createFollowUp(record: InteractionRecord, body: Record<string, unknown>): StoredMessage | DoubleResponse {
    if (!record.callback || record.callback.type === CallbackType.AutocompleteResult || record.callback.type === CallbackType.Modal) {
      return errorResponse(404, 10015);
    }
    const original = this.original(record);
    if (record.callback.type === CallbackType.DeferredChannelMessageWithSource && original && original.editCount === 0) {
      this.options.messages.edit(original, body);
      this.options.changes.notify();
      return original;
    }
    const created = this.options.messages.create({
      channelId: record.payload.channel_id,
      body,
      source: 'follow-up',
      interactionId: record.payload.id,
      fields: this.webhookFields(record),
    });
    record.followUpIds.push(created.message.id);
    this.options.changes.notify();
    return created;
  }

  /** Resolves `@original` or a follow-up id for the webhook message routes. */
  webhookMessage(record: InteractionRecord, messageId: string): StoredMessage | undefined {
    if (messageId === '@original') return this.original(record);
    if (messageId === record.originalMessageId || record.followUpIds.includes(messageId)) return this.options.messages.get(messageId);
    return undefined;
  }

  editWebhookMessage(stored: StoredMessage, body: Record<string, unknown>): StoredMessage {
    this.options.messages.edit(stored, body);
    this.options.changes.notify();
    return stored;
  }

  followUps(record: InteractionRecord): ApiMessage[] {
    return record.followUpIds.flatMap((id) => {
      const stored = this.options.messages.get(id);
      return stored ? [stored.message] : [];
    });
  }

  private webhookFields(record: InteractionRecord): Partial<ApiMessage> {
    const { payload } = record;
    const member = payload.member as { user?: unknown } | undefined;
    return {
      webhook_id: payload.application_id,
      application_id: payload.application_id,
      interaction_metadata: {
        id: payload.id,
        type: payload.type,
        user: member?.user,
        authorizing_integration_owners: payload.authorizing_integration_owners,
      },
    };
  }
}
