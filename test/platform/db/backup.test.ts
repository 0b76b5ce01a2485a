import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../../../src/app.js';
import { parseConfig } from '../../../src/platform/config.js';
import { openDatabase } from '../../../src/platform/db/connection.js';
import { createLogger } from '../../../src/platform/logger.js';
import { startDiscordDouble, type DiscordDouble } from '@pacer/discord-double';

describe('npm run db:backup', () => {
  it('creates the folder it is asked to write into', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacer-backup-'));
    const source = join(dir, 'pacer.sqlite');
    openDatabase(source).close();
    const target = join(dir, 'backups', '2026', 'pacer-copy.sqlite');
    const result = spawnSync(resolve('node_modules/.bin/tsx'), [resolve('src/platform/db/backup-cli.ts'), target], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', DATABASE_PATH: source },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(target)).toBe(true);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare("select count(*) from sqlite_master where name = 'clubs'").pluck().get()).toBe(1);
    copy.close();
  });
});

describe('a failed login', () => {
  let double: DiscordDouble | undefined;
  afterEach(async () => double?.close());

  it('clears the ready timer: no late rejection after startApp has failed', async () => {
    double = await startDiscordDouble();
    double.injectFault({ method: 'GET', pathPattern: '/gateway/bot', status: 401, code: 0, times: 10 });
    const late: unknown[] = [];
    const onRejection = (reason: unknown) => late.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const config = parseConfig({ DISCORD_TOKEN: 'refused', DISCORD_API_URL: double.apiUrl, DATABASE_PATH: ':memory:' });
      await expect(startApp({ config, logger: createLogger('silent', new PassThrough()), readyTimeoutMs: 200 })).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(late).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});
