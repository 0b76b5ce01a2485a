import { ApplicationCommandOptionType, InteractionContextType, type MessageComponentInteraction } from 'discord.js';
import { defineCommand, defineComponents, type CommandDefinition, type InteractionContext } from '../../src/platform/discord/command.js';
import { readArgs } from '../../src/platform/discord/options.js';
import { STALE_COMPONENT_TEXT } from '../../src/platform/discord/router.js';
import { challengeWeek } from '../../src/platform/time/club-weeks.js';
import { isLocalDay, localDay } from '../../src/platform/time/days.js';
import {
  challengeForWeek,
  clubProgress,
  currentChallenge,
  enrol,
  isEnrolled,
  isMemberPaused,
  logSession,
  memberStreaks,
  sessionDays,
  setMemberPaused,
  type ChallengeRow,
} from '../../src/challenges/store.js';
import { clubSettings } from '../../src/challenges/club-settings-store.js';
import { hasEarlierChallenge } from '../../src/participation/store.js';
import { weeklyPostModel } from './jobs.js';
import { isModerator } from '../../src/platform/discord/moderators.js';
import { challengeCodec, type ChallengeButton } from './custom-id.js';
import {
  formatDay,
  loggedText,
  NO_CHALLENGE_TEXT,
  painRuleView,
  statusView,
  textView,
  weeklyPostEdit,
} from './views.js';

import { leaderboardSubcommand, runLeaderboard } from '../participation/handlers.js';

const definition = {
  name: 'challenge',
  description: "This week's strength challenge",
  contexts: [InteractionContextType.Guild],
  options: [
    { type: ApplicationCommandOptionType.Subcommand, name: 'join', description: "Join this week's challenge" },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'log',
      description: 'Log a session you did (one a day)',
      options: [
        { type: ApplicationCommandOptionType.String, name: 'day', description: 'YYYY-MM-DD, a day of this challenge week (default: today)', min_length: 10, max_length: 10 },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'status', description: 'Your week, your streak and the club' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'pause', description: 'Injured or away: freeze your streak' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'resume', description: 'Back again: your streak carries on' },
    leaderboardSubcommand,
  ],
} as const satisfies CommandDefinition;

function reply(ctx: InteractionContext, content: string) {
  return ctx.respond.reply({ ...textView(content), ephemeral: true });
}

interface Club {
  guildId: string;
  zone: string;
}

function club(ctx: InteractionContext, guildId: string): Club {
  const settings = clubSettings(ctx.db, guildId);
  return { guildId, zone: settings?.weekly?.timezone ?? settings?.timezone ?? 'UTC' };
}

/**
 * Brings the week's post up to date with who has joined and reached the target: coalesced per message, and
 * each edit reads the counts when it runs, so the last join or log always shows.
 */
function refreshWeeklyPost(ctx: InteractionContext, challenge: ChallengeRow): void {
  const { poster, liveEdits } = ctx;
  const { channelId, messageId, guildId, weekStart } = challenge;
  if (!poster || !liveEdits || !channelId || !messageId) return;
  liveEdits.request(messageId, async () => {
    const fresh = challengeForWeek(ctx.db, guildId, weekStart);
    if (!fresh || fresh.messageId !== messageId) return;
    const { zone } = club(ctx, guildId);
    const model = { ...weeklyPostModel(ctx.db, guildId, challengeWeek(weekStart, zone), zone, false), progress: clubProgress(ctx.db, fresh) };
    await poster.edit(channelId, messageId, weeklyPostEdit(model));
  });
}

function join(ctx: InteractionContext, challenge: ChallengeRow, userId: string) {
  const week = challengeWeek(challenge.weekStart, club(ctx, challenge.guildId).zone);
  const outcome = enrol(ctx.db, challenge, userId, ctx.clock.now());
  const target = `The target is ${challenge.targetSessions} sessions by ${formatDay(week.end)}.`;
  if (outcome === 'already') return reply(ctx, `You are already in this week's challenge. ${target}`);
  refreshWeeklyPost(ctx, challenge);
  return reply(ctx, `You joined week ${challenge.weekNumber}. ${target} Log each one with the **Log today** button or \`/challenge log\`.`);
}

async function log(ctx: InteractionContext, challenge: ChallengeRow, userId: string, dayText: string | null) {
  const { zone } = club(ctx, challenge.guildId);
  const now = ctx.clock.now();
  const today = localDay(now, zone);
  const week = challengeWeek(challenge.weekStart, zone);
  const day = dayText?.trim() || today;
  if (!isLocalDay(day)) return reply(ctx, `"${day.slice(0, 20)}" is not a date. Write it as YYYY-MM-DD, for example ${today}. Nothing was logged.`);
  if (day > today) return reply(ctx, `${formatDay(day)} has not happened yet. You can log today or an earlier day of this week. Nothing was logged.`);
  if (day < week.start && !(await hasEarlierChallenge(ctx.storage, challenge.guildId, week.start))) {
    return reply(ctx, `${formatDay(day)} was before the club's first challenge week, which started on ${formatDay(week.start)}. You can log any day from then to today. Nothing was logged.`);
  }
  if (day < week.start) {
    return reply(ctx, `${formatDay(day)} belongs to a week that has closed. This week runs from ${formatDay(week.start)}; you can log any day from then to today. Nothing was logged.`);
  }
  const result = logSession(ctx.db, challenge, userId, day, now);
  if (result.outcome === 'already') {
    return reply(ctx, `You already logged a session for ${day === today ? 'today' : formatDay(day)}. One a day counts, so nothing changed.`);
  }
  const count = sessionDays(ctx.db, challenge.id, userId).length;
  refreshWeeklyPost(ctx, challenge);
  return reply(ctx, loggedText(day, count, challenge.targetSessions, result.joined, day === today));
}

function status(ctx: InteractionContext, challenge: ChallengeRow, userId: string) {
  const { zone } = club(ctx, challenge.guildId);
  const now = ctx.clock.now();
  const week = challengeWeek(challenge.weekStart, zone);
  const progress = clubProgress(ctx.db, challenge);
  const streaks = memberStreaks(ctx.db, challenge.guildId, userId, now);
  const view = statusView({
    post: weeklyPostModel(ctx.db, challenge.guildId, week, zone, false),
    targetSessions: challenge.targetSessions,
    enrolled: isEnrolled(ctx.db, challenge.id, userId),
    paused: isMemberPaused(ctx.db, challenge.guildId, userId),
    myDays: sessionDays(ctx.db, challenge.id, userId),
    current: streaks.current,
    best: streaks.best,
    joined: progress.joined,
    reachedTarget: progress.reachedTarget,
  });
  return ctx.respond.reply({ ...view, ephemeral: true });
}

function pause(ctx: InteractionContext, guildId: string, userId: string, paused: boolean) {
  const now = ctx.clock.now();
  const changed = setMemberPaused(ctx.db, guildId, userId, paused, currentChallenge(ctx.db, guildId, now), now);
  if (paused) {
    return reply(
      ctx,
      changed
        ? 'Paused. Your streak is frozen: weeks while you are paused neither count nor break it. Look after yourself, and `/challenge resume` when you are ready.'
        : 'You are already paused. `/challenge resume` when you are ready.',
    );
  }
  return reply(ctx, changed ? 'Welcome back! Your streak carries on from where you paused it.' : 'You are not paused.');
}

export const challengeCommand = defineCommand({
  definition,
  ephemeral: true,

  async execute(interaction, ctx) {
    if (!interaction.inGuild()) return reply(ctx, 'The strength challenge runs inside a club server.');
    const args = readArgs(interaction, definition);
    const guildId = interaction.guildId;
    const userId = interaction.user.id;
    if (args.subcommand === 'leaderboard') return runLeaderboard(interaction, ctx, args.period);
    if (args.subcommand === 'pause' || args.subcommand === 'resume') return pause(ctx, guildId, userId, args.subcommand === 'pause');
    const challenge = currentChallenge(ctx.db, guildId, ctx.clock.now());
    if (!challenge) return reply(ctx, NO_CHALLENGE_TEXT);
    switch (args.subcommand) {
      case 'join':
        return join(ctx, challenge, userId);
      case 'log':
        return log(ctx, challenge, userId, args.day);
      case 'status':
        return status(ctx, challenge, userId);
    }
  },

});

/** The weekly post's buttons (Join, Log today, Pain rule), on the post and on a moderator's preview. */
export const challengeButtons = defineComponents({
  codec: challengeCodec,
  ephemeral: true,
  async component(interaction, decoded, ctx) {
    if (!interaction.inGuild()) return ctx.respond.fail(STALE_COMPONENT_TEXT);
    if (decoded.action === 'pain') return ctx.respond.reply({ ...painRuleView(), ephemeral: true });
    if (decoded.preview) return previewAnswer(interaction, ctx, decoded);
    // Who may act, and on which week, is decided now from this server's records: the id only names the week.
    const now = ctx.clock.now();
    const current = currentChallenge(ctx.db, interaction.guildId, now);
    if (!current || current.weekStart !== decoded.weekStart) {
      const named = challengeForWeek(ctx.db, interaction.guildId, decoded.weekStart);
      if (!named || named.status === 'skipped' || named.opensAt.getTime() > now.getTime()) return ctx.respond.fail(STALE_COMPONENT_TEXT);
      return reply(ctx, `That challenge week has closed. ${current ? "Use this week's post, or `/challenge join`." : 'A new one comes out soon.'}`);
    }
    if (decoded.action === 'join') return join(ctx, current, interaction.user.id);
    return log(ctx, current, interaction.user.id, null);
  },
});

/** A button on a moderator's private preview: it changes nothing, and says where the real one will be. */
function previewAnswer(interaction: MessageComponentInteraction, ctx: InteractionContext, decoded: ChallengeButton) {
  const action = decoded.action === 'join' ? 'Join' : 'Log today';
  const plain = `That **${action}** button is on a preview of the weekly post, so nothing was changed.`;
  const weekly = interaction.inGuild() && isModerator(interaction, ctx.db) ? clubSettings(ctx.db, interaction.guildId)?.weekly : undefined;
  if (!weekly) return reply(ctx, plain);
  const when = weekly.status === 'active' && weekly.nextRunAt ? ` It goes up <t:${Math.floor(weekly.nextRunAt.getTime() / 1000)}:F>.` : '';
  return reply(ctx, `${plain} On the real post in <#${weekly.channelId}>, members press it themselves.${when}`);
}
