/** Actors that play a Discord user (slash command, autocomplete, button, select, modal) and the handle they return. */
import {
  ActorError,
  type ActorTarget,
  type AutocompleteInput,
  buildAutocompletePayload,
  buildComponentPayload,
  buildModalSubmitPayload,
  buildSlashPayload,
  type CommandInput,
  ComponentType,
  type InteractionPayload,
  type ModalFieldValue,
  type PayloadContext,
  resolveInvocation,
  syntheticComponentMessage,
} from './interaction-payloads.js';
import { type AcceptedCallback, CallbackType, type EndpointDelivery, type InteractionRecord, type InteractionStore, type RejectedCallback } from './interaction-state.js';
import { type ApiMessage, MessageFlags, type MessageStore } from './messages.js';
import type { ChangeNotifier } from './waiting.js';

const DEFAULT_REPLY_TIMEOUT_MS = 5000;

export class InteractionHandle {
  constructor(
    private readonly record: InteractionRecord,
    private readonly store: InteractionStore,
    private readonly changes: ChangeNotifier,
  ) {}

  /** The INTERACTION_CREATE payload that was dispatched. */
  get interaction(): InteractionPayload {
    return this.record.payload;
  }

  get id(): string {
    return this.record.payload.id;
  }

  get token(): string {
    return this.record.payload.token;
  }

  /** The accepted callback, if any yet. */
  get callback(): AcceptedCallback | undefined {
    return this.record.callback;
  }

  /** Callbacks refused with 10062 (too late) or 40060 (already acknowledged). */
  get rejectedCallbacks(): readonly RejectedCallback[] {
    return this.record.rejectedCallbacks;
  }

  /** How the Interactions Endpoint answered the POST, once it has (undefined over the gateway). */
  get delivery(): EndpointDelivery | undefined {
    return this.record.delivery;
  }

  /** Waits until the Interactions Endpoint has answered the POST of this interaction. */
  delivered(timeoutMs = this.store.deadlineMs + 1000): Promise<EndpointDelivery> {
    return this.changes.waitUntil(() => this.record.delivery, timeoutMs, `the endpoint's answer to interaction ${this.id}`);
  }

  /** Milliseconds (double clock) from dispatch to the accepted callback; null before it. */
  get ackLatencyMs(): number | null {
    return this.record.callback ? this.record.callback.at - this.record.dispatchedAt : null;
  }

  /** Waits for the first accepted callback; rejects on timeout or when the only callback came after the deadline. */
  async response(timeoutMs = this.store.deadlineMs + 1000): Promise<AcceptedCallback> {
    const outcome = await this.changes.waitUntil<{ callback?: AcceptedCallback; late?: RejectedCallback }>(
      () => {
        if (this.record.callback) return { callback: this.record.callback };
        const late = this.record.rejectedCallbacks.find((rejected) => rejected.code === 10062);
        return late ? { late } : undefined;
      },
      timeoutMs,
      `the callback of interaction ${this.id}`,
    );
    if (!outcome.callback) {
      const latency = (outcome.late?.at ?? 0) - this.record.dispatchedAt;
      throw new Error(`Discord double: interaction ${this.id} was answered after ${latency} ms (deadline ${this.store.deadlineMs} ms) and got 10062`);
    }
    return outcome.callback;
  }

  /**
   * The visible response message in its latest state: the callback's message, the updated component message,
   * or, after a deferral (type 5/6), the message once the bot has edited `@original` (or sent its first follow-up).
   */
  async reply(timeoutMs = DEFAULT_REPLY_TIMEOUT_MS): Promise<ApiMessage> {
    const callback = await this.response(timeoutMs);
    if (callback.type === CallbackType.AutocompleteResult || callback.type === CallbackType.Modal || callback.type === CallbackType.Pong) {
      throw new Error(`Discord double: interaction ${this.id} was answered with callback type ${callback.type}, not a message`);
    }
    const deferred = callback.type === CallbackType.DeferredChannelMessageWithSource || callback.type === CallbackType.DeferredUpdateMessage;
    return this.changes.waitUntil(
      () => {
        const original = this.store.original(this.record);
        if (!original) return undefined;
        if (deferred && original.editCount <= this.record.originalEditsAtCallback) return undefined;
        return original.message;
      },
      timeoutMs,
      `the reply of interaction ${this.id}`,
    );
  }

  followUps(): ApiMessage[] {
    return this.store.followUps(this.record);
  }

  /** Whether the response message is ephemeral. Throws before the interaction was answered. */
  isEphemeral(): boolean {
    const callback = this.requireCallback();
    if (callback.type === CallbackType.ChannelMessageWithSource || callback.type === CallbackType.DeferredChannelMessageWithSource) {
      const flags = typeof callback.data?.flags === 'number' ? callback.data.flags : 0;
      return (flags & MessageFlags.Ephemeral) !== 0;
    }
    const original = this.store.original(this.record);
    return original ? (original.message.flags & MessageFlags.Ephemeral) !== 0 : false;
  }

  autocompleteChoices(): Array<{ name: string; value: string | number; [key: string]: unknown }> {
    const callback = this.requireCallback();
    if (callback.type !== CallbackType.AutocompleteResult) {
      throw new Error(`Discord double: interaction ${this.id} was answered with callback type ${callback.type}, not autocomplete`);
    }
    const choices = callback.data?.choices;
    return Array.isArray(choices) ? (choices as Array<{ name: string; value: string | number }>) : [];
  }

  /** The modal the bot showed (type 9 data). */
  modal(): Record<string, unknown> {
    const callback = this.requireCallback();
    if (callback.type !== CallbackType.Modal || !callback.data) {
      throw new Error(`Discord double: interaction ${this.id} was answered with callback type ${callback.type}, not a modal`);
    }
    return callback.data;
  }

  private requireCallback(): AcceptedCallback {
    if (!this.record.callback) throw new Error(`Discord double: interaction ${this.id} has not been answered yet (await handle.response() first)`);
    return this.record.callback;
  }
}

export interface ComponentActorInput extends ActorTarget {
  /** A message the double knows (sent by the bot or an earlier interaction). Default: a new synthetic bot message. */
  messageId?: string;
}

export interface SelectActorInput extends ComponentActorInput {
  /** 3 string (default), 5 user, 6 role, 7 mentionable, 8 channel select. */
  componentType?: number;
}

export interface InteractionActorDeps {
  context: PayloadContext;
  store: InteractionStore;
  messages: MessageStore;
  changes: ChangeNotifier;
  /** Returns how many gateway sessions received (or buffered) the event. */
  dispatch(event: string, data: unknown): number;
  /** Takes the one-shot edit a test asked for (`DiscordDouble.tamperNext`), if any. */
  takeTamper?(): ((payload: InteractionPayload) => void) | undefined;
}

type Component = Record<string, unknown>;

function findComponent(components: unknown, customId: string): Component | undefined {
  if (!Array.isArray(components)) return undefined;
  for (const component of components as Component[]) {
    if (component.custom_id === customId) return component;
    const nested = findComponent(component.components, customId) ?? findComponent([component.accessory, component.component].filter(Boolean), customId);
    if (nested) return nested;
  }
  return undefined;
}

export class InteractionActors {
  constructor(private readonly deps: InteractionActorDeps) {}

  runSlash(name: string, input: CommandInput = {}): InteractionHandle {
    return this.dispatch(buildSlashPayload(this.deps.context, name, input));
  }

  autocomplete(name: string, input: AutocompleteInput): InteractionHandle {
    return this.dispatch(buildAutocompletePayload(this.deps.context, name, input));
  }

  clickButton(customId: string, input: ComponentActorInput = {}): InteractionHandle {
    const message = this.componentMessage(customId, ComponentType.Button, undefined, input);
    return this.dispatch(buildComponentPayload(this.deps.context, customId, ComponentType.Button, undefined, { ...input, message }));
  }

  selectMenu(customId: string, values: string[], input: SelectActorInput = {}): InteractionHandle {
    const componentType = input.componentType ?? ComponentType.StringSelect;
    const message = this.componentMessage(customId, componentType, values, input);
    return this.dispatch(buildComponentPayload(this.deps.context, customId, componentType, values, { ...input, message }));
  }

  /** Submits a modal; when the bot showed a modal with this custom_id, its layout and source message are reused. */
  submitModal(customId: string, fields: Record<string, ModalFieldValue>, input: ComponentActorInput = {}): InteractionHandle {
    const shownBy = this.deps.store.findShownModal(customId);
    const messageId = input.messageId ?? shownBy?.payload.message?.id;
    const message = messageId ? this.knownMessage(messageId) : undefined;
    const payload = buildModalSubmitPayload(this.deps.context, customId, fields, {
      ...input,
      ...(message ? { message } : {}),
      ...(shownBy?.callback?.data ? { shownModal: shownBy.callback.data } : {}),
      channelId: input.channelId ?? shownBy?.payload.channel_id,
    });
    return this.dispatch(payload);
  }

  private dispatch(payload: InteractionPayload): InteractionHandle {
    this.deps.takeTamper?.()?.(payload);
    const record = this.deps.store.add(payload);
    if (this.deps.dispatch('INTERACTION_CREATE', payload) === 0) {
      throw new ActorError('no gateway session to dispatch to and no interactions endpoint; log a client in (and wait for clientReady) first');
    }
    return new InteractionHandle(record, this.deps.store, this.deps.changes);
  }

  private knownMessage(messageId: string): ApiMessage {
    const stored = this.deps.messages.get(messageId);
    if (!stored) throw new ActorError(`unknown message ${messageId}`);
    return stored.message;
  }

  private componentMessage(customId: string, componentType: number, values: string[] | undefined, input: ComponentActorInput): ApiMessage {
    if (!input.messageId) {
      const { channelId } = resolveInvocation(this.deps.context, input);
      return this.deps.messages.create({ channelId, body: syntheticComponentMessage(customId, componentType, values), source: 'synthetic' }).message;
    }
    const message = this.knownMessage(input.messageId);
    const component = findComponent(message.components, customId);
    if (!component) throw new ActorError(`message ${message.id} has no component with custom_id "${customId}"`);
    if (component.disabled === true) throw new ActorError(`component "${customId}" on message ${message.id} is disabled`);
    if (component.type !== componentType) {
      throw new ActorError(`component "${customId}" has type ${String(component.type)}, not ${componentType}`);
    }
    if (componentType === ComponentType.StringSelect && values && Array.isArray(component.options)) {
      const offered = new Set((component.options as Component[]).map((option) => option.value));
      const unknown = values.filter((value) => !offered.has(value));
      if (unknown.length > 0) throw new ActorError(`select "${customId}" offers no option(s) ${unknown.join(', ')}`);
    }
    return message;
  }
}
