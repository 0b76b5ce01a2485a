/** `npm run bench`: how fast the hot paths are. Prints figures; asserts nothing. */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { evaluate } from '../src/triage/engine.js';
import { parseAnswers, type Answers } from '../src/triage/answers.js';
import { answeredScreens, currentScreen, currentSlot, decodeProgress, emptyProgress, encodeProgress, estimateLength, withAnswer } from '../src/triage/progress.js';
import { screenView } from '../src/views/triage-views.js';
import { searchCards } from '../src/exercises/search.js';
import { allCards } from '../src/exercises/catalogue.js';
import { cardView } from '../src/views/exercise-views.js';

function bench(name: string, iterations: number, fn: (i: number) => void): void {
  for (let i = 0; i < Math.min(1000, iterations); i++) fn(i); // warm up
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn(i);
  const ms = performance.now() - start;
  const perOp = (ms * 1000) / iterations;
  console.log(`${name.padEnd(50)} ${iterations.toString().padStart(7)} ops  ${perOp.toFixed(1).padStart(8)} µs/op  ${Math.round(iterations / (ms / 1000)).toString().padStart(9)} ops/s`);
}

const vignettes = JSON.parse(readFileSync(new URL('../test/fixtures/triage-vignettes.json', import.meta.url), 'utf8')) as { answers: unknown }[];
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
const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
console.log(`heap used after the run: ${heapMb.toFixed(1)} MiB`);
