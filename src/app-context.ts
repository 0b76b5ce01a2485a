import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db } from './db/connection.js';
import type { Logger } from './logger.js';

/** The services every handler may use. Passed explicitly; there is no global container. */
export interface AppContext {
  config: Config;
  db: Db;
  logger: Logger;
  clock: Clock;
}
