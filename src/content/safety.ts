/**
 * Safety text that travels with every health message: the pain rule for exercise and running
 * (a traffic light, from the pain-monitoring model) and the net on each exercise card.
 */
export const NOT_A_DIAGNOSIS = 'This is not a diagnosis. Only a health professional who examines your knee can tell what is going on.';

export const PAIN_RULE = {
  title: 'The pain rule (a traffic light)',
  green: 'Green, 0 to 3 out of 10 while you exercise or run, and settled by the next morning: carry on, and build up slowly.',
  amber: 'Amber, 4 or 5 out of 10, or a bit sore the next morning but fine by midday: keep the same amount, do not add more yet.',
  red: 'Red, more than 5 out of 10, sharp pain, limping, swelling, or worse the next day: do less (about half, or go back a step). If this keeps happening, book a check with a physio or doctor.',
} as const;

export function painRuleText(): string {
  return [PAIN_RULE.green, PAIN_RULE.amber, PAIN_RULE.red].join('\n');
}

export const CARD_SAFETY_NET =
  'Stop and get advice if the exercise gives you sharp pain, your knee swells, locks or gives way, or the pain is worse the next day and keeps getting worse. ' +
  'This card is general information, not a treatment plan for you.';
