/** Repeating runs' timing in the club's zone, and the "I ran" window: pure rules. */
import { describe, expect, it } from 'vitest';
import { nextRuns } from '../../src/platform/time/weekly-rules.js';
import { CREATE_DAYS_AHEAD, firstCreation, occurrenceFor, seriesCron, seriesTiming } from '../../src/runs/repeats.js';
import { checkRan, groupRunExerciseId, RAN_WINDOW_MS } from '../../src/runs/ran.js';

const LONDON = 'Europe/London';

describe('repeating runs in the club zone', () => {
  // Tuesday 23 March 2027, 18:30 GMT; the clocks go forward on Sunday 28 March.
  const first = new Date('2027-03-23T18:30:00Z');
  const weekly = seriesTiming(first, LONDON, 1);

  it('reads the first run as its local day and wall-clock time', () => {
    expect(weekly).toEqual({ firstDay: '2027-03-23', localTime: '18:30', everyWeeks: 1 });
    expect(seriesTiming(new Date('2027-03-30T17:30:00Z'), LONDON, 2)).toEqual({ firstDay: '2027-03-30', localTime: '18:30', everyWeeks: 2 });
  });

  it(`fires ${CREATE_DAYS_AHEAD} days before each start, at the run's local time (Wednesdays 18:30 for Tuesday runs)`, () => {
    expect(seriesCron(weekly)).toBe('30 18 * * 3');
    expect(seriesCron(seriesTiming(new Date('2027-03-21T08:05:00Z'), LONDON, 1))).toBe('5 8 * * 1'); // a Sunday run: Monday
    expect(firstCreation(weekly, LONDON)).toEqual(new Date('2027-03-24T18:30:00Z'));
    expect(firstCreation(seriesTiming(first, LONDON, 2), LONDON)).toEqual(new Date('2027-03-31T17:30:00Z'));
  });

  it('keeps 18:30 London time across the clock change: 18:30Z before, 17:30Z after', () => {
    const firings = nextRuns(seriesCron(weekly), LONDON, new Date('2027-03-23T19:00:00Z'), 3);
    expect(firings).toEqual([new Date('2027-03-24T18:30:00Z'), new Date('2027-03-31T17:30:00Z'), new Date('2027-04-07T17:30:00Z')]);
    expect(firings.map((at) => occurrenceFor(weekly, at, LONDON).startsAt)).toEqual([
      new Date('2027-03-30T17:30:00Z'),
      new Date('2027-04-06T17:30:00Z'),
      new Date('2027-04-13T17:30:00Z'),
    ]);
    // And back in October: 18:30 BST is 17:30Z, then 18:30 GMT is 18:30Z.
    const autumn = seriesTiming(new Date('2027-10-26T17:30:00Z'), LONDON, 1);
    const [next] = nextRuns(seriesCron(autumn), LONDON, new Date('2027-10-26T18:00:00Z'), 1);
    expect(occurrenceFor(autumn, next!, LONDON).startsAt).toEqual(new Date('2027-11-02T18:30:00Z'));
  });

  it('a fortnightly series has no run in its off weeks, and none before it starts', () => {
    const fortnightly = seriesTiming(first, LONDON, 2);
    expect(occurrenceFor(fortnightly, new Date('2027-03-24T18:30:00Z'), LONDON)).toMatchObject({ startsAt: null, why: 'a fortnightly series has no run that week' });
    expect(occurrenceFor(fortnightly, new Date('2027-03-31T17:30:00Z'), LONDON).startsAt).toEqual(new Date('2027-04-06T17:30:00Z'));
    expect(occurrenceFor(weekly, new Date('2027-03-17T18:30:00Z'), LONDON).startsAt).toBeNull();
  });

  it('a start in the spring gap moves to the end of the gap (01:30 London on 28 March 2027 is 02:00 BST)', () => {
    const early = seriesTiming(new Date('2027-03-21T01:30:00Z'), LONDON, 1);
    const [fire] = nextRuns(seriesCron(early), LONDON, new Date('2027-03-21T02:00:00Z'), 1);
    expect(occurrenceFor(early, fire!, LONDON).startsAt).toEqual(new Date('2027-03-28T01:00:00Z'));
  });
});

describe('"I ran"', () => {
  const run = { status: 'open' as const, startsAt: new Date('2027-03-30T17:30:00Z'), timezone: LONDON };

  it('opens at the start, for those going, for 24 hours, and counts on the run’s local day', () => {
    expect(checkRan(run, 'going', new Date('2027-03-30T17:29:59Z'))).toEqual({ ok: false, why: 'not-started' });
    expect(checkRan(run, 'going', run.startsAt)).toEqual({ ok: true, day: '2027-03-30' });
    expect(checkRan(run, 'maybe', run.startsAt)).toEqual({ ok: false, why: 'not-going' });
    expect(checkRan(run, undefined, run.startsAt)).toEqual({ ok: false, why: 'not-going' });
    expect(checkRan(run, 'going', new Date(run.startsAt.getTime() + RAN_WINDOW_MS - 1))).toMatchObject({ ok: true });
    expect(checkRan(run, 'going', new Date(run.startsAt.getTime() + RAN_WINDOW_MS))).toEqual({ ok: false, why: 'closed' });
    expect(checkRan({ ...run, status: 'cancelled' }, 'going', run.startsAt)).toEqual({ ok: false, why: 'cancelled' });
    // 23:30 BST on 30 March is 22:30Z: still the 30th in London.
    expect(checkRan({ ...run, startsAt: new Date('2027-03-30T23:30:00+01:00') }, 'going', new Date('2027-03-31T00:00:00Z'))).toEqual({ ok: true, day: '2027-03-30' });
  });

  it('records under an exercise id no strength session uses', () => {
    expect(groupRunExerciseId(12)).toBe('group-run:12');
  });
});
