import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CUSTOM_ID_LENGTH, privateFamilies } from '../../src/platform/codec.js';
import { emptyProgress, PROGRESS_LAYOUT_VERSION, SLOTS } from '../../src/symptom-check/progress.js';
import { decodeTriageId, encodeTriageId, type TriageAction } from '../../commands/symptom-check/custom-id.js';
import { clickThrough, vignettes } from './helpers.js';

const slot = fc.integer({ min: 0, max: SLOTS.length - 1 });
const actionArb: fc.Arbitrary<TriageAction> = fc.oneof(
  fc.constantFrom<TriageAction>({ kind: 'go' }, { kind: 'intro' }, { kind: 'back' }, { kind: 'skip' }, { kind: 'cancel' }, { kind: 'why' }),
  fc.record({ kind: fc.constant('option' as const), slot, option: fc.integer({ min: 0, max: 24 }) }),
  fc.record({ kind: fc.constant('pick' as const), slot }),
  fc.record({ kind: fc.constant('stillUnsure' as const), slot, mask: fc.integer({ min: 0, max: 2 ** 12 - 1 }) }),
);
/** Every state the development cases pass through: real, reachable states. */
const states = [emptyProgress(), ...vignettes.flatMap((v) => clickThrough(v.answers as Record<string, unknown>).states)];

describe('sc custom_id codec', () => {
  it('decodes what it encodes, for every reachable state and any action, within Discord\'s 100 characters', () => {
    fc.assert(
      fc.property(fc.constantFrom(...states), actionArb, (progress, action) => {
        const id = encodeTriageId(progress, action);
        expect(id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID_LENGTH);
        expect(decodeTriageId(id)).toEqual({ progress, action });
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses ids from another layout, version or family, unknown actions and forged states', () => {
    const good = encodeTriageId(states.at(-1)!, { kind: 'back' });
    expect(decodeTriageId(good)).not.toBeNull();
    for (const bad of [
      good.replace(`:${PROGRESS_LAYOUT_VERSION}:`, ':0000:'),
      good.replace('sc:3:', 'sc:2:'),
      good.replace('sc:3:', 'sc:03:'),
      good.replace('sc:3:', 'sc:003:'),
      good.replace('sc:3:', 'ex:3:'),
      good.replace(/:b$/, ':o5.07'),
      good.replace(/:b$/, ':q'),
      good.replace(/:b$/, `:m${SLOTS.length}`),
      good.replace(/:b$/, ':o3'),
      `sc:3:${PROGRESS_LAYOUT_VERSION}:zzzzzzzzzzzzzzzz:b`,
      // An id minted by the second pass (version 2) expires cleanly.
      `sc:2:${PROGRESS_LAYOUT_VERSION}:0:g`,
      `${good}:extra`,
    ]) {
      expect(decodeTriageId(bad), bad).toBeNull();
    }
  });

  it("is a private family: the log scrubber drops its ids, which carry a check's answers", async () => {
    const { PassThrough } = await import('node:stream');
    const { createLogger } = await import('../../src/platform/logger.js');
    expect(privateFamilies()).toContain('sc');
    const id = encodeTriageId(null, { kind: 'go' });
    let text = '';
    const out = new PassThrough();
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    createLogger('debug', out, 'json').error({ err: new Error(`could not answer ${id} in time`) }, 'failed');
    expect(text).not.toContain(id);
    expect(text).toContain('[custom_id]');
  });
});
