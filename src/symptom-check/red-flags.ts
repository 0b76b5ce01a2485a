import { RED_FLAG_RULES } from './rules.js';
import type { Answers } from './answers.js';
import { levelRank, type RedFlagLevel } from './levels.js';

export interface FiredRedFlag {
  id: string;
  level: RedFlagLevel;
}

/** Every red flag that fires, once per id at its highest level, in rule order. */
export function firedRedFlags(a: Answers): FiredRedFlag[] {
  const fired = new Map<string, RedFlagLevel>();
  for (const rule of RED_FLAG_RULES) {
    const previous = fired.get(rule.id);
    if (previous !== undefined && levelRank(previous) >= levelRank(rule.level)) continue;
    if (rule.when(a, new Set(fired.keys()))) fired.set(rule.id, rule.level);
  }
  return [...fired].map(([id, level]) => ({ id, level }));
}

export function highestRedFlagLevel(flags: readonly FiredRedFlag[]): RedFlagLevel | null {
  if (flags.some((f) => f.level === 'EMERGENCY')) return 'EMERGENCY';
  return flags.length > 0 ? 'URGENT' : null;
}
