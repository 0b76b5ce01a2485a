import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActorError, CallbackType, FIXTURE } from '../src/index.js';
import { type Harness, startHarness } from '../src/harness.js';

const commands: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  { name: 'ping', description: 'Ping' },
  {
    name: 'knee',
    description: 'Knee symptom check',
    options: [
      { type: 3, name: 'symptom', description: 'What you notice', required: true, autocomplete: true },
      { type: 4, name: 'pain', description: 'Pain 0-10', min_value: 0, max_value: 10 },
    ],
  },
  {
    name: 'challenge',
    description: 'Weekly strength challenges',
    default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
    options: [
      {
        type: 1,
        name: 'create',
        description: 'Create a challenge',
        options: [
          { type: 7, name: 'channel', description: 'Where to post', required: true },
          { type: 8, name: 'ping', description: 'Role to mention' },
          { type: 5, name: 'pinned', description: 'Pin the post' },
        ],
      },
      {
        type: 2,
        name: 'admin',
        description: 'Administration',
        options: [
          { type: 1, name: 'reset', description: 'Reset a member', options: [{ type: 6, name: 'member', description: 'Who', required: true }] },
        ],
      },
    ],
  },
];

describe('discord double: interactions with a real client', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await startHarness();
  });

  afterEach(async () => {
    expect(harness.double.validationErrors).toEqual([]);
    expect(harness.double.unmatchedRequests()).toEqual([]);
    await harness.stop();
  });

  it('sees an ephemeral reply to a slash command', async () => {
    harness.onInteraction(async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'Pong!', flags: MessageFlags.Ephemeral });
    });
    const handle = harness.double.runSlash('ping');
    const reply = await handle.reply();
    expect(reply.content).toBe('Pong!');
    expect(handle.isEphemeral()).toBe(true);
    expect(handle.ackLatencyMs).toBeGreaterThanOrEqual(0);
    expect(handle.ackLatencyMs).toBeLessThan(3000);
    expect(harness.double.messagesIn(FIXTURE.channels.general, { includeInteractionMessages: true })).toEqual([]);
  });

  it('deploys commands and builds typed options, subcommands and resolved data from the definitions', async () => {
    const { client, double } = harness;
    await client.application.commands.set(commands, FIXTURE.guildId);
    expect(double.commands(FIXTURE.guildId).map((command) => command.name)).toEqual(['ping', 'knee', 'challenge']);

    harness.onInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand() || !interaction.inCachedGuild()) return;
      const group = interaction.options.getSubcommandGroup(false);
      const sub = interaction.options.getSubcommand();
      if (group === 'admin') {
        await interaction.reply(`reset ${interaction.options.getUser('member', true).username} by ${interaction.user.username}`);
        return;
      }
      const channel = interaction.options.getChannel('channel', true);
      const role = interaction.options.getRole('ping');
      const pinned = interaction.options.getBoolean('pinned');
      const canManage = interaction.memberPermissions.has('ManageGuild');
      await interaction.reply(`${sub} in #${channel.name} ping @${role?.name} pinned=${pinned} manage=${canManage}`);
    });

    const create = double.runSlash('challenge', {
      subcommand: 'create',
      options: { channel: FIXTURE.channels.strength, ping: FIXTURE.roles.moderator, pinned: true },
      user: FIXTURE.users.moderator,
    });
    expect((await create.reply()).content).toBe('create in #strength ping @Moderator pinned=true manage=true');
    expect(create.interaction.data).toMatchObject({
      options: [{ name: 'create', type: 1, options: [{ name: 'channel', type: 7 }, { name: 'ping', type: 8 }, { name: 'pinned', type: 5 }] }],
    });

    const reset = double.runSlash('challenge', {
      subcommandGroup: 'admin',
      subcommand: 'reset',
      options: { member: FIXTURE.users.member },
      user: FIXTURE.users.admin,
    });
    expect((await reset.reply()).content).toBe('reset rita_runner by ada_admin');

    expect(() => double.runSlash('challenge', { subcommand: 'create', options: { channel: FIXTURE.channels.general } })).toThrow(ActorError);
  });

  it('sees deferReply followed by editReply as the final reply', async () => {
    harness.onInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({ content: 'Here is your exercise card', embeds: [{ title: 'Wall sit', description: '3 x 30 s' }] });
    });
    const handle = harness.double.runSlash('exercise');
    expect((await handle.response()).type).toBe(CallbackType.DeferredChannelMessageWithSource);
    const reply = await handle.reply();
    expect(reply.content).toBe('Here is your exercise card');
    expect(reply.embeds[0]).toMatchObject({ title: 'Wall sit' });
    expect(handle.isEphemeral()).toBe(false);
    expect(harness.double.messagesIn(FIXTURE.channels.general, { includeInteractionMessages: true })).toHaveLength(1);
  });

  it('returns autocomplete choices', async () => {
    await harness.client.application.commands.set(commands, FIXTURE.guildId);
    harness.onInteraction(async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused().toLowerCase();
      const all = ['swelling', 'sharp pain', 'stiffness'];
      await interaction.respond(all.filter((name) => name.startsWith(typed)).map((name) => ({ name, value: name })));
    });
    const handle = harness.double.autocomplete('knee', { focused: { name: 'symptom', value: 'S' }, options: { pain: 3 } });
    await handle.response();
    expect(handle.autocompleteChoices().map((choice) => choice.name)).toEqual(['swelling', 'sharp pain', 'stiffness']);
    expect(handle.interaction.data.options).toEqual([
      { name: 'pain', type: 4, value: 3 },
      { name: 'symptom', type: 3, value: 'S', focused: true },
    ]);
  });

  it('updates the message of a clicked button', async () => {
    harness.onInteraction(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('card:next').setLabel('Next').setStyle(ButtonStyle.Primary),
        );
        await interaction.reply({ content: 'Card 1/3', components: [row] });
      } else if (interaction.isButton() && interaction.customId === 'card:next') {
        await interaction.update({ content: 'Card 2/3', components: [] });
      }
    });
    const card = await harness.double.runSlash('card').reply();
    const click = harness.double.clickButton('card:next', { messageId: card.id, user: FIXTURE.users.moderator });
    const updated = await click.reply();
    expect(updated.id).toBe(card.id);
    expect(updated.content).toBe('Card 2/3');
    expect(harness.double.message(card.id)?.components).toEqual([]);
    expect(() => harness.double.clickButton('card:missing', { messageId: card.id })).toThrow(ActorError);
  });

  it('delivers string select values and follow-ups', async () => {
    harness.onInteraction(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const menu = new StringSelectMenuBuilder()
          .setCustomId('pick-exercise')
          .addOptions({ label: 'Squat', value: 'squat' }, { label: 'Lunge', value: 'lunge' });
        await interaction.reply({ content: 'Pick one', components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)] });
      } else if (interaction.isStringSelectMenu()) {
        await interaction.reply({ content: `You picked ${interaction.values.join(',')}`, flags: MessageFlags.Ephemeral });
        await interaction.followUp({ content: 'Saved.', flags: MessageFlags.Ephemeral });
      }
    });
    const menu = await harness.double.runSlash('pick').reply();
    const handle = harness.double.selectMenu('pick-exercise', ['lunge'], { messageId: menu.id });
    expect((await handle.reply()).content).toBe('You picked lunge');
    expect(handle.isEphemeral()).toBe(true);
    await harness.double.waitForRequest((request) => request.method === 'POST' && request.path.startsWith(`/webhooks/${FIXTURE.applicationId}/`));
    expect(handle.followUps().map((message) => message.content)).toEqual(['Saved.']);
    expect(() => harness.double.selectMenu('pick-exercise', ['deadlift'], { messageId: menu.id })).toThrow(ActorError);
  });

  it('submits a modal the bot showed', async () => {
    harness.onInteraction(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const modal = new ModalBuilder()
          .setCustomId('log-run')
          .setTitle('Log a run')
          .addLabelComponents(
            new LabelBuilder()
              .setLabel('Distance (km)')
              .setTextInputComponent(new TextInputBuilder().setCustomId('distance').setStyle(TextInputStyle.Short)),
          );
        await interaction.showModal(modal);
      } else if (interaction.isModalSubmit()) {
        await interaction.reply({ content: `Logged ${interaction.fields.getTextInputValue('distance')} km`, flags: MessageFlags.Ephemeral });
      }
    });
    const open = harness.double.runSlash('log');
    await open.response();
    expect(open.modal()).toMatchObject({ custom_id: 'log-run', title: 'Log a run' });
    const submit = harness.double.submitModal('log-run', { distance: '5.5' });
    expect((await submit.reply()).content).toBe('Logged 5.5 km');
  });

  it('returns the callback response with withResponse, edits follow-ups by id and deletes the original', async () => {
    let followUpId = '';
    harness.onInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({ content: 'Saved your run', withResponse: true });
      expect(response.resource?.message?.content).toBe('Saved your run');
      const followUp = await interaction.followUp('Streak: 3 weeks');
      followUpId = followUp.id;
      await interaction.editReply({ message: followUp.id, content: 'Streak: 4 weeks' });
      await interaction.deleteReply();
    });
    const handle = harness.double.runSlash('log');
    await harness.double.waitForRequest((request) => request.method === 'DELETE' && request.path.endsWith('/messages/@original'));
    expect(handle.followUps().map((message) => message.content)).toEqual(['Streak: 4 weeks']);
    expect(handle.followUps()[0]?.id).toBe(followUpId);
    await expect(handle.reply(200)).rejects.toThrow(/timed out/);
    expect(harness.handlerErrors).toEqual([]);
  });

  it('refuses to dispatch when no client session exists', async () => {
    await harness.client.destroy();
    await vi.waitFor(() => expect(harness.double.gatewayConnected).toBe(false));
    expect(() => harness.double.runSlash('ping')).toThrow(/no gateway session/);
  });
});
