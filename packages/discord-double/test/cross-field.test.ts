import { DiscordAPIError, type Interaction, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, OptionType } from '../src/index.js';
import { type Harness, startHarness } from '../src/harness.js';

const channel = FIXTURE.channels.general;
const row = (...components: unknown[]) => ({ type: 1, components });
const button = (fields: Record<string, unknown>) => ({ type: 2, ...fields });
const select = (fields: Record<string, unknown>) => ({ type: 3, custom_id: 'pick', ...fields });
const option = (value: string) => ({ label: `Option ${value}`, value });
const textInput = (fields: Record<string, unknown>) => ({ type: 4, custom_id: 'note', style: 1, label: 'Note', ...fields });
const modal = (...inputs: unknown[]) => ({ type: 9, data: { custom_id: 'form', title: 'Form', components: inputs.map((input) => row(input)) } });

/** Bodies Discord refuses, each with the issue the double must report (path: message). */
const BAD_MESSAGES: Array<[string, Record<string, unknown>, RegExp]> = [
  ['a link button with a custom_id and no url', { components: [row(button({ style: 5, label: 'Docs', custom_id: 'docs' }))] }, /components\.0\.components\.0\.url: a link button \(style 5\) needs a url/],
  ['a link button with both url and custom_id', { components: [row(button({ style: 5, label: 'Docs', url: 'https://example.org', custom_id: 'docs' }))] }, /custom_id: a link button \(style 5\) cannot have a custom_id/],
  ['a styled button with a url', { components: [row(button({ style: 1, label: 'Go', custom_id: 'go', url: 'https://example.org' }))] }, /url: only a link button \(style 5\) can have a url/],
  ['a styled button without a custom_id', { components: [row(button({ style: 2, label: 'Go' }))] }, /custom_id: a button of style 2 needs a custom_id/],
  ['a button with neither label nor emoji', { components: [row(button({ style: 1, custom_id: 'blank' }))] }, /label: a button needs a label, an emoji, or both/],
  ['a button with an empty label and no emoji', { components: [row(button({ style: 1, custom_id: 'blank', label: '' }))] }, /a button needs a label, an emoji, or both/],
  ['a premium button with a label', { components: [row(button({ style: 6, sku_id: '1600000000000000001', label: 'Buy' }))] }, /label: a premium button \(style 6\) cannot have a label/],
  ['duplicate select option values', { components: [row(select({ options: [option('a'), option('b'), option('a')] }))] }, /options\.2\.value: duplicate option value "a"/],
  ['min_values above max_values', { components: [row(select({ options: [option('a'), option('b'), option('c')], min_values: 3, max_values: 2 }))] }, /min_values: min_values \(3\) cannot be above max_values \(2\)/],
  ['min_values above the number of options', { components: [row(select({ options: [option('a'), option('b')], min_values: 3, max_values: 3 }))] }, /min_values \(3\) cannot be above the number of options \(2\)/],
  ['min_values above max_values on a user select', { components: [row({ type: 5, custom_id: 'who', min_values: 2, max_values: 1 })] }, /min_values \(2\) cannot be above max_values \(1\)/],
  ["allowed_mentions with parse: ['users'] and a users list", { content: 'hi <@1500000000000000001>', allowed_mentions: { parse: ['users'], users: [FIXTURE.users.member] } }, /allowed_mentions\.users: parse: \["users"\] and a users list are mutually exclusive/],
  ["allowed_mentions with parse: ['roles'] and a roles list", { content: 'hi', allowed_mentions: { parse: ['roles'], roles: [FIXTURE.roles.moderator] } }, /allowed_mentions\.roles: parse: \["roles"\] and a roles list are mutually exclusive/],
  ['two buttons with one custom_id, both disabled (a one-page pager)', { components: [row(button({ style: 2, label: 'Previous', custom_id: 'lb:1', disabled: true }), button({ style: 2, label: 'Next', custom_id: 'lb:1', disabled: true }))] }, /(^|\.)components\.0\.components\.1\.custom_id: Component custom id was already specified$/],
  ['one custom_id in two rows', { components: [row(button({ style: 1, label: 'A', custom_id: 'same' })), row(select({ custom_id: 'same', options: [option('a')] }))] }, /(^|\.)components\.1\.components\.0\.custom_id: Component custom id was already specified$/],
  ['a misspelt field (ephemeral)', { content: 'only for you?', ephemeral: true }, /(^|\.)ephemeral: unknown field "ephemeral"$/],
  ['a misspelt field (allowedMentions)', { content: 'hi', allowedMentions: { parse: [] } }, /(^|\.)allowedMentions: unknown field "allowedMentions"$/],
];

/** Neighbours of the bad bodies that Discord accepts: the rules must not catch them. */
const GOOD_MESSAGES: Array<[string, Record<string, unknown>]> = [
  ['a link button with a url', { components: [row(button({ style: 5, label: 'Docs', url: 'https://example.org' }))] }],
  ['an emoji-only button', { components: [row(button({ style: 1, custom_id: 'like', emoji: { name: '👍' } }))] }],
  ['a select with distinct values and min_values = max_values', { components: [row(select({ options: [option('a'), option('b')], min_values: 2, max_values: 2 }))] }],
  ["parse: ['users'] with a roles list", { content: 'hi', allowed_mentions: { parse: ['users'], roles: [FIXTURE.roles.moderator] } }],
  ['the fields discord.js always sends', { content: 'hi', tts: false, enforce_nonce: false, allowed_mentions: { parse: [], users: [FIXTURE.users.member] } }],
];

describe('discord double: cross-field rules', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness.stop();
  });

  function lastIssues(): string[] {
    return harness.double.validationErrors.at(-1)?.issues ?? [];
  }

  async function refusal(send: Promise<unknown>): Promise<DiscordAPIError> {
    const error = await send.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(DiscordAPIError);
    return error as DiscordAPIError;
  }

  /** Runs a slash command whose handler answers with `body` on the raw callback route; returns what the handler got. */
  async function answerWith(body: Record<string, unknown>, autocompleteType?: number): Promise<DiscordAPIError> {
    harness.onInteraction(async (interaction: Interaction) => {
      await harness.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body, auth: false });
    });
    const handle =
      autocompleteType === undefined
        ? harness.double.runSlash('probe')
        : harness.double.autocomplete('probe', { focused: { name: 'amount', value: '', type: autocompleteType } });
    const error = (await harness.nextHandlerError()) as DiscordAPIError;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(handle.callback).toBeUndefined();
    return error;
  }

  it.each(BAD_MESSAGES)('refuses a message with %s (400, 50035) and posts nothing', async (_name, body, issue) => {
    const before = harness.double.messagesIn(channel).length;
    const error = await refusal(harness.client.rest.post(Routes.channelMessages(channel), { body: { content: 'x', ...body } }));
    expect(error).toMatchObject({ status: 400, code: 50035 });
    expect(lastIssues()).toEqual(expect.arrayContaining([expect.stringMatching(issue)]));
    expect(harness.double.messagesIn(channel)).toHaveLength(before);
  });

  it.each(BAD_MESSAGES)('refuses the same in an interaction reply: %s', async (_name, body, issue) => {
    const error = await answerWith({ type: 4, data: { content: 'x', ...body } });
    expect(error).toMatchObject({ status: 400, code: 50035 });
    expect(lastIssues().every((reported) => reported.startsWith('data.'))).toBe(true);
    expect(lastIssues()).toEqual(expect.arrayContaining([expect.stringMatching(issue)]));
  });

  it("reports a duplicate custom_id in Discord's own words: 50035 with COMPONENT_CUSTOM_ID_DUPLICATED at the second use", async () => {
    const components = [row(button({ style: 2, label: 'Previous', custom_id: 'page:1' }), button({ style: 2, label: 'Next', custom_id: 'page:1' }))];
    const error = await refusal(harness.client.rest.post(Routes.channelMessages(channel), { body: { content: 'x', components } }));
    expect(error.rawError).toMatchObject({
      code: 50035,
      errors: { components: { 0: { components: { 1: { custom_id: { _errors: [{ code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id was already specified' }] } } } } } },
    });
  });

  it.each(GOOD_MESSAGES)('accepts %s', async (_name, body) => {
    const sent = await harness.client.rest.post(Routes.channelMessages(channel), { body: { content: 'x', ...body } });
    expect(sent).toMatchObject({ channel_id: channel });
  });

  it('accepts a multipart upload (payload_json with attachments, and files) and keeps the files on the message', async () => {
    const sent = (await harness.client.rest.post(Routes.channelMessages(channel), {
      body: { content: 'chart', attachments: [{ id: '0', filename: 'chart.png' }], allowed_mentions: { parse: [] } },
      files: [{ name: 'chart.png', data: Buffer.from('not really a png'), contentType: 'image/png' }],
    })) as { id: string; attachments: Array<{ filename: string }> };
    expect(sent.attachments.map((attachment) => attachment.filename)).toEqual(['chart.png']);
    expect(harness.double.message(sent.id)?.content).toBe('chart');
    const misspelt = await refusal(
      harness.client.rest.post(Routes.channelMessages(channel), { body: { content: 'chart', attachment: [] }, files: [{ name: 'chart.png', data: Buffer.from('x') }] }),
    );
    expect(misspelt).toMatchObject({ status: 400, code: 50035 });
    expect(lastIssues()).toEqual(['attachment: unknown field "attachment"']);
  });

  it('refuses a misspelt field beside data in a callback, and inside a deferral', async () => {
    expect(await answerWith({ type: 4, data: { content: 'hi' }, ephemeral: true })).toMatchObject({ code: 50035 });
    expect(lastIssues()).toEqual(['ephemeral: unknown field "ephemeral"']);
    expect(await answerWith({ type: 5, data: { ephemeral: true } })).toMatchObject({ code: 50035 });
    expect(lastIssues()).toEqual(['data.ephemeral: unknown field "ephemeral"']);
  });

  it('refuses a misspelt field when editing a message and in a follow-up', async () => {
    const sent = (await harness.client.rest.post(Routes.channelMessages(channel), { body: { content: 'first' } })) as { id: string };
    const edit = await refusal(harness.client.rest.patch(Routes.channelMessage(channel, sent.id), { body: { content: 'second', embed: { title: 'x' } } }));
    expect(edit).toMatchObject({ status: 400, code: 50035 });
    expect(lastIssues()).toEqual(['embed: unknown field "embed"']);
    expect(harness.double.message(sent.id)?.content).toBe('first');

    harness.onInteraction(async (interaction: Interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await harness.client.rest.post(Routes.webhook(interaction.applicationId, interaction.token), { body: { content: 'later', ephmeral: true }, auth: false });
    });
    harness.double.runSlash('probe');
    expect(await harness.nextHandlerError()).toMatchObject({ code: 50035 });
    expect(lastIssues()).toEqual(['ephmeral: unknown field "ephmeral"']);
  });

  it.each([
    ['a string for an integer option', OptionType.Integer, [{ name: 'five', value: 'five' }]],
    ['a fraction for an integer option', OptionType.Integer, [{ name: 'two and a half', value: 2.5 }]],
    ['a string for a number option', OptionType.Number, [{ name: 'five', value: '5' }]],
    ['a number for a string option', OptionType.String, [{ name: 'five', value: 5 }]],
  ])('refuses autocomplete choices with %s', async (_name, type, choices) => {
    const error = await answerWith({ type: 8, data: { choices } }, type);
    expect(error).toMatchObject({ status: 400, code: 50035 });
    expect(lastIssues()).toEqual([expect.stringMatching(new RegExp(`^data\\.choices\\.0\\.value: .* does not fit the focused option, which has type ${type}$`))]);
  });

  it('accepts autocomplete choices of the focused option type, through discord.js respond()', async () => {
    harness.onInteraction(async (interaction: Interaction) => {
      if (interaction.isAutocomplete()) await interaction.respond([{ name: 'five', value: 5 }]);
    });
    const handle = harness.double.autocomplete('probe', { focused: { name: 'amount', value: '', type: OptionType.Integer } });
    expect((await handle.response()).data).toEqual({ choices: [{ name: 'five', value: 5 }] });
  });

  it.each([
    ['min_length above max_length', textInput({ min_length: 10, max_length: 5 }), /data\.components\.0\.components\.0\.min_length: min_length \(10\) cannot be above max_length \(5\)/],
    ['a misspelt modal field', textInput({}), /^data\.titel: unknown field "titel"$/],
    ['two inputs with one custom_id', textInput({}), /^data\.components\.1\.components\.0\.custom_id: Component custom id was already specified$/],
  ])('refuses a modal with %s', async (name, input, issue) => {
    const body = modal(input);
    if (name.includes('misspelt')) Object.assign(body.data, { titel: 'Form' });
    if (name.includes('two inputs')) body.data.components.push(row(textInput({ label: 'Again' })));
    expect(await answerWith(body)).toMatchObject({ status: 400, code: 50035 });
    expect(lastIssues()).toEqual([expect.stringMatching(issue)]);
  });

  it('accepts a modal whose text input has min_length at or below max_length', async () => {
    harness.onInteraction(async (interaction: Interaction) => {
      await harness.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
        body: modal(textInput({ min_length: 5, max_length: 5 })),
        auth: false,
      });
    });
    const handle = harness.double.runSlash('probe');
    expect((await handle.response()).type).toBe(9);
  });
});
