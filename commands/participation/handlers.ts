/**
 * Participation subcommands that live under other commands: `/challenge leaderboard` and `/club stats`,
 * `/club export`, `/club forget`. Their definitions and handlers are here; /challenge and /club list them.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationCommandOptionType, AttachmentBuilder, type ChatInputCommandInteraction, type MessageComponentInteraction } from 'discord.js';
import type { InteractionContext } from '../../src/platform/discord/command.js';
import { allDisplayNames, displayNames } from './member-names.js';
import { isModerator, NOT_A_MODERATOR_TEXT } from '../../src/platform/discord/moderators.js';
import { STALE_COMPONENT_TEXT } from '../../src/platform/discord/router.js';
import { eraseMember } from '../../src/participation/erasure-store.js';
import { clubMemberIds } from '../../src/participation/store.js';
import { exportRows, exportWeeks, loadClubChart, loadLeaderboard } from '../../src/participation/reports-store.js';
import { summariseErasure } from '../../src/participation/erasure-summary.js';
import { PERIODS, type Period } from '../../src/participation/leaderboard.js';
import { isLocalDay } from '../../src/platform/time/days.js';
import {
  CHART_FILE_NAME,
  erasedText,
  leaderboardIds,
  leaderboardView,
  PERIOD_LABELS,
  statsView,
  type LeaderboardState,
} from './views.js';

const S = ApplicationCommandOptionType;

export const leaderboardSubcommand = {
  type: S.Subcommand,
  name: 'leaderboard',
  description: 'The club leaderboard: sessions and streaks',
  options: [{ type: S.String, name: 'period', description: 'Which period (default: this week)', choices: PERIODS.map((p) => ({ name: PERIOD_LABELS[p], value: p })) }],
} as const;

export const clubParticipationSubcommands = [
  { type: S.Subcommand, name: 'stats', description: 'A chart of the club\'s last 12 weeks' },
  {
    type: S.Subcommand,
    name: 'export',
    description: 'Download the club\'s participation as CSV (moderators)',
    options: [
      { type: S.String, name: 'from', description: 'First day, YYYY-MM-DD (default: the first record)', min_length: 10, max_length: 10 },
      { type: S.String, name: 'to', description: 'Last day, YYYY-MM-DD (default: today)', min_length: 10, max_length: 10 },
    ],
  },
  {
    type: S.Subcommand,
    name: 'forget',
    description: 'Erase a member\'s participation in this club (moderators)',
    options: [{ type: S.User, name: 'member', description: 'The member to erase', required: true }],
  },
] as const;

export const NOT_IN_SERVER_TEXT = 'This works only inside a club\'s server.';

// ---- /challenge leaderboard ---------------------------------------------------------------------------------

async function showLeaderboard(interaction: ChatInputCommandInteraction | MessageComponentInteraction, ctx: InteractionContext, state: LeaderboardState, mode: 'reply' | 'update') {
  if (!interaction.inGuild()) return ctx.respond.fail(NOT_IN_SERVER_TEXT);
  const page = loadLeaderboard(ctx.db, interaction.guildId, { ...state, callerId: interaction.user.id, now: ctx.clock.now() });
  const ids = [...page.rows.map((r) => r.userId)];
  const names = await displayNames(interaction.guild, ids);
  const view = leaderboardView(page, names, interaction.user.id);
  if (mode === 'update') return ctx.respond.update(view);
  return ctx.respond.reply({ ...view, ephemeral: false });
}

export function runLeaderboard(interaction: ChatInputCommandInteraction, ctx: InteractionContext, period: string | null) {
  const chosen: Period = (PERIODS as readonly string[]).includes(period ?? '') ? (period as Period) : 'week';
  return showLeaderboard(interaction, ctx, { period: chosen, board: 'sessions', page: 1 }, 'reply');
}

/** Buttons under a leaderboard: any member may page it; the page shows the clicker's own rank. */
export function leaderboardComponent(interaction: MessageComponentInteraction, ctx: InteractionContext) {
  const state = leaderboardIds.decode(interaction.customId);
  if (!state) return ctx.respond.fail(STALE_COMPONENT_TEXT);
  return showLeaderboard(interaction, ctx, state, 'update');
}

// ---- /club stats -------------------------------------------------------------------------------------------

export async function runStats(interaction: ChatInputCommandInteraction, ctx: InteractionContext) {
  if (!interaction.inGuild()) return ctx.respond.fail(NOT_IN_SERVER_TEXT);
  const weeks = loadClubChart(ctx.db, interaction.guildId, ctx.clock.now());
  // The renderer (a native module) and the CSV writer load on first use, keeping start-up light.
  const { chartSvg, renderPng } = await import('../../src/participation/chart.js');
  const png = renderPng(chartSvg(weeks, 'Weekly challenge: joined and reached the target'));
  const view = statsView(weeks);
  await ctx.respond.reply({ ...view, files: [new AttachmentBuilder(png, { name: CHART_FILE_NAME, description: 'Bar chart of the last 12 weeks; the numbers are in the message text.' })], ephemeral: false });
}

// ---- /club export ------------------------------------------------------------------------------------------

export async function runExport(interaction: ChatInputCommandInteraction, ctx: InteractionContext, from: string | null, to: string | null) {
  if (!interaction.inGuild()) return ctx.respond.fail(NOT_IN_SERVER_TEXT);
  if (!isModerator(interaction, ctx.db)) return ctx.respond.fail(NOT_A_MODERATOR_TEXT);
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (value !== null && !isLocalDay(value)) return ctx.respond.fail(`\`${name}\` must be a real date written YYYY-MM-DD, for example 2026-03-02. Nothing was exported.`);
  }
  if (from && to && from > to) return ctx.respond.fail('`from` is after `to`. Nothing was exported.');
  const guildId = interaction.guildId;
  const now = ctx.clock.now();
  const weeks = exportWeeks(ctx.db, guildId, { from, to }, now);
  const dir = mkdtempSync(join(tmpdir(), 'pacer-export-'));
  const path = join(dir, 'participation.csv');
  try {
    // Names of the club's members only, read once from Discord's member list (a few requests even for 5,000).
    let names: Promise<Map<string, string>> | null = null;
    const resolveNames = () => (names ??= allDisplayNames(interaction.guild, new Set(clubMemberIds(ctx.db, guildId))).catch(() => new Map<string, string>()));
    const { writeCsv } = await import('../../src/participation/export-csv.js');
    await writeCsv(exportRows(ctx.db, guildId, weeks, now, resolveNames), path);
    const size = statSync(path).size;
    if (size > interaction.attachmentSizeLimit) {
      return ctx.respond.fail(`The export is ${Math.ceil(size / 1_048_576)} MB, over this server's upload limit. Pick a shorter range with \`from\` and \`to\`.`);
    }
    const first = weeks[0];
    const last = weeks[weeks.length - 1];
    await ctx.respond.reply({
      content: `Participation export${first && last ? `, weeks starting ${first} to ${last}` : ''}: one row per member and week. Display names are as they are now.`,
      files: [new AttachmentBuilder(path, { name: `pacer-participation-${guildId}.csv` })],
      ephemeral: true,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- /club forget ------------------------------------------------------------------------------------------

export async function runClubForget(interaction: ChatInputCommandInteraction, ctx: InteractionContext, memberId: string) {
  if (!interaction.inGuild()) return ctx.respond.fail(NOT_IN_SERVER_TEXT);
  if (!isModerator(interaction, ctx.db)) return ctx.respond.fail(NOT_A_MODERATOR_TEXT);
  const result = eraseMember(ctx.db, memberId, { guildId: interaction.guildId });
  ctx.logger.info({ erased: result.total, scope: 'club' }, 'member erased by a moderator');
  await ctx.respond.reply({ content: erasedText(summariseErasure(result.deleted, result.cleared), 'member'), ephemeral: true });
}

export const CLUB_PARTICIPATION_SUBCOMMANDS = ['stats', 'export', 'forget'] as const;

/** `/club stats|export|forget`: stats for anyone who can see /club; export and forget check the moderator gate. */
export function runClubParticipation(interaction: ChatInputCommandInteraction, ctx: InteractionContext, subcommand: (typeof CLUB_PARTICIPATION_SUBCOMMANDS)[number]) {
  switch (subcommand) {
    case 'stats':
      return runStats(interaction, ctx);
    case 'export':
      return runExport(interaction, ctx, interaction.options.getString('from'), interaction.options.getString('to'));
    case 'forget':
      return runClubForget(interaction, ctx, interaction.options.getUser('member', true).id);
  }
}

export function isClubParticipationSubcommand(name: string | null): name is (typeof CLUB_PARTICIPATION_SUBCOMMANDS)[number] {
  return (CLUB_PARTICIPATION_SUBCOMMANDS as readonly (string | null)[]).includes(name);
}
