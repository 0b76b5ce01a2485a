import { describe, expect, it } from 'vitest';
import { STRENGTH_PROGRAMME, type Programme } from '../../src/challenges/content/index.js';
import { circuitMinutes, doseText, FOCI, loadProgramme, nextProgrammeWeek, programme, programmeWeek, ProgrammeError } from '../../src/challenges/programme.js';
import { getCard } from '../../src/exercises/catalogue.js';

/** A deep copy of the real programme with one change applied. */
function changed(edit: (draft: Programme) => void): Programme {
  const draft = structuredClone<Programme>(STRENGTH_PROGRAMME);
  edit(draft);
  return draft;
}

function problemsOf(raw: unknown): string[] {
  try {
    loadProgramme(raw);
  } catch (error) {
    if (error instanceof ProgrammeError) return error.problems;
    throw error;
  }
  return [];
}

describe('the 12-week strength programme', () => {
  it('is valid as shipped', () => {
    expect(problemsOf(STRENGTH_PROGRAMME)).toEqual([]);
    expect(programme().weeks).toHaveLength(12);
  });

  it('uses only catalogue cards, 10 to 20 minutes a week, with a target of 2 or 3 sessions', () => {
    for (const week of programme().weeks) {
      for (const item of week.circuit) expect(getCard(item.cardId), item.cardId).toBeDefined();
      expect(circuitMinutes(week)).toBeGreaterThanOrEqual(10);
      expect(circuitMinutes(week)).toBeLessThanOrEqual(20);
      expect([2, 3]).toContain(week.targetSessions);
    }
  });

  it('builds for three weeks, then eases, three times; the focus rotates', () => {
    expect(programme().weeks.map((w) => w.kind)).toEqual([
      ...['build', 'build', 'build', 'easier'],
      ...['build', 'build', 'build', 'easier'],
      ...['build', 'build', 'build', 'easier'],
    ]);
    expect(programme().weeks.map((w) => w.focus)).toEqual(Array.from({ length: 12 }, (_, i) => FOCI[i % 5]));
  });

  it('moves one week at a time and starts again after week 12', () => {
    expect(nextProgrammeWeek(1)).toBe(2);
    expect(nextProgrammeWeek(12)).toBe(1);
    expect(programmeWeek(13).week).toBe(1);
  });

  it('writes doses in plain words', () => {
    expect(doseText({ cardId: 'clamshell', sets: 2, reps: 12, perSide: true, minutes: 3 })).toBe('2 sets of 12 on each side');
    expect(doseText({ cardId: 'wall-sit', sets: 3, holdSeconds: 20, perSide: false, minutes: 3 })).toBe('3 holds of 20 seconds');
  });

  describe('refuses a programme that', () => {
    it('names a card that is not in the catalogue', () => {
      const bad = changed((p) => ((p.weeks[0]!.circuit[1]! as { cardId: string }).cardId = 'burpee'));
      expect(problemsOf(bad).join('\n')).toMatch(/cardId/);
    });

    it('doses outside the card (too many reps)', () => {
      const bad = changed((p) => (p.weeks[0]!.circuit[0]!.reps = 40));
      expect(problemsOf(bad)).toContain('week 1: clamshell reps must be 10 to 20');
    });

    it('breaks the focus rotation', () => {
      const bad = changed((p) => (p.weeks[1]!.focus = 'hips'));
      expect(problemsOf(bad).join('\n')).toMatch(/week 2: focus is hips, the rotation asks for quads/);
    });

    it('opens a week with a card outside its focus', () => {
      const bad = changed((p) => p.weeks[0]!.circuit.reverse());
      expect(problemsOf(bad).join('\n')).toMatch(/week 1: opens with single-leg-balance, which is not a hips exercise/);
    });

    it('asks for less in a later build week', () => {
      // Week 6's clamshell down to 2 x 10 = 20, below week 1's 2 x 12 = 24.
      const bad = changed((p) => Object.assign(p.weeks[5]!.circuit[3]!, { sets: 2, reps: 10 }));
      expect(problemsOf(bad).join('\n')).toMatch(/week 6: clamshell asks for less \(20\) than an earlier build week \(24\)/);
    });

    it('has an easier week that is not easier', () => {
      const bad = changed((p) => {
        p.weeks[3]!.circuit.push({ cardId: 'step-up', sets: 2, reps: 10, perSide: true, minutes: 4 });
      });
      expect(problemsOf(bad).join('\n')).toMatch(/week 4: an easier week must be shorter than week 3/);
    });

    it('runs over 20 minutes, or has the wrong target', () => {
      const bad = changed((p) => {
        p.weeks[10]!.circuit[0]!.minutes = 9;
        p.weeks[0]!.targetSessions = 5;
      });
      const problems = problemsOf(bad).join('\n');
      expect(problems).toMatch(/week 11: circuit takes 21 minutes/);
      expect(problems).toMatch(/week 1: target must be 2 or 3 sessions/);
    });

    it('does not end with an easier week, or has the wrong number of weeks', () => {
      const bad = changed((p) => p.weeks.pop());
      const problems = problemsOf(bad).join('\n');
      expect(problems).toMatch(/11 weeks, not 12/);
      expect(problems).toMatch(/must end with an easier week/);
    });
  });
});
