/**
 * `npm run bench`: how fast the hot paths are. Prints figures; asserts nothing. `npm run bench -- floor` runs only
 * the floor (Pacer beside a bare discord.js bot, bench/floor.ts); the full run ends with it. `-- mixed` runs only
 * the mixed load (bench/mixed.ts), `-- participation` only the club-scale queries (bench/participation.ts; `-- participation-pg` on PostgreSQL), `-- http`
 * only commands over HTTP across 1 and 3 processes (bench/http.ts), `-- http-memory` one HTTP process's memory at 1,000 to
 * 100,000 clubs (bench/http-memory.ts), `-- pg` only the PostgreSQL scheduler store, `-- failover-3` only the failover
 * proof (three Pacer processes, the leader killed or all restarted mid-burst).
 */
import { benchFloor } from './floor.js';
import { benchPgScheduler } from './pg-scheduler.js';
import { benchHttp } from './http.js';
if (process.argv.slice(2).includes('floor')) {
  await benchFloor();
  process.exit(0);
}
if (process.argv.slice(2).includes('failover-3')) {
  const { benchFailover } = await import('./failover-3.js');
  await benchFailover();
  process.exit(0);
}
if (process.argv.slice(2).includes('pg')) {
  await benchPgScheduler();
  process.exit(0);
}
if (process.argv.slice(2).includes('http-memory')) {
  const { benchHttpMemory } = await import('./http-memory.js');
  await benchHttpMemory();
  process.exit(0);
}
if (process.argv.slice(2).includes('http')) {
  await benchHttp();
  process.exit(0);
}
if (process.argv.slice(2).includes('mixed')) {
  const { benchMixed } = await import('./mixed.js');
  await benchMixed();
  process.exit(0);
}
if (process.argv.slice(2).includes('participation-pg')) {
  await benchParticipation('postgres');
  process.exit(0);
}
if (process.argv.slice(2).includes('participation')) {
  await benchParticipation();
  process.exit(0);
}
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { evaluate } from '../src/symptom-check/engine.js';
import { parseAnswers, type Answers } from '../src/symptom-check/answers.js';
import { answeredScreens, currentScreen, currentSlot, decodeProgress, emptyProgress, encodeProgress, estimateLength, withAnswer } from '../src/symptom-check/progress.js';
import { screenView } from '../commands/symptom-check/views.js';
import { searchCards } from '../src/exercises/search.js';
import { allCards } from '../src/exercises/catalogue.js';
import { cardView } from '../commands/exercises/views.js';
import { parseWhen } from '../src/announcements/when.js';
import { timingFor } from '../src/announcements/repeat.js';
import { decodeAnnounceId, encodeAnnounceId } from '../commands/announcements/custom-id.js';
import { benchBurst, benchIdleTick, benchNextRun } from './scheduler.js';
import { benchParticipation } from './participation.js';
import { measureMemberMemory } from './member-memory.js';

function bench(name: string, iterations: number, fn: (i: number) => void): void {
  for (let i = 0; i < Math.min(1000, iterations); i++) fn(i); // warm up
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn(i);
  const ms = performance.now() - start;
  const perOp = (ms * 1000) / iterations;
  console.log(`${name.padEnd(50)} ${iterations.toString().padStart(7)} ops  ${perOp.toFixed(1).padStart(8)} µs/op  ${Math.round(iterations / (ms / 1000)).toString().padStart(9)} ops/s`);
}

const vignettes = JSON.parse(readFileSync(new URL('../test/symptom-check/fixtures/triage-vignettes.json', import.meta.url), 'utf8')) as { answers: unknown }[];
const answers: Answers[] = vignettes.map((v) => {
  const parsed = parseAnswers(v.answers);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.answers;
});

const midFlow = (() => {
  let p = emptyProgress();
  for (let i = 0; i < 6; i++) {
    const slot = currentSlot(p)!;
    p = withAnswer(p, slot, slot.kind === 'multi' ? { options: [slot.options.findIndex((o) => o.id === 'none')] } : { option: 1 });
  }
  return encodeProgress(p);
})();

const queries = ['clam', 'spansh squat', 'calf rase', 'wal sit', 'bridge', 'RDL', 'side lying hip', ''];
const cards = allCards();

console.log(`Pacer benchmarks on Node ${process.version}`);
bench('triage: parse + evaluate one answers object', 20_000, (i) => {
  const parsed = parseAnswers(vignettes[i % vignettes.length]!.answers);
  if (parsed.ok) evaluate(parsed.answers);
});
bench('triage: evaluate (pre-parsed)', 50_000, (i) => evaluate(answers[i % answers.length]!));
bench('symptom check: decode + validate custom_id state', 5_000, () => decodeProgress(midFlow));
bench('symptom check: one click (decode, next screen, "of about M", view)', 2_000, () => {
  const progress = decodeProgress(midFlow)!;
  const screen = currentScreen(progress);
  if (screen) screenView(progress, screen, answeredScreens(progress).length + 1, estimateLength(progress).screens);
});
bench('exercise autocomplete: searchCards', 20_000, (i) => searchCards(queries[i % queries.length]!, 25));
bench('exercise card view (embed + buttons)', 20_000, (i) => cardView(cards[i % cards.length]!));
const whenNow = new Date('2026-10-30T12:00:00Z');
const phrases = ['tomorrow 18:00', 'next monday 7am', 'in 2 hours', '2026-12-01 18:00', '1/12 18:00'];
bench('announce: parse `when` in the club zone', 5_000, (i) => parseWhen(phrases[i % phrases.length]!, 'Europe/London', whenNow, 'day-first'));
bench('announce: weekly timing (rule + first run)', 5_000, () => timingFor(whenNow, 'Europe/London', 'weekly', null));
bench('announce: cron check, hourly rule (worst case gap walk)', 200, () => timingFor(whenNow, 'Europe/London', null, '0 * * * *'));
bench('announce: cron check, refused every-30-minutes rule', 2_000, () => timingFor(whenNow, 'Europe/London', null, '*/30 * * * *'));
// The rules that once walked a year synchronously (about 700 ms each): now read from the minute field.
for (const rule of ['0-0 * * * *', '0,0 * * * *', '*/60 * * * *']) {
  bench(`announce: cron check, hostile rule \`${rule}\``, 200, () => timingFor(whenNow, 'Europe/London', null, rule));
}
const hugeWhen = 'tomorrow 18:00 '.repeat(100_000); // 1.5 MB: refused before the phrase parser sees it
bench('announce: parse a 1.5 MB `when`', 2_000, () => parseWhen(hugeWhen, 'Europe/London', whenNow, 'day-first'));
const draftId = encodeAnnounceId({
  kind: 'new',
  draft: { channelId: '1300000000000000003', start: whenNow, repeat: 'cron', ping: { kind: 'role', roleId: '1400000000000000009' }, notes: ['gap'], cron: '0 18 * * MON-FRI' },
});
bench('announce: encode + decode the schedule modal id', 50_000, () => decodeAnnounceId(encodeAnnounceId(decodeAnnounceId(draftId)!)));
benchNextRun(bench);
const longQuery = 'spanish squat '.repeat(430); // about 6,000 characters, cut to 100 before searching
bench('exercise autocomplete: 6,000-character input', 2_000, () => searchCards(longQuery, 25));
const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
console.log(`heap used after the run: ${heapMb.toFixed(1)} MiB`);

const members = Number(process.env.BENCH_MEMBERS ?? 40_000);
for (const mode of ['defaults', 'pacer'] as const) {
  const { before, after } = await measureMemberMemory(mode, members);
  const label = mode === 'pacer' ? "Pacer's caches (src/platform/discord/client.ts)" : "discord.js's default caches";
  console.log(
    `bot heap, ${members.toLocaleString('en')} distinct members, ${label}: ${before.heapMiB.toFixed(1)} MiB -> ${after.heapMiB.toFixed(1)} MiB ` +
      `(users cached ${after.users}, members cached ${after.members}, answered ${after.answered})`,
  );
}
await benchParticipation();
await benchIdleTick();
await benchBurst();
await benchPgScheduler();
await benchFloor();
