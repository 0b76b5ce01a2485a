/**
 * What some answers must know about the server they are given in: its channels and roles, and what Pacer itself
 * may do there. With a gateway connection discord.js keeps this in its cache. Without one (HTTP interactions
 * only) nothing is kept per server: it is asked of Discord's REST API when an answer needs it, and held a few
 * seconds so one command's steps ask once.
 */
import { PermissionFlagsBits, Routes, type APIChannel, type APIGuild, type APIGuildMember, type APIRole, type BaseInteraction, type ChannelType, type Guild, type REST } from 'discord.js';

export interface ServerChannel {
  id: string;
  type: ChannelType;
}

export interface ServerRole {
  id: string;
  name: string;
  mentionable: boolean;
}

export interface ServerFacts {
  name: string;
  channels: ReadonlyMap<string, ServerChannel>;
  roles: ReadonlyMap<string, ServerRole>;
  /** Pacer's permissions in the server (its roles), as a bit set. */
  pacerPermissions: bigint;
  /** Pacer's permissions in one channel (its roles and the channel's overwrites); null for a channel it cannot see. */
  pacerPermissionsIn(channelId: string): bigint | null;
}

export interface ServerFactsSource {
  /** Null outside a server, or when Discord could not say in time. */
  of(interaction: BaseInteraction): Promise<ServerFacts | null>;
}

const ALL = (1n << 64n) - 1n;
const HELD_MS = 5_000;
const MAX_SERVERS_HELD = 500;
/** An answer must start within 3 s; this leaves the rest for the answer itself. */
const ASK_LIMIT_MS = 1_500;

function fromCache(guild: Guild): ServerFacts | null {
  const me = guild.members.me;
  if (!me) return null;
  return {
    name: guild.name,
    channels: new Map([...guild.channels.cache.values()].map((channel) => [channel.id, { id: channel.id, type: channel.type }])),
    roles: new Map([...guild.roles.cache.values()].map((role) => [role.id, { id: role.id, name: role.name, mentionable: role.mentionable }])),
    pacerPermissions: me.permissions.bitfield,
    pacerPermissionsIn: (channelId) => {
      const channel = guild.channels.cache.get(channelId);
      return channel ? me.permissionsIn(channel).bitfield : null;
    },
  };
}

type Overwrite = { id: string; type: number; allow: string; deny: string };

/** Discord's rule: the @everyone role and the member's roles, then the channel's overwrites for @everyone, the roles, the member. */
export function permissionsFrom(guildId: string, roles: readonly APIRole[], member: { roleIds: readonly string[]; userId: string }, overwrites?: readonly Overwrite[]): bigint {
  const held = new Set([guildId, ...member.roleIds]);
  let bits = roles.filter((role) => held.has(role.id)).reduce((sum, role) => sum | BigInt(role.permissions), 0n);
  if (bits & PermissionFlagsBits.Administrator) return ALL;
  if (!overwrites) return bits;
  const everyone = overwrites.find((o) => o.id === guildId);
  if (everyone) bits = (bits & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type !== 0 || o.id === guildId || !held.has(o.id)) continue;
    allow |= BigInt(o.allow);
    deny |= BigInt(o.deny);
  }
  bits = (bits & ~deny) | allow;
  const own = overwrites.find((o) => o.type === 1 && o.id === member.userId);
  if (own) bits = (bits & ~BigInt(own.deny)) | BigInt(own.allow);
  return bits;
}

async function askDiscord(rest: REST, guildId: string, pacerUserId: string): Promise<ServerFacts> {
  const [guild, channels, roles, me] = (await Promise.all([
    rest.get(Routes.guild(guildId)),
    rest.get(Routes.guildChannels(guildId)),
    rest.get(Routes.guildRoles(guildId)),
    rest.get(Routes.guildMember(guildId, pacerUserId)),
  ])) as [APIGuild, APIChannel[], APIRole[], APIGuildMember];
  const member = { roleIds: me.roles, userId: pacerUserId };
  const overwritesOf = new Map(channels.map((channel) => [channel.id, ('permission_overwrites' in channel ? channel.permission_overwrites : undefined) ?? []]));
  return {
    name: guild.name,
    channels: new Map(channels.map((channel) => [channel.id, { id: channel.id, type: channel.type }])),
    roles: new Map(roles.map((role) => [role.id, { id: role.id, name: role.name, mentionable: role.mentionable }])),
    pacerPermissions: permissionsFrom(guildId, roles, member),
    pacerPermissionsIn: (channelId) => {
      const overwrites = overwritesOf.get(channelId);
      return overwrites ? permissionsFrom(guildId, roles, member, overwrites) : null;
    },
  };
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Facts from the gateway's cache only (no REST): what a gateway process and the tests without Discord use. */
export const cachedServerFacts: ServerFactsSource = {
  of: (interaction) => Promise.resolve(interaction.inGuild() && interaction.guild ? fromCache(interaction.guild) : null),
};

/**
 * Facts from the gateway's cache when the server is in it; otherwise from Discord's REST API, held for a few
 * seconds for at most a few hundred servers, so a process's memory does not grow with the servers it answers.
 */
export function serverFacts(rest: REST, pacerUserId: () => string | undefined, now: () => number = Date.now): ServerFactsSource {
  const held = new Map<string, { at: number; facts: Promise<ServerFacts | null> }>();
  return {
    async of(interaction) {
      if (!interaction.inGuild()) return null;
      if (interaction.guild) return fromCache(interaction.guild);
      const userId = pacerUserId();
      if (!userId) return null;
      const guildId = interaction.guildId;
      const entry = held.get(guildId);
      if (entry && now() - entry.at < HELD_MS) return within(entry.facts, ASK_LIMIT_MS);
      const facts = askDiscord(rest, guildId, userId).catch(() => null);
      held.delete(guildId);
      held.set(guildId, { at: now(), facts });
      if (held.size > MAX_SERVERS_HELD) held.delete(held.keys().next().value!);
      void facts.then((found) => {
        if (found === null && held.get(guildId)?.facts === facts) held.delete(guildId);
      });
      return within(facts, ASK_LIMIT_MS);
    },
  };
}
