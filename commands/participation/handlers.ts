/**
 * Participation subcommands that live under other commands: `/challenge leaderboard` and `/club stats`,
 * `/club export`, `/club forget`. Their definitions and handlers are here; /challenge and /club list them.
 */
import { statSync } from 'node:fs';
import {
  ApplicationCommandOptionType,
  AttachmentBuilder,
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
} from 'discord.js';
import type { InteractionContext } from '../../src/platform/discord/command.js';
import { displayNames } from './member-names.js';
import { isModerator, NOT_A_MODERATOR_TEXT } from '../../src/platform/discord/moderators.js';
import { STALE_COMPONENT_TEXT } from '../../src/platform/discord/router.js';
import { dateOrderFor } from '../../src/announcements/when.js';
import { clubSettings } from '../../src/challenges/club-settings-store.js';
import { eraseMember } from '../../src/participation/erasure-store.js';
import { clubMemberNames } from '../../src/participation/member-names-store.js';
import { clubMemberIdsInTurns, exportRange, exportRows, loadClubChart, loadLeaderboard } from '../../src/participation/reports-store.js';
import { recordPostedMentions } from '../../src/participation/posted-mentions-store.js';
import { summariseErasure } from '../../src/participation/erasure-summary.js';
import { parseExportDate } from '../../src/participation/export-dates.js';
import { emptyExportFolder, exportFolderOf, withExportFile } from '../../src/participation/export-folder.js';
import { PERIODS, type Period } from '../../src/participation/leaderboard.js';
import {
  CHART_FILE_NAME,
  erasedText,
  leaderboardView,
  PERIOD_LABELS,
  plainName,
  statsView,
} from './views.js';
import type { LeaderboardState } from './custom-id.js';

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
      { type: S.String, name: 'from', description: 'First day, e.g. 2026-11-01, 1/11/2026 or 1 Nov 2026 (default: the first record)', max_length: 40 },
      { type: S.String, name: 'to', description: 'Last day, e.g. 2026-11-30 or 30 Nov 2026 (default: today)', max_length: 40 },
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
  const guildId = interaction.guildId;
  const page = await loadLeaderboard(ctx.storage, guildId, { ...state, callerId: interaction.user.id, now: ctx.clock.now() });
  const names = await displayNames(ctx.storage, interaction, guildId, page.rows.map((r) => r.userId));
  const view = leaderboardView(page, names, interaction.user.id);
  if (mode === 'update') return ctx.respond.update(view);
  await ctx.respond.reply({ ...view, ephemeral: false });
  // A public board names members: noted, so an erasure can take a name out of it later.
  const shown = page.rows.filter((r) => names.has(r.userId)).map((r) => ({ userId: r.userId, shown: `**${r.rank}.** ${plainName(names.get(r.userId)!)} · ` }));
  if (shown.length === 0) return;
  const message = await interaction.fetchReply().catch(() => null);
  if (message) await recordPostedMentions(ctx.storage, { guildId, channelId: message.channelId, messageId: message.id, members: shown }, ctx.clock.now());
}

export function runLeaderboard(interaction: ChatInputCommandInteraction, ctx: InteractionContext, period: string | null) {
  const chosen: Period = (PERIODS as readonly string[]).includes(period ?? '') ? (period as Period) : 'week';
  return showLeaderboard(interaction, ctx, { period: chosen, board: 'sessions', page: 1 }, 'reply');
}

/** Buttons under a leaderboard: any member may page it; the page shows the clicker's own rank. */
export function leaderboardComponent(interaction: MessageComponentInteraction, state: LeaderboardState, ctx: InteractionContext) {
  return showLeaderboard(interaction, ctx, { period: state.period, board: state.board, page: state.page }, 'update');
}

// ---- /club stats -------------------------------------------------------------------------------------------

async function chartMessage(ctx: InteractionContext, guildId: string, shareable: boolean) {
  const weeks = await loadClubChart(ctx.storage, guildId, ctx.clock.now());
  // The renderer (a native module) loads on first use, keeping start-up light.
  const { chartSvg, renderPngOffThread } = await import('../../src/participation/chart.js');
  const png = await renderPngOffThread(chartSvg(weeks, 'Club challenge: sessions and targets reached'));
  const description = 'Bar chart of sessions and members reaching the target per week, with the sessions trend; the numbers are in the message text.';
  return { ...statsView(weeks, shareable), files: [new AttachmentBuilder(png, { name: CHART_FILE_NAME, description })] };
}

/** The moderator sees the chart privately first; "Share to channel" posts it for everyone. */
export async function runStats(interaction: ChatInputCommandInteraction, ctx: InteractionContext) {
  if (!interaction.inGuild()) return ctx.respond.fail(NOT_IN_SERVER_TEXT);
  await ctx.respond.reply({ ...(await chartMessage(ctx, interaction.guildId, true)), ephemeral: true });
}

/** "Share to channel": checked again at the click (a moderator only), then posted publicly, as it is now. */
export async function statsComponent(interaction: MessageComponentInteraction, _share: 'share', ctx: InteractionContext) {
  if (!interaction.inGuild()) return ctx.respond.fail(STALE_COMPONENT_TEXT);
  if (!(await isModerator(interaction, ctx.storage))) return ctx.respond.fail(NOT_A_MODERATOR_TEXT);
  await ctx.respond.reply({ ...(await chartMessage(ctx, interaction.guildId, false)), ephemeral: false });
}

// ---- /club export ------------------------------------------------------------------------------------------

/** "Riverside Runners" -> "riverside-runners" (ASCII letters and digits only; "club" when nothing is left). */
export function fileSafeName(name: string | undefined): string {
  const slug = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'club';
}

/** Single-member look-ups per export, for members Pacer has never seen (each is one request to Discord). */
const EXPORT_NAME_FETCHES = 100;

const DATE_HELP = 'Write it like 2026-11-01, 1/11/2026 or 1 Nov 2026.';

export async function runExport(interaction: ChatInputCommandInteraction, ctx: InteractionContext, fromText: string | null, toText: string | null) {
  if (!interaction.inGuild()) return ctx.respond.fail(NOT_IN_SERVER_TEXT);
  if (!(await isModerator(interaction, ctx.storage))) return ctx.respond.fail(NOT_A_MODERATOR_TEXT);
  const guildId = interaction.guildId;
  const order = dateOrderFor((await clubSettings(ctx.storage, guildId))?.region ?? ctx.config.defaultRegion);
  const dates: Record<'from' | 'to', string | null> = { from: null, to: null };
  for (const [name, text] of [['from', fromText], ['to', toText]] as const) {
    if (text === null || text.trim() === '') continue;
    const parsed = parseExportDate(text, order);
    if (!parsed) return ctx.respond.fail(`\`${name}\` is not a date I can read ("${text.slice(0, 40)}"). ${DATE_HELP} Nothing was exported.`);
    dates[name] = parsed;
  }
  if (dates.from && dates.to && dates.from > dates.to) return ctx.respond.fail('`from` is after `to`. Nothing was exported.');
  const now = ctx.clock.now();
  const range = await exportRange(ctx.storage, guildId, dates, now);
  if (!range) return ctx.respond.fail('The club has no records in that range. Nothing was exported.');
  const ids = await clubMemberIdsInTurns(ctx.storage, guildId, 250);
  // Checked before writing anything: one row per member and week.
  const { BYTES_PER_ROW, writeCsv } = await import('../../src/participation/export-csv.js');
  const estimate = ids.length * range.weeks.length * BYTES_PER_ROW;
  if (estimate > interaction.attachmentSizeLimit) {
    return ctx.respond.fail(
      `That export would be about ${Math.ceil(estimate / 1_048_576)} MB (${ids.length} members × ${range.weeks.length} weeks), over this server's upload limit. Pick a shorter range with \`from\` and \`to\`. Nothing was exported.`,
    );
  }
  // Names Pacer kept from members' own interactions, then single fetches for a few it has never seen.
  const stored = await clubMemberNames(ctx.storage, guildId);
  let fetchesLeft = EXPORT_NAME_FETCHES;
  const names = async (batch: readonly string[]) => {
    const missing = batch.filter((id) => !stored.has(id));
    if (missing.length === 0) return stored;
    const fetched = await displayNames(ctx.storage, interaction, guildId, missing, { fetchLimit: fetchesLeft });
    fetchesLeft -= Math.min(fetchesLeft, missing.length);
    for (const [id, name] of fetched) stored.set(id, name);
    return stored;
  };
  const fileName = `${fileSafeName((await ctx.server())?.name)}-participation-${range.from}-to-${range.to}.csv`;
  const folder = exportFolderOf(ctx.config);
  await withExportFile(folder, fileName, async (path) => {
    await writeCsv(exportRows(ctx.storage, guildId, range.weeks, names, ids), path);
    const size = statSync(path).size;
    if (size > interaction.attachmentSizeLimit) {
      return ctx.respond.fail(`The export is ${Math.ceil(size / 1_048_576)} MB, over this server's upload limit. Pick a shorter range with \`from\` and \`to\`. Nothing was exported.`);
    }
    await ctx.respond.reply({
      content: `Participation from ${range.from} to ${range.to}: one row per member and week (weeks starting ${range.weeks[0]} to ${range.weeks[range.weeks.length - 1]}). Names are as Pacer last saw them.`,
      files: [new AttachmentBuilder(path, { name: fileName })],
      ephemeral: true,
    });
  });
}

// ---- /club forget ------------------------------------------------------------------------------------------

/** Erases, then clears any finished export file the member could be in. */
export async function eraseAndTidy(ctx: InteractionContext, memberId: string, scope: { guildId?: string }) {
  const result = await eraseMember(ctx.storage, memberId, scope);
  emptyExportFolder(exportFolderOf(ctx.config));
  return result;
}

export async function runClubForget(interaction: ChatInputCommandInteraction, ctx: InteractionContext, memberId: string) {
  if (!interaction.inGuild()) return ctx.respond.fail(NOT_IN_SERVER_TEXT);
  if (!(await isModerator(interaction, ctx.storage))) return ctx.respond.fail(NOT_A_MODERATOR_TEXT);
  const result = await eraseAndTidy(ctx, memberId, { guildId: interaction.guildId });
  ctx.logger.info({ erased: result.total, messagesToEdit: result.messagesToEdit, scope: 'club' }, 'member erased by a moderator');
  await ctx.respond.reply({ content: erasedText(summariseErasure(result.deleted, result.cleared), 'member', result.messagesToEdit), ephemeral: true });
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
