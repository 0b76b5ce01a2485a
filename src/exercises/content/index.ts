/** Every exercise card as raw data. Load it through `src/exercises/catalogue.ts`, which validates it. */
import { CALF_AND_BALANCE_CARDS } from './calf-and-balance.js';
import { HIP_CARDS } from './hip.js';
import { LEG_CARDS } from './legs.js';
import { THIGH_CARDS } from './thigh.js';
import type { Card } from './types.js';

export * from './types.js';

export const EXERCISE_CARDS: readonly Card[] = [...HIP_CARDS, ...THIGH_CARDS, ...LEG_CARDS, ...CALF_AND_BALANCE_CARDS];
