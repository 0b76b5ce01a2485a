import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CUSTOM_ID_LENGTH } from '../../src/platform/codec.js';
import { normaliseCron } from '../../src/announcements/repeat.js';
import { decodeAnnounceId, encodeAnnounceId, type AnnounceAction } from '../../commands/announcements/custom-id.js';

const snowflake = fc.bigInt({ min: 10n ** 17n, max: 2n ** 63n - 1n }).map(String);
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));
const cronField = fc.stringMatching(/^(\*|\d{1,2}|\d{1,2}-\d{1,2}|\*\/\d{1,2}|\d{1,2},\d{1,2}|L|\?|[1-5]#[1-5]|MON|JAN)$/);
const cron = fc.tuple(cronField, cronField, cronField, cronField, cronField).map((f) => normaliseCron(f.join(' ')));
const ping = fc.oneof(
  fc.constant({ kind: 'nobody' as const }),
  fc.constant({ kind: 'everyone' as const }),
  snowflake.map((roleId) => ({ kind: 'role' as const, roleId })),
);
const notes = fc.subarray(['gap', 'overlap', 'day-first', 'month-first'] as const).map((n) => [...n]);
const named = fc.constantFrom('none', 'daily', 'weekdays', 'weekly', 'monthly' as const);
const id = fc.integer({ min: 1, max: 2_000_000_000 });

const action: fc.Arbitrary<AnnounceAction> = fc.oneof(
  fc.record({ channelId: snowflake, start: instant, ping, notes, repeat: named, cron: fc.constant(null) }).map((draft) => ({ kind: 'new' as const, draft })),
  fc.record({ channelId: snowflake, start: instant, ping, notes, cron }).map((d) => ({ kind: 'new' as const, draft: { ...d, repeat: 'cron' as const } })),
  fc
    .record({ id, start: fc.option(instant), repeat: fc.option(fc.constantFrom('daily', 'weekly', 'monthly', 'weekdays', 'none' as const)), cron: fc.option(cron) })
    .map((draft) => ({ kind: 'edit' as const, draft })),
  id.map((n) => ({ kind: 'preview' as const, id: n })),
  id.map((n) => ({ kind: 'cancel' as const, id: n })),
  id.map((n) => ({ kind: 'keep' as const, id: n })),
  fc.integer({ min: 1, max: 999 }).map((page) => ({ kind: 'list' as const, page })),
);

describe('the an custom_id family', () => {
  it('round-trips every action, and never exceeds 100 characters (or refuses to encode)', () => {
    fc.assert(
      fc.property(action, (a) => {
        let encoded: string;
        try {
          encoded = encodeAnnounceId(a);
        } catch (error) {
          expect(String(error)).toMatch(/Discord allows 100/);
          return;
        }
        expect(encoded.length).toBeLessThanOrEqual(MAX_CUSTOM_ID_LENGTH);
        expect(decodeAnnounceId(encoded)).toEqual(a);
      }),
      { numRuns: 2000 },
    );
  });

  it('fits the longest realistic schedule: role ping, every note and a 30-character cron rule', () => {
    const draft = {
      channelId: '1300000000000000003',
      start: new Date('2099-12-31T23:59:00Z'),
      repeat: 'cron' as const,
      ping: { kind: 'role' as const, roleId: '9223372036854775807' },
      notes: ['gap' as const, 'day-first' as const],
      cron: normaliseCron('0,30 6-7 1-15/2 JAN-JUN MON-FRI'),
    };
    const encoded = encodeAnnounceId({ kind: 'new', draft });
    expect(encoded.length).toBeLessThanOrEqual(100);
    expect(decodeAnnounceId(encoded)).toEqual({ kind: 'new', draft });
  });

  it('reads nothing from forged or damaged ids', () => {
    for (const forged of [
      'an:1:pv:0',
      'an:1:pv:-4',
      'an:1:pv:12:13',
      'an:2:pv:12',
      'ex:1:pv:12',
      'an:1:new:1300000000000000003:zzzzzzzzzzzz:n:0:0:-',
      'an:1:new:123:mfx8qz2o:n:0:0:-',
      'an:1:new:1300000000000000003:mfx8qz2o:c:0:0:-',
      'an:1:new:1300000000000000003:mfx8qz2o:n:0:0:0_18_x_x_x',
      'an:1:new:1300000000000000003:mfx8qz2o:c:0:0:0_18_x_x_mon',
      'an:1:new:1300000000000000003:mfx8qz2o:n:0:0:0_18_x_x_MON',
      'an:1:new:1300000000000000003:mfx8qz2o:n:0:0:0_18_x_x_mon',
      'an:1:edit:5:-:c:-',
      'an:1:ls:0',
      'an:1:drop:5',
    ]) {
      expect(decodeAnnounceId(forged), forged).toBeNull();
    }
  });
});
