/**
 * A Pacer sender process on PostgreSQL for the failover test (run with `node --import tsx`): the scheduler's
 * engine with the PostgreSQL store, behind the sender leader lock, posting through the real REST Poster to the
 * Discord double, with the store's real lease. Test-only knobs: PACER_TEST_LEADER_RETRY_MS, a tick every second.
 * Writes one JSON line per log entry to stdout.
 */
import { REST } from 'discord.js';
import { openPostgres } from '../../../../src/platform/db/pg-connection.js';
import { createPoster } from '../../../../src/platform/discord/poster.js';
import { Scheduler } from '../../../../src/platform/scheduler/engine.js';
import { SenderLeader } from '../../../../src/platform/scheduler/pg-leader.js';
import { createPgScheduleStore } from '../../../../src/platform/scheduler/pg-store.js';
import { systemClock } from '../../../../src/platform/time/clock.js';
import { TestJob } from '../support.js';
import { pgStorage } from '../../../../src/platform/db/pg-storage.js';

const url = process.env.DATABASE_URL!;
const line = (level: string) => (object: object, message?: string) => process.stdout.write(`${JSON.stringify({ level, message, ...object })}\n`);
const logger = { debug: () => undefined, info: line('info'), warn: line('warn'), error: line('error') };

const handle = await openPostgres(url, { migrate: false, max: 5 });
const rest = new REST({ api: process.env.DISCORD_API_URL! }).setToken('fake-token-for-failover-tests');
const poster = createPoster(rest);
const store = createPgScheduleStore(pgStorage(handle));
const leader = new SenderLeader({
  url,
  logger,
  retryMs: Number(process.env.PACER_TEST_LEADER_RETRY_MS ?? 1000),
  makeSender: () => new Scheduler({ store, poster, clock: systemClock, logger, jobs: [new TestJob()], tickExpression: '* * * * * *', stopGraceMs: 200 }),
});
await leader.start();
logger.info({}, 'sender process ready');
process.once('SIGTERM', () => {
  void leader
    .stop()
    .then(() => handle.close())
    .then(() => process.exit(0));
});
