import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROUTINE_CONDITIONS } from '../../src/content/conditions.js';
import { EXERCISE_IDS } from '../../src/exercises/content/ids.js';
import { AREAS } from '../../src/exercises/content/index.js';
import { MAX_CUSTOM_ID_LENGTH } from '../../src/platform/codec.js';
import { decodeExerciseId, encodeExerciseId, MAX_LIST_PAGE, type ExerciseAction } from '../../commands/exercises/custom-id.js';

const actionArb: fc.Arbitrary<ExerciseAction> = fc.oneof(
  fc.constantFrom(...EXERCISE_IDS).map((cardId): ExerciseAction => ({ kind: 'card', cardId })),
  fc.constantFrom(...EXERCISE_IDS).map((cardId): ExerciseAction => ({ kind: 'share', cardId })),
  fc.constant<ExerciseAction>({ kind: 'pick' }),
  fc
    .record({
      page: fc.integer({ min: 0, max: MAX_LIST_PAGE }),
      condition: fc.option(fc.constantFrom(...ROUTINE_CONDITIONS), { nil: null }),
      area: fc.option(fc.constantFrom(...AREAS), { nil: null }),
    })
    .map((list): ExerciseAction => ({ kind: 'list', ...list })),
);

describe('the ex custom_id codec', () => {
  it('reads back every id it writes, and every id fits in Discord\'s 100 characters', () => {
    fc.assert(
      fc.property(actionArb, (action) => {
        const id = encodeExerciseId(action);
        expect(id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID_LENGTH);
        expect(decodeExerciseId(id)).toEqual(action);
      }),
    );
  });

  it('keeps the wire format of ids already on posted messages', () => {
    expect(encodeExerciseId({ kind: 'card', cardId: 'glute-bridge' })).toBe('ex:1:card:glute-bridge');
    expect(encodeExerciseId({ kind: 'pick' })).toBe('ex:1:pick');
    expect(encodeExerciseId({ kind: 'share', cardId: 'clamshell' })).toBe('ex:1:share:clamshell');
    expect(encodeExerciseId({ kind: 'list', page: 2, condition: 'ITBS', area: null })).toBe('ex:1:list:2:ITBS:-');
    expect(decodeExerciseId('ex:1:list:0:-:calf')).toEqual({ kind: 'list', page: 0, condition: null, area: 'calf' });
  });

  it.each([
    'ex:1:card:not-a-card',
    'ex:1:card',
    'ex:1:card:clamshell:extra',
    'ex:2:card:clamshell',
    'sc:1:card:clamshell',
    'ex:1:pick:clamshell',
    'ex:1:list:abc:-:-',
    'ex:1:list:01:-:-',
    'ex:1:list:1000:-:-',
    'ex:1:list:1:KNEE:-',
    'ex:1:list:1:-:toes',
    'ex:1:list:1:-',
    'ex:1:nonsense',
    'ex',
    '',
  ])('refuses %j', (customId) => {
    expect(decodeExerciseId(customId)).toBeNull();
  });

  it('reads nothing it would not have written: any string decodes to null or to the action that writes it back', () => {
    const near = fc.tuple(fc.constantFrom('ex:1:card:', 'ex:1:list:', 'ex:1:pick', 'ex:1:', ''), fc.string({ maxLength: 30 })).map(([a, b]) => a + b);
    fc.assert(
      fc.property(fc.oneof(near, fc.string({ maxLength: 120 })), (customId) => {
        const action = decodeExerciseId(customId);
        if (action) expect(encodeExerciseId(action)).toBe(customId);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses to write a page it cannot read back', () => {
    expect(() => encodeExerciseId({ kind: 'list', page: MAX_LIST_PAGE + 1, condition: null, area: null })).toThrow(/page/);
    expect(() => encodeExerciseId({ kind: 'list', page: 1.5, condition: null, area: null })).toThrow(/page/);
  });
});
