import { memberPayload, type FixtureGuild } from './fixtures.js';

/** One page of a guild's member list, as Discord pages it: ids above `after`, ascending, at most `limit` (1-1000). */
export function findGuildMembersPage(guild: FixtureGuild, limit: number, after: string) {
  const size = Math.min(1000, Math.max(1, Number.isFinite(limit) ? limit : 1));
  return guild.members
    .filter((m) => BigInt(m.user.id) > BigInt(after))
    .sort((a, b) => (BigInt(a.user.id) < BigInt(b.user.id) ? -1 : 1))
    .slice(0, size)
    .map(memberPayload);
}
