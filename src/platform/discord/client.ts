import { Client, GatewayIntentBits, Options, type GuildMember, type User } from 'discord.js';
import { outgoingJson } from './outgoing-json.js';

const isSelf = (entry: User | GuildMember): boolean => entry.id === entry.client.user?.id;

/** Seconds between sweeps of the member and user caches. */
const SWEEP_EVERY_S = 30 * 60;

/**
 * The discord.js client. Interactions arrive without any intent; Guilds keeps servers, channels and roles
 * cached. Pacer reads members and users only from the interaction in hand, so those caches stay small and are
 * swept (every interaction from a new member would otherwise add to them for good); caches Pacer never
 * reads are off. Mentions are off by default: a message pings someone only when its builder says so.
 * `shards`: every gateway shard runs in this client (`auto`: as many as Discord recommends); one shard by default.
 */
export function createClient(apiUrl: string | undefined, shards: 'auto' | number = 1): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(shards === 'auto' ? { shards: 'auto' as const } : { shards: Array.from({ length: shards }, (_, id) => id), shardCount: shards }),
    allowedMentions: { parse: [] },
    jsonTransformer: outgoingJson,
    rest: apiUrl ? { api: apiUrl } : {},
    makeCache: Options.cacheWithLimits({
      UserManager: { maxSize: 200, keepOverLimit: isSelf },
      GuildMemberManager: { maxSize: 50, keepOverLimit: isSelf },
      MessageManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      ThreadMemberManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildInviteManager: 0,
      GuildBanManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      AutoModerationRuleManager: 0,
      EntitlementManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      users: { interval: SWEEP_EVERY_S, filter: () => (user: User) => !isSelf(user) },
      guildMembers: { interval: SWEEP_EVERY_S, filter: () => (member: GuildMember) => !isSelf(member) },
    },
  });
}
