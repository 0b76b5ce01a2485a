import { describe, expect, it } from 'vitest';
import { checkMessageLimits, validateBody } from '@pacer/discord-double';
import { durationMinutes, parsePaceGroups, reminderTime, tally, type Rsvp } from '../../src/runs/run.js';
import { sampleRun } from './sample-run.js';
import { rsvpCodec } from '../../commands/runs/custom-id.js';
import { MAX_REMINDER_PINGS, reminderMessage, runCardMessage } from '../../commands/runs/views.js';
import { runEventBody } from '../../commands/runs/discord-event.js';

const run = sampleRun;

const members = (n: number, answer: Rsvp['answer'] = 'going'): Rsvp[] =>
  Array.from({ length: n }, (_, i) => ({ userId: String(1500000000000000000n + BigInt(i)), answer, paceGroup: answer === 'going' ? i % 3 : null }));

describe('group run rules', () => {
  it('reads pace groups split on commas, at most five, no repeats', () => {
    expect(parsePaceGroups(' 5:00/km,5:45/km ,, 6:30/km ')).toEqual({ ok: true, groups: ['5:00/km', '5:45/km', '6:30/km'] });
    expect(parsePaceGroups(null)).toEqual({ ok: true, groups: [] });
    expect(parsePaceGroups('a, b, c, d, e, f')).toMatchObject({ ok: false, error: expect.stringMatching(/at most 5 pace groups; you gave 6/) as string });
    expect(parsePaceGroups('Easy, easy')).toMatchObject({ ok: false });
  });

  it('takes the event length from a duration, and 90 minutes from a distance or a pace', () => {
    expect(durationMinutes('60 min')).toBe(60);
    expect(durationMinutes('1h30')).toBe(90);
    expect(durationMinutes('2 hours')).toBe(120);
    expect(durationMinutes('1:15')).toBe(75);
    expect(durationMinutes('8 km')).toBe(90);
    expect(durationMinutes('10 km at 5:30/km')).toBe(90);
  });

  it('has no reminder when its time has passed', () => {
    expect(reminderTime(run.startsAt, 2, new Date('2026-03-24T16:45:00Z'))).toBeNull();
    expect(reminderTime(run.startsAt, 2, new Date('2026-03-24T12:00:00Z'))?.toISOString()).toBe('2026-03-24T16:30:00.000Z');
  });

  it('counts answers per pace group', () => {
    const counts = tally(run, [...members(5), { userId: '9', answer: 'maybe', paceGroup: null }]);
    expect(counts.groups.map((g) => g.userIds.length)).toEqual([2, 2, 1]);
    expect([counts.going, counts.maybe.length, counts.no.length]).toEqual([5, 1, 0]);
  });
});

describe('the rn codec', () => {
  it('round-trips each answer and refuses forged ids', () => {
    for (const click of [
      { runId: 7, answer: 'going', paceGroup: 2 },
      { runId: 7, answer: 'going', paceGroup: null },
      { runId: 7, answer: 'maybe', paceGroup: null },
      { runId: 7, answer: 'no', paceGroup: null },
    ] as const) expect(rsvpCodec.parse(rsvpCodec.encode(click))).toEqual(click);
    for (const forged of ['rn:1:go:7:9', 'rn:1:go:0:1', 'rn:1:yes:7', 'rn:2:no:7', 'rn:1:maybe:7:1', 'rn:1:go:7']) expect(rsvpCodec.parse(forged)).toBeNull();
  });
});

describe('the card and the reminder at club sizes', () => {
  it.each([0, 1, 2, 5000])('a card with %i going stays inside Discord’s limits and pings nobody', (n) => {
    const message = runCardMessage(run, tally(run, members(n)));
    expect(checkMessageLimits(message)).toEqual([]);
    expect(validateBody('message-create', message).issues).toEqual([]);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    const fields = (message.embeds![0] as { fields: { name: string; value: string }[] }).fields;
    expect(fields.find((f) => f.name.startsWith('5:00/km'))!.name).toBe(`5:00/km · ${Math.ceil(n / 3)} going`);
    if (n === 5000) expect(fields.find((f) => f.name.startsWith('5:00/km'))!.value).toMatch(/ and \d+ more$/);
  });

  it.each([1, 2, 5000])('a reminder for %i going pings only them, at most 100, in one valid message', (n) => {
    const going = members(n).map((m) => m.userId);
    const message = reminderMessage(run, going);
    expect(validateBody('message-create', message).issues).toEqual([]);
    expect(message.allowed_mentions.parse).toEqual([]);
    const users = message.allowed_mentions.users ?? [];
    expect(users.length).toBeLessThanOrEqual(MAX_REMINDER_PINGS);
    expect(users).toEqual(going.slice(0, users.length));
    for (const id of users) expect(message.content).toContain(`<@${id}>`);
    if (n < 5000) expect(users).toHaveLength(n);
    else expect(message.content).toMatch(new RegExp(` and ${n - users.length} more$`));
  });

  it('the Discord event body is one the OpenAPI schema takes', () => {
    expect(validateBody('scheduled-event-create', runEventBody(run)).issues).toEqual([]);
    expect(runEventBody(run)).toMatchObject({ entity_type: 3, privacy_level: 2, entity_metadata: { location: 'Track gate' } });
  });
});
