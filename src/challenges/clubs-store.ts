import { eq } from 'drizzle-orm';
import type { Region } from '../content/regions.js';
import type { Db } from '../platform/db/connection.js';
import { clubs } from '../platform/db/schema.js';

/** The club's own region, or undefined when it has none (then the deployment's PACER_REGION applies). */
export function clubRegion(db: Db, guildId: string | null): Region | undefined {
  if (!guildId) return undefined;
  return db.select({ region: clubs.region }).from(clubs).where(eq(clubs.guildId, guildId)).get()?.region ?? undefined;
}

export function clubModeratorRoleId(db: Db, guildId: string): string | undefined {
  return db.select({ roleId: clubs.moderatorRoleId }).from(clubs).where(eq(clubs.guildId, guildId)).get()?.roleId ?? undefined;
}
