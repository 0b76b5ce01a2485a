/**
 * The sender leader lock on a real PostgreSQL, two processes' worth of leaders in one test: one leads, the other
 * stands by; when the leader's lock connection is killed it stops sending at once and the standby takes over;
 * never two senders at the same time.
 */
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SENDER_LOCK_KEY, SenderLeader } from '../../../src/platform/scheduler/pg-leader.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres.js';

let database: TestDatabase;
let admin: pg.Client;
const leaders: SenderLeader[] = [];
const quiet = { info: () => undefined, warn: () => undefined };

beforeEach(async () => {
  database = await createTestDatabase();
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
});
afterEach(async () => {
  await Promise.all(leaders.splice(0).map((leader) => leader.stop()));
  await admin.end();
  await database.drop();
});

/** A leader whose sender only records whether it runs; `running` holds the leaders sending now. */
function leader(name: string, running: Set<string>, events: string[]): SenderLeader {
  const made = new SenderLeader({
    url: database.url,
    logger: quiet,
    retryMs: 200,
    makeSender: () => ({
      name: `${name} sender`,
      start: () => {
        running.add(name);
        events.push(`${name} sends (${running.size} sending)`);
      },
      stop: () => {
        running.delete(name);
        events.push(`${name} stops`);
        return Promise.resolve();
      },
    }),
  });
  leaders.push(made);
  return made;
}

/** The backend holding the sender lock, as PostgreSQL sees it. */
async function lockHolder(): Promise<number | undefined> {
  const { rows } = await admin.query<{ pid: number }>(
    `select pid from pg_locks where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())
       and ((classid::bigint << 32) | objid::bigint) = $1`,
    [SENDER_LOCK_KEY.toString()],
  );
  return rows[0]?.pid;
}

it('one leads, the other stands by; killing the leader\'s lock connection moves sending to the standby, never two at once', async () => {
  const running = new Set<string>();
  const events: string[] = [];
  const a = leader('a', running, events);
  const b = leader('b', running, events);
  await a.start();
  await b.start();
  expect([a.leading, b.leading]).toEqual([true, false]);
  await new Promise((done) => setTimeout(done, 600)); // a few standby retries: still one sender
  expect([...running]).toEqual(['a']);

  const holder = await lockHolder();
  expect(holder).toBeDefined();
  await admin.query('select pg_terminate_backend($1)', [holder]);
  const killedAt = Date.now();
  await expect.poll(() => b.leading, { timeout: 10_000, interval: 20 }).toBe(true);
  const failoverMs = Date.now() - killedAt;
  expect(a.leading).toBe(false);
  expect([...running]).toEqual(['b']);
  expect(events.filter((event) => event.includes('sending)'))).toEqual(['a sends (1 sending)', 'b sends (1 sending)']);
  expect(events.indexOf('a stops')).toBeLessThan(events.indexOf('b sends (1 sending)'));

  await b.stop(); // a graceful stop frees the lock: the first process leads again
  await expect.poll(() => a.leading, { timeout: 10_000, interval: 20 }).toBe(true);
  expect([...running]).toEqual(['a']);
  console.log(`leader lock: standby took over ${failoverMs} ms after the leader's connection was killed`);
});
