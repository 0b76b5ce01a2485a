import { describe, expect, it } from 'vitest';
import { canSee, coerceOption, collectOptions, commandEntries, filterEntries, type CommandDefinition } from '../../tools/playground/web/commands.js';
import { checkModal, modalFields } from '../../tools/playground/web/modal-form.js';

const MANAGE_GUILD = (1n << 5n).toString();
const MEMBER = ((1n << 10n) | (1n << 11n)).toString();
const ADMIN = (1n << 3n).toString();

const commands: CommandDefinition[] = [
  { name: 'symptom-check', description: 'Knee check', default_member_permissions: null },
  {
    name: 'club',
    description: 'Club settings',
    default_member_permissions: MANAGE_GUILD,
    options: [
      { type: 1, name: 'setup', description: 'Set up', options: [{ type: 7, name: 'channel', required: true }] },
      { type: 2, name: 'role', description: 'Roles', options: [{ type: 1, name: 'set', description: 'Set the role', options: [] }] },
    ],
  },
  { name: 'exercise', description: 'Cards', default_member_permissions: null, options: [{ type: 1, name: 'show', description: 'One card', options: [{ type: 3, name: 'name', required: true, autocomplete: true }] }] },
  { name: 'locked', description: 'Nobody', default_member_permissions: '0' },
];

describe('the command picker', () => {
  it('hides commands the member lacks default_member_permissions for, as Discord does', () => {
    expect(canSee(commands[1]!, MEMBER)).toBe(false);
    expect(canSee(commands[1]!, MANAGE_GUILD)).toBe(true);
    expect(canSee(commands[3]!, MANAGE_GUILD)).toBe(false);
    expect(canSee(commands[3]!, ADMIN)).toBe(true);
    expect(commandEntries(commands, MEMBER).map((entry) => entry.label)).toEqual(['/exercise show', '/symptom-check']);
  });

  it('lists one entry per subcommand, groups included', () => {
    const entries = commandEntries(commands, MANAGE_GUILD);
    expect(entries.map((entry) => entry.label)).toEqual(['/club role set', '/club setup', '/exercise show', '/symptom-check']);
    expect(entries[0]).toMatchObject({ name: 'club', subcommandGroup: 'role', subcommand: 'set' });
    expect(entries[1]?.options.map((option) => option.name)).toEqual(['channel']);
  });

  it('filters by what was typed after the slash', () => {
    const entries = commandEntries(commands, MANAGE_GUILD);
    expect(filterEntries(entries, '/cl').map((entry) => entry.label)).toEqual(['/club role set', '/club setup']);
    expect(filterEntries(entries, '/check').map((entry) => entry.label)).toEqual(['/symptom-check']);
    expect(filterEntries(entries, '/')).toHaveLength(4);
  });
});

describe('option values', () => {
  it('types numbers and booleans and refuses what Discord would refuse', () => {
    expect(coerceOption({ type: 4, name: 'sets', min_value: 1, max_value: 10 }, '3')).toEqual({ ok: true, value: 3 });
    expect(coerceOption({ type: 4, name: 'sets' }, '2.5')).toEqual({ ok: false, error: 'sets must be a whole number' });
    expect(coerceOption({ type: 4, name: 'sets', max_value: 10 }, '11')).toEqual({ ok: false, error: 'sets must be at most 10' });
    expect(coerceOption({ type: 10, name: 'km' }, '5.5')).toEqual({ ok: true, value: 5.5 });
    expect(coerceOption({ type: 5, name: 'private' }, 'true')).toEqual({ ok: true, value: true });
    expect(coerceOption({ type: 3, name: 'name', max_length: 3 }, 'long')).toEqual({ ok: false, error: 'name takes at most 3 characters' });
    expect(coerceOption({ type: 3, name: 'c', choices: [{ name: 'A', value: 'a' }] }, 'b')).toEqual({ ok: false, error: 'c: pick one of the choices' });
  });

  it('requires required options and leaves out empty optional ones', () => {
    const entry = commandEntries(commands, MANAGE_GUILD).find((candidate) => candidate.label === '/club setup')!;
    expect(collectOptions(entry, {})).toEqual({ options: {}, errors: ['channel is required'] });
    expect(collectOptions(entry, { channel: '1300' })).toEqual({ options: { channel: '1300' }, errors: [] });
  });
});

describe('modals', () => {
  const modal = {
    custom_id: 'an:new',
    title: 'New announcement',
    components: [
      { type: 1, components: [{ type: 4, custom_id: 'text', label: 'Message', style: 2, required: true, max_length: 10 }] },
      { type: 18, label: 'When', description: 'e.g. Friday 18:00', component: { type: 4, custom_id: 'when', style: 1, required: false, placeholder: 'tomorrow 9am' } },
      { type: 18, label: 'Ping', component: { type: 3, custom_id: 'ping', min_values: 0, max_values: 2, required: false, options: [{ label: 'Runners', value: 'r' }, { label: 'Committee', value: 'c', default: true }] } },
      { type: 10, content: 'Times are in the club zone.' },
    ],
  };

  it('reads text inputs in action rows and in labels, selects and text displays', () => {
    const fields = modalFields(modal);
    expect(fields.map((field) => field.kind)).toEqual(['text', 'text', 'select', 'text-display']);
    expect(fields[0]).toMatchObject({ customId: 'text', label: 'Message', paragraph: true, required: true, maxLength: 10 });
    expect(fields[1]).toMatchObject({ customId: 'when', label: 'When', description: 'e.g. Friday 18:00', paragraph: false, required: false, placeholder: 'tomorrow 9am' });
    expect(fields[2]).toMatchObject({ customId: 'ping', min: 0, max: 2, required: false });
  });

  it('refuses to submit what Discord would refuse: missing required text, too long, too many choices', () => {
    const fields = modalFields(modal);
    expect(checkModal(fields, { text: '', ping: [] })).toEqual(['Message: this field is required']);
    expect(checkModal(fields, { text: 'far too long here', ping: ['r', 'c', 'x'] })).toEqual(['Message: at most 10 characters', 'Ping: choose at most 2']);
    expect(checkModal(fields, { text: 'ok', when: '', ping: [] })).toEqual([]);
  });
});
