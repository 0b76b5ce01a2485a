/** The playground's one demo club: a moderator, a few members and the channels the club features use. */
import {
  ChannelTypes,
  PermissionBits,
  defaultBotUser,
  type FixtureGuild,
  type FixtureUser,
} from '@pacer/discord-double';

export const DEMO = {
  applicationId: '1100000000000000001',
  guildId: '1200000000000000077',
  channels: {
    general: '1300000000000000071',
    challenges: '1300000000000000072',
    announcements: '1300000000000000073',
  },
  roles: {
    everyone: '1200000000000000077',
    moderator: '1400000000000000071',
    runners: '1400000000000000072',
    bot: '1400000000000000073',
  },
  users: {
    moderator: '1500000000000000071',
    rita: '1500000000000000072',
    sam: '1500000000000000073',
    priya: '1500000000000000074',
    owner: '1500000000000000075',
  },
} as const;

const EVERYONE =
  PermissionBits.ViewChannel |
  PermissionBits.SendMessages |
  PermissionBits.AddReactions |
  PermissionBits.EmbedLinks |
  PermissionBits.AttachFiles |
  PermissionBits.ReadMessageHistory |
  PermissionBits.UseApplicationCommands |
  PermissionBits.SendMessagesInThreads;

const BOT =
  PermissionBits.ViewChannel |
  PermissionBits.SendMessages |
  PermissionBits.EmbedLinks |
  PermissionBits.AttachFiles |
  PermissionBits.ReadMessageHistory |
  PermissionBits.MentionEveryone |
  PermissionBits.CreateEvents |
  PermissionBits.ManageEvents;

export const demoBotUser: FixtureUser = defaultBotUser(DEMO.applicationId);

/** The people a visitor can act as, moderator first. */
export const DEMO_ACTORS = [
  { id: DEMO.users.moderator, label: 'Mo (moderator)' },
  { id: DEMO.users.rita, label: 'Rita (member)' },
  { id: DEMO.users.sam, label: 'Sam (member)' },
  { id: DEMO.users.priya, label: 'Priya (member)' },
] as const;

export function demoClub(): FixtureGuild {
  const joinedAt = '2026-01-05T10:00:00.000Z';
  return {
    id: DEMO.guildId,
    name: 'Riverside Runners',
    ownerId: DEMO.users.owner,
    locale: 'en-GB',
    roles: [
      { id: DEMO.roles.everyone, name: '@everyone', permissions: EVERYONE, position: 0 },
      { id: DEMO.roles.runners, name: 'Runners', permissions: 0n, position: 1 },
      {
        id: DEMO.roles.moderator,
        name: 'Committee',
        permissions: PermissionBits.ManageGuild | PermissionBits.ManageMessages | PermissionBits.MentionEveryone,
        position: 2,
      },
      { id: DEMO.roles.bot, name: 'Pacer', permissions: BOT, position: 3, managed: true, botId: demoBotUser.id },
    ],
    channels: [
      { id: DEMO.channels.general, name: 'general', type: ChannelTypes.GuildText, position: 0, topic: 'Club chat' },
      { id: DEMO.channels.challenges, name: 'challenges', type: ChannelTypes.GuildText, position: 1, topic: 'Weekly strength challenges' },
      { id: DEMO.channels.announcements, name: 'announcements', type: ChannelTypes.GuildText, position: 2, topic: 'Club news' },
    ],
    members: [
      { user: { id: DEMO.users.moderator, username: 'mo_committee', globalName: 'Mo' }, roleIds: [DEMO.roles.moderator, DEMO.roles.runners], joinedAt },
      { user: { id: DEMO.users.rita, username: 'rita_runner', globalName: 'Rita' }, roleIds: [DEMO.roles.runners], joinedAt },
      { user: { id: DEMO.users.sam, username: 'sam_strides', globalName: 'Sam' }, roleIds: [DEMO.roles.runners], joinedAt },
      { user: { id: DEMO.users.priya, username: 'priya_pace', globalName: 'Priya' }, roleIds: [], joinedAt },
      { user: { id: DEMO.users.owner, username: 'club_owner', globalName: 'Club owner' }, roleIds: [], joinedAt },
      { user: demoBotUser, roleIds: [DEMO.roles.bot], joinedAt },
    ],
  };
}
