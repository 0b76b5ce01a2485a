import { randomBytes } from 'node:crypto';
import { ApplicationCommandOptionType, type ChatInputCommandInteraction, type Interaction, type RepliableInteraction } from 'discord.js';
import type { AppContext } from '../app-context.js';
import type { CommandModule, InteractionContext } from './command.js';
import { cachedServerFacts, type ServerFactsSource } from './server-facts.js';
import type { CommandRegistry } from './registry.js';
import { Responder, type PublicUpdatePolicy } from './responder.js';

/** Discord allows 3 s for the first response; past this the router defers on the handler's behalf. */
export const DEFER_AFTER_MS = 2_000;

/** For commands, subcommands and buttons this release does not have (a Discord client can lag behind an upgrade). */
export const COMMAND_CHANGED_TEXT =
  "This command has changed since your Discord app loaded it, so Pacer didn't run it. Please try again (restarting Discord shows the new version), or ask a moderator.";
export const STALE_COMPONENT_TEXT = 'This button or menu no longer works. Please run the command again.';

export function errorText(reference: string): string {
  return `Sorry, something went wrong on Pacer's side. Nothing was changed. Please try again; if it keeps happening, tell a moderator and quote reference ${reference}.`;
}

export interface RouterOptions {
  deferAfterMs?: number;
  /** Runs after every answered interaction (keeping a member's display name); a failure is logged, never shown. */
  afterInteraction?(interaction: RepliableInteraction, app: AppContext): void;
  /** Where answers learn about the server (default: the gateway's cache only). */
  servers?: ServerFactsSource;
}

/** How an interaction ended, for the one log line each gets. */
export type Outcome = 'ok' | 'changed' | 'stale' | 'failed' | 'unanswered' | 'autocomplete-failed';

/**
 * One entry point for every interaction: finds the owning command module, runs its handler inside the
 * error boundary, makes sure Discord gets an answer in time, and logs one line: what ran, how long, how it ended.
 * The line names the command or the `custom_id` prefix only: never the member, option values or the id's state.
 */
export function createRouter(registry: CommandRegistry, app: AppContext, options: RouterOptions = {}) {
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  const servers = options.servers ?? cachedServerFacts;

  return async function route(interaction: Interaction): Promise<void> {
    const started = Date.now();
    if (interaction.isAutocomplete()) {
      const module = registry.command(interaction.commandName);
      let outcome: Outcome = 'ok';
      try {
        if (module?.autocomplete) await module.autocomplete(interaction, app);
        else await interaction.respond([]);
      } catch (error) {
        outcome = 'autocomplete-failed';
        app.logger.warn({ err: error, command: interaction.commandName }, 'autocomplete failed');
        if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
      }
      app.logger.info({ kind: 'autocomplete', command: interaction.commandName, ms: Date.now() - started, outcome }, 'interaction');
      return;
    }
    if (!interaction.isRepliable()) return;

    const target = invocation(registry, interaction);
    const respond = new Responder(interaction, target.ephemeral, target.publicMessageUpdates);
    const ctx: InteractionContext = { ...app, respond, server: () => servers.of(interaction) };
    const watchdog = setTimeout(() => respond.deferIfIdle(), deferAfterMs);
    let outcome: Outcome = 'ok';
    let reference: string | undefined;
    try {
      if (target.kind === 'refuse') {
        outcome = target.outcome;
        await respond.fail(target.text);
      } else {
        await target.run(ctx);
        if (!respond.acknowledged) {
          outcome = 'unanswered';
          reference = newReference();
          await respond.fail(errorText(reference));
        }
      }
    } catch (error) {
      outcome = 'failed';
      reference = newReference();
      app.logger.error({ err: error, reference, ...describeInteraction(interaction) }, 'interaction handler failed');
      await respond.fail(errorText(reference)).catch((replyError: unknown) => {
        app.logger.error({ err: replyError, reference }, 'could not tell the user about the failure');
      });
    } finally {
      clearTimeout(watchdog);
      try {
        options.afterInteraction?.(interaction, app);
      } catch (error) {
        app.logger.warn({ err: error }, 'an interaction observer failed');
      }
      const line = { ...describeInteraction(interaction), ms: Date.now() - started, outcome, ...(reference ? { reference } : {}) };
      if (outcome === 'unanswered') app.logger.warn(line, 'interaction: the handler gave no answer');
      else app.logger.info(line, 'interaction');
    }
  };
}

/** What an interaction asks to run, and how to answer it; or why it cannot run. */
type Invocation = { ephemeral: boolean; publicMessageUpdates?: PublicUpdatePolicy } & (
  | { kind: 'run'; run(ctx: InteractionContext): Promise<void> }
  | { kind: 'refuse'; text: string; outcome: Outcome }
);

type Owner = Pick<CommandModule, 'ephemeral' | 'publicMessageUpdates'>;

function runs(owner: Owner, run: (ctx: InteractionContext) => Promise<void>): Invocation {
  return { kind: 'run', ephemeral: owner.ephemeral ?? true, publicMessageUpdates: owner.publicMessageUpdates, run };
}

function refuses(owner: Owner | undefined, text: string, outcome: Outcome): Invocation {
  return { kind: 'refuse', ephemeral: owner?.ephemeral ?? true, publicMessageUpdates: owner?.publicMessageUpdates, text, outcome };
}

function invocation(registry: CommandRegistry, interaction: RepliableInteraction): Invocation {
  if (interaction.isChatInputCommand()) {
    const module = registry.command(interaction.commandName);
    if (!module || !knowsSubcommand(module, interaction)) return refuses(module, COMMAND_CHANGED_TEXT, 'changed');
    return runs(module, (ctx) => module.execute(interaction, ctx));
  }
  if (!interaction.isMessageComponent() && !interaction.isModalSubmit()) return refuses(undefined, COMMAND_CHANGED_TEXT, 'changed');
  const owner = registry.ownerOf(interaction.customId);
  if (!owner) return refuses(undefined, COMMAND_CHANGED_TEXT, 'changed');
  if (owner.kind === 'module') {
    const module = owner.module;
    if (interaction.isMessageComponent()) return module.component ? runs(module, (ctx) => module.component!(interaction, ctx)) : refuses(module, COMMAND_CHANGED_TEXT, 'changed');
    return module.modal ? runs(module, (ctx) => module.modal!(interaction, ctx)) : refuses(module, COMMAND_CHANGED_TEXT, 'changed');
  }
  const handler = owner.handler;
  if (interaction.isMessageComponent() ? !handler.component : !handler.modal) return refuses(handler, COMMAND_CHANGED_TEXT, 'changed');
  const data: unknown = handler.codec.parse(interaction.customId);
  if (data === null) return refuses(handler, STALE_COMPONENT_TEXT, 'stale');
  if (interaction.isMessageComponent()) return runs(handler, (ctx) => handler.component!(interaction, data, ctx));
  return runs(handler, (ctx) => handler.modal!(interaction, data, ctx));
}

function knowsSubcommand(module: CommandModule, interaction: ChatInputCommandInteraction): boolean {
  const declared = module.definition.options ?? [];
  const groups = declared.filter((o) => o.type === ApplicationCommandOptionType.SubcommandGroup);
  const subcommands = declared.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  const group = interaction.options.getSubcommandGroup(false);
  const subcommand = interaction.options.getSubcommand(false);
  if (groups.length === 0 && subcommands.length === 0) return group === null && subcommand === null;
  if (group !== null) {
    const inGroup = groups.find((g) => g.name === group);
    return inGroup !== undefined && subcommand !== null && (inGroup.options ?? []).some((o) => o.name === subcommand);
  }
  return subcommand !== null && subcommands.some((s) => s.name === subcommand);
}

/** Six characters a member can read out to a moderator, and that finds the log line. */
export function newReference(): string {
  return randomBytes(4).toString('base64url').slice(0, 6).toUpperCase();
}

/**
 * What the log may say about an interaction. No user id: next to a `custom_id` prefix it would tie a member to
 * a flow (the symptom check's `sc`); no option values or `custom_id` state: they can hold health answers.
 */
export function describeInteraction(interaction: RepliableInteraction) {
  return {
    interactionId: interaction.id,
    guildId: interaction.guildId,
    kind: interaction.isChatInputCommand() ? 'command' : interaction.isMessageComponent() ? 'component' : interaction.isModalSubmit() ? 'modal' : 'other',
    command: interaction.isChatInputCommand() ? commandPath(interaction) : undefined,
    customIdPrefix:
      interaction.isMessageComponent() || interaction.isModalSubmit() ? customIdPrefix(interaction.customId) : undefined,
  };
}

function commandPath(interaction: ChatInputCommandInteraction): string {
  const parts = [interaction.commandName, interaction.options.getSubcommandGroup(false), interaction.options.getSubcommand(false)];
  return parts.filter((p): p is string => typeof p === 'string').join(' ');
}

/** The routing prefix only, cut short so a forged id cannot smuggle text into the log. */
function customIdPrefix(customId: string): string {
  const prefix = customId.split(':')[0] ?? '';
  return /^[A-Za-z0-9_-]{1,16}$/.test(prefix) ? prefix : '?';
}
