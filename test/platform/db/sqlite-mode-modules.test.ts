import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

// Memory (issue 18): a SQLite-mode Pacer does without PostgreSQL's driver, its schema and adapter.
it('opens SQLite storage without loading the PostgreSQL driver', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'pacer-drivers-'));
  try {
    const { stdout } = await promisify(execFile)(resolve('node_modules/.bin/tsx'), [resolve('test/platform/db/support/loaded-drivers.ts'), folder], { timeout: 60_000 });
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ inSqliteMode: false, afterThePgAdapter: true });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}, 90_000);
