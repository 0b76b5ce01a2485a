/**
 * The PostgreSQL schema: its migrations apply from empty, match pg-schema.ts (the drift check, as for SQLite),
 * and mirror the SQLite schema table for table: same tables, columns, nullability and index names.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { openDatabase } from '../../../src/platform/db/connection.js';
import * as pgSchema from '../../../src/platform/db/pg-schema.js';
import * as sqliteSchema from '../../../src/platform/db/schema.js';
import { pgMigrationsFolder, type PgHandle } from '../../../src/platform/db/pg-connection.js';
import { adminQuery } from '../../support/postgres-cluster.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres.js';
import { inject } from 'vitest';

let database: TestDatabase;
let handle: PgHandle;
beforeAll(async () => {
  // An empty database, not the migrated template: this file checks the migrations themselves.
  database = await createTestDatabase();
  await adminQuery(inject('pgAdminUrl'), `drop database ${database.name} with (force)`);
  await adminQuery(inject('pgAdminUrl'), `create database ${database.name}`);
  handle = await database.open();
});
afterAll(async () => {
  await handle.close();
  await database.drop();
});

type Shape = Record<string, { columns: string[]; indexes: string[] }>;

async function pgShape(): Promise<Shape> {
  const columns = await handle.pool.query<{ table_name: string; column_name: string; is_nullable: string }>(
    `select table_name, column_name, is_nullable from information_schema.columns where table_schema = 'public' order by table_name, column_name`,
  );
  // Every index but the primary keys' (drizzle makes `.unique()` an index on SQLite, a constraint here).
  const indexes = await handle.pool.query<{ tablename: string; indexname: string }>(
    `select t.relname as tablename, c.relname as indexname from pg_index i
     join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
     where n.nspname = 'public' and not i.indisprimary`,
  );
  const shape: Shape = {};
  for (const row of columns.rows) (shape[row.table_name] ??= { columns: [], indexes: [] }).columns.push(`${row.column_name}${row.is_nullable === 'NO' ? ' not null' : ''}`);
  for (const row of indexes.rows) shape[row.tablename]!.indexes.push(row.indexname);
  for (const table of Object.values(shape)) table.indexes.sort();
  return shape;
}

function sqliteShape(): Shape {
  const sqlite = openDatabase(':memory:');
  const tables = sqlite.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations' order by name").pluck().all() as string[];
  const shape: Shape = {};
  for (const table of tables) {
    const columns = sqlite.sqlite.prepare('select name, "notnull", pk from pragma_table_info(?) order by name').all(table) as { name: string; notnull: number; pk: number }[];
    const indexes = sqlite.sqlite.prepare("select name from pragma_index_list(?) where origin = 'c' order by name").pluck().all(table) as string[];
    // SQLite lets a primary-key column be null unless declared otherwise; PostgreSQL never does.
    shape[table] = { columns: columns.map((c) => `${c.name}${c.notnull || c.pk ? ' not null' : ''}`), indexes };
  }
  sqlite.close();
  return shape;
}

describe('PostgreSQL schema', () => {
  it('applies every migration from an empty database, and nothing twice when opened again', async () => {
    const applied = await handle.pool.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
    expect(applied.rows[0]!.n).toBe(readdirSync(pgMigrationsFolder()).filter((file) => file.endsWith('.sql')).length);
    const again = await database.open();
    expect((await again.pool.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')).rows[0]!.n).toBe(applied.rows[0]!.n);
    await again.close();
  });

  it('mirrors the SQLite schema: the same tables, columns, nullability and index names', async () => {
    expect(await pgShape()).toEqual(sqliteShape());
  });

  it('has a migration for every change in src/platform/db/pg-schema.ts', () => {
    const scratch = join(mkdtempSync(join(tmpdir(), 'pacer-pg-drift-')), 'postgres');
    cpSync(pgMigrationsFolder(), scratch, { recursive: true });
    const result = spawnSync('node_modules/.bin/drizzle-kit', ['generate', '--config', 'drizzle.pg.config.ts'], {
      env: { ...process.env, DRIZZLE_MIGRATIONS_OUT: relative(process.cwd(), scratch) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('No schema changes');
    expect(readdirSync(scratch)).toEqual(readdirSync(pgMigrationsFolder()));
  });
});

describe('row types', () => {
  it('are the same in both dialects, so stores can share code', () => {
    expectTypeOf<typeof pgSchema.clubs.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.clubs.$inferSelect>();
    expectTypeOf<typeof pgSchema.members.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.members.$inferSelect>();
    expectTypeOf<typeof pgSchema.challenges.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.challenges.$inferSelect>();
    expectTypeOf<typeof pgSchema.enrolments.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.enrolments.$inferSelect>();
    expectTypeOf<typeof pgSchema.challengePauses.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.challengePauses.$inferSelect>();
    expectTypeOf<typeof pgSchema.sessionLogs.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.sessionLogs.$inferSelect>();
    expectTypeOf<typeof pgSchema.schedules.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.schedules.$inferSelect>();
    expectTypeOf<typeof pgSchema.scheduleRuns.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.scheduleRuns.$inferSelect>();
    expectTypeOf<typeof pgSchema.announcements.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.announcements.$inferSelect>();
    expectTypeOf<typeof pgSchema.triageOutcomeCounts.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.triageOutcomeCounts.$inferSelect>();
    expectTypeOf<typeof pgSchema.memberNames.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.memberNames.$inferSelect>();
    expectTypeOf<typeof pgSchema.postedMentions.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.postedMentions.$inferSelect>();
    expectTypeOf<typeof pgSchema.messageEdits.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.messageEdits.$inferSelect>();
    expectTypeOf<typeof pgSchema.groupRuns.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.groupRuns.$inferSelect>();
    expectTypeOf<typeof pgSchema.runRsvps.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.runRsvps.$inferSelect>();
    expectTypeOf<typeof pgSchema.runSeries.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.runSeries.$inferSelect>();
    expectTypeOf<typeof pgSchema.sessionWeekCounts.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.sessionWeekCounts.$inferSelect>();
    expectTypeOf<typeof pgSchema.participationRevisions.$inferSelect>().toEqualTypeOf<typeof sqliteSchema.participationRevisions.$inferSelect>();
  });
});
