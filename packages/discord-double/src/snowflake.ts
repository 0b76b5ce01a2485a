import { randomBytes } from 'node:crypto';

const DISCORD_EPOCH_MS = 1_420_070_400_000n;
let increment = 0n;

/** A snowflake whose embedded timestamp is `ms`, so discord.js derives the right createdAt. */
export function snowflakeAt(ms: number): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Math.floor(ms)) - DISCORD_EPOCH_MS) << 22n) | increment).toString();
}

export function randomToken(prefix: string): string {
  return `${prefix}.${randomBytes(24).toString('base64url')}`;
}
