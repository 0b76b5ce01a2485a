import { ApplicationCommandOptionType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { dateOrderFor, describeWhenNote, parseWhen } from '../../src/announcements/when.js';
import { clubTimeSettings } from '../../src/announcements/store.js';
import { defineCommand, type CommandDefinition } from '../../src/platform/discord/command.js';
import { isModerator, NOT_A_MODERATOR_TEXT } from '../../src/platform/discord/moderators.js';
import { pacerMissingIn, POSTABLE_CHANNEL_TYPES } from '../../src/platform/discord/preconditions.js';
import { readArgs } from '../../src/platform/discord/options.js';
import { PostError } from '../../src/platform/scheduler/contract.js';
import { DEFAULT_REMINDER_HOURS, durationMinutes, parsePaceGroups, reminderTime, tally } from '../../src/runs/run.js';
import { createRun, discardRun, recordRunCard, recordRunEvent } from '../../src/runs/store.js';
import { REPEATS, seriesTiming, WEEKS_BETWEEN } from '../../src/runs/repeats.js';
import { startSeries } from '../../src/runs/series-store.js';
import { createRunEvent } from './discord-event.js';
import { seriesLine, SERIES_NEVER_TEXT } from './repeat-views.js';
import { runCardMessage } from './views.js';

export const NO_CLUB_TEXT = 'This server has no Pacer club settings yet. Run `/club setup` first: it sets the time zone that run times are read in. Nothing was posted.';

const definition = {
  name: 'run',
  description: 'Group runs with answers, pace groups and a reminder',
  contexts: [InteractionContextType.Guild],
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'create',
      description: 'Post a group run card and a Discord event (moderators)',
      options: [
        { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'Where to post the run card', required: true, channel_types: POSTABLE_CHANNEL_TYPES },
        { type: ApplicationCommandOptionType.String, name: 'when', description: 'In the club zone: 2026-12-01 18:30, tuesday 18:30, tomorrow 7am', required: true, max_length: 100 },
        { type: ApplicationCommandOptionType.String, name: 'title', description: 'e.g. Tuesday track session', required: true, max_length: 100 },
        { type: ApplicationCommandOptionType.String, name: 'meeting-point', description: 'Where to meet, e.g. the park gate', required: true, max_length: 100 },
        { type: ApplicationCommandOptionType.String, name: 'distance', description: 'Distance or duration, e.g. 8 km or 60 min', required: true, max_length: 100 },
        { type: ApplicationCommandOptionType.String, name: 'pace-groups', description: 'Up to 5, separated by commas: 5:00/km, 5:45/km, 6:30/km', max_length: 250 },
        { type: ApplicationCommandOptionType.String, name: 'notes', description: 'Anything else runners should know', max_length: 500 },
        { type: ApplicationCommandOptionType.Integer, name: 'reminder-hours', description: `Remind those going this many hours before (default ${DEFAULT_REMINDER_HOURS}; 0 for none)`, min_value: 0, max_value: 72 },
        { type: ApplicationCommandOptionType.String, name: 'repeat', description: 'Repeat at the same club time (default: once)', choices: REPEATS.map((r) => ({ name: r, value: r })) },
      ],
    },
  ],
} as const satisfies CommandDefinition;

const unix = (at: Date) => Math.floor(at.getTime() / 1000);

export const runCommand = defineCommand({
  definition,
  ephemeral: true,

  async execute(interaction, ctx) {
    if (!interaction.inGuild() || !isModerator(interaction, ctx.db)) return ctx.respond.fail(NOT_A_MODERATOR_TEXT);
    const guildId = interaction.guildId;
    const club = clubTimeSettings(ctx.db, guildId);
    if (!club) return ctx.respond.fail(NO_CLUB_TEXT);
    const args = readArgs(interaction, definition);
    const now = ctx.clock.now();

    const missing = pacerMissingIn(interaction, args.channel);
    if (missing === null) return ctx.respond.fail(`Pacer cannot see <#${args.channel}>. Pick a text or announcement channel Pacer can see. Nothing was posted.`);
    if (missing.length > 0) {
      return ctx.respond.fail(`Pacer cannot post in <#${args.channel}>: it lacks ${missing.join(', ')} there. Give Pacer those permissions in that channel, or pick another. Nothing was posted.`);
    }
    const when = parseWhen(args.when, club.timezone, now, dateOrderFor(club.region ?? ctx.config.defaultRegion));
    if (!when.ok) return ctx.respond.fail(`${when.error} Nothing was posted.`);
    const paces = parsePaceGroups(args['pace-groups']);
    if (!paces.ok) return ctx.respond.fail(paces.error);
    const title = args.title.trim();
    const meetingPoint = args['meeting-point'].trim();
    const distance = args.distance.trim();
    if (!title || !meetingPoint || !distance) return ctx.respond.fail('The title, meeting point and distance each need some text. Nothing was posted.');
    const reminderHours = args['reminder-hours'] ?? DEFAULT_REMINDER_HOURS;
    const remindAt = reminderHours > 0 ? reminderTime(when.at, reminderHours, now) : null;

    const run = createRun(ctx.db, {
      guildId,
      channelId: args.channel,
      title,
      meetingPoint,
      distance,
      paceGroups: paces.groups,
      notes: args.notes?.trim() || null,
      startsAt: when.at,
      endsAt: new Date(when.at.getTime() + durationMinutes(distance) * 60_000),
      remindAt,
      by: interaction.user.id,
      at: now,
    });

    let messageId: string;
    try {
      if (!ctx.poster) throw new PostError('transient', 'Pacer is not connected to Discord yet.');
      messageId = (await ctx.poster.post(args.channel, runCardMessage(run, tally(run, [])))).messageId;
    } catch (error) {
      discardRun(ctx.db, run);
      const reason = error instanceof PostError ? error.reason : 'Discord did not accept the post.';
      return ctx.respond.fail(`The run card could not be posted in <#${args.channel}> (${reason}). Nothing was saved; try again.`);
    }
    recordRunCard(ctx.db, run.id, messageId);

    const event = await createRunEvent(interaction, run);
    if (event.created) recordRunEvent(ctx.db, run.id, event.eventId);
    const repeat = args.repeat ?? 'none';
    const series = repeat === 'none' ? undefined : startSeries(ctx.db, run, seriesTiming(run.startsAt, club.timezone, WEEKS_BETWEEN[repeat]), reminderHours, interaction.user.id, now);

    const lines = [
      `Group run #${run.id} **${run.title}** is posted in <#${run.channelId}>: <t:${unix(run.startsAt)}:F> (${club.timezone}).`,
      event.created ? 'A Discord event was created too: it shows in the server’s Events list.' : event.why,
      remindAt
        ? `Those who say Going will be reminded <t:${unix(remindAt)}:f> (${reminderHours} h before).`
        : reminderHours > 0
          ? `The run starts in less than ${reminderHours} h, so there will be no reminder.`
          : 'No reminder will be posted.',
      ...when.notes.map((note) => describeWhenNote(note, when.at, club.timezone)),
      ...(series === undefined ? [] : [series ? seriesLine(series) : SERIES_NEVER_TEXT]),
      '(This first version takes options; the form and `/run list`, `edit` and `cancel` come later.)',
    ];
    return ctx.respond.reply({ content: lines.join('\n'), ephemeral: true, allowedMentions: { parse: [] } });
  },
});
