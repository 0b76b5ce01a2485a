/** Pure views for /announce: modals, the confirmation, the list, the preview and the cancel prompt. */
import { ButtonStyle, ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from 'discord.js';
import { REPEAT_LABELS, type AnnouncementContent, type AnnouncementStatus, type AnnouncementText, type Ping, type Repeat } from '../../src/announcements/announcement.js';
import { describePing } from '../../src/announcements/mentions.js';
import { announcementPost } from '../../src/announcements/post.js';
import { BODY_MAX, TITLE_MAX } from '../../src/announcements/text-limits.js';
import type { MessagePayload } from '../../src/platform/discord/components.js';
import { encodeAnnounceId } from './custom-id.js';
import { button, buttonRows, clip } from '../../src/platform/discord/components.js';

export const TITLE_FIELD = 'title';
export const BODY_FIELD = 'body';
export const LIST_PAGE_SIZE = 10;

/** Nothing in these private views ever pings. */
const NO_PINGS = { parse: [] as [] };

export function announcementModal(customId: string, heading: string, current?: AnnouncementText): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId,
    title: clip(heading, 45),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: TITLE_FIELD,
            label: 'Title (optional: posts as an embed)',
            style: TextInputStyle.Short,
            required: false,
            max_length: TITLE_MAX,
            ...(current?.title ? { value: current.title } : {}),
          },
        ],
      },
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: BODY_FIELD,
            label: `Message (up to ${BODY_MAX.toLocaleString('en-GB')} characters)`,
            placeholder: `Discord's form stops at ${BODY_MAX.toLocaleString('en-GB')} characters; Pacer tells you if the text reached that.`,
            style: TextInputStyle.Paragraph,
            required: true,
            min_length: 1,
            max_length: BODY_MAX,
            ...(current ? { value: current.body } : {}),
          },
        ],
      },
    ],
  };
}

const ts = (at: Date, style: 'F' | 'f' | 'R' = 'F') => `<t:${Math.floor(at.getTime() / 1000)}:${style}>`;

export function repeatLabel(repeat: Repeat, cron: string | null): string {
  return repeat === 'cron' && cron ? `cron \`${cron}\`` : REPEAT_LABELS[repeat];
}

export interface ConfirmationInput {
  id: number;
  channelId: string;
  repeat: Repeat;
  cron: string | null;
  ping: Ping;
  zone: string;
  runs: Date[];
  notes: string[];
  paused?: boolean;
}

export function confirmationView(input: ConfirmationInput, verb: 'scheduled' | 'updated'): MessagePayload {
  const lines = [
    `**Announcement #${input.id} ${verb}** for <#${input.channelId}>.`,
    `Repeat: ${repeatLabel(input.repeat, input.cron)} (club time zone ${input.zone}).`,
    input.runs.length > 1 ? 'Next posts:' : 'Posts at:',
    ...input.runs.map((run) => `• ${ts(run)} (${ts(run, 'R')})`),
    `Pings: ${describePing(input.ping)}.`,
    ...(input.paused ? ['It is paused: nothing posts until `/announce resume`.'] : []),
    ...input.notes.map((note) => `Note: ${note}`),
  ];
  return {
    content: lines.join('\n'),
    components: buttonRows([button(encodeAnnounceId({ kind: 'preview', id: input.id }), 'Preview', ButtonStyle.Secondary)]),
    allowedMentions: NO_PINGS,
    ephemeral: true,
  };
}

/** Exactly what the channel will see, privately. */
export function previewView(content: AnnouncementContent): MessagePayload {
  const post = announcementPost(content);
  return {
    content: post.content ?? '',
    embeds: post.embeds ?? [],
    components: [],
    allowedMentions: NO_PINGS,
    ephemeral: true,
  };
}

export interface ListEntry {
  id: number;
  channelId: string;
  nextRunAt: Date | null;
  repeat: Repeat;
  cron: string | null;
  createdBy: string;
  status: AnnouncementStatus;
  lastError: string | null;
  title: string | null;
  body: string;
}

export const STATUS_LABELS: Record<AnnouncementStatus, string> = {
  active: 'active',
  paused: 'paused',
  done: 'posted (done)',
  failed: 'failed',
  cancelled: 'cancelled',
};

export function listView(entries: readonly ListEntry[], page: number, total: number): MessagePayload {
  const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  if (total === 0) {
    return { content: 'This server has no announcements yet. Schedule one with `/announce schedule`.', components: [], allowedMentions: NO_PINGS, ephemeral: true };
  }
  const lines = entries.map((e) => {
    const next = e.nextRunAt && (e.status === 'active' || e.status === 'paused') ? ts(e.nextRunAt, 'f') : '-';
    const label = clip((e.title ?? e.body).replace(/\s+/g, ' '), 40);
    return `**#${e.id}** ${label}\n<#${e.channelId}> · next: ${next} · ${repeatLabel(e.repeat, e.cron)} · by <@${e.createdBy}> · ${STATUS_LABELS[e.status]}${e.lastError && e.status !== 'active' ? ` (${clip(e.lastError, 80)})` : ''}`;
  });
  const buttons = [
    button(encodeAnnounceId({ kind: 'list', page: Math.max(1, page - 1) }), '◀ Newer', ButtonStyle.Secondary, page <= 1),
    button(encodeAnnounceId({ kind: 'list', page: Math.min(pages, page + 1) }), 'Older ▶', ButtonStyle.Secondary, page >= pages),
  ];
  return {
    content: [`**Announcements** (page ${page} of ${pages}, ${total} in all)`, ...lines].join('\n'),
    components: pages > 1 ? buttonRows(buttons) : [],
    allowedMentions: NO_PINGS,
    ephemeral: true,
  };
}

export function cancelPromptView(id: number, channelId: string): MessagePayload {
  return {
    content: `Cancel announcement #${id} for <#${channelId}>? It will not post again. This cannot be undone.`,
    components: buttonRows([
      button(encodeAnnounceId({ kind: 'cancel', id }), 'Cancel announcement', ButtonStyle.Danger),
      button(encodeAnnounceId({ kind: 'keep', id }), 'Keep it', ButtonStyle.Secondary),
    ]),
    allowedMentions: NO_PINGS,
    ephemeral: true,
  };
}

export function plainView(content: string): MessagePayload {
  return { content, components: [], embeds: [], allowedMentions: NO_PINGS, ephemeral: true };
}

export function notFoundText(id: number): string {
  return `There is no announcement #${id} in this server. \`/announce list\` shows this server's announcements.`;
}
