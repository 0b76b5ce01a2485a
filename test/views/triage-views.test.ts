import { describe, expect, it } from 'vitest';
import { REGIONS } from '../../src/content/regions.js';
import { parseAnswers } from '../../src/triage/answers.js';
import { evaluate } from '../../src/triage/engine.js';
import { emptyProgress, SLOTS } from '../../src/triage/progress.js';
import { introView, resultView, stepView } from '../../src/views/triage-views.js';
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
