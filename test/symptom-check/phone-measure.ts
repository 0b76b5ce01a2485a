/**
 * Per development case: taps as a person counts them (from the real screens, commands/symptom-check/taps.ts) and
 * the length of the first result message in characters (what a member reads: title, text, fields, footer).
 * `npx tsx test/symptom-check/phone-measure.ts` prints the table.
 */
import { pathToFileURL } from 'node:url';
import type { APIEmbed } from 'discord.js';
import { parseAnswers } from '../../src/symptom-check/answers.js';
import { evaluate } from '../../src/symptom-check/engine.js';
import { countTaps } from '../../commands/symptom-check/taps.js';
import { resultView } from '../../commands/symptom-check/views.js';
import type { Region } from '../../src/content/regions.js';
import { vignettes } from './helpers.js';

/** Characters a member reads in a message: what a phone screen has to hold. */
export function readableLength(view: { content?: string; embeds: unknown[] }): number {
  const e = (view.embeds[0] ?? {}) as APIEmbed;
  return [view.content ?? '', e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? ''].filter(Boolean).join('\n').length;
}

export interface CaseMeasure {
  id: string;
  taps: number;
  resultChars: number;
  level: string;
}

export function measureCase(answers: unknown, id: string, region: Region = 'UK'): CaseMeasure {
  const parsed = parseAnswers(answers);
  if (!parsed.ok) throw new Error(`${id}: ${parsed.errors.join('; ')}`);
  const { taps, progress } = countTaps(answers as Record<string, unknown>);
  const outcome = evaluate(parsed.answers);
  return { id, taps, resultChars: readableLength(resultView(outcome, region, progress)), level: outcome.level };
}

export const measureVignettes = (): CaseMeasure[] => vignettes.map((v) => measureCase(v.answers, v.id));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log('case\ttaps\tresult chars\tlevel');
  for (const m of measureVignettes()) console.log(`${m.id}\t${m.taps}\t${m.resultChars}\t${m.level}`);
}
