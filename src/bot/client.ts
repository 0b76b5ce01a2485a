import { Client, GatewayIntentBits, Options } from 'discord.js';

/**
 * The discord.js client. Interactions arrive without any intent; Guilds keeps servers and channels cached.
 * Mentions are off by default: a message pings someone only when its builder says so.
 */
export function createClient(apiUrl: string | undefined): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: apiUrl ? { api: apiUrl } : {},
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0, GuildMemberManager: 50 }),
  });
}
