/**
 * What to try when someone answers "not sure" to a safety question (rule RF-UNSURE): one concrete check
 * they can do now, before answering again. If they still cannot tell, "not sure" stands and the check
 * treats the warning sign as not ruled out.
 */
import type { QuestionId } from './answer-options.js';

export const UNSURE_CHECKS: Partial<Record<QuestionId, string>> = {
  Q01_emergency_screen:
    'Please check what you safely can. Look at both knees side by side. If you hurt it in a fall or twist, hold on to something steady and try 4 steps. ' +
    'If you feel hot or shivery, take your temperature if you have a thermometer. Then answer again.',
  Q06_mechanical:
    'Sit with your leg out in front and try to straighten the knee all the way, gently. Then walk a few steps and notice whether it clicks, catches or gives way. Then answer again.',
  Q08_heat_redness:
    'Lay the back of your hand on the sore knee, then on the other knee. Is the sore one warmer, or redder? Take your temperature if you have a thermometer. Then answer again.',
  Q16_systemic:
    'Take your temperature if you can, and think back over the last few weeks: weight loss you cannot explain, pain every night, or other joints swelling. Then answer again.',
  Q17_calf:
    'Look at both calves side by side. Is one more swollen, sore when you squeeze it gently, or warmer? Have you felt short of breath or had chest pain? Then answer again.',
  Q18_neuro:
    'Touch the top and the sole of each foot: do they feel the same? Try walking a few steps on your heels, then on your toes. Then answer again.',
};

export const UNSURE_ITEM_CHECKS: Record<string, string> = {
  can_take_4_steps_now: 'Hold on to something steady, like a wall or a chair, and try to take 4 steps. A limp is fine. Then answer again.',
  can_bend_to_right_angle: 'Sit on a chair and slowly let the knee bend, without forcing it. Can it reach an L shape? Then answer again.',
  sore_on_kneecap_bone_only: 'Press gently with two fingers on the kneecap bone, then on the skin around it. Where is it sore? Then answer again.',
  sore_on_outer_bony_bump_below_knee:
    'Find the small bony bump on the outside of your leg, just below the knee, and press it gently. Is it sore? Then answer again.',
};

export const STILL_UNSURE_NOTE =
  'If you still cannot tell, choose "Still not sure". The check will then treat this warning sign as not ruled out, to be safe.';
