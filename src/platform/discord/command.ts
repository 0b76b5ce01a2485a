import type {
  ApplicationCommandOptionType,
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageComponentInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { AppContext } from '../app-context.js';
import type { Codec } from '../codec.js';
import type { PublicUpdatePolicy, Responder } from './responder.js';
import type { ServerFacts } from './server-facts.js';

type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A slash command's JSON body; readonly so definitions can be `as const` and type their handlers' options. */
export type CommandDefinition = DeepReadonly<RESTPostAPIChatInputApplicationCommandsJSONBody>;

/** What a handler gets besides the interaction: the app's services and the one way to answer. */
export interface InteractionContext extends AppContext {
  respond: Responder;
  /** The server the interaction came from, as Discord says now (its channels, roles, Pacer's permissions). */
  server(): Promise<ServerFacts | null>;
}

/**
 * One slash command: its definition, and its handlers for chat input, autocomplete and the components and
 * modals whose `custom_id` starts with one of `componentPrefixes` followed by ':'.
 */
export interface CommandModule {
  readonly definition: CommandDefinition;
  /** Whether a reply deferred on the command's behalf (when it is slow) should be private. */
  readonly ephemeral?: boolean;
  readonly componentPrefixes?: readonly string[];
  /**
   * Who may change this module's public messages through their components: nobody (the default: a click
   * answers privately), the member whose command made the message, or anyone (shared counters, sign-ups).
   */
  readonly publicMessageUpdates?: PublicUpdatePolicy;
  execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: AppContext): Promise<void>;
  component?(interaction: MessageComponentInteraction, ctx: InteractionContext): Promise<void>;
  modal?(interaction: ModalSubmitInteraction, ctx: InteractionContext): Promise<void>;
}

export function defineCommand<M extends CommandModule>(module: M): M {
  return module;
}

/**
 * The buttons, menus or modals of one `custom_id` family, answered on their own: the router finds the handler by
 * its codec's prefix and hands it the parsed data (a forged or outdated id gets "no longer works" first), so a
 * button needs no slash command to host it.
 */
export interface ComponentHandler<T> {
  readonly codec: Codec<never, T>;
  /** Whether a reply deferred on the handler's behalf (when it is slow) should be private. */
  readonly ephemeral?: boolean;
  /** As for a command module: who may change this family's public messages by clicking (default: nobody). */
  readonly publicMessageUpdates?: PublicUpdatePolicy;
  component?(interaction: MessageComponentInteraction, data: T, ctx: InteractionContext): Promise<void>;
  modal?(interaction: ModalSubmitInteraction, data: T, ctx: InteractionContext): Promise<void>;
}

export function defineComponents<T>(handler: ComponentHandler<T>): ComponentHandler<T> {
  return handler;
}

/** A handler of any family, as the registry keeps them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyComponentHandler = ComponentHandler<any>;

// ---- option types derived from a const definition ----

export interface OptionShape {
  readonly type: ApplicationCommandOptionType;
  readonly name: string;
  readonly required?: boolean;
  readonly choices?: readonly { readonly value: string | number }[];
  readonly options?: readonly OptionShape[];
}

type ScalarOf<O extends OptionShape> = O extends { readonly choices: readonly (infer C extends { value: unknown })[] }
  ? C['value']
  : O['type'] extends ApplicationCommandOptionType.String
    ? string
    : O['type'] extends ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number
      ? number
      : O['type'] extends ApplicationCommandOptionType.Boolean
        ? boolean
        : string; // user, channel, role and mentionable options arrive as ids

export type ArgsOf<Opts extends readonly OptionShape[] | undefined> = Opts extends readonly OptionShape[]
  ? { [O in Opts[number] as O['name']]: O extends { readonly required: true } ? ScalarOf<O> : ScalarOf<O> | null }
  : Record<string, never>;

type IsSubcommand<O> = O extends { readonly type: ApplicationCommandOptionType.Subcommand } ? O : never;

/** `{ subcommand: 'show', name: string, private: boolean | null } | { subcommand: 'list', ... }` */
export type CommandArgs<D extends { readonly options?: readonly OptionShape[] }> = D['options'] extends readonly OptionShape[]
  ? [IsSubcommand<D['options'][number]>] extends [never]
    ? ArgsOf<D['options']>
    : {
        [S in IsSubcommand<D['options'][number]> as S['name']]: { subcommand: S['name'] } & ArgsOf<S['options']>;
      }[IsSubcommand<D['options'][number]>['name']]
  : Record<string, never>;
