/** Search input is bounded: nothing searchable gets a private "couldn't find"; long input is cut to Discord's 100. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, searchCards } from '../../src/exercises/search.js';
import { FIXTURE, OptionType } from '@pacer/discord-double';
import { startPacer, type Pacer } from '../support/pacer.js';

describe('/exercise show with a name that has nothing to search on', () => {
  let pacer: Pacer;
  beforeAll(async () => {
    pacer = await startPacer();
  });
  afterAll(async () => pacer?.stop());

  it.each([['???'], ['🏃‍♀️🏃‍♀️🏃‍♀️'], ['Приседания'], ['!!! ... ---'], ['   ']])('"%s" gets a private "couldn\'t find" and posts nothing', async (name) => {
    const before = pacer.double.messagesIn(FIXTURE.channels.general).length;
    const handle = pacer.double.runSlash('exercise', { subcommand: 'show', options: { name } });
    const reply = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    expect(reply.content).toMatch(/couldn't find/i);
    expect(reply.embeds).toEqual([]);
    expect(pacer.double.messagesIn(FIXTURE.channels.general, { includeInteractionMessages: true }).filter((m) => m.embeds.length > 0)).toHaveLength(0);
    expect(pacer.double.messagesIn(FIXTURE.channels.general)).toHaveLength(before);
  });

  it('searches only the first 100 characters of a very long name', async () => {
    const name = 'clamshell'.padEnd(MAX_QUERY_LENGTH, ' ') + 'x'.repeat(5_900);
    const handle = pacer.double.runSlash('exercise', { subcommand: 'show', options: { name: { type: OptionType.String, value: name } } });
    const reply = await handle.reply();
    expect(reply.embeds[0]?.title).toBe('Clamshell');
  });

  it('autocompletes only on the first 100 characters of what was typed', async () => {
    const value = 'spanish squat'.padEnd(MAX_QUERY_LENGTH, ' ') + 'qqqq '.repeat(1_200);
    const handle = pacer.double.autocomplete('exercise', { subcommand: 'show', focused: { name: 'name', value } });
    await handle.response();
    expect(handle.autocompleteChoices()[0]?.value).toBe('spanish-squat');
  });
});

describe('searchCards', () => {
  it('ignores everything past the first 100 characters', () => {
    const query = 'clamshell'.padEnd(MAX_QUERY_LENGTH, ' ') + ' zzzzzzzzz';
    expect(searchCards(query, 1)[0]?.id).toBe('clamshell');
  });
});
