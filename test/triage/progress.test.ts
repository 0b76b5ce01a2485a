import { describe, expect, it } from 'vitest';
import { evaluate, levelRank } from '../../src/triage/engine.js';
import {
  answeredPath,
  back,
  currentSlot,
  decodeProgress,
  emptyProgress,
  encodeProgress,
  SLOTS,
  toAnswers,
  withAnswer,
  type Progress,
  type Slot,
  type SlotAnswer,
} from '../../src/triage/progress.js';
import { vignettes } from './helpers.js';

/** What a member whose answers are `answers` would click at `slot`. */
function clickFor(slot: Slot, answers: Record<string, unknown>): SlotAnswer {
  const raw = slot.item ? (answers[slot.question.id] as Record<string, unknown> | null | undefined)?.[slot.item.key] : answers[slot.question.id];
  const ids = slot.options.map((o) => o.id);
  if (raw === undefined || raw === null) {
    if (slot.skippable) return { skip: true };
    // A safety question the case leaves out: the member answers "none" or "no".
    const fallback = ['none', 'no'].map((id) => ids.indexOf(id)).find((i) => i >= 0)!;
    return slot.kind === 'multi' ? { options: [fallback] } : { option: fallback };
  }
  if (Array.isArray(raw)) return { options: raw.map((id) => ids.indexOf(String(id))) };
  return { option: typeof raw === 'string' || typeof raw === 'number' ? ids.indexOf(String(raw)) : -1 };
}

function walk(answers: Record<string, unknown>): { progress: Progress; steps: number } {
  let progress = emptyProgress();
  let steps = 0;
  for (let slot = currentSlot(progress); slot; slot = currentSlot(progress)) {
    progress = withAnswer(progress, slot, clickFor(slot, answers));
    // Every state the flow passes through must survive the trip through a custom_id.
    expect(decodeProgress(encodeProgress(progress))).toEqual(progress);
    steps += 1;
    expect(steps).toBeLessThan(40);
  }
  return { progress, steps };
}

describe('symptom-check progress (the state carried in custom_id)', () => {
  for (const v of vignettes) {
    it(`${v.id}: clicking through the flow reaches an acceptable level, never below the expected one`, () => {
      const { progress } = walk(v.answers as Record<string, unknown>);
      const outcome = evaluate(toAnswers(progress));
      expect(v.expected.acceptable_levels).toContain(outcome.level);
      expect(levelRank(outcome.level)).toBeGreaterThanOrEqual(levelRank(v.expected.level));
      if (v.expected.must_not_show_cards) expect(outcome.cards).toEqual([]);
    });
  }

  it('ends the flow at the first question when an emergency is ticked', () => {
    const first = currentSlot(emptyProgress())!;
    expect(first.question.id).toBe('Q01_emergency_screen');
    const deformed = first.options.findIndex((o) => o.id === 'deformed_or_kneecap_out');
    const progress = withAnswer(emptyProgress(), first, { options: [deformed] });
    expect(currentSlot(progress)).toBeNull();
    expect(evaluate(toAnswers(progress)).level).toBe('EMERGENCY');
  });

  it('packs the longest possible state into a short custom_id part', () => {
    const everything = SLOTS.map((s) => Number(s.radix) - 1);
    expect(encodeProgress(everything).length).toBeLessThanOrEqual(24);
  });

  it('goes back one answer at a time, in the order they were given', () => {
    const { progress, steps } = walk(vignettes[0]!.answers as Record<string, unknown>);
    const path = answeredPath(progress);
    expect(path).toHaveLength(steps);
    const oneBack = back(progress);
    expect(currentSlot(oneBack)).toEqual(path.at(-1));
    expect(answeredPath(oneBack)).toHaveLength(steps - 1);
  });

  it('rejects states the flow could not have produced', () => {
    const ageSlot = SLOTS.find((s) => s.question.id === 'Q00_age')!;
    // An age answer without the safety screen before it.
    const forged = emptyProgress().map((v, i) => (i === ageSlot.index ? 3 : v));
    expect(decodeProgress(encodeProgress(forged))).toBeNull();
    expect(decodeProgress('not-base62!')).toBeNull();
    expect(decodeProgress('z'.repeat(40))).toBeNull();
  });

  it('never lets a safety question be skipped', () => {
    const first = currentSlot(emptyProgress())!;
    expect(first.skippable).toBe(false);
    expect(() => withAnswer(emptyProgress(), first, { skip: true })).toThrow();
  });

  it('still asks the Ottawa checks after an injury when the member skips how long ago it was', () => {
    const answers = { Q01_emergency_screen: ['none'], Q00_age: 'age_18_39', Q02_onset: 'injury' };
    let progress = emptyProgress();
    for (let slot = currentSlot(progress); slot && slot.question.id !== 'Q05_ottawa'; slot = currentSlot(progress)) {
      progress = withAnswer(progress, slot, slot.question.id === 'Q13_duration' ? { skip: true } : clickFor(slot, answers));
    }
    expect(currentSlot(progress)?.question.id).toBe('Q05_ottawa');
  });
});
