/**
 * Discord's sharding rules as the double applies them: which shard a guild lives on, how many shards
 * GET /gateway/bot recommends, and when IDENTIFY is refused because a shard would hold too many guilds.
 */

/** Discord refuses a session that would hold more guilds than this (close 4011, "Sharding required"). */
export const MAX_GUILDS_PER_SHARD = 2500;
/** What GET /gateway/bot aims for when it recommends a shard count. */
export const RECOMMENDED_GUILDS_PER_SHARD = 1000;

/** `shard_id = (guild_id >> 22) % num_shards`: the guild's creation timestamp picks its shard. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export function recommendedShards(guildCount: number): number {
  return Math.max(1, Math.ceil(guildCount / RECOMMENDED_GUILDS_PER_SHARD));
}

/** The `shard` field of IDENTIFY, checked: absent means `[0, 1]`; anything malformed or `id >= n` is null. */
export function parseShard(value: unknown): [number, number] | null {
  if (value === undefined) return [0, 1];
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [id, count] = value as unknown[];
  if (!Number.isInteger(id) || !Number.isInteger(count)) return null;
  if ((count as number) < 1 || (id as number) < 0 || (id as number) >= (count as number)) return null;
  return [id as number, count as number];
}
