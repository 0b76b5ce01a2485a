/**
 * Pacer's 12-week strength programme for runners: three blocks of three build weeks, each closed by an
 * easier week. The focus moves through hips, quads, hamstrings, calves and balance, one a week. Doses sit
 * inside the cards' starting doses (dose-ranges.ts) and grow from block to block.
 */
import type { Programme } from './types.js';

export const STRENGTH_PROGRAMME: Programme = {
  id: 'runner-strength-12',
  title: 'Runner strength, 12 weeks',
  howOften: 'Do the circuit on days apart (for example Monday and Thursday), not two days in a row.',
  weeks: [
    {
      week: 1,
      kind: 'build',
      focus: 'hips',
      targetSessions: 2,
      intro: 'A gentle start. Learn each move slowly; good form matters more than speed.',
      circuit: [
        { cardId: 'clamshell', sets: 2, reps: 12, perSide: true, minutes: 3 },
        { cardId: 'glute-bridge', sets: 2, reps: 10, perSide: false, minutes: 3 },
        { cardId: 'side-lying-hip-abduction', sets: 2, reps: 10, perSide: true, minutes: 3 },
        { cardId: 'calf-raise', sets: 3, reps: 15, perSide: false, minutes: 3 },
        { cardId: 'single-leg-balance', sets: 2, holdSeconds: 30, perSide: true, minutes: 2 },
      ],
    },
    {
      week: 2,
      kind: 'build',
      focus: 'quads',
      targetSessions: 2,
      intro: 'The front of the thigh takes a lot of the load when you run downhill. Pick a knee bend that feels comfortable.',
      circuit: [
        { cardId: 'wall-sit', sets: 3, holdSeconds: 20, perSide: false, minutes: 3 },
        { cardId: 'sit-to-stand', sets: 2, reps: 10, perSide: false, minutes: 3 },
        { cardId: 'step-up', sets: 2, reps: 10, perSide: true, minutes: 4 },
        { cardId: 'glute-bridge', sets: 2, reps: 12, perSide: false, minutes: 3 },
      ],
    },
    {
      week: 3,
      kind: 'build',
      focus: 'hamstrings',
      targetSessions: 2,
      intro: 'The back of the thigh helps slow the leg down at the end of every stride.',
      circuit: [
        { cardId: 'standing-hamstring-curl', sets: 2, reps: 10, perSide: true, minutes: 3 },
        { cardId: 'single-leg-bridge', sets: 2, reps: 8, perSide: true, minutes: 3 },
        { cardId: 'glute-bridge', sets: 3, reps: 10, perSide: false, minutes: 3 },
        { cardId: 'calf-raise', sets: 3, reps: 15, perSide: false, minutes: 3 },
        { cardId: 'single-leg-balance', sets: 2, holdSeconds: 30, perSide: true, minutes: 2 },
      ],
    },
    {
      week: 4,
      kind: 'easier',
      focus: 'calves',
      targetSessions: 2,
      intro: 'An easier week: a little less work, so your body can catch up with the last three weeks.',
      circuit: [
        { cardId: 'calf-raise', sets: 3, reps: 15, perSide: false, minutes: 3 },
        { cardId: 'single-leg-balance', sets: 2, holdSeconds: 30, perSide: true, minutes: 2 },
        { cardId: 'clamshell', sets: 2, reps: 10, perSide: true, minutes: 3 },
        { cardId: 'wall-sit', sets: 3, holdSeconds: 20, perSide: false, minutes: 3 },
      ],
    },
    {
      week: 5,
      kind: 'build',
      focus: 'balance',
      targetSessions: 3,
      intro: 'Running is a series of hops from one leg to the other. This week trains control on one leg.',
      circuit: [
        { cardId: 'single-leg-balance', sets: 3, holdSeconds: 30, perSide: true, minutes: 3 },
        { cardId: 'single-leg-squat', sets: 2, reps: 8, perSide: true, minutes: 4, note: 'Only as deep as you can control.' },
        { cardId: 'side-lying-hip-abduction', sets: 2, reps: 12, perSide: true, minutes: 3 },
        { cardId: 'calf-raise', sets: 3, reps: 18, perSide: false, minutes: 3 },
      ],
    },
    {
      week: 6,
      kind: 'build',
      focus: 'hips',
      targetSessions: 3,
      intro: 'Back to the hips, with more sets than in week 1.',
      circuit: [
        { cardId: 'side-lying-hip-abduction', sets: 3, reps: 12, perSide: true, minutes: 4 },
        { cardId: 'banded-crab-walk', sets: 2, reps: 12, perSide: true, minutes: 3, note: 'Steps each way.' },
        { cardId: 'single-leg-bridge', sets: 2, reps: 10, perSide: true, minutes: 3 },
        { cardId: 'clamshell', sets: 3, reps: 15, perSide: true, minutes: 4 },
      ],
    },
    {
      week: 7,
      kind: 'build',
      focus: 'quads',
      targetSessions: 3,
      intro: 'Single-leg thigh work. Keep the knee over the middle of the foot.',
      circuit: [
        { cardId: 'split-squat', sets: 2, reps: 10, perSide: true, minutes: 4 },
        { cardId: 'step-down', sets: 2, reps: 8, perSide: true, minutes: 4, note: 'Start with a low step.' },
        { cardId: 'wall-sit', sets: 3, holdSeconds: 30, perSide: false, minutes: 3 },
        { cardId: 'calf-raise', sets: 3, reps: 20, perSide: false, minutes: 3 },
      ],
    },
    {
      week: 8,
      kind: 'easier',
      focus: 'hamstrings',
      targetSessions: 2,
      intro: 'An easier week to absorb the second block. Keep it smooth and unhurried.',
      circuit: [
        { cardId: 'standing-hamstring-curl', sets: 2, reps: 10, perSide: true, minutes: 3 },
        { cardId: 'glute-bridge', sets: 2, reps: 12, perSide: false, minutes: 3 },
        { cardId: 'single-leg-balance', sets: 2, holdSeconds: 30, perSide: true, minutes: 2 },
        { cardId: 'calf-raise', sets: 3, reps: 15, perSide: false, minutes: 3 },
      ],
    },
    {
      week: 9,
      kind: 'build',
      focus: 'calves',
      targetSessions: 3,
      intro: 'Strong calves share the work of every stride. Full range: all the way up, slowly down.',
      circuit: [
        { cardId: 'calf-raise', sets: 3, reps: 20, perSide: false, minutes: 4, note: 'Try single-leg raises if double-leg feels easy.' },
        { cardId: 'single-leg-balance', sets: 3, holdSeconds: 30, perSide: true, minutes: 3 },
        { cardId: 'single-leg-romanian-deadlift', sets: 2, reps: 8, perSide: true, minutes: 4 },
        { cardId: 'step-up', sets: 3, reps: 10, perSide: true, minutes: 4 },
      ],
    },
    {
      week: 10,
      kind: 'build',
      focus: 'balance',
      targetSessions: 3,
      intro: 'More single-leg control, now with a hip hinge.',
      circuit: [
        { cardId: 'single-leg-balance', sets: 3, holdSeconds: 30, perSide: true, minutes: 3, note: 'Close your eyes for the last hold if you feel steady.' },
        { cardId: 'single-leg-romanian-deadlift', sets: 3, reps: 8, perSide: true, minutes: 4 },
        { cardId: 'single-leg-squat', sets: 3, reps: 8, perSide: true, minutes: 4 },
        { cardId: 'side-lying-hip-abduction', sets: 3, reps: 15, perSide: true, minutes: 4 },
      ],
    },
    {
      week: 11,
      kind: 'build',
      focus: 'hips',
      targetSessions: 3,
      intro: 'The hardest week of the programme. If it is too much, use the easier version on each card.',
      circuit: [
        { cardId: 'banded-crab-walk', sets: 3, reps: 12, perSide: true, minutes: 4, note: 'Steps each way.' },
        { cardId: 'single-leg-bridge', sets: 3, reps: 10, perSide: true, minutes: 4 },
        { cardId: 'clamshell', sets: 3, reps: 20, perSide: true, minutes: 4 },
        { cardId: 'wall-push', sets: 5, holdSeconds: 20, perSide: true, minutes: 4 },
      ],
    },
    {
      week: 12,
      kind: 'easier',
      focus: 'quads',
      targetSessions: 2,
      intro: 'An easier week to finish. Then the programme starts again from week 1, or carry on at your own level.',
      circuit: [
        { cardId: 'split-squat', sets: 2, reps: 10, perSide: true, minutes: 4 },
        { cardId: 'wall-sit', sets: 3, holdSeconds: 30, perSide: false, minutes: 3 },
        { cardId: 'step-up', sets: 2, reps: 10, perSide: true, minutes: 4 },
        { cardId: 'calf-raise', sets: 3, reps: 15, perSide: false, minutes: 3 },
      ],
    },
  ],
};
