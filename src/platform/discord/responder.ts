import {
  MessageFlags,
  type APIModalInteractionResponseCallbackData,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type RepliableInteraction,
} from 'discord.js';
import type { MessagePayload } from './components.js';

/**
 * Who may change a public (non-ephemeral) message through its components. Unless a module opts in, a component
 * on a public message never rewrites it: the answer goes privately to whoever clicked.
 */
export type PublicUpdatePolicy = 'nobody' | 'owner' | 'anyone';

/**
 * The single path by which a handler answers an interaction. It serialises acknowledgement so that the
 * router's "defer if slow" watchdog and the handler never both acknowledge: whoever comes second edits the
 * original response instead.
 */
export class Responder {
  private acknowledgement: Promise<unknown> | null = null;
  private deferredUpdate = false;

  /** Whether `update` may edit the message the component sits on (else it answers privately). */
  private readonly mayUpdate: boolean;

  constructor(
    private readonly interaction: RepliableInteraction,
    private readonly ephemeralByDefault: boolean,
    publicUpdates: PublicUpdatePolicy = 'nobody',
  ) {
    this.mayUpdate = mayUpdateSourceMessage(interaction, publicUpdates);
  }

  get acknowledged(): boolean {
    return this.acknowledgement !== null;
  }

  /** A new response (chat input, or a component that answers with a fresh message). */
  async reply(payload: MessagePayload): Promise<void> {
    if (!this.acknowledgement) {
      this.acknowledgement = this.interaction.reply(asReply(payload));
      await this.acknowledgement;
      return;
    }
    await this.acknowledgement;
    // After a deferred update the original response is the component's message: a new message is a follow-up.
    if (this.deferredUpdate) await this.interaction.followUp(asReply(payload));
    else await this.interaction.editReply(asEdit(payload));
  }

  /** Replace the message the component sits on (buttons, selects, modals opened from a message). */
  async update(payload: MessagePayload): Promise<void> {
    const i = this.interaction;
    if (!this.mayUpdate) return this.reply({ ...payload, ephemeral: true });
    if (!this.acknowledgement && (i.isMessageComponent() || (i.isModalSubmit() && i.isFromMessage()))) {
      this.acknowledgement = i.update(asEdit(payload) as InteractionUpdateOptions);
      await this.acknowledgement;
      return;
    }
    if (this.deferredUpdate) {
      await this.acknowledgement;
      await this.interaction.editReply(asEdit(payload));
      return;
    }
    await this.reply(payload);
  }

  /** An extra private message after the first response. */
  async followUp(payload: MessagePayload): Promise<void> {
    if (!this.acknowledgement) return this.reply({ ...payload, ephemeral: true });
    await this.acknowledgement;
    await this.interaction.followUp(asReply({ ...payload, ephemeral: true }));
  }

  /**
   * Opens a modal; only possible as the first response (a deferred interaction cannot show one). The
   * acknowledgement is taken synchronously, so a handler that calls this before its first `await` can never
   * be overtaken by the router's watchdog.
   */
  async showModal(modal: APIModalInteractionResponseCallbackData): Promise<void> {
    const i = this.interaction;
    if (this.acknowledgement || i.isModalSubmit()) throw new Error('A modal can only be the first response to a command or component.');
    this.acknowledgement = i.showModal(modal);
    await this.acknowledgement;
  }

  /** Acknowledge now without content, if nothing has answered yet. Called by the router's watchdog. */
  deferIfIdle(): void {
    if (this.acknowledgement) return;
    const i = this.interaction;
    const onMessage = i.isMessageComponent() || (i.isModalSubmit() && i.isFromMessage());
    this.deferredUpdate = onMessage && this.mayUpdate;
    this.acknowledgement =
      onMessage && this.mayUpdate
        ? i.deferUpdate()
        : i.deferReply(this.ephemeralByDefault || onMessage ? { flags: MessageFlags.Ephemeral } : {});
    this.acknowledgement.catch(() => undefined);
  }

  /** A short private error, whatever state the interaction is in. */
  async fail(content: string): Promise<void> {
    const payload: MessagePayload = { content, embeds: [], components: [], ephemeral: true };
    if (!this.acknowledgement) {
      this.acknowledgement = this.interaction.reply(asReply(payload));
      await this.acknowledgement;
      return;
    }
    await this.acknowledgement.catch(() => undefined);
    if (!this.interaction.deferred && !this.interaction.replied) {
      // Discord refused the first response (a 400): the interaction still awaits one, so the apology is it.
      this.acknowledgement = this.interaction.reply(asReply(payload));
      await this.acknowledgement;
      return;
    }
    if (this.interaction.deferred && !this.interaction.replied && this.interaction.ephemeral) {
      await this.interaction.editReply(asEdit(payload));
    } else {
      await this.interaction.followUp(asReply(payload));
    }
  }
}

function mayUpdateSourceMessage(interaction: RepliableInteraction, policy: PublicUpdatePolicy): boolean {
  const message = interaction.isMessageComponent() ? interaction.message : interaction.isModalSubmit() ? interaction.message : null;
  if (!message) return false;
  if (message.flags.has(MessageFlags.Ephemeral)) return true; // only its owner can see it, let alone click it
  if (policy === 'anyone') return true;
  return policy === 'owner' && message.interactionMetadata?.user.id === interaction.user.id;
}

function asReply({ ephemeral, allowedMentions, ...rest }: MessagePayload): InteractionReplyOptions {
  return { ...rest, allowedMentions: allowedMentions ?? { parse: [] }, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

function asEdit({ ephemeral: _ephemeral, allowedMentions, ...rest }: MessagePayload): InteractionEditReplyOptions {
  return { ...rest, allowedMentions: allowedMentions ?? { parse: [] } };
}
