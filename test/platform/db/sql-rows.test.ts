/**
 * The hot reads' SQL texts on PostgreSQL: prepared once per connection (so PostgreSQL parses and plans them once),
 * with the same rows as the one-off query drizzle sends, dates kept as PostgreSQL's text included.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgHandle } from '../../../src/platform/db/pg-connection.js';
import { rowsOf, tuplesOf } from '../../../src/platform/db/sql-rows.js';
import { pgStorage } from '../../../src/platform/db/pg-storage.js';
import type { PgStorage } from '../../../src/platform/db/storage.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres.js';

const TEXT = `select guild_id as "guildId", timezone, created_at as "createdAt" from clubs where guild_id = @guildId or region = @region order by guild_id`;

describe('rowsOf on PostgreSQL', () => {
  let database: TestDatabase;
  let handle: PgHandle;
  let storage: PgStorage;

  beforeAll(async () => {
    database = await createTestDatabase();
    // One connection, so the statements it has prepared can be listed from it.
    handle = await database.open({ migrate: false, max: 1 });
    storage = pgStorage(handle);
    await storage.all(sql`insert into clubs (guild_id, timezone, region, notices_channel_id, setup_by_user_id) values
      ('100000000000000001', 'Europe/London', 'UK', '200000000000000001', '300000000000000001'),
      ('100000000000000002', 'Europe/Paris', 'EU', '200000000000000002', '300000000000000002')`);
  });
  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  it('prepares a text once on the connection and reuses it, with the rows the one-off query gives', async () => {
    const params = { guildId: '100000000000000001', region: 'EU' };
    const first = await rowsOf<Record<string, unknown>>(storage, TEXT, params);
    const again = await rowsOf<Record<string, unknown>>(storage, TEXT, params);
    const oneOff = await storage.all<Record<string, unknown>>(
      sql`select guild_id as "guildId", timezone, created_at as "createdAt" from clubs where guild_id = ${params.guildId} or region = ${params.region} order by guild_id`,
    );
    expect(first).toEqual(oneOff);
    expect(again).toEqual(oneOff);
    expect(first.map((row) => row.guildId)).toEqual(['100000000000000001', '100000000000000002']);
    expect(typeof first[0]!.createdAt).toBe('string');

    const prepared = await storage.all<{ name: string; statement: string }>(sql`select name, statement from pg_prepared_statements`);
    const ours = prepared.filter((row) => row.name.startsWith('pacer_'));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.statement).toContain('where guild_id = $1 or region = $2');
  });

  it('gives tuples in column order, and refuses a text whose parameter has no value', async () => {
    expect(await tuplesOf(storage, `select guild_id, region from clubs where guild_id = @guildId`, { guildId: '100000000000000002' })).toEqual([['100000000000000002', 'EU']]);
    await expect(rowsOf(storage, TEXT, { guildId: '100000000000000001' })).rejects.toThrow('No value for @region.');
  });
});
