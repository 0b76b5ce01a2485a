import {
  ApplicationCommandOptionType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type BaseInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { REPEATS, pingToRoleId, type NamedRepeat, type Ping } from '../../src/announcements/announcement.js';
import { channelRefusal, normalisePing, pingRefusal, type AnnouncementActor } from '../../src/announcements/authorize.js';
import { editedTiming } from '../../src/announcements/edit-timing.js';
import { notBefore, timingFor, upcomingRuns, type Timing } from '../../src/announcements/repeat.js';
import { textNotes, textProblem } from '../../src/announcements/text-limits.js';
import { dateOrderFor, describeWhenNote, parseWhen, type WhenNote } from '../../src/announcements/when.js';
import { defineCommand, type CommandDefinition, type InteractionContext } from '../../src/platform/discord/command.js';
import { isModerator, NOT_A_MODERATOR_TEXT } from '../../src/platform/discord/moderators.js';
import { pacerMissingIn, POSTABLE_CHANNEL_TYPES } from '../../src/platform/discord/preconditions.js';
import type { ServerFacts } from '../../src/platform/discord/server-facts.js';
import { readArgs } from '../../src/platform/discord/options.js';
import { STALE_COMPONENT_TEXT } from '../../src/platform/discord/router.js';
import type { AppContext } from '../../src/platform/app-context.js';
import {
  cancelAnnouncement,
  clubTimeSettings,
  createAnnouncement,
  editAnnouncement,
  getAnnouncement,
  listAnnouncements,
  pauseAnnouncement,
  resumeAnnouncement,
  searchAnnouncements,
  type AnnouncementRow,
  type ClubTimeSettings,
} from '../../src/announcements/store.js';
import { nextRun } from '../../src/platform/time/weekly-rules.js';
import { ANNOUNCE_PREFIX, decodeAnnounceId, encodeAnnounceId } from './custom-id.js';
import {
  announcementModal,
  BODY_FIELD,
  cancelPromptView,
  confirmationView,
  LIST_PAGE_SIZE,
  listView,
  notFoundText,
  plainView,
  previewView,
  TITLE_FIELD,
} from './views.js';

export const NO_CLUB_TEXT =
  'This server has no Pacer club settings yet. Run `/club setup` first: it sets the time zone that announcement times are read in. Nothing was saved.';
const CRON_TOO_LONG_TEXT = 'That cron rule is too long to carry through the form. Write it more briefly (for example `0 18 * * 1`). Nothing was saved.';

const idOption = { type: ApplicationCommandOptionType.Integer, name: 'id', description: 'The announcement (start typing)', required: true, autocomplete: true, min_value: 1 } as const;
const repeatOption = {
  type: ApplicationCommandOptionType.String,
  name: 'repeat',
  description: 'How often (default: once)',
  choices: REPEATS.map((r) => ({ name: r, value: r })),
} as const;
const cronOption = { type: ApplicationCommandOptionType.String, name: 'cron', description: 'Instead of repeat: five cron fields in the club zone, e.g. 0 18 * * 1', max_length: 60 } as const;

const definition = {
  name: 'announce',
  description: 'Schedule announcements (moderators)',
  contexts: [InteractionContextType.Guild],
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'schedule',
      description: 'Schedule an announcement (you write it in the next step)',
      options: [
        { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'Where to post', required: true, channel_types: POSTABLE_CHANNEL_TYPES },
        { type: ApplicationCommandOptionType.String, name: 'when', description: 'In the club zone: 2026-12-01 18:00, tomorrow 18:00, next monday 7am, in 2 hours', required: true, max_length: 100 },
        repeatOption,
        cronOption,
        { type: ApplicationCommandOptionType.Role, name: 'ping', description: 'A role to ping (default: nobody)' },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: "This server's announcements" },
    { type: ApplicationCommandOptionType.Subcommand, name: 'preview', description: 'See an announcement privately, exactly as it will post', options: [idOption] },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'edit',
      description: 'Change the text, and optionally the time or repeat',
      options: [idOption, { type: ApplicationCommandOptionType.String, name: 'when', description: 'A new first post time (club zone)', max_length: 100 }, repeatOption, cronOption],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'pause', description: 'Stop posting until resumed', options: [idOption] },
    { type: ApplicationCommandOptionType.Subcommand, name: 'resume', description: 'Start posting again', options: [idOption] },
    { type: ApplicationCommandOptionType.Subcommand, name: 'cancel', description: 'Stop an announcement for good', options: [idOption] },
  ],
} as const satisfies CommandDefinition;

function asRepeat(value: string | null): NamedRepeat | null {
  return (REPEATS as readonly string[]).includes(value ?? '') ? (value as NamedRepeat) : null;
}


function canMentionEveryone(interaction: BaseInteraction): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.MentionEveryone) ?? false;
}


/** The member and this server as Discord describes them now (the interaction's member permissions, the server's roles and channels). */
function actorOf(interaction: BaseInteraction, server: ServerFacts | null, guildId: string): AnnouncementActor {
  return {
    guildId,
    mayMentionEveryone: canMentionEveryone(interaction),
    roles: new Map([...(server?.roles.values() ?? [])].map((role) => [role.id, { name: role.name, mentionable: role.mentionable }])),
    channels: new Map([...(server?.channels.values() ?? [])].map((channel) => [channel.id, { postable: (POSTABLE_CHANNEL_TYPES as readonly ChannelType[]).includes(channel.type) }])),
  };
}

/** The moderator gate and the club's settings, or the private refusal already sent. */
async function gate(interaction: BaseInteraction, ctx: InteractionContext): Promise<{ guildId: string; club: ClubTimeSettings } | { refusal: string }> {
  if (!interaction.inGuild() || !(await isModerator(interaction, ctx.storage))) return { refusal: NOT_A_MODERATOR_TEXT };
  const club = await clubTimeSettings(ctx.storage, interaction.guildId);
  if (!club) return { refusal: NO_CLUB_TEXT };
  return { guildId: interaction.guildId, club };
}

function whenNotes(notes: readonly WhenNote[], at: Date, zone: string): string[] {
  return notes.map((note) => describeWhenNote(note, at, zone));
}

function confirmation(row: AnnouncementRow, timing: Pick<Timing, 'cron' | 'firstRun' | 'repeat'>, notes: string[], verb: 'scheduled' | 'updated') {
  return confirmationView(
    {
      id: row.id,
      channelId: row.channelId,
      repeat: timing.repeat,
      cron: timing.cron,
      ping: row.ping,
      zone: row.timezone,
      runs: upcomingRuns(timing.cron, row.timezone, timing.firstRun, 3),
      notes,
      paused: row.status === 'paused',
    },
    verb,
  );
}

function modalText(interaction: ModalSubmitInteraction): { title: string | null; body: string } {
  const read = (id: string) => {
    try {
      return interaction.fields.getTextInputValue(id);
    } catch {
      return '';
    }
  };
  const title = read(TITLE_FIELD).trim();
  return { title: title ? title : null, body: read(BODY_FIELD).trim() };
}

export const announceCommand = defineCommand({
  definition,
  componentPrefixes: [ANNOUNCE_PREFIX],
  ephemeral: true,

  // The modal must be the first response: before it, only the database and (with the gateway off) the server's
  // facts are waited on, and those give up after 1.5 s, inside the router's 2 s before it defers.
  async execute(interaction, ctx) {
    const gated = await gate(interaction, ctx);
    if ('refusal' in gated) return ctx.respond.fail(gated.refusal);
    const { guildId, club } = gated;
    const zone = club.timezone;
    const now = ctx.clock.now();
    const args = readArgs(interaction, definition);
    const order = dateOrderFor(club.region ?? ctx.config.defaultRegion);

    switch (args.subcommand) {
      case 'schedule': {
        const server = await ctx.server();
        const missing = pacerMissingIn(server, args.channel) ?? [];
        if (missing.length > 0) {
          return ctx.respond.fail(`Pacer cannot post in <#${args.channel}>: it lacks ${missing.join(', ')} there. Give Pacer those permissions in that channel, or pick another. Nothing was saved.`);
        }
        const when = parseWhen(args.when, zone, now, order);
        if (!when.ok) return ctx.respond.fail(when.error);
        const timing = timingFor(when.at, zone, asRepeat(args.repeat), args.cron);
        if (!timing.ok) return ctx.respond.fail(timing.error);
        const ping: Ping = args.ping ? normalisePing({ kind: 'role', roleId: args.ping }, guildId) : { kind: 'nobody' };
        const refused = pingRefusal(ping, actorOf(interaction, server, guildId));
        if (refused) return ctx.respond.fail(refused);
        let customId: string;
        try {
          customId = encodeAnnounceId({ kind: 'new', draft: { channelId: args.channel, start: when.at, repeat: timing.repeat, ping, notes: when.notes, cron: timing.repeat === 'cron' ? timing.cron : null } });
        } catch {
          return ctx.respond.fail(CRON_TOO_LONG_TEXT);
        }
        return ctx.respond.showModal(announcementModal(customId, 'New announcement'));
      }
      case 'list':
        return showList(ctx, guildId, 1, 'reply');
      case 'preview': {
        const row = await getAnnouncement(ctx.storage, guildId, args.id);
        if (!row) return ctx.respond.fail(notFoundText(args.id));
        return ctx.respond.reply(previewView(row));
      }
      case 'edit': {
        const row = await getAnnouncement(ctx.storage, guildId, args.id);
        if (!row) return ctx.respond.fail(notFoundText(args.id));
        if (row.status === 'cancelled') return ctx.respond.fail(`Announcement #${row.id} was cancelled and cannot be edited. Schedule a new one with \`/announce schedule\`.`);
        let start: Date | null = null;
        if (args.when) {
          const when = parseWhen(args.when, zone, now, order);
          if (!when.ok) return ctx.respond.fail(when.error);
          start = when.at;
        }
        const repeat = asRepeat(args.repeat);
        const cron = args.cron?.trim() ? args.cron : null;
        const timing = editedTiming(row, { start, repeat, cron }, zone, now);
        if (timing && !timing.ok) return ctx.respond.fail(timing.error);
        let customId: string;
        try {
          customId = encodeAnnounceId({ kind: 'edit', draft: { id: row.id, start, repeat, cron: timing?.ok && timing.repeat === 'cron' ? timing.cron : null } });
        } catch {
          return ctx.respond.fail(CRON_TOO_LONG_TEXT);
        }
        return ctx.respond.showModal(announcementModal(customId, `Edit announcement #${row.id}`, row));
      }
      case 'pause': {
        const row = await getAnnouncement(ctx.storage, guildId, args.id);
        if (!row) return ctx.respond.fail(notFoundText(args.id));
        if (row.status !== 'active') return ctx.respond.fail(`Announcement #${row.id} is ${row.status}, so there is nothing to pause.`);
        await pauseAnnouncement(ctx.storage, row, interaction.user.id, now);
        return ctx.respond.reply(plainView(`Announcement #${row.id} is paused. Nothing posts until \`/announce resume id:${row.id}\`.`));
      }
      case 'resume': {
        const row = await getAnnouncement(ctx.storage, guildId, args.id);
        if (!row) return ctx.respond.fail(notFoundText(args.id));
        if (row.status !== 'paused' && row.status !== 'failed') return ctx.respond.fail(`Announcement #${row.id} is ${row.status}, so there is nothing to resume.`);
        const next = row.cron ? nextRun(row.cron, row.timezone, now) : row.nextRunAt && row.nextRunAt > now ? row.nextRunAt : null;
        if (!next) {
          return ctx.respond.fail(`Announcement #${row.id}'s time has passed while it was paused. Give it a new time with \`/announce edit id:${row.id} when:…\`, then resume it.`);
        }
        await resumeAnnouncement(ctx.storage, row, next, interaction.user.id, now);
        const resumed = { ...row, status: 'active' as const };
        return ctx.respond.reply(confirmation(resumed, { cron: row.cron, repeat: row.repeat, firstRun: next }, [], 'updated'));
      }
      case 'cancel': {
        const row = await getAnnouncement(ctx.storage, guildId, args.id);
        if (!row) return ctx.respond.fail(notFoundText(args.id));
        if (row.status === 'cancelled') return ctx.respond.fail(`Announcement #${row.id} is already cancelled.`);
        return ctx.respond.reply(cancelPromptView(row.id, row.channelId));
      }
    }
  },

  async autocomplete(interaction, ctx: AppContext) {
    if (!interaction.inGuild() || !(await isModerator(interaction, ctx.storage))) return interaction.respond([]);
    const typed = String(interaction.options.getFocused());
    const rows = await searchAnnouncements(ctx.storage, interaction.guildId, typed);
    await interaction.respond(
      rows.map((row) => {
        const label = `#${row.id} · ${row.status} · ${(row.title ?? row.body).replace(/\s+/g, ' ')}`;
        return { name: label.length > 100 ? `${label.slice(0, 99)}…` : label, value: row.id };
      }),
    );
  },

  async modal(interaction, ctx) {
    const action = decodeAnnounceId(interaction.customId);
    if (!action || (action.kind !== 'new' && action.kind !== 'edit')) return ctx.respond.fail(STALE_COMPONENT_TEXT);
    const gated = await gate(interaction, ctx);
    if ('refusal' in gated) return ctx.respond.fail(gated.refusal);
    const { guildId, club } = gated;
    const now = ctx.clock.now();
    const text = modalText(interaction);
    const problem = textProblem(text.title, text.body);
    if (problem) return ctx.respond.fail(problem);

    if (action.kind === 'new') {
      const draft = action.draft;
      // The form's id is client-held: the channel and the ping are checked again against the server as it is now.
      const actor = actorOf(interaction, await ctx.server(), guildId);
      const refused = channelRefusal(draft.channelId, actor) ?? pingRefusal(draft.ping, actor);
      if (refused) return ctx.respond.fail(refused);
      const ping = normalisePing(draft.ping, guildId);
      const computed = timingFor(draft.start, club.timezone, draft.repeat === 'cron' || draft.repeat === 'none' ? null : draft.repeat, draft.cron);
      if (!computed.ok) return ctx.respond.fail(computed.error);
      const timing = notBefore(computed, club.timezone, now);
      if (!timing) {
        return ctx.respond.fail(`The time you chose passed while the form was open. Nothing was saved; run \`/announce schedule\` again. Your text:\n${text.body.slice(0, 1500)}`);
      }
      const id = await createAnnouncement(ctx.storage, {
        guildId,
        channelId: draft.channelId,
        repeat: timing.repeat,
        cron: timing.cron,
        firstRun: timing.firstRun,
        title: text.title,
        body: text.body,
        ping,
        pingRoleId: pingToRoleId(ping, guildId),
        by: interaction.user.id,
        at: now,
      });
      const row = (await getAnnouncement(ctx.storage, guildId, id))!;
      return ctx.respond.reply(confirmation(row, timing, [...whenNotes(draft.notes, draft.start, club.timezone), ...timing.notes, ...textNotes(text.body)], 'scheduled'));
    }

    const draft = action.draft;
    const row = await getAnnouncement(ctx.storage, guildId, draft.id);
    if (!row) return ctx.respond.fail(notFoundText(draft.id));
    if (row.status === 'cancelled') return ctx.respond.fail(`Announcement #${row.id} was cancelled and cannot be edited. Nothing was changed.`);
    const edited = editedTiming(row, { start: draft.start, repeat: draft.repeat, cron: draft.cron }, club.timezone, now);
    if (edited && !edited.ok) return ctx.respond.fail(edited.error);
    const timing = edited ? notBefore(edited, club.timezone, now) : null;
    if (edited && !timing) {
      return ctx.respond.fail(`The new time passed while the form was open. Nothing was changed; run \`/announce edit id:${row.id}\` again.`);
    }
    await editAnnouncement(ctx.storage, row, { ...text, ...(timing ? { timing } : {}), by: interaction.user.id, at: now });
    const updated = (await getAnnouncement(ctx.storage, guildId, row.id))!;
    const shown = timing ?? { cron: updated.cron, repeat: updated.repeat, firstRun: updated.nextRunAt };
    if (!shown.firstRun || updated.status === 'done') {
      return ctx.respond.reply(plainView(`Announcement #${row.id} updated. It has already posted and has no further posts; give it a \`when\` with \`/announce edit\` to post it again.`));
    }
    return ctx.respond.reply(confirmation(updated, { ...shown, firstRun: shown.firstRun }, [...(timing ? timing.notes : []), ...textNotes(text.body)], 'updated'));
  },

  async component(interaction, ctx) {
    const action = decodeAnnounceId(interaction.customId);
    if (!action || action.kind === 'new' || action.kind === 'edit') return ctx.respond.fail(STALE_COMPONENT_TEXT);
    const gated = await gate(interaction, ctx);
    if ('refusal' in gated) return ctx.respond.fail(gated.refusal);
    const { guildId } = gated;
    switch (action.kind) {
      case 'list':
        return showList(ctx, guildId, action.page, 'update');
      case 'preview': {
        const row = await getAnnouncement(ctx.storage, guildId, action.id);
        if (!row) return ctx.respond.fail(notFoundText(action.id));
        return ctx.respond.reply(previewView(row));
      }
      case 'keep':
        return ctx.respond.update(plainView(`Announcement #${action.id} is kept; nothing was changed.`));
      case 'cancel': {
        const row = await getAnnouncement(ctx.storage, guildId, action.id);
        if (!row) return ctx.respond.fail(notFoundText(action.id));
        if (row.status !== 'cancelled') await cancelAnnouncement(ctx.storage, row, interaction.user.id, ctx.clock.now());
        return ctx.respond.update(plainView(`Announcement #${row.id} is cancelled. It will not post again.`));
      }
    }
  },
});

async function showList(ctx: InteractionContext, guildId: string, page: number, mode: 'reply' | 'update') {
  const { rows, total } = await listAnnouncements(ctx.storage, guildId, (page - 1) * LIST_PAGE_SIZE, LIST_PAGE_SIZE);
  const view = listView(rows, page, total);
  return mode === 'update' ? ctx.respond.update(view) : ctx.respond.reply(view);
}
