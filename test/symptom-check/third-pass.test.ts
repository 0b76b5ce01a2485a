/** clinical.md 0.3: the properties a clinician reads the third pass by, and one case per new rule. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BODY_PARTS, FLAG_ACTION_OF_RULE, FLAG_ACTIONS, FLAG_NAMES } from '../../src/symptom-check/content/actions.js';
import { REGIONS, REGION_SERVICES } from '../../src/content/regions.js';
import { parseAnswers, type Answers } from '../../src/symptom-check/answers.js';
import { evaluate } from '../../src/symptom-check/engine.js';
import { currentScreen, emptyProgress, SLOTS } from '../../src/symptom-check/progress.js';
import { resultView, screenView } from '../../commands/symptom-check/views.js';
import { answersArb, calmAdult, calmAnswersArb, mixedAnswersArb, recentInjury } from './helpers.js';

const RUNS = { numRuns: 1500 };
const anyArb = fc.oneof(calmAnswersArb, mixedAnswersArb, answersArb);
type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } };
const text = (e: Embed) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? ''].join('\n');
const partsIn = (title: string) => BODY_PARTS.filter((p) => new RegExp(`\\b${p}\\b`, 'i').test(title));
const FLAG_NAME = new Map(FLAG_NAMES);

describe('clinical.md 0.3 properties', () => {
  it("no title names a part of the body other than its deciding flag's", () => {
    fc.assert(
      fc.property(anyArb, fc.constantFrom(...REGIONS), (a, region) => {
        const outcome = evaluate(a);
        if (outcome.level !== 'EMERGENCY' && outcome.level !== 'URGENT') return;
        const title = (resultView(outcome, region, emptyProgress()).embeds[0] as Embed).title!;
        const action = FLAG_ACTIONS[outcome.actions[0]!];
        for (const part of partsIn(title)) expect(action.parts, `${title} (${outcome.lead})`).toContain(part);
        if (outcome.lead && outcome.lead !== 'RF_UNSURE') expect(outcome.actions[0]).toBe(FLAG_ACTION_OF_RULE[outcome.lead]);
      }),
      RUNS,
    );
  });

  it('when several flags match, the card names every one of them', () => {
    fc.assert(
      fc.property(anyArb, (a) => {
        const outcome = evaluate(a);
        if (outcome.level !== 'EMERGENCY' && outcome.level !== 'URGENT') return;
        const card = text(resultView(outcome, 'UK', emptyProgress()).embeds[0] as Embed);
        expect(card).not.toMatch(/more warning sign/);
        for (const rule of outcome.rules.filter((r) => r !== 'RF_UNSURE' && r !== outcome.lead)) {
          const name = FLAG_NAME.get(rule)!;
          const leadName = outcome.lead ? FLAG_NAME.get(outcome.lead) : undefined;
          if (name !== leadName) expect(card, rule).toContain(name);
        }
      }),
      RUNS,
    );
  });

  it('every result for an under-18 carries the same-day line for a limp or hip, groin or thigh pain', () => {
    const young = fc.tuple(anyArb, fc.constantFrom('age_under_13', 'age_13_15', 'age_16_17'));
    fc.assert(
      fc.property(young, fc.constantFrom(...REGIONS), ([a, age], region) => {
        const outcome = evaluate({ ...a, Q00_age: age });
        const card = text(resultView(outcome, region, emptyProgress()).embeds[0] as Embed);
        if (outcome.lead === 'RF20_child_hip_or_limp') expect(card).toMatch(/See a doctor today/);
        else expect(card).toContain('a new limp, or pain in the hip, groin or thigh, means seeing a doctor the same day');
      }),
      RUNS,
    );
  });

  it('age has no Skip, and says why', () => {
    const age = SLOTS.find((s) => s.question.id === 'Q00_age')!;
    expect(age.skippable).toBe(false);
    let progress = emptyProgress();
    progress = progress.map((v, i) => (i === SLOTS.find((s) => s.question.id === 'Q01_emergency_screen')!.index ? 2 + (1 << 8) : v));
    const screen = currentScreen(progress)!;
    expect(screen.id).toBe('age');
    const view = screenView(progress, screen, 2, 20);
    expect(JSON.stringify(view.components)).not.toMatch(/"label":"Skip/);
    expect(JSON.stringify(view.embeds)).toMatch(/age changes which warning signs matter/);
  });

  it('each region shows only its own numbers, and "GP" only in UK, IE, AU and NZ', () => {
    const others = (region: (typeof REGIONS)[number]) =>
      REGIONS.filter((r) => r !== region).flatMap((r) => REGION_SERVICES[r].numbers).filter((n) => !REGION_SERVICES[region].numbers.includes(n));
    fc.assert(
      fc.property(anyArb, fc.constantFrom(...REGIONS), fc.boolean(), (a, region, enrolled) => {
        const card = text(resultView(evaluate(a), region, emptyProgress(), { enrolledInChallenge: enrolled }).embeds[0] as Embed);
        if (!['UK', 'IE', 'AU', 'NZ'].includes(region)) expect(card).not.toMatch(/\bGP\b/);
        for (const n of others(region)) expect(card, `${region} shows ${n}`).not.toMatch(new RegExp(`(^|[^0-9])${n}([^0-9]|$)`));
        expect(card).toContain(REGION_SERVICES[region].emergency_number.split(' ')[0]!);
      }),
      RUNS,
    );
  });
});

describe('clinical.md 0.3 rules, one case each', () => {
  const adult = calmAdult();
  it('the calf clot card is about the calf, and a kneecap that moved is named beside a more urgent flag', () => {
    const dvt = resultView(evaluate({ ...adult, Q17_calf: ['calf_swollen_tender_or_warm'] }), 'US', emptyProgress()).embeds[0] as Embed;
    expect(dvt.title).toBe('Get your calf checked today');
    const both = evaluate({ ...recentInjury(), Q04_injury_features: ['kneecap_shifted_then_went_back'], Q01_emergency_screen: ['cannot_straighten_or_lift_leg_after_injury'] });
    expect(both.level).toBe('EMERGENCY');
    expect(text(resultView(both, 'UK', emptyProgress()).embeds[0] as Embed)).toContain('kneecap moved out of place');
  });

  it('a fall onto the kneecap 8 days ago with a sore kneecap bone gets an X-ray within days, not ROUTINE', () => {
    const fall: Answers = { ...recentInjury(), Q13_duration: '1_to_2w', Q03_mechanism: 'fall_or_blow_onto_knee', Q05_ottawa: { can_take_4_steps_now: 'yes', can_bend_to_right_angle: 'no', sore_on_kneecap_bone_only: 'yes', sore_on_outer_bony_bump_below_knee: 'no' } };
    const outcome = evaluate(fall);
    expect(outcome).toMatchObject({ level: 'URGENT', lead: 'RF10_ottawa_second_week', patterns: [] });
    expect((resultView(outcome, 'UK', emptyProgress()).embeds[0] as Embed).title).toMatch(/X-ray/);
    // A twist in the second week: the Ottawa items are not asked, as before.
    const twist = { ...fall, Q03_mechanism: 'twist_foot_planted' as const };
    expect(evaluate(twist).rules).not.toContain('RF10_ottawa_second_week');
  });

  it('groin pain with pinpointed knee pain names no knee pattern (RT16); the old hip option is read as groin', () => {
    const parsed = parseAnswers({ ...adult, Q09_location: ['front_around_or_behind_kneecap', 'also_hip_groin_or_thigh'], Q13_duration: 'under_2w' });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    expect(parsed.answers.Q09_location).toEqual(['front_around_or_behind_kneecap', 'also_groin_or_front_of_hip']);
    expect(evaluate(parsed.answers)).toMatchObject({ level: 'ROUTINE', patterns: [], cards: [] });
  });

  it('a teenager with a limp and thigh pain who gave no age still gets the same-day hip card', () => {
    const { Q00_age: _age, ...noAge } = adult;
    const outcome = evaluate({ ...noAge, Q09_location: ['also_outside_of_thigh_or_hip'], Q19_pain_scores: { limping: 'yes' } });
    expect(outcome.level).toBe('URGENT');
    expect(outcome.lead).toBe('RF20_child_hip_or_limp');
    expect(evaluate(noAge).patterns).toEqual([]);
  });
});
