/**
 * Short routines (about 5 to 15 minutes) for `/exercise routine`, built from the first-stage
 * card sets in src/symptom-check/content/card-sets.ts.
 */
import { ROUTINE_CONDITION_LABELS, type RoutineCondition } from '../content/conditions.js';
import type { ExerciseId } from './content/ids.js';
import { CARD_SAFETY_NET, PAIN_RULE, painRuleText } from '../content/safety.js';
import { getCard } from './catalogue.js';

export const MIN_ROUTINE_MINUTES = 5;
export const MAX_ROUTINE_MINUTES = 15;

export interface RoutineItem {
  cardId: ExerciseId;
  name: string;
  /** The dose for this session, which may be lighter than the card's full starting dose. */
  dose: string;
  minutes: number;
  note?: string;
}

export interface Routine {
  condition: RoutineCondition;
  title: string;
  intro: string;
  timesPerWeek: string;
  items: RoutineItem[];
  totalMinutes: number;
  painRule: { title: string; text: string };
  safetyNet: string;
}

/** Omitted dose and minutes fall back to the card's own starting dose. */
interface PlannedItem {
  cardId: ExerciseId;
  dose?: string;
  minutes?: number;
  note?: string;
}

interface RoutinePlan {
  intro: string;
  timesPerWeek: string;
  items: PlannedItem[];
}

const TWO_BALANCE_HOLDS: PlannedItem = { cardId: 'single-leg-balance', dose: '2 holds of 30 seconds on each leg', minutes: 2 };

const PLANS: Record<RoutineCondition, RoutinePlan> = {
  PFP: {
    intro:
      'A gentle starter set for pain around the kneecap. It works the hips and thighs with very little knee bending, ' +
      'which suits the first couple of weeks while the knee is easily stirred up.',
    timesPerWeek: '3 or 4 times a week',
    items: [
      { cardId: 'wall-push' },
      { cardId: 'clamshell', dose: '2 sets of 10 on each side', minutes: 3 },
      { cardId: 'glute-bridge' },
      { cardId: 'straight-leg-raise', dose: '10 quad sets of 5 seconds, then 1 set of 10 raises on each side', minutes: 3, note: 'A good swap on days when squats hurt.' },
      TWO_BALANCE_HOLDS,
    ],
  },
  ITBS: {
    intro:
      'A starter set for pain on the outside of the knee. It builds the side-of-hip muscles, which is the main exercise advice for this kind of pain, ' +
      'and ends with an optional stretch for comfort.',
    timesPerWeek: '3 or 4 times a week',
    items: [
      { cardId: 'wall-push' },
      { cardId: 'side-lying-hip-abduction', dose: '2 sets of 10 on each side', minutes: 3 },
      { cardId: 'clamshell', dose: '2 sets of 10 on each side', minutes: 3 },
      TWO_BALANCE_HOLDS,
      { cardId: 'it-band-stretch', note: 'For comfort only; the strength work matters more.' },
    ],
  },
  PES_ANSERINE: {
    intro:
      'A calm starter set for pain on the inner knee just below the joint. It strengthens the thigh and hip without pressing on the sore spot. ' +
      'Heavy inner-thigh exercises, such as the long-lever Copenhagen plank, are left out for now.',
    timesPerWeek: '3 times a week',
    items: [
      { cardId: 'straight-leg-raise', dose: '10 quad sets of 5 seconds, then 2 sets of 10 raises on each side', minutes: 4 },
      { cardId: 'glute-bridge' },
      { cardId: 'side-lying-hip-abduction', dose: '2 sets of 10 on each side', minutes: 3 },
      { cardId: 'standing-hamstring-curl', dose: '3 slow curls on each leg, holding 5 seconds at the top', minutes: 2, note: 'Keep it gentle at first.' },
    ],
  },
  PATELLAR_TENDINOPATHY: {
    intro:
      'A starter set for pain in the tendon just below the kneecap. Long still holds load the tendon in a way most people find comfortable, ' +
      'and hip work keeps the rest of the leg strong. Cut back on jumping and hills for now rather than stopping everything.',
    timesPerWeek: 'The holds most days while it is painful; the hip work 3 times a week',
    items: [
      {
        cardId: 'isometric-knee-extension',
        dose: '5 holds of 30 seconds, resting about 2 minutes between holds',
        note: 'With a belt and a solid anchor, Spanish squat holds can be used instead.',
      },
      { cardId: 'side-lying-hip-abduction', dose: '2 sets of 10 on each side', minutes: 3 },
    ],
  },
  KNEE_OA: {
    intro:
      'A starter set for knees with arthritis. Strong thigh and hip muscles are one of the best-supported ways to ease arthritis pain, ' +
      'and staying active is better for the knee than resting it.',
    timesPerWeek: '3 times a week',
    items: [
      { cardId: 'straight-leg-raise', dose: '10 quad sets of 5 seconds, then 1 set of 10 raises on each side', minutes: 3 },
      { cardId: 'sit-to-stand', dose: '2 sets of 8 to 10', minutes: 3 },
      { cardId: 'glute-bridge' },
      TWO_BALANCE_HOLDS,
    ],
  },
  GENERAL: {
    intro:
      'A short strength set for any runner: single-leg hip strength, whole-leg strength and calves. ' +
      'Do it on days apart, and add a little only when the last session felt easy.',
    timesPerWeek: '2 or 3 times a week, on days apart',
    items: [
      { cardId: 'single-leg-bridge', dose: '2 sets of 10 on each side', minutes: 3 },
      { cardId: 'split-squat', dose: '2 sets of 10 on each side', minutes: 4 },
      { cardId: 'side-lying-hip-abduction', dose: '2 sets of 12 on each side', minutes: 3 },
      { cardId: 'calf-raise', dose: '2 sets of 15 with straight knees, then 1 set of 15 with bent knees', minutes: 3 },
    ],
  },
};

function toItem(planned: PlannedItem, condition: RoutineCondition): RoutineItem {
  const card = getCard(planned.cardId);
  if (card === undefined) throw new Error(`Routine ${condition} uses unknown card "${planned.cardId}"`);
  if (!card.conditions.includes(condition)) throw new Error(`Routine ${condition} uses ${card.id}, which does not list ${condition}`);
  const item: RoutineItem = { cardId: card.id, name: card.name, dose: planned.dose ?? card.dose.amount, minutes: planned.minutes ?? card.dose.minutes };
  if (planned.note !== undefined) item.note = planned.note;
  return item;
}

export function buildRoutine(condition: RoutineCondition): Routine {
  const plan = PLANS[condition];
  const items = plan.items.map((planned) => toItem(planned, condition));
  const totalMinutes = items.reduce((sum, item) => sum + item.minutes, 0);
  return {
    condition,
    title: `${ROUTINE_CONDITION_LABELS[condition]} routine (about ${totalMinutes} minutes)`,
    intro: plan.intro,
    timesPerWeek: plan.timesPerWeek,
    items,
    totalMinutes,
    painRule: { title: PAIN_RULE.title, text: painRuleText() },
    safetyNet: CARD_SAFETY_NET,
  };
}
