/** Guild fixtures (the double's "database") and their gateway/REST payload shapes. */

export const PermissionBits = {
  KickMembers: 1n << 1n,
  BanMembers: 1n << 2n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  ManageRoles: 1n << 28n,
  UseApplicationCommands: 1n << 31n,
  ManageEvents: 1n << 33n,
  SendMessagesInThreads: 1n << 38n,
  CreateEvents: 1n << 44n,
} as const;

/** What Discord reports for owners and Administrator members: every bit set. */
export const ALL_PERMISSIONS = (1n << 53n) - 1n;

export const ChannelTypes = { GuildText: 0, GuildCategory: 4, GuildAnnouncement: 5 } as const;

export interface FixtureUser {
  id: string;
  username: string;
  globalName?: string | null;
  bot?: boolean;
}

export interface FixtureRole {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  managed?: boolean;
  botId?: string;
  /** Whether members may @mention it (Discord's default for a new role: no). */
  mentionable?: boolean;
}

export interface FixtureOverwrite {
  /** A role id (type 0) or a member id (type 1). */
  id: string;
  type: 0 | 1;
  allow: bigint;
  deny: bigint;
}

export interface FixtureChannel {
  id: string;
  name: string;
  type: number;
  position: number;
  parentId?: string | null;
  topic?: string | null;
  /** Channel permission overwrites, sent to the client as Discord does (the double's REST does not enforce them). */
  permissionOverwrites?: FixtureOverwrite[];
}

export interface FixtureMember {
  user: FixtureUser;
  roleIds: string[];
  nick?: string | null;
  joinedAt?: string;
}

export interface FixtureGuild {
  id: string;
  name: string;
  ownerId: string;
  locale?: string;
  roles: FixtureRole[];
  channels: FixtureChannel[];
  members: FixtureMember[];
}

export const FIXTURE = {
  applicationId: '1100000000000000001',
  guildId: '1200000000000000001',
  channels: {
    general: '1300000000000000001',
    strength: '1300000000000000002',
    announcements: '1300000000000000003',
  },
  roles: {
    everyone: '1200000000000000001',
    moderator: '1400000000000000001',
    admin: '1400000000000000002',
    bot: '1400000000000000003',
  },
  users: {
    member: '1500000000000000001',
    moderator: '1500000000000000002',
    admin: '1500000000000000003',
    bot: '1100000000000000001',
  },
} as const;

const EVERYONE_PERMISSIONS =
  PermissionBits.ViewChannel |
  PermissionBits.SendMessages |
  PermissionBits.AddReactions |
  PermissionBits.EmbedLinks |
  PermissionBits.AttachFiles |
  PermissionBits.ReadMessageHistory |
  PermissionBits.UseApplicationCommands |
  PermissionBits.SendMessagesInThreads;

const BOT_ROLE_PERMISSIONS =
  PermissionBits.ViewChannel |
  PermissionBits.SendMessages |
  PermissionBits.EmbedLinks |
  PermissionBits.ReadMessageHistory |
  PermissionBits.MentionEveryone |
  PermissionBits.CreateEvents |
  PermissionBits.ManageEvents;

export function defaultBotUser(applicationId: string = FIXTURE.applicationId): FixtureUser {
  return { id: applicationId, username: 'Pacer', globalName: null, bot: true };
}

export function defaultFixtureGuild(botUser: FixtureUser = defaultBotUser()): FixtureGuild {
  const joinedAt = '2026-01-05T10:00:00.000Z';
  return {
    id: FIXTURE.guildId,
    name: 'Pacer Test Club',
    ownerId: FIXTURE.users.admin,
    locale: 'en-US',
    roles: [
      { id: FIXTURE.roles.everyone, name: '@everyone', permissions: EVERYONE_PERMISSIONS, position: 0 },
      {
        id: FIXTURE.roles.moderator,
        name: 'Moderator',
        permissions: PermissionBits.ManageGuild | PermissionBits.ManageMessages | PermissionBits.MentionEveryone,
        position: 1,
      },
      { id: FIXTURE.roles.admin, name: 'Admin', permissions: PermissionBits.Administrator, position: 2 },
      { id: FIXTURE.roles.bot, name: 'Pacer', permissions: BOT_ROLE_PERMISSIONS, position: 3, managed: true, botId: botUser.id },
    ],
    channels: [
      { id: FIXTURE.channels.general, name: 'general', type: ChannelTypes.GuildText, position: 0, topic: 'Club chat' },
      { id: FIXTURE.channels.strength, name: 'strength', type: ChannelTypes.GuildText, position: 1, topic: 'Strength work' },
      { id: FIXTURE.channels.announcements, name: 'announcements', type: ChannelTypes.GuildText, position: 2, topic: null },
    ],
    members: [
      { user: { id: FIXTURE.users.member, username: 'rita_runner', globalName: 'Rita' }, roleIds: [], joinedAt },
      { user: { id: FIXTURE.users.moderator, username: 'mo_moderator', globalName: 'Mo' }, roleIds: [FIXTURE.roles.moderator], joinedAt },
      { user: { id: FIXTURE.users.admin, username: 'ada_admin', globalName: 'Ada' }, roleIds: [FIXTURE.roles.admin], joinedAt },
      { user: botUser, roleIds: [FIXTURE.roles.bot], joinedAt },
    ],
  };
}

/**
 * A small server for tests at the scale of many guilds: @everyone, the bot's role, one text channel (id + 1) and
 * three members (the fixture moderator owns it, the fixture member, the bot). Ids derive from `id`, so they stay
 * unique as long as guild ids are at least 4 apart.
 */
export function smallFixtureGuild(id: string, botUser: FixtureUser = defaultBotUser()): FixtureGuild {
  const base = BigInt(id);
  const botRole = String(base + 2n);
  return {
    id,
    name: `Club ${id}`,
    ownerId: FIXTURE.users.moderator,
    locale: 'en-US',
    roles: [
      { id, name: '@everyone', permissions: EVERYONE_PERMISSIONS, position: 0 },
      { id: botRole, name: 'Pacer', permissions: BOT_ROLE_PERMISSIONS, position: 1, managed: true, botId: botUser.id },
    ],
    channels: [{ id: String(base + 1n), name: 'general', type: ChannelTypes.GuildText, position: 0, topic: null }],
    members: [
      { user: { id: FIXTURE.users.moderator, username: 'mo_moderator', globalName: 'Mo' }, roleIds: [] },
      { user: { id: FIXTURE.users.member, username: 'rita_runner', globalName: 'Rita' }, roleIds: [] },
      { user: botUser, roleIds: [botRole] },
    ],
  };
}

/** `count` small guilds with consecutive creation timestamps (ids 2^22 apart), so they spread evenly over shards. */
export function manyFixtureGuilds(count: number, botUser: FixtureUser = defaultBotUser()): FixtureGuild[] {
  const first = BigInt(FIXTURE.guildId) + (1n << 22n);
  return Array.from({ length: count }, (_, index) => smallFixtureGuild(String(first + (BigInt(index) << 22n)), botUser));
}

export function findMember(guild: FixtureGuild, userId: string): FixtureMember | undefined {
  return guild.members.find((member) => member.user.id === userId);
}

/** Guild-level permissions (no channel overwrites: fixture channels have none). */
export function memberPermissions(guild: FixtureGuild, member: FixtureMember): bigint {
  if (member.user.id === guild.ownerId) return ALL_PERMISSIONS;
  let bits = guild.roles.find((role) => role.id === guild.id)?.permissions ?? 0n;
  for (const roleId of member.roleIds) {
    bits |= guild.roles.find((role) => role.id === roleId)?.permissions ?? 0n;
  }
  return bits & PermissionBits.Administrator ? ALL_PERMISSIONS : bits;
}

export function userPayload(user: FixtureUser) {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName ?? null,
    avatar: null,
    public_flags: 0,
    ...(user.bot ? { bot: true } : {}),
  };
}

export function rolePayload(role: FixtureRole) {
  return {
    id: role.id,
    name: role.name,
    permissions: role.permissions.toString(),
    position: role.position,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    managed: role.managed ?? false,
    mentionable: role.mentionable ?? false,
    flags: 0,
    ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
  };
}

export function channelPayload(channel: FixtureChannel, guildId: string) {
  return {
    id: channel.id,
    type: channel.type,
    guild_id: guildId,
    name: channel.name,
    position: channel.position,
    permission_overwrites: (channel.permissionOverwrites ?? []).map((o) => ({ id: o.id, type: o.type, allow: o.allow.toString(), deny: o.deny.toString() })),
    parent_id: channel.parentId ?? null,
    topic: channel.topic ?? null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    flags: 0,
  };
}

export function memberPayload(member: FixtureMember) {
  return {
    user: userPayload(member.user),
    roles: [...member.roleIds],
    nick: member.nick ?? null,
    avatar: null,
    joined_at: member.joinedAt ?? '2026-01-01T00:00:00.000Z',
    premium_since: null,
    communication_disabled_until: null,
    deaf: false,
    mute: false,
    pending: false,
    flags: 0,
  };
}

export function guildCreatePayload(guild: FixtureGuild) {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    preferred_locale: guild.locale ?? 'en-US',
    premium_tier: 0,
    premium_progress_bar_enabled: false,
    nsfw_level: 0,
    features: [],
    application_id: null,
    joined_at: '2026-01-05T10:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: guild.members.length,
    roles: guild.roles.map(rolePayload),
    channels: guild.channels.map((channel) => channelPayload(channel, guild.id)),
    members: guild.members.map(memberPayload),
    emojis: [],
    stickers: [],
    voice_states: [],
    presences: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
