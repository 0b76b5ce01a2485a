import { describe, expect, it } from 'vitest';
import { evaluate, levelRank } from '../../src/symptom-check/engine.js';
import {
  answeredScreens,
  back,
  currentScreen,
  currentSlot,
  decodeProgress,
  emptyProgress,
  encodeProgress,
  SLOTS,
  toAnswers,
  withAnswer,
} from '../../src/symptom-check/progress.js';
import { CALM_ADULT, calmAdultTaps, countTaps } from '../../commands/symptom-check/taps.js';
import { introView } from '../../commands/symptom-check/views.js';
import { clickThrough, vignettes } from './helpers.js';

describe('symptom-check progress (the state carried in custom_id)', () => {
  const runs = vignettes.map((v) => ({ v, run: clickThrough(v.answers as Record<string, unknown>) }));

  for (const { v, run } of runs) {
    it(`${v.id}: clicking through the screens reaches an acceptable level, never below the expected one`, () => {
      for (const state of run.states) expect(decodeProgress(encodeProgress(state))).toEqual(state);
      const outcome = evaluate(toAnswers(run.progress));
      expect(v.expected.acceptable_levels).toContain(outcome.level);
      expect(levelRank(outcome.level)).toBeGreaterThanOrEqual(levelRank(v.expected.level));
      if (v.expected.must_not_show_cards) expect(outcome.cards).toEqual([]);
    });
  }

  it('a calm adult finishes in about 25 taps as a person counts them, and the intro promises what they tap', () => {
    const calm = countTaps(CALM_ADULT);
    expect(calm.taps).toBeLessThanOrEqual(25);
    expect(calmAdultTaps()).toBe(calm.taps);
    expect(JSON.stringify(introView('UK', calmAdultTaps()).embeds)).toContain(`about ${calm.taps} taps`);
    // Every development case takes fewer taps than the second pass's calm runner (about 55).
    for (const v of vignettes) expect(countTaps(v.answers as Record<string, unknown>).taps, v.id).toBeLessThanOrEqual(40);
  });

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
    expect(encodeProgress(everything).length).toBeLessThanOrEqual(30);
  });

  it('goes back one screen at a time', () => {
    const { progress } = clickThrough(vignettes[0]!.answers as Record<string, unknown>);
    const screens = answeredScreens(progress);
    const reopened = back(progress);
    expect(currentScreen(reopened)?.id).toBe(screens.at(-1)!.id);
    const earlier = back(reopened);
    expect(currentScreen(earlier)?.id).toBe(screens.at(-2)!.id);
    expect(answeredScreens(earlier)).toHaveLength(screens.length - 2);
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

  it('asks the Ottawa checks only for an injury less than a week ago (or when how long ago is skipped)', () => {
    const reach = (duration: string | null) => {
      const answers: Record<string, unknown> = { Q01_emergency_screen: ['none'], Q00_age: 'age_18_39', Q02_onset: 'injury', Q03_mechanism: 'other', Q04_injury_features: ['no_swelling'] };
      if (duration) answers.Q13_duration = duration;
      const ids = new Set<string>();
      let progress = emptyProgress();
      for (let slot = currentSlot(progress); slot && ids.size < 40; slot = currentSlot(progress)) {
        ids.add(slot.question.id);
        if (slot.question.id === 'Q05_ottawa' || slot.question.id === 'Q06_mechanical') break;
        const raw = answers[slot.question.id];
        const index = slot.options.findIndex((o) => (Array.isArray(raw) ? raw.includes(o.id) : o.id === raw));
        progress = withAnswer(progress, slot, raw === undefined ? { skip: true } : slot.kind === 'multi' ? { options: [index] } : { option: index });
      }
      return ids.has('Q05_ottawa');
    };
    expect(reach('under_1w')).toBe(true);
    expect(reach(null)).toBe(true);
    expect(reach('1_to_2w')).toBe(false);
    expect(reach('2_to_6w')).toBe(false);
  });

  it('shows the four Ottawa items, the four pain items, and trajectory with its follow-up each on one screen', () => {
    const screenOfQuestion = (id: string) => {
      const v = vignettes.find((c) => (c.answers as Record<string, unknown>)[id] !== undefined && (c.answers as Record<string, unknown>)[id] !== null)!;
      const { states } = clickThrough(v.answers as Record<string, unknown>);
      for (const state of [emptyProgress(), ...states]) {
        const screen = currentScreen(state);
        if (screen?.slots.some((s) => s.question.id === id)) return screen.slots.filter((s) => s.question.id === id).length;
      }
      return 0;
    };
    expect(screenOfQuestion('Q05_ottawa')).toBe(4);
    expect(screenOfQuestion('Q19_pain_scores')).toBe(4);
    expect(screenOfQuestion('Q14_trajectory')).toBe(2);
  });
});
