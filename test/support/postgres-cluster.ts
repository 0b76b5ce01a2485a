/**
 * A throwaway PostgreSQL for the tests: `PACER_TEST_DATABASE_URL` when set, otherwise a cluster made with the
 * Debian binaries (/usr/lib/postgresql/<version>/bin) in a temporary folder, listening on a unix socket there
 * only, torn down after the run. PostgreSQL refuses to run as root, so as root initdb and the server run as the
 * `postgres` system user (the postgresql package creates it). Anything missing is an error, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestCluster {
  /** Connection URL of the server's `postgres` database, for CREATE DATABASE. */
  adminUrl: string;
  /** The same server with another database name. */
  urlFor(database: string): string;
  stop(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0) {
    throw new Error('The PostgreSQL tests need a PostgreSQL server: `npm test` installs Debian\'s postgresql package when run as root; otherwise `sudo apt-get install -y postgresql`, or set PACER_TEST_DATABASE_URL.');
  }
  return join(root, versions[0]!, 'bin');
}

function run(command: string, args: string[], asPostgres: boolean): void {
  const [file, argv] = asPostgres ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000, cwd: '/' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout || result.error?.message}`);
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function startTestCluster(): TestCluster {
  const external = process.env.PACER_TEST_DATABASE_URL;
  if (external) return { adminUrl: external, urlFor: (database) => withDatabase(external, database), stop: () => undefined };

  const bin = binDir();
  const asPostgres = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'pacer-pg-'));
  if (asPostgres) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    if (ids.status !== 0) throw new Error('Running as root, the PostgreSQL tests need the `postgres` system user (Debian\'s postgresql package creates it).');
    const uid = Number(ids.stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], asPostgres);
  // Durability is not what these tests measure: fsync off keeps a machine shared by many test runs fast.
  const serverOptions = `-k ${dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '30', 'start'], asPostgres);
  const base = `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`;
  return {
    adminUrl: base,
    urlFor: (database) => base.replace('/postgres?', `/${database}?`),
    stop: () => {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], asPostgres);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Runs one statement on the server's admin database (CREATE / DROP DATABASE cannot run in a transaction). */
export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
