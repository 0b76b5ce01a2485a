/**
 * Run as its own process by sqlite-mode-modules.test.ts: loads the whole app's module graph, opens SQLite storage
 * as `npm start` does without DATABASE_URL, and prints whether PostgreSQL's driver was loaded; then loads the
 * PostgreSQL adapter and prints it again (the second answer proves the first could have been yes).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import '../../../../src/app.js';
import { openStorage } from '../../../../src/platform/db/open-storage.js';

const cache = createRequire(import.meta.url).cache;
const driverLoaded = () => Object.keys(cache).some((path) => /[\\/]node_modules[\\/]pg[\\/]/.test(path));

const opened = await openStorage({ databasePath: join(process.argv[2]!, 'pacer.sqlite'), databaseUrl: undefined });
const inSqliteMode = driverLoaded();
await opened.close();
await import('../../../../src/platform/db/pg-storage.js');
console.log(JSON.stringify({ inSqliteMode, afterThePgAdapter: driverLoaded() }));
