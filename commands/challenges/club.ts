import {
  ApplicationCommandOptionType,
  InteractionContextType,
  PermissionFlagsBits,
  Routes,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { defineCommand, type CommandDefinition, type InteractionContext } from '../../src/platform/discord/command.js';
import { isModerator, NOT_A_MODERATOR_TEXT } from '../../src/platform/discord/moderators.js';
import { isPostableChannel, pacerMissingIn, POSTABLE_CHANNEL_TYPES } from '../../src/platform/discord/preconditions.js';
import { describeTime, parseTimeOfDay } from '../../src/challenges/clock-time.js';
import { ignoresSummerTime, resolveTimeZone, suggestedZoneFor, timeZoneSuggestions } from '../../src/challenges/time-zone-names.js';
import { isWeekday, weekAt, weeklyCron, WEEKDAYS, WEEKDAY_LABELS, challengeWeek, weekStartFor } from '../../src/platform/time/club-weeks.js';
import type { ClockTime } from '../../src/platform/time/club-weeks.js';
import { localDay } from '../../src/platform/time/days.js';
import { REGION_NAMES, REGIONS, type Region } from '../../src/content/regions.js';
import { challengeForWeek, skipChallengeWeek } from '../../src/challenges/store.js';
import { clubSettings, pauseWeeklyChallenge, restartProgramme, resumeWeeklyChallenge, saveClubSetup, type ClubSettings } from '../../src/challenges/club-settings-store.js';
import { weeklyOccurrence, weeklyPostModel } from './jobs.js';
import { formatDay, settingsView, textView, weeklyPostView } from './views.js';

const POSTABLE_CHANNELS = POSTABLE_CHANNEL_TYPES;

import { clubParticipationSubcommands, isClubParticipationSubcommand, runClubParticipation } from '../participation/handlers.js';

const definition = {
  name: 'club',
  description: "The club's settings and its weekly strength challenge (moderators)",
  contexts: [InteractionContextType.Guild],
  default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'setup',
      description: 'Set the challenge channel, day, time and time zone',
      options: [
        { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'Where the weekly challenge is posted', required: true, channel_types: POSTABLE_CHANNELS },
        { type: ApplicationCommandOptionType.String, name: 'timezone', description: "The club's time zone: type a country or city (UK, London, New York)", required: true, autocomplete: true, max_length: 64 },
        {
          type: ApplicationCommandOptionType.String,
          name: 'day',
          description: 'Day of the weekly post (the challenge week starts that day)',
          required: true,
          choices: WEEKDAYS.map((day) => ({ name: WEEKDAY_LABELS[day], value: day })),
        },
        { type: ApplicationCommandOptionType.String, name: 'time', description: 'Local time of the post, e.g. 18:00 or 6pm', required: true, max_length: 12 },
        { type: ApplicationCommandOptionType.String, name: 'region', description: 'Emergency numbers and services in the knee check', choices: REGIONS.map((r) => ({ name: REGION_NAMES[r], value: r })) },
        { type: ApplicationCommandOptionType.Role, name: 'moderator-role', description: 'A role that may also use /club (besides Manage Server)' },
        { type: ApplicationCommandOptionType.Channel, name: 'notices-channel', description: 'Where Pacer tells moderators about problems', channel_types: POSTABLE_CHANNELS },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'settings', description: "Show the club's settings and the next post" },
    {
      type: ApplicationCommandOptionType.SubcommandGroup,
      name: 'challenge',
      description: 'Control the weekly strength challenge',
      options: [
        { type: ApplicationCommandOptionType.Subcommand, name: 'post-now', description: "Post this week's challenge now" },
        { type: ApplicationCommandOptionType.Subcommand, name: 'preview', description: 'See the next post privately, exactly as members will' },
        { type: ApplicationCommandOptionType.Subcommand, name: 'skip-week', description: 'Skip the next weekly post (nobody loses a streak)' },
        { type: ApplicationCommandOptionType.Subcommand, name: 'pause', description: 'Stop the weekly posts until resumed' },
        { type: ApplicationCommandOptionType.Subcommand, name: 'resume', description: 'Start the weekly posts again' },
        { type: ApplicationCommandOptionType.Subcommand, name: 'restart', description: 'Start the 12-week programme again from week 1 at the next post' },
      ],
    },
    ...clubParticipationSubcommands,
  ],
} as const satisfies CommandDefinition;

const NOT_SET_UP_TEXT = 'This server has no weekly challenge yet. Set it up first with `/club setup`.';

function reply(ctx: InteractionContext, content: string) {
  return ctx.respond.reply({ ...textView(content), ephemeral: true });
}

/** What stops Pacer posting in a channel, from what Discord says of the server, or null when it can post there. */
async function cannotPostReason(ctx: InteractionContext, channelId: string): Promise<string | null> {
  const server = await ctx.server();
  const missing = pacerMissingIn(server, channelId);
  if (missing === null) return `Pacer cannot see <#${channelId}>.`;
  if (!isPostableChannel(server, channelId)) return `<#${channelId}> is not a text or announcement channel.`;
  return missing.length ? `Pacer is missing ${missing.join(', ')} in <#${channelId}>.` : null;
}

async function setup(interaction: ChatInputCommandInteraction, ctx: InteractionContext) {
  const options = interaction.options;
  const channelId = options.getChannel('channel', true).id;
  const zoneText = options.getString('timezone', true);
  const dayText = options.getString('day', true);
  const timeText = options.getString('time', true);
  const regionText = options.getString('region');
  const roleId = options.getRole('moderator-role')?.id;
  const noticesId = options.getChannel('notices-channel')?.id;

  const timezone = resolveTimeZone(zoneText);
  if (!timezone) return reply(ctx, `"${zoneText.slice(0, 64)}" is not a time zone I know. Type your country or city and pick from the list, such as Europe/London or America/New_York. Nothing was changed.`);
  const parsed = parseTimeOfDay(timeText);
  if (parsed.kind === 'ambiguous') {
    const example = timeText.trim().slice(0, 10);
    return reply(
      ctx,
      `"${example}" could be ${describeTime(parsed.morning)} or ${describeTime(parsed.evening)}. Run the command again with am or pm (such as ${parsed.evening.hour - 12}pm), or the 24-hour clock (${describeTime(parsed.evening).slice(0, 5)}). Nothing was changed.`,
    );
  }
  if (parsed.kind === 'invalid') return reply(ctx, `"${timeText.slice(0, 12)}" is not a time. Write it like 18:00, 18.00 or 6pm. Nothing was changed.`);
  const time = parsed.time;
  if (!isWeekday(dayText)) return reply(ctx, 'Please pick a day from the list. Nothing was changed.');
  if (regionText !== null && !(REGIONS as readonly string[]).includes(regionText)) return reply(ctx, `Please pick a region from the list (${REGIONS.join(', ')}). Nothing was changed.`);
  for (const id of [channelId, ...(noticesId ? [noticesId] : [])]) {
    const owner = await channelOwner(interaction, id);
    if (owner !== 'this server' && owner !== 'unseen') return reply(ctx, `<#${id}> is not a channel of this server. Pick one from the list. Nothing was changed.`);
    const problem = owner === 'unseen' ? `Pacer cannot see <#${id}>.` : await cannotPostReason(ctx, id);
    if (problem) return reply(ctx, `${problem} Give Pacer View Channel, Send Messages and Embed Links there, or pick another channel. Nothing was changed.`);
  }
  const saved = await saveClubSetup(
    ctx.storage,
    {
      guildId: interaction.guildId!,
      channelId,
      timezone,
      day: dayText,
      time,
      ...(regionText ? { region: regionText as Region } : {}),
      ...(roleId ? { moderatorRoleId: roleId } : {}),
      ...(noticesId ? { noticesChannelId: noticesId } : {}),
      setupByUserId: interaction.user.id,
    },
    ctx.clock.now(),
  );
  const view = settingsView(settingsModel(saved, ctx));
  return ctx.respond.reply({ ...view, content: setupConfirmation(saved, time, timezone), ephemeral: true });
}

/** Repeats the time with its part of the day, gives the next post as a Discord timestamp and warns about fixed zones. */
function setupConfirmation(saved: ClubSettings, time: ClockTime, timezone: string): string {
  const next = saved.weekly?.nextRunAt;
  const lines = [
    `Saved. The weekly challenge posts on ${saved.weekly ? WEEKDAY_LABELS[saved.weekly.day] : 'its day'}s at ${describeTime(time)}, ${timezone} time.`,
    next ? `Next post: <t:${Math.floor(next.getTime() / 1000)}:F>.` : '',
  ];
  if (ignoresSummerTime(timezone)) {
    const suggestion = suggestedZoneFor(timezone);
    lines.push(
      `⚠️ ${timezone} ignores summer time, so for half the year posts come an hour off the local clock.` +
        ` If your club follows the clocks, run \`/club setup\` again with your city's zone${suggestion ? `, such as ${suggestion}` : ''}.`,
    );
  }
  return lines.filter(Boolean).join('\n');
}

/**
 * Which server a channel belongs to, as Discord itself says: the resolved channel in the interaction comes from
 * the client and could name a channel of another server. 'unseen' when Discord will not show it to Pacer.
 */
async function channelOwner(interaction: ChatInputCommandInteraction, channelId: string): Promise<'this server' | 'unseen' | 'another server'> {
  try {
    const channel = (await interaction.client.rest.get(Routes.channel(channelId))) as { guild_id?: unknown };
    return channel.guild_id === interaction.guildId ? 'this server' : 'another server';
  } catch {
    return 'unseen';
  }
}

function settingsModel(settings: ClubSettings, ctx: InteractionContext) {
  const weekly = settings.weekly;
  return {
    channelId: weekly?.channelId ?? null,
    day: weekly?.day ?? null,
    time: weekly?.time ?? null,
    timezone: weekly?.timezone ?? settings.timezone,
    nextRunAt: weekly?.nextRunAt ?? null,
    paused:
      weekly && weekly.status !== 'active'
        ? { reason: weekly.lastError ?? 'Paused.' }
        : settings.recapPausedReason
          ? { reason: `The weekly recap could not be posted: ${settings.recapPausedReason}` }
          : null,
    region: settings.region,
    defaultRegion: ctx.config.defaultRegion,
    moderatorRoleId: settings.moderatorRoleId,
    noticesChannelId: settings.noticesChannelId,
    setupByUserId: settings.setupByUserId,
    programmeWeek: settings.programmeWeek,
  };
}

async function challengeControl(interaction: ChatInputCommandInteraction, ctx: InteractionContext, action: string) {
  const guildId = interaction.guildId!;
  const settings = await clubSettings(ctx.storage, guildId);
  const weekly = settings?.weekly;
  if (!settings || !weekly) return reply(ctx, NOT_SET_UP_TEXT);
  const now = ctx.clock.now();
  const zone = weekly.timezone;

  switch (action) {
    case 'preview': {
      const at = weekly.nextRunAt && weekly.status === 'active' ? weekly.nextRunAt : now;
      const week = challengeWeek(weekStartFor(localDay(at, zone), weekly.day), zone);
      const postsAt = weekly.status === 'active' ? weekly.nextRunAt : null;
      return ctx.respond.reply({ ...weeklyPostView(await weeklyPostModel(ctx.storage, guildId, week, zone, false), { channelId: weekly.channelId, postsAt }), ephemeral: true });
    }
    case 'post-now': {
      const week = weekAt(now, zone, weekly.day);
      const existing = await challengeForWeek(ctx.storage, guildId, week.start);
      if (existing?.status === 'skipped') return reply(ctx, `The week starting ${formatDay(week.start)} was skipped, so nothing was posted.`);
      if (existing?.messageId) {
        return reply(ctx, `This week's challenge is already posted: https://discord.com/channels/${guildId}/${existing.channelId ?? weekly.channelId}/${existing.messageId}`);
      }
      const problem = await cannotPostReason(ctx, weekly.channelId);
      if (problem) return reply(ctx, `${problem} Nothing was posted.`);
      const scheduledFor = weeklyOccurrence(week, weeklyCron(weekly.day, weekly.time), zone);
      if (!ctx.scheduler || !scheduledFor) return reply(ctx, 'Pacer cannot post right now. Please try again in a minute.');
      // The same path as the timetable: this week's occurrence is claimed in the run ledger, posted with its nonce
      // through the pacing queue, and recorded; the timetable's own run of it then finds it done.
      const posted = await ctx.scheduler.postNow(weekly.scheduleId, scheduledFor);
      if (posted.outcome === 'failed') return reply(ctx, `Discord refused the post: ${posted.reason}. Nothing was posted.`);
      if (posted.outcome === 'skipped') return reply(ctx, `Nothing was posted: ${posted.reason}`);
      if (posted.outcome === 'already-posted') {
        return reply(ctx, `This week's challenge is already posted: https://discord.com/channels/${guildId}/${weekly.channelId}/${posted.messageId}`);
      }
      return reply(ctx, `Posted this week's challenge in <#${weekly.channelId}>. It runs from ${formatDay(week.start)} to ${formatDay(week.end)}.`);
    }
    case 'skip-week': {
      const at = weekly.nextRunAt && weekly.nextRunAt > now ? weekly.nextRunAt : now;
      const week = challengeWeek(weekStartFor(localDay(at, zone), weekly.day), zone);
      const outcome = await skipChallengeWeek(ctx.storage, guildId, week, now);
      if (outcome === 'already-posted') return reply(ctx, `The week starting ${formatDay(week.start)} is already posted, so it cannot be skipped. Nothing was changed.`);
      if (outcome === 'already-skipped') return reply(ctx, `The week starting ${formatDay(week.start)} is already skipped.`);
      return reply(ctx, `Skipped the week starting ${formatDay(week.start)}: nothing will be posted, and nobody's streak changes. The programme carries on from the same week after it.`);
    }
    case 'pause': {
      const reason = `Paused by <@${interaction.user.id}> on ${formatDay(localDay(now, zone))}.`;
      if (!(await pauseWeeklyChallenge(ctx.storage, guildId, reason, now))) return reply(ctx, 'The weekly challenge is already paused. `/club challenge resume` starts it again.');
      return reply(ctx, 'Paused: no weekly challenge will be posted until a moderator runs `/club challenge resume`.');
    }
    case 'resume': {
      const problem = await cannotPostReason(ctx, weekly.channelId);
      if (problem) return reply(ctx, `${problem} Fix that first, then resume. Nothing was changed.`);
      const next = await resumeWeeklyChallenge(ctx.storage, guildId, now);
      if (!next) return reply(ctx, 'The weekly challenge is not paused. Nothing was changed.');
      return reply(ctx, `Resumed. The next post is <t:${Math.floor(next.getTime() / 1000)}:F>. To post this week's now, use \`/club challenge post-now\`.`);
    }
    case 'restart': {
      await restartProgramme(ctx.storage, guildId, now);
      return reply(ctx, 'The programme starts again from week 1 at the next post.');
    }
  }
  return reply(ctx, 'Unknown challenge action.');
}

export const clubCommand = defineCommand({
  definition,
  ephemeral: true,

  async execute(interaction, ctx) {
    const own = interaction.options.getSubcommandGroup(false) ? null : interaction.options.getSubcommand(true);
    if (isClubParticipationSubcommand(own)) return runClubParticipation(interaction, ctx, own);
    if (!interaction.inGuild() || !(await isModerator(interaction, ctx.storage))) return ctx.respond.fail(NOT_A_MODERATOR_TEXT);
    const group = interaction.options.getSubcommandGroup(false);
    const subcommand = interaction.options.getSubcommand(true);
    if (group === 'challenge') return challengeControl(interaction, ctx, subcommand);
    if (subcommand === 'setup') return setup(interaction, ctx);
    if (subcommand === 'settings') {
      const settings = await clubSettings(ctx.storage, interaction.guildId);
      if (!settings) return reply(ctx, NOT_SET_UP_TEXT);
      return ctx.respond.reply({ ...settingsView(settingsModel(settings, ctx)), ephemeral: true });
    }
    return reply(ctx, 'Unknown subcommand.');
  },

  async autocomplete(interaction) {
    const focused = interaction.options.getFocused(true);
    if (focused.name !== 'timezone') return interaction.respond([]);
    const choices = timeZoneSuggestions(String(focused.value).slice(0, 64));
    await interaction.respond(choices.map((zone) => ({ name: ignoresSummerTime(zone) ? `${zone} (ignores summer time)` : zone, value: zone })));
  },
});
