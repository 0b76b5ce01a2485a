import { describe, expect, it } from 'vitest';
import { checkAutocompleteChoices, checkCommandDefinitions, checkMessageLimits, validateBody } from '../src/index.js';

const button = (id: string) => ({ type: 2, style: 1, label: id, custom_id: id });
const row = (...components: unknown[]) => ({ type: 1, components });

describe('checkMessageLimits', () => {
  it('accepts a typical view payload', () => {
    const body = {
      content: 'Week 12 challenge',
      embeds: [{ title: 'Squats', description: '3 x 20', fields: [{ name: 'Goal', value: '60 reps' }] }],
      components: [row(button('join'), button('leave'))],
      allowed_mentions: { parse: [] },
    };
    expect(checkMessageLimits(body)).toEqual([]);
    expect(validateBody('message-create', body).issues).toEqual([]);
  });

  it('flags what the spec schema lets through: 2001 chars, 6 rows, the 6000 embed total', () => {
    const rows = Array.from({ length: 6 }, (_, index) => row(button(`b${index}`)));
    const embeds = Array.from({ length: 2 }, () => ({ description: 'd'.repeat(3500) }));
    expect(checkMessageLimits({ content: 'x'.repeat(2001), components: rows, embeds })).toEqual([
      'content: must be 0-2000 characters long (got 2001)',
      'embeds: total embed text must be at most 6000 characters (got 7000)',
      'components: at most 5 action rows (got 6)',
    ]);
  });

  it('counts characters as code points: an emoji is one, a lone surrogate is one', () => {
    const runner = '\u{1F3C3}';
    expect(checkMessageLimits({ content: runner.repeat(2000) })).toEqual([]);
    expect(checkMessageLimits({ content: runner.repeat(2001) })).toEqual(['content: must be 0-2000 characters long (got 2001)']);
    expect(checkMessageLimits({ content: `${'\ud83c'.repeat(1000)}${runner.repeat(1001)}` })).toEqual(['content: must be 0-2000 characters long (got 2001)']);
  });

  it('flags per-field limits and component rules', () => {
    const issues = checkMessageLimits({
      embeds: [{ title: 't'.repeat(257), fields: [{ name: 'n', value: 'v'.repeat(1025) }] }],
      components: [
        row(...['a', 'b', 'c', 'd', 'e', 'f'].map(button)),
        row({ type: 2, style: 1, label: 'l'.repeat(81), custom_id: 'x'.repeat(101) }),
        row({ type: 3, custom_id: 'pick', options: Array.from({ length: 26 }, (_, index) => ({ label: `o${index}`, value: `o${index}` })) }),
        row(button('dup'), button('dup')),
      ],
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        'embeds.0.title: must be 0-256 characters long (got 257)',
        'embeds.0.fields.0.value: must be 1-1024 characters long (got 1025)',
        'components.0.components: at most 5 buttons per row (got 6)',
        'components.1.components.0.label: must be 0-80 characters long (got 81)',
        'components.1.components.0.custom_id: must be 1-100 characters long (got 101)',
        'components.2.components.0.options: must have 1-25 options (got 26)',
        'components.3.components.1.custom_id: Component custom id was already specified',
      ]),
    );
  });

  it('requires something to send only when creating', () => {
    expect(checkMessageLimits({}, { requireContent: true })).toEqual(['content: Cannot send an empty message']);
    expect(checkMessageLimits({})).toEqual([]);
    expect(validateBody('message-create', {}).code).toBe(50006);
  });
});

describe('checkAutocompleteChoices', () => {
  it('allows 25 choices of 1-100 characters', () => {
    const choices = Array.from({ length: 25 }, (_, index) => ({ name: `c${index}`, value: `c${index}` }));
    expect(checkAutocompleteChoices({ choices })).toEqual([]);
    expect(checkAutocompleteChoices({ choices: [...choices, { name: '', value: 'x' }] })).toEqual([
      'data.choices: at most 25 choices (got 26)',
      'data.choices.25.name: must be 1-100 characters long (got 0)',
    ]);
  });
});

describe('checkCommandDefinitions', () => {
  it('flags names, descriptions, option order and choice limits', () => {
    const issues = checkCommandDefinitions([
      { name: 'Knee Check', description: '' },
      {
        name: 'log',
        description: 'Log a run',
        options: [
          { type: 3, name: 'note', description: 'Note' },
          { type: 4, name: 'km', description: 'Distance', required: true, choices: Array.from({ length: 26 }, (_, value) => ({ name: `${value}`, value })) },
        ],
      },
    ]);
    expect(issues).toEqual([
      '0.name: "Knee Check" must be 1-32 characters without spaces',
      '0.name: "Knee Check" must be lowercase',
      '0.description: must be 1-100 characters long (got 0)',
      '1.options.1.required: required options must be listed before optional ones',
      '1.options.1.choices: at most 25 choices (got 26)',
    ]);
  });
});
