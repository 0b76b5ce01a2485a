import { describe, expect, it } from 'vitest';
import { checkMessageLimits, validateBody } from '@pacer/discord-double';
import { parseWhen } from '../../src/announcements/when.js';
import { tally, type Rsvp } from '../../src/runs/run.js';
import { sampleRun } from './sample-run.js';
import { changedParts, movedReminder, paceGroupMoves } from '../../src/runs/run-edit.js';
import { readRunForm, splitDistanceAndNotes, whenInputText, type RunFormText } from '../../src/runs/run-form.js';
import { runManageCodec } from '../../commands/runs/custom-id.js';
import { runCardMessage } from '../../commands/runs/views.js';
import { LIST_SIZE, runFormModal, runListView } from '../../commands/runs/manage-views.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const ZONE = 'Europe/London';
const text = (extra: Partial<RunFormText> = {}): RunFormText => ({ title: 'Tuesday track', when: '2026-03-24 18:30', meetingPoint: 'Track gate', distanceAndNotes: '60 min', paceGroups: '', ...extra });

const run = sampleRun;

describe('the group run form', () => {
  it('takes the distance from the first line and the notes from the lines after it', () => {
    expect(splitDistanceAndNotes('  8 km \n\nBring a torch.\nCafé after. ')).toEqual({ distance: '8 km', notes: 'Bring a torch.\nCafé after.' });
    expect(splitDistanceAndNotes('8 km')).toEqual({ distance: '8 km', notes: null });
    const form = readRunForm(text({ distanceAndNotes: '60 min\nHills' }), ZONE, NOW, 'day-first');
    expect(form).toMatchObject({ ok: true, distance: '60 min', notes: 'Hills', startsAt: new Date('2026-03-24T18:30:00Z'), endsAt: new Date('2026-03-24T19:30:00Z') });
  });

  it.each([
    ['a blank title', text({ title: '  ' }), /title, meeting point and distance each need some text/],
    ['a distance line over 100 characters', text({ distanceAndNotes: 'x'.repeat(101) }), /first line\) can be at most 100/],
    ['notes over 500 characters', text({ distanceAndNotes: `8 km\n${'x'.repeat(501)}` }), /notes .* at most 500/],
    ['a past time', text({ when: '2026-02-24 18:30' }), /has already passed.*Nothing was saved/s],
    ['six pace groups', text({ paceGroups: 'a, b, c, d, e, f' }), /at most 5 pace groups.*Nothing was saved/],
  ])('refuses %s', (_what, input, error) => {
    const form = readRunForm(input, ZONE, NOW, 'day-first');
    expect(form.ok).toBe(false);
    expect(!form.ok && form.error).toMatch(error);
  });

  it('shows a start again as text that reads back to the same instant, either side of the clock change', () => {
    for (const at of [new Date('2026-03-24T18:30:00Z'), new Date('2026-03-31T17:30:00Z'), new Date('2026-10-25T00:30:00Z')]) {
      const shown = whenInputText(at, ZONE);
      const read = parseWhen(shown, ZONE, NOW, 'day-first');
      expect(read.ok && read.at.toISOString(), shown).toBe(at.toISOString());
    }
    expect(whenInputText(new Date('2026-03-31T17:30:00Z'), ZONE)).toBe('2026-03-31 18:30');
  });

  it('prefills the edit form with the run as it is, within Discord’s modal limits', () => {
    const modal = runFormModal(runManageCodec.encode({ kind: 'edit', runId: 7 }), 'Edit group run #7', ZONE, run);
    const values = modal.components.map((row) => ('components' in row ? (row.components[0] as { value?: string }).value : undefined));
    expect(values).toEqual(['Tuesday track', '2026-03-24 18:30', 'Track gate', '8 km\nBring a head torch.', '5:00/km, 5:45/km, 6:30/km']);
    expect(validateBody('interaction-callback', { type: 9, data: modal }).issues).toEqual([]);
  });
});

describe('editing a run', () => {
  it('names what changed', () => {
    const form = readRunForm(text({ title: 'Tuesday track', when: '2026-03-24 19:00', meetingPoint: 'Park gate', distanceAndNotes: '8 km\nBring a head torch.', paceGroups: '5:00/km, 5:45/km, 6:30/km' }), ZONE, NOW, 'day-first');
    if (!form.ok) throw new Error(form.error);
    expect(changedParts(run, form)).toEqual(['time', 'meeting point']);
    expect(changedParts(run, { ...form, startsAt: run.startsAt, meetingPoint: run.meetingPoint })).toEqual([]);
  });

  it('moves pace groups by label, ignoring case; a removed group’s members keep going without a group', () => {
    expect(paceGroupMoves(['5:00/km', '5:45/km', '6:30/km'], ['6:30/KM', 'walk', '5:00/km'])).toEqual([2, null, 0]);
    expect(paceGroupMoves([], ['a'])).toEqual([]);
  });

  it('keeps the reminder’s lead on the start, or drops it when that moment has passed', () => {
    const remind = new Date('2026-03-24T16:30:00Z');
    expect(movedReminder(remind, run.startsAt, new Date('2026-03-25T18:30:00Z'), NOW)).toEqual(new Date('2026-03-25T16:30:00Z'));
    expect(movedReminder(remind, run.startsAt, new Date('2026-03-01T13:00:00Z'), NOW)).toBeNull();
    expect(movedReminder(null, run.startsAt, new Date('2026-03-25T18:30:00Z'), NOW)).toBeNull();
  });
});

describe('the rm custom_id family', () => {
  it('round-trips the forms and buttons, and refuses forged ids', () => {
    const create = { kind: 'new', channelId: '1300000000000000003', pingRoleId: '1400000000000000009', reminderHours: 72, repeat: 'weekly' } as const;
    expect(runManageCodec.parse(runManageCodec.encode(create))).toEqual(create);
    expect(runManageCodec.parse(runManageCodec.encode({ ...create, pingRoleId: null }))).toEqual({ ...create, pingRoleId: null });
    for (const kind of ['edit', 'cancel', 'cancel-series', 'keep'] as const) expect(runManageCodec.parse(runManageCodec.encode({ kind, runId: 12 }))).toEqual({ kind, runId: 12 });
    for (const forged of ['rm:1:new:123:0:2:n', 'rm:1:new:1300000000000000003:0:73:n', 'rm:1:new:1300000000000000003:0:2', 'rm:1:new:1300000000000000003:0:2:x', 'rm:1:cx:0', 'rm:1:edit:7:8', 'rm:2:cx:7', 'rm:1:drop:7']) expect(runManageCodec.parse(forged), forged).toBeNull();
  });
});

describe('the cancelled card', () => {
  const members = (n: number): Rsvp[] => Array.from({ length: n }, (_, i) => ({ userId: String(1500000000000000000n + BigInt(i)), answer: 'going', paceGroup: i % 2 === 0 ? null : i % 3 }));

  it.each([0, 1, 2, 5000])('with %i going keeps its names, turns its buttons off and fits Discord’s limits', (n) => {
    const cancelled = { ...run, status: 'cancelled' as const };
    const message = runCardMessage(cancelled, tally(cancelled, members(n)));
    expect(checkMessageLimits(message)).toEqual([]);
    expect(validateBody('message-edit', message).issues).toEqual([]);
    const embed = message.embeds![0] as { title: string; footer: { text: string }; fields: { name: string }[] };
    expect(embed.title).toBe('❌ Cancelled: Tuesday track');
    expect(embed.footer.text).toBe('Cancelled · answers are closed');
    const buttons = (message.components as { components: { disabled: boolean }[] }[]).flatMap((row) => row.components);
    expect(buttons).toHaveLength(6);
    expect(buttons.every((button) => button.disabled)).toBe(true);
    expect(embed.fields.some((field) => field.name.startsWith('No pace group'))).toBe(n > 0);
  });
});

describe('the run list', () => {
  it.each([1, 2, 10, 5000])('with %i upcoming runs of long titles fits one message and says how many more there are', (total) => {
    const runs = Array.from({ length: Math.min(total, LIST_SIZE) }, (_, i) => ({ ...run, id: 1_000_000 + i, title: 'A long run title that goes on and on, as titles do, up to its limit'.padEnd(100, '.') }));
    const view = runListView(runs, total, new Map(runs.map((r) => [r.id, 5000])));
    const content = view.content!;
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content.split('\n')[0]).toBe(`**Upcoming group runs** (${total}), soonest first:`);
    const listed = content.split('\n').filter((line) => line.startsWith('**#')).length;
    expect(listed).toBeGreaterThanOrEqual(Math.min(total, 6));
    if (listed < total) expect(content).toMatch(new RegExp(`…and ${total - listed} more after these`));
    else expect(content).not.toMatch(/more after these/);
  });
});
