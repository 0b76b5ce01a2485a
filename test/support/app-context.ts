/** An AppContext over a fresh in-memory SQLite database, for tests that drive handlers or jobs without startApp. */
import { parseConfig } from '../../src/platform/config.js';
import { openDatabase } from '../../src/platform/db/connection.js';
import { sqliteStorage } from '../../src/platform/db/storage.js';
import type { AppContext } from '../../src/platform/app-context.js';
import { createLogger } from '../../src/platform/logger.js';
import { systemClock } from '../../src/platform/time/clock.js';

export function memoryAppContext(): AppContext {
  const database = openDatabase(':memory:');
  return { config: parseConfig({ DISCORD_TOKEN: 'x' }), storage: sqliteStorage(database), logger: createLogger('silent'), clock: systemClock };
}
