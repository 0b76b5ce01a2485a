import { randomBytes } from 'node:crypto';
import type { Interaction, RepliableInteraction } from 'discord.js';
import type { AppContext } from '../app-context.js';
import type { CommandModule, InteractionContext } from './command.js';
import type { CommandRegistry } from './registry.js';
import { Responder } from './responder.js';

/** Discord allows 3 s for the first response; past this the router defers on the handler's behalf. */
export const DEFER_AFTER_MS = 2_000;

export const UNKNOWN_COMMAND_TEXT =
  "I don't know that command. Pacer's commands may have just been updated: wait a minute and try again, or ask a moderator.";
export const STALE_COMPONENT_TEXT = 'This button or menu no longer works. Please run the command again.';

export function errorText(reference: string): string {
  return `Sorry, something went wrong on Pacer's side. Nothing was changed. Please try again; if it keeps happening, tell a moderator and quote reference ${reference}.`;
}

export interface RouterOptions {
  deferAfterMs?: number;
}

/**
 * One entry point for every interaction: finds the owning command module, runs its handler inside the
 * error boundary, and makes sure Discord gets an answer in time.
 */
export function createRouter(registry: CommandRegistry, app: AppContext, options: RouterOptions = {}) {
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;

  return async function route(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      const module = registry.command(interaction.commandName);
      try {
        if (module?.autocomplete) await module.autocomplete(interaction, app);
        else await interaction.respond([]);
      } catch (error) {
        app.logger.warn({ err: error, command: interaction.commandName }, 'autocomplete failed');
        if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
      }
      return;
    }
    if (!interaction.isRepliable()) return;

    const module = findModule(registry, interaction);
    const respond = new Responder(interaction, module?.ephemeral ?? true);
    const ctx: InteractionContext = { ...app, respond };
    const watchdog = setTimeout(() => respond.deferIfIdle(), deferAfterMs);
    const started = Date.now();
    try {
      await dispatch(module, interaction, ctx);
    } catch (error) {
      const reference = newReference();
      app.logger.error({ err: error, reference, ...describe(interaction) }, 'interaction handler failed');
      await respond.fail(errorText(reference)).catch((replyError: unknown) => {
        app.logger.error({ err: replyError, reference }, 'could not tell the user about the failure');
      });
    } finally {
      clearTimeout(watchdog);
      app.logger.debug({ ...describe(interaction), ms: Date.now() - started }, 'interaction handled');
    }
  };
}

function findModule(registry: CommandRegistry, interaction: RepliableInteraction): CommandModule | undefined {
  if (interaction.isChatInputCommand()) return registry.command(interaction.commandName);
  if (interaction.isMessageComponent() || interaction.isModalSubmit()) return registry.ownerOf(interaction.customId);
  return undefined;
}

async function dispatch(module: CommandModule | undefined, interaction: RepliableInteraction, ctx: InteractionContext) {
  if (interaction.isChatInputCommand()) {
    if (!module) return ctx.respond.fail(UNKNOWN_COMMAND_TEXT);
    return module.execute(interaction, ctx);
  }
  if (interaction.isMessageComponent()) {
    if (!module?.component) return ctx.respond.fail(STALE_COMPONENT_TEXT);
    return module.component(interaction, ctx);
  }
  if (interaction.isModalSubmit()) {
    if (!module?.modal) return ctx.respond.fail(STALE_COMPONENT_TEXT);
    return module.modal(interaction, ctx);
  }
  return ctx.respond.fail(UNKNOWN_COMMAND_TEXT);
}

/** Six characters a member can read out to a moderator, and that finds the log line. */
function newReference(): string {
  return randomBytes(4).toString('base64url').slice(0, 6).toUpperCase();
}

/** What the log may say about an interaction: never option values (they can hold health answers). */
function describe(interaction: RepliableInteraction) {
  return {
    interactionId: interaction.id,
    guildId: interaction.guildId,
    userId: interaction.user.id,
    command: interaction.isChatInputCommand() ? interaction.commandName : undefined,
    customIdPrefix:
      interaction.isMessageComponent() || interaction.isModalSubmit() ? interaction.customId.split(':')[0] : undefined,
  };
}
