/**
 * `npm run bench -- failover-3`: issue 19's proof at full size. Three real Pacer processes (src/main.ts) on one
 * PostgreSQL (a throwaway server, fsync off as in the tests), the Discord double enforcing Discord's limits
 * (50 requests/s, 5 messages per 5 s per channel). Round 1: BENCH_FAILOVER_CLUBS clubs (default 2,000) due in the
 * same wall-clock minute, the leader SIGKILLed mid-burst. Round 2: as many other clubs due in a later minute,
 * every process restarted one by one (SIGTERM, then started again) mid-burst. Prints figures; asserts nothing.
 */
import { startDiscordDouble, type DiscordDouble } from '@pacer/discord-double';
import { openPostgres, type PgHandle } from '../src/platform/db/pg-connection.js';
import { pgStorage } from '../src/platform/db/pg-storage.js';
import { adminQuery, startTestCluster } from '../test/support/postgres-cluster.js';
import { freePort, healthOf, killAll, startPacerProcess } from '../test/support/pacer-processes.js';
import { burstGuild, describeRound, dueMinute, pacerEnv, runDisruptedBurst, seedClubsDueAt, type BurstHarness, type Disruption } from '../test/support/due-burst.js';

const waitHealthy = async (harness: BurstHarness, index: number) => {
  const deadline = Date.now() + 90_000;
  while ((await healthOf(harness.pacers[index]!)) !== 200) {
    if (Date.now() > deadline) throw new Error(`${harness.pacers[index]!.name} did not become healthy:\n${harness.pacers[index]!.output().slice(-2000)}`);
    await new Promise((done) => setTimeout(done, 250));
  }
};

export async function benchFailover(clubs = Number(process.env.BENCH_FAILOVER_CLUBS ?? 2000)): Promise<void> {
  const cluster = startTestCluster();
  const name = 'pacer_bench_failover';
  let double: DiscordDouble | undefined;
  let handle: PgHandle | undefined;
  let harness: BurstHarness | undefined;
  try {
    await adminQuery(cluster.adminUrl, `drop database if exists ${name}`);
    await adminQuery(cluster.adminUrl, `create database ${name}`);
    const url = cluster.urlFor(name);
    double = await startDiscordDouble({ guilds: [burstGuild(2 * clubs)] });
    double.enableRateLimits();
    const env = pacerEnv(double, url);
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    harness = { double, env, pacers: [], log: (line) => console.log(line) };
    // As compose starts them: pacer-1 (which migrates) healthy first, then the other two.
    harness.pacers.push(startPacerProcess('pacer-1', ports[0], env));
    await waitHealthy(harness, 0);
    harness.pacers.push(startPacerProcess('pacer-2', ports[1], env), startPacerProcess('pacer-3', ports[2], env));
    await waitHealthy(harness, 1);
    await waitHealthy(harness, 2);
    handle = await openPostgres(url, { migrate: false, max: 8 });
    const storage = pgStorage(handle);

    console.log(`Failover proof: 3 Pacer processes, one PostgreSQL, the double at Discord's limits; ${clubs.toLocaleString('en')} clubs per round`);
    const rounds: Disruption[] = ['sigkill', 'rolling'];
    for (const [round, disruption] of rounds.entries()) {
      const now = new Date();
      const dueAt = dueMinute(now, 20_000 + clubs * 10); // seeding must end before the minute
      const seedStart = Date.now();
      await seedClubsDueAt(storage, round * clubs, clubs, dueAt, now);
      console.log(`round ${round + 1}: ${clubs} clubs set up in ${((Date.now() - seedStart) / 1000).toFixed(1)} s, due at ${dueAt.toISOString()}`);
      const report = await runDisruptedBurst(harness, { first: round * clubs, count: clubs, dueAt, disruption });
      console.log(describeRound(report));
    }
  } finally {
    await killAll(harness?.pacers ?? []);
    await handle?.close();
    await double?.close();
    cluster.stop();
  }
}
