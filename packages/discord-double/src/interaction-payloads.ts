/** Builders for complete INTERACTION_CREATE payloads (discord-notes Appendix A, §2.4). */
import type { CommandOptionDefinition, CommandRegistry, StoredCommand } from './command-registry.js';
import {
  channelPayload,
  type FixtureGuild,
  type FixtureMember,
  findMember,
  memberPayload,
  memberPermissions,
  PermissionBits,
  rolePayload,
  userPayload,
} from './fixtures.js';
import type { ApiMessage } from './messages.js';
import { randomToken, snowflakeAt } from './snowflake.js';

export const InteractionType = { Ping: 1, ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 } as const;

export const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

export const ComponentType = {
  ActionRow: 1,
  Button: 2,
  StringSelect: 3,
  TextInput: 4,
  UserSelect: 5,
  RoleSelect: 6,
  MentionableSelect: 7,
  ChannelSelect: 8,
  Label: 18,
} as const;

export type OptionScalar = string | number | boolean;
/** A bare value (type taken from the deployed definition, else inferred) or an explicit `{ type, value }`. */
export type OptionInput = OptionScalar | { type: number; value: OptionScalar };

export interface ActorTarget {
  /** Invoking user's id (default: the fixture regular member). Must be a member of the guild. */
  user?: string;
  guildId?: string;
  channelId?: string;
  /** Overrides the member's computed guild permissions (bit set as bigint or decimal string). */
  permissions?: bigint | string;
  locale?: string;
}

export interface InteractionPayload {
  id: string;
  token: string;
  type: number;
  application_id: string;
  channel_id: string;
  guild_id: string;
  data: Record<string, unknown>;
  message?: ApiMessage;
  [key: string]: unknown;
}

export interface PayloadContext {
  applicationId: string;
  botUserId: string;
  guilds: FixtureGuild[];
  registry: CommandRegistry;
  now: () => number;
}

interface Resolved {
  users?: Record<string, unknown>;
  members?: Record<string, unknown>;
  roles?: Record<string, unknown>;
  channels?: Record<string, unknown>;
}

export class ActorError extends Error {
  constructor(message: string) {
    super(`Discord double: ${message}`);
  }
}

export interface Invocation {
  guild: FixtureGuild;
  member: FixtureMember;
  channelId: string;
  permissions: bigint;
}

export function resolveInvocation(context: PayloadContext, target: ActorTarget): Invocation {
  const guild = target.guildId ? context.guilds.find((candidate) => candidate.id === target.guildId) : context.guilds[0];
  if (!guild) throw new ActorError(`unknown guild ${String(target.guildId)}`);
  const userId = target.user ?? guild.members.find((member) => !member.user.bot && member.roleIds.length === 0)?.user.id;
  const member = userId ? findMember(guild, userId) : undefined;
  if (!member) throw new ActorError(`user ${String(userId)} is not a member of guild ${guild.id}`);
  const channelId = target.channelId ?? guild.channels.find((channel) => channel.type === 0)?.id;
  if (!channelId || !guild.channels.some((channel) => channel.id === channelId)) {
    throw new ActorError(`unknown channel ${String(channelId)} in guild ${guild.id}`);
  }
  const permissions = target.permissions !== undefined ? BigInt(target.permissions) : memberPermissions(guild, member);
  return { guild, member, channelId, permissions };
}

function basePayload(context: PayloadContext, invocation: Invocation, type: number, target: ActorTarget, data: Record<string, unknown>): InteractionPayload {
  const { guild, member, channelId, permissions } = invocation;
  const channel = guild.channels.find((candidate) => candidate.id === channelId);
  const botMember = findMember(guild, context.botUserId);
  const appPermissions = botMember ? memberPermissions(guild, botMember) : 0n;
  const locale = target.locale ?? 'en-US';
  return {
    id: snowflakeAt(context.now()),
    application_id: context.applicationId,
    type,
    token: randomToken('interaction'),
    version: 1,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.locale ?? 'en-US', features: [] },
    channel: { ...channelPayload(channel!, guild.id), permissions: permissions.toString() },
    channel_id: channelId,
    member: { ...memberPayload(member), permissions: permissions.toString() },
    app_permissions: appPermissions.toString(),
    locale,
    guild_locale: guild.locale ?? 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
    attachment_size_limit: 8_388_608,
    data,
  };
}

function inferOptionType(value: OptionScalar): number {
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return OptionType.String;
}

function addResolved(resolved: Resolved, guild: FixtureGuild, type: number, id: string): void {
  const member = findMember(guild, id);
  const role = guild.roles.find((candidate) => candidate.id === id);
  const channel = guild.channels.find((candidate) => candidate.id === id);
  const wantsUser = type === OptionType.User || (type === OptionType.Mentionable && member);
  if (wantsUser) {
    if (!member) throw new ActorError(`option refers to unknown user ${id}`);
    const { user: _user, ...memberWithoutUser } = memberPayload(member);
    (resolved.users ??= {})[id] = userPayload(member.user);
    (resolved.members ??= {})[id] = { ...memberWithoutUser, permissions: memberPermissions(guild, member).toString() };
  } else if (type === OptionType.Role || type === OptionType.Mentionable) {
    if (!role) throw new ActorError(`option refers to unknown role ${id}`);
    (resolved.roles ??= {})[id] = rolePayload(role);
  } else if (type === OptionType.Channel) {
    if (!channel) throw new ActorError(`option refers to unknown channel ${id}`);
    (resolved.channels ??= {})[id] = { ...channelPayload(channel, guild.id), permissions: PermissionBits.ViewChannel.toString() };
  }
}

const RESOLVABLE = new Set<number>([OptionType.User, OptionType.Channel, OptionType.Role, OptionType.Mentionable]);

function buildValueOptions(
  inputs: Record<string, OptionInput>,
  definitions: CommandOptionDefinition[],
  guild: FixtureGuild,
  resolved: Resolved,
  focused?: string,
): Array<Record<string, unknown>> {
  return Object.entries(inputs).map(([name, input]) => {
    const explicit = typeof input === 'object' ? input : undefined;
    const value = explicit ? explicit.value : (input as OptionScalar);
    const type = explicit?.type ?? definitions.find((definition) => definition.name === name)?.type ?? inferOptionType(value);
    if (RESOLVABLE.has(type) && name !== focused) addResolved(resolved, guild, type, String(value));
    const option: Record<string, unknown> = { name, type, value };
    if (name === focused) option.focused = true;
    return option;
  });
}

function subOptions(definitions: CommandOptionDefinition[] | undefined, name: string): CommandOptionDefinition[] {
  return definitions?.find((definition) => definition.name === name)?.options ?? [];
}

export interface CommandInput extends ActorTarget {
  options?: Record<string, OptionInput>;
  subcommand?: string;
  subcommandGroup?: string;
  /** Dispatch even when the member lacks the command's default_member_permissions (Discord would hide it). */
  bypassPermissionGate?: boolean;
}

export interface AutocompleteInput extends CommandInput {
  focused: { name: string; value: OptionScalar; type?: number };
}

function assertCommandVisible(command: StoredCommand | undefined, invocation: Invocation, input: CommandInput, name: string): void {
  if (!command || input.bypassPermissionGate || command.default_member_permissions === null) return;
  const required = BigInt(command.default_member_permissions);
  const isAdmin = (invocation.permissions & PermissionBits.Administrator) !== 0n;
  const allowed = isAdmin || (required !== 0n && (invocation.permissions & required) === required);
  if (!allowed) {
    throw new ActorError(
      `user ${invocation.member.user.id} lacks default_member_permissions ${command.default_member_permissions} of /${name}; ` +
        'Discord would not offer the command (pass bypassPermissionGate: true to dispatch anyway)',
    );
  }
}

function commandData(context: PayloadContext, invocation: Invocation, name: string, input: CommandInput, focused?: AutocompleteInput['focused']): Record<string, unknown> {
  const command = context.registry.findChatInput(name, invocation.guild.id);
  assertCommandVisible(command, invocation, input, name);
  const resolved: Resolved = {};
  const valueInputs: Record<string, OptionInput> = { ...input.options };
  if (focused) valueInputs[focused.name] = focused.type ? { type: focused.type, value: focused.value } : focused.value;

  let levelDefinitions = command?.options ?? [];
  if (input.subcommandGroup) levelDefinitions = subOptions(levelDefinitions, input.subcommandGroup);
  if (input.subcommand) levelDefinitions = subOptions(levelDefinitions, input.subcommand);
  let options: Array<Record<string, unknown>> = buildValueOptions(valueInputs, levelDefinitions, invocation.guild, resolved, focused?.name);
  if (input.subcommand) options = [{ name: input.subcommand, type: OptionType.Subcommand, options }];
  if (input.subcommandGroup) {
    if (!input.subcommand) throw new ActorError('subcommandGroup needs a subcommand');
    options = [{ name: input.subcommandGroup, type: OptionType.SubcommandGroup, options }];
  }

  const data: Record<string, unknown> = {
    id: command?.id ?? snowflakeAt(context.now()),
    name,
    type: 1,
    options,
  };
  if (command?.guild_id) data.guild_id = command.guild_id;
  if (Object.keys(resolved).length > 0) data.resolved = resolved;
  return data;
}

export function buildSlashPayload(context: PayloadContext, name: string, input: CommandInput): InteractionPayload {
  const invocation = resolveInvocation(context, input);
  return basePayload(context, invocation, InteractionType.ApplicationCommand, input, commandData(context, invocation, name, input));
}

export function buildAutocompletePayload(context: PayloadContext, name: string, input: AutocompleteInput): InteractionPayload {
  const invocation = resolveInvocation(context, input);
  const data = commandData(context, invocation, name, input, input.focused);
  return basePayload(context, invocation, InteractionType.Autocomplete, input, data);
}

export interface ComponentInput extends ActorTarget {
  /** The message carrying the component; must be a message the double knows. Default: a synthetic bot message. */
  message?: ApiMessage;
}

export interface SelectInput extends ComponentInput {
  /** 3 string (default), 5 user, 6 role, 7 mentionable, 8 channel select. */
  componentType?: number;
}

function resolvedForSelect(guild: FixtureGuild, componentType: number, values: string[]): Resolved | undefined {
  const optionTypeBySelect: Record<number, number> = {
    [ComponentType.UserSelect]: OptionType.User,
    [ComponentType.RoleSelect]: OptionType.Role,
    [ComponentType.MentionableSelect]: OptionType.Mentionable,
    [ComponentType.ChannelSelect]: OptionType.Channel,
  };
  const optionType = optionTypeBySelect[componentType];
  if (optionType === undefined) return undefined;
  const resolved: Resolved = {};
  for (const value of values) addResolved(resolved, guild, optionType, value);
  return resolved;
}

export function buildComponentPayload(
  context: PayloadContext,
  customId: string,
  componentType: number,
  values: string[] | undefined,
  input: ComponentInput & { message: ApiMessage },
): InteractionPayload {
  const invocation = resolveInvocation(context, { ...input, channelId: input.channelId ?? input.message.channel_id });
  const data: Record<string, unknown> = { custom_id: customId, component_type: componentType };
  if (values) {
    data.values = values;
    const resolved = resolvedForSelect(invocation.guild, componentType, values);
    if (resolved) data.resolved = resolved;
  }
  const payload = basePayload(context, invocation, InteractionType.MessageComponent, input, data);
  payload.message = input.message;
  return payload;
}

export type ModalFieldValue = string | string[];

export interface ModalInput extends ActorTarget {
  /** Set when the modal was opened from a component on this message. */
  message?: ApiMessage;
  /** The modal the bot showed (type 9 callback `data`); its layout (label or action row) is mirrored. */
  shownModal?: Record<string, unknown>;
}

function submittedComponent(component: Record<string, unknown>, fields: Record<string, ModalFieldValue>): Record<string, unknown> {
  const customId = String(component.custom_id);
  const submitted = fields[customId];
  const result: Record<string, unknown> = { type: component.type, custom_id: customId };
  if (component.id !== undefined) result.id = component.id;
  if (component.type === ComponentType.TextInput) result.value = typeof submitted === 'string' ? submitted : (submitted?.join('') ?? '');
  else result.values = Array.isArray(submitted) ? submitted : submitted === undefined ? [] : [submitted];
  return result;
}

function modalComponents(shown: Record<string, unknown> | undefined, fields: Record<string, ModalFieldValue>): unknown[] {
  const layout = Array.isArray(shown?.components) ? (shown.components as Array<Record<string, unknown>>) : undefined;
  if (!layout) {
    return Object.entries(fields).map(([customId, value]) => ({
      type: ComponentType.ActionRow,
      components: [{ type: ComponentType.TextInput, custom_id: customId, value: Array.isArray(value) ? value.join('') : value }],
    }));
  }
  return layout.flatMap((entry): Array<Record<string, unknown>> => {
    if (entry.type === ComponentType.Label && typeof entry.component === 'object' && entry.component !== null) {
      return [{ type: ComponentType.Label, id: entry.id, component: submittedComponent(entry.component as Record<string, unknown>, fields) }];
    }
    if (entry.type === ComponentType.ActionRow && Array.isArray(entry.components)) {
      const children = (entry.components as Array<Record<string, unknown>>).map((child) => submittedComponent(child, fields));
      return [{ type: ComponentType.ActionRow, components: children }];
    }
    return [];
  });
}

export function buildModalSubmitPayload(context: PayloadContext, customId: string, fields: Record<string, ModalFieldValue>, input: ModalInput): InteractionPayload {
  const invocation = resolveInvocation(context, { ...input, channelId: input.channelId ?? input.message?.channel_id });
  const data = { custom_id: customId, components: modalComponents(input.shownModal, fields) };
  const payload = basePayload(context, invocation, InteractionType.ModalSubmit, input, data);
  if (input.message) payload.message = input.message;
  return payload;
}

/** The message a component lives on when the test does not point at a known one. */
export function syntheticComponentMessage(customId: string, componentType: number, values: string[] | undefined): Record<string, unknown> {
  const component =
    componentType === ComponentType.Button
      ? { type: ComponentType.Button, style: 1, label: 'Button', custom_id: customId }
      : componentType === ComponentType.StringSelect
        ? { type: componentType, custom_id: customId, options: (values ?? ['value']).map((value) => ({ label: value, value })) }
        : { type: componentType, custom_id: customId };
  return { content: 'Message with components', components: [{ type: ComponentType.ActionRow, components: [component] }] };
}
