import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLAG_ACTION_OF_RULE, FLAG_ACTIONS } from '../../src/symptom-check/content/actions.js';
import { REGIONS, REGION_SERVICES, type Region } from '../../src/content/regions.js';
import { parseAnswers, type Answers } from '../../src/symptom-check/answers.js';
import { evaluate, type TriageOutcome } from '../../src/symptom-check/engine.js';
import { RED_FLAG_RULES } from '../../src/symptom-check/rules.js';
import { currentScreen, emptyProgress, SLOTS, unsureOption, type Progress } from '../../src/symptom-check/progress.js';
import { CHALLENGE_PAUSE_LINE, checkView, detailsView, introView, resultView, screenView } from '../../commands/symptom-check/views.js';
import { calmAdultTaps } from '../../commands/symptom-check/taps.js';
import { checkMessageLimits } from '@pacer/discord-double/limits';
import { GATE_SCREENS } from '../../src/symptom-check/flow.js';
import { encodeTriageId } from '../../commands/symptom-check/custom-id.js';
import { menus, phoneHeight } from './phone.js';
import { answersArb, calmAnswersArb, clickThrough, mixedAnswersArb, vignettes } from './helpers.js';

type View = { content?: string; embeds: unknown[]; components: unknown[] };
interface Embed { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }

const body = (view: View) => ({ content: view.content ?? '', embeds: view.embeds, components: view.components });
const embedOf = (view: View) => view.embeds[0] as Embed;
/** Everything a member reads in the message, in order. */
const readable = (view: View) => {
  const e = embedOf(view);
  return [view.content ?? '', e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? ''].filter(Boolean);
};
/** Characters a member reads: what a phone screen has to hold. */
const length = (view: View) => readable(view).join('\n').length;
const paragraphs = (view: View) => readable(view).flatMap((t) => t.split(/\n+/)).map((p) => p.replace(/^• /, '').trim()).filter((p) => p.length > 40);

/** Emergency answers and other flags added at random to generated answers, so every rule is reached. */
const withFlagsArb: fc.Arbitrary<Answers> = fc
  .tuple(mixedAnswersArb, answersArb)
  .map(([calm, any]) => ({ ...calm, ...Object.fromEntries(Object.entries(any).filter((_, i) => i % 3 === 0)) }));
const anyOutcomeArb = fc.oneof(calmAnswersArb, mixedAnswersArb, withFlagsArb, answersArb);

const RUNS = { numRuns: 1500 };
const render = (a: Answers, region: Region, enrolled = false) => {
  const outcome = evaluate(a);
  return { outcome, view: resultView(outcome, region, emptyProgress(), { enrolledInChallenge: enrolled }) };
};

describe('symptom-check views', () => {
  it.each(REGIONS)('the intro (%s) fits Discord, gives the emergency number and how long it takes', (region) => {
    const view = introView(region, calmAdultTaps());
    expect(checkMessageLimits(body(view))).toEqual([]);
    expect(JSON.stringify(view.embeds)).toContain(`call **${REGION_SERVICES[region].emergency_number}**`);
    expect(JSON.stringify(view.embeds)).toMatch(/not saved/);
    expect(JSON.stringify(view.embeds)).toMatch(/about \d+ taps/);
  });

  it('every screen the development cases pass through fits Discord, shows "question N of about M", and lists every safety option in the text', () => {
    for (const v of vignettes) {
      const { states } = clickThrough(v.answers as Record<string, unknown>);
      for (const [n, state] of [emptyProgress(), ...states].entries()) {
        const screen = currentScreen(state);
        if (!screen) continue;
        const view = screenView(state, screen, n + 1, 11);
        expect(checkMessageLimits(body(view)), `${v.id} ${screen.id}`).toEqual([]);
        expect(embedOf(view).title).toMatch(/^Knee check · question \d+ of about \d+$/);
        const gate = GATE_SCREENS.has(screen.id) && screen.slots.every((s) => state[s.index] === 0);
        const shown = gate ? screen.slots : screen.slots.filter((s) => state[s.index] === 0).slice(0, GATE_SCREENS.has(screen.id) ? 1 : undefined);
        for (const slot of shown.filter((s) => s.question.redFlag)) {
          // Every safety option in the text itself, the fever option of Q08 included (clinical.md 0.3 item 8).
          const options = gate ? slot.options.filter((o) => !['none', 'no', 'unsure'].includes(o.id)) : slot.options;
          if (slot.kind === 'multi' || slot.options.some((o) => o.short)) for (const option of options) expect(embedOf(view).description, option.id).toContain(option.label);
          else for (const option of options) expect(JSON.stringify(view.components), option.id).toContain(option.label);
        }
        expect(menus(view), `${v.id} ${screen.id}: at most two menus`).toBeLessThanOrEqual(2);
        expect(phoneHeight(view), `${v.id} ${screen.id}: fits one phone screen`).toBeLessThanOrEqual(700);
        // Yes/no and short single-choice questions are buttons: one tap.
        for (const slot of gate ? [] : shown.filter((s) => s.kind === 'choice' || (s.kind === 'single' && s.options.length <= 10))) {
          expect(JSON.stringify(view.components), slot.prompt).toContain(`"custom_id":"${encodeTriageId(state, { kind: 'option', slot: slot.index, option: 0 })}"`);
        }
      }
    }
  });

  it('every "let\'s check" step after "not sure" fits Discord and names something concrete to try', () => {
    const unsureSlots = SLOTS.filter((slot) => unsureOption(slot) !== null);
    expect(unsureSlots.map((s) => s.question.id)).toEqual(expect.arrayContaining(['Q01_emergency_screen', 'Q05_ottawa', 'Q08_heat_redness', 'Q17_calf']));
    for (const slot of unsureSlots) {
      const view = checkView(emptyProgress(), slot, 7, (1 << slot.options.length) - 1);
      expect(checkMessageLimits(body(view)), slot.question.id).toEqual([]);
      expect(JSON.stringify(view.embeds)).toMatch(/Then answer again/);
      expect(JSON.stringify(view.components)).toContain('Still not sure');
    }
  });

  it('every reachable result fits on a phone: at most 1,200 characters, one not-a-diagnosis line, no paragraph twice', () => {
    let longest = 0;
    fc.assert(
      fc.property(anyOutcomeArb, fc.constantFrom(...REGIONS), fc.boolean(), (answers, region, enrolled) => {
        const { outcome, view } = render(answers, region, enrolled);
        const chars = length(view);
        longest = Math.max(longest, chars);
        expect(chars).toBeLessThanOrEqual(1200);
        expect(checkMessageLimits(body(view))).toEqual([]);
        expect(readable(view).join('\n').match(/not a diagnosis/g)).toHaveLength(1);
        expect(readable(view).at(-1)).toMatch(/not a diagnosis/);
        // "Why, and what helps" is offered on calm results only.
        const calm = outcome.level === 'ROUTINE' || outcome.level === 'SELF_MANAGE';
        expect(JSON.stringify(view.components).includes('Why, and what helps')).toBe(calm && (outcome.reasons.length > 0 || outcome.advice.length > 0));
        const all = [...paragraphs(view), ...(calm ? paragraphs(detailsView(outcome, emptyProgress())) : [])];
        expect(new Set(all).size).toBe(all.length);
        expect(readable(view).join(' ')).not.toMatch(/\byou have\b/i);
      }),
      RUNS,
    );
    console.log(`longest result message: ${longest} characters`);
  });

  it('EMERGENCY and URGENT results never mention weeks or doing the check again, and lead with the action', () => {
    fc.assert(
      fc.property(withFlagsArb, fc.constantFrom(...REGIONS), (answers, region) => {
        const { outcome, view } = render(answers, region);
        if (outcome.level !== 'EMERGENCY' && outcome.level !== 'URGENT') return;
        const text = readable(view).join('\n');
        expect(text).not.toMatch(/\bweeks?\b/i);
        expect(text).not.toMatch(/check again|symptom-check/i);
        const lead = FLAG_ACTIONS[outcome.actions[0]!];
        expect(embedOf(view).description!.split('\n')[0]).toContain(lead.todo.replace(/\{\w+\}.*$/, '').slice(0, 20));
        expect(JSON.stringify(view.components)).not.toContain('ex:1:card');
      }),
      RUNS,
    );
  });

  it('every red flag has its own action and time frame, shown on its card', () => {
    for (const rule of RED_FLAG_RULES.filter((r) => r.id !== 'RF_UNSURE')) {
      const action = FLAG_ACTIONS[FLAG_ACTION_OF_RULE[rule.id]!];
      expect(action.todo, rule.id).toMatch(/\S/);
      expect(action.when, rule.id).toMatch(/now|today|48 hours/i);
      expect(action.level, rule.id).toBe(rule.level);
    }
    const dvt = render({ Q01_emergency_screen: ['none'], Q00_age: 'age_40_54', Q02_onset: 'gradual', Q17_calf: ['calf_swollen_tender_or_warm'] }, 'UK').view;
    expect(embedOf(dvt).title).toBe('Get your calf checked today');
    expect(embedOf(dvt).description).toMatch(/^\*\*Get your calf checked for a blood clot today: contact NHS 111/);
    expect(readable(dvt).join('\n')).toMatch(/short of breath.*call 999/);
    const teen = render({ Q01_emergency_screen: ['none'], Q00_age: 'age_13_15', Q02_onset: 'gradual', Q19_pain_scores: { limping: 'yes' } }, 'US').view;
    expect(readable(teen).join('\n')).toMatch(/doctor today[\s\S]*weight off the leg/);
    const spine = render({ Q01_emergency_screen: ['none'], Q00_age: 'age_40_54', Q18_neuro: ['new_bladder_bowel_problems_or_saddle_numbness'] }, 'UK').view;
    expect(embedOf(spine).description).toMatch(/^\*\*Go to the emergency department now/);
    expect(readable(spine).join('\n')).not.toMatch(/put weight/);
    expect(embedOf(spine).title).toMatch(/back/);
    const lung = render({ Q01_emergency_screen: ['calf_swollen_plus_breathless'] }, 'EU').view;
    expect(embedOf(lung).description).toMatch(/^\*\*Call 112 now/);
    expect(readable(lung).join('\n')).toMatch(/Sit upright/);
    expect(readable(lung).join('\n')).not.toMatch(/put weight/);
  });

  it('"not sure" names the sign that could not be ruled out and asks the member to tell the clinician', () => {
    const { view } = render({ Q01_emergency_screen: ['none'], Q00_age: 'age_18_39', Q02_onset: 'gradual', Q06_mechanical: ['none'], Q07_swelling: 'none', Q08_heat_redness: 'no', Q16_systemic: ['none'], Q17_calf: ['unsure'], Q18_neuro: ['none'] }, 'UK');
    const text = readable(view).join('\n');
    expect(text).toMatch(/not sure about a blood clot in your calf/);
    expect(text).toMatch(/tell the health professional/i);
  });

  it('every "Why" line rests on answers the member gave', () => {
    const given = (a: Answers, q: string, item?: string): unknown => {
      const value = (a as Record<string, unknown>)[q];
      return item ? (value as Record<string, unknown> | undefined)?.[item] : value;
    };
    fc.assert(
      fc.property(anyOutcomeArb, (answers) => {
        const outcome: TriageOutcome = evaluate(answers);
        for (const reason of outcome.reasons) {
          if (reason.because.length === 0) expect(['RT09', 'AGE_UNKNOWN']).toContain(reason.rule);
          for (const e of reason.because) {
            if ('pattern' in e) {
              expect(outcome.patterns).toContain(e.pattern);
              continue;
            }
            const value = given(answers, e.q, 'item' in e ? e.item : undefined);
            expect(value, `${reason.rule}: ${e.q}`).toBeDefined();
            if ('has' in e) expect(value).toContain(e.has);
            if ('is' in e) expect(value).toBe(e.is);
            if ('oneOf' in e) expect(e.oneOf).toContain(value);
            if ('atLeast' in e) expect(value).toBeGreaterThanOrEqual(e.atLeast);
          }
        }
        // Every rule behind the level is explained.
        const explained = new Set(outcome.reasons.map((r) => r.rule));
        if (outcome.level === 'EMERGENCY' || outcome.level === 'URGENT') {
          for (const rule of outcome.rules) if (rule !== 'RF_UNSURE' && RED_FLAG_RULES.find((r) => r.id === rule)?.level === outcome.level) expect(explained).toContain(rule);
        } else for (const rule of outcome.rules) expect(explained).toContain(rule);
      }),
      RUNS,
    );
    const nightRest = evaluate({ Q01_emergency_screen: ['none'], Q00_age: 'age_40_54', Q16_systemic: ['constant_night_pain'], Q10_aggravators: ['at_rest'] });
    expect(nightRest.rules).toContain('RF19_serious_pathology');
    expect(nightRest.reasons.map((r) => r.text).join(' ')).not.toMatch(/weight|cancer/i);
  });

  it('ROUTINE time frames fit when the injury happened', () => {
    const base: Answers = { Q01_emergency_screen: ['none'], Q00_age: 'age_18_39', Q02_onset: 'injury', Q03_mechanism: 'other', Q04_injury_features: ['no_swelling'], Q06_mechanical: ['none'], Q07_swelling: 'none', Q08_heat_redness: 'no', Q16_systemic: ['none'], Q17_calf: ['none'], Q18_neuro: ['none'], Q09_location: ['front_around_or_behind_kneecap'] };
    const recent = evaluate({ ...base, Q13_duration: '1_to_2w' }).reasons.map((r) => r.text).join(' ');
    const older = evaluate({ ...base, Q13_duration: '2_to_6w' }).reasons.map((r) => r.text).join(' ');
    expect(recent).toMatch(/within about 2 weeks of the injury/);
    expect(older).not.toMatch(/within about 2 weeks of the injury/);
    expect(older).toMatch(/in the next week or two/);
  });

  it('calm results keep "Why, and what helps" one tap away, with the pattern line and card buttons up front', () => {
    const hv01 = vignettes.find((v) => v.id === 'HV01')!;
    const parsed = parseAnswers(hv01.answers);
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const outcome = evaluate(parsed.answers);
    const view = resultView(outcome, 'UK', emptyProgress());
    expect(embedOf(view).description).toMatch(/share some features with .*runner's knee/);
    expect(JSON.stringify(view.components)).toContain('Why, and what helps');
    expect(JSON.stringify(view.components).match(/ex:1:card:/g)).toHaveLength(outcome.cards.length);
    expect(readable(view).join('\n')).not.toMatch(/traffic light|Green, 0 to 3/);
    const details = detailsView(outcome, clickThrough(hv01.answers as Record<string, unknown>).progress);
    expect(JSON.stringify(details.embeds)).toMatch(/Green, 0 to 3/);
    expect(JSON.stringify(details.embeds)).toMatch(/Where it hurts: Around or behind the kneecap/);
  });

  it('URGENT and ROUTINE results mention pausing a challenge only when the member is enrolled', () => {
    const routine = { Q01_emergency_screen: ['none'], Q00_age: 'age_18_39', Q02_onset: 'gradual', Q07_swelling: 'obvious_whole_knee' } as Answers;
    const urgent = { ...routine, Q06_mechanical: ['locked_now'] } as Answers;
    const emergency = { Q01_emergency_screen: ['deformed_or_kneecap_out'] } as Answers;
    const selfManage = clickThrough(vignettes.find((v) => v.id === 'HV01')!.answers as Record<string, unknown>).progress;
    for (const answers of [routine, urgent]) {
      expect(readable(render(answers, 'UK', true).view).join('\n')).toContain(CHALLENGE_PAUSE_LINE);
      expect(readable(render(answers, 'UK').view).join('\n')).not.toContain('/challenge pause');
      // Off unless the caller says the member is enrolled.
      expect(readable(resultView(evaluate(answers), 'UK', emptyProgress())).join('\n')).not.toContain('/challenge pause');
    }
    expect(readable(render(emergency, 'UK', true).view).join('\n')).not.toContain('/challenge pause');
    const calm = (p: Progress) => resultView(evaluate(parseOk(p)), 'UK', p, { enrolledInChallenge: true });
    expect(readable(calm(selfManage)).join('\n')).not.toContain('/challenge pause');
  });

  it.each(REGIONS)('results name whom to contact in the region (%s)', (region) => {
    const { view } = render({ Q01_emergency_screen: ['deformed_or_kneecap_out'] }, region);
    expect(readable(view).join('\n')).toContain(`call ${REGION_SERVICES[region].emergency_number}`.replace('call', 'Call'));
  });
});

function parseOk(progress: Progress): Answers {
  const parsed = parseAnswers(JSON.parse(JSON.stringify(toAnswersOf(progress))));
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return parsed.answers;
}
import { toAnswers as toAnswersOf } from '../../src/symptom-check/progress.js';
