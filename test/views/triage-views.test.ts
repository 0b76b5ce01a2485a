import { describe, expect, it } from 'vitest';
import { REGIONS } from '../../src/content/regions.js';
import { parseAnswers } from '../../src/triage/answers.js';
import { evaluate } from '../../src/triage/engine.js';
import { emptyProgress, SLOTS, unsureOption } from '../../src/triage/progress.js';
import { checkView, introView, resultView, stepView } from '../../src/views/triage-views.js';
import { checkMessageLimits } from '../discord-double/limits.js';
import { vignettes } from '../triage/helpers.js';

const body = (view: { content?: string; embeds: unknown[]; components: unknown[] }) => ({ content: view.content ?? '', embeds: view.embeds, components: view.components });
const embedText = (view: { embeds: unknown[] }) => JSON.stringify(view.embeds);

describe('symptom-check views', () => {
  it.each(REGIONS)('the intro (%s) fits Discord and gives the emergency number', (region) => {
    const view = introView(region);
    expect(checkMessageLimits(body(view))).toEqual([]);
    expect(embedText(view)).toMatch(/call \*\*(999|112|911)\*\*/);
    expect(embedText(view)).toMatch(/not saved/);
  });

  it('every question step fits Discord (buttons, rows, select options, custom_id length)', () => {
    for (const slot of SLOTS) {
      const view = stepView(emptyProgress(), slot, 12);
      expect(checkMessageLimits(body(view)), slot.question.id).toEqual([]);
    }
  });

  it('every "let\'s check" step after "not sure" fits Discord and names something concrete to try', () => {
    const unsureSlots = SLOTS.filter((slot) => unsureOption(slot) !== null);
    expect(unsureSlots.map((s) => s.question.id)).toEqual(expect.arrayContaining(['Q01_emergency_screen', 'Q05_ottawa', 'Q08_heat_redness', 'Q17_calf']));
    for (const slot of unsureSlots) {
      const view = checkView(emptyProgress(), slot, 7, (1 << slot.options.length) - 1);
      expect(checkMessageLimits(body(view)), slot.question.id).toEqual([]);
      expect(embedText(view)).toMatch(/Then answer again/);
      expect(JSON.stringify(view.components)).toContain('Still not sure');
    }
  });

  for (const v of vignettes) {
    it(`${v.id}: the result card fits Discord, never says "you have", and carries the safety net`, () => {
      const parsed = parseAnswers(v.answers);
      if (!parsed.ok) throw new Error(parsed.errors.join());
      const outcome = evaluate(parsed.answers);
      const view = resultView(outcome, 'UK', emptyProgress());
      expect(checkMessageLimits(body(view))).toEqual([]);
      const text = embedText(view) + (view.content ?? '');
      expect(text).not.toMatch(/\byou have\b/i);
      expect(text).toContain('not a diagnosis');
      expect(text).toContain('Get checked sooner');
      const cardButtons = JSON.stringify(view.components).match(/ex:1:card:/g) ?? [];
      expect(cardButtons.length).toBe(outcome.cards.length);
      if (outcome.level === 'EMERGENCY' || outcome.level === 'URGENT') expect(cardButtons).toEqual([]);
    });
  }
});
