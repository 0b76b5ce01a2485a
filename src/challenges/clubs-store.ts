import { eq } from 'drizzle-orm';
import type { Region } from '../content/regions.js';
import type { Storage } from '../platform/db/storage.js';

async function clubRow(storage: Storage, guildId: string) {
  const { clubs } = storage.t;
  const rows = await storage.run((db) => db.select({ region: clubs.region, roleId: clubs.moderatorRoleId }).from(clubs).where(eq(clubs.guildId, guildId)).limit(1));
  return rows[0];
}

/** The club's own region, or undefined when it has none (then the deployment's PACER_REGION applies). */
export async function clubRegion(storage: Storage, guildId: string | null): Promise<Region | undefined> {
  if (!guildId) return undefined;
  return (await clubRow(storage, guildId))?.region ?? undefined;
}

export async function clubModeratorRoleId(storage: Storage, guildId: string): Promise<string | undefined> {
  return (await clubRow(storage, guildId))?.roleId ?? undefined;
}
