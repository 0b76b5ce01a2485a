/** The strength programme as raw data. Load it through `src/challenges/programme.ts`, which validates it. */
export * from './types.js';
export { DOSE_RANGES, FOCUS_CARDS } from './dose-ranges.js';
export { STRENGTH_PROGRAMME } from './programme.js';
