/**
 * Pure rendering: a message object exactly as the bot sent it (Discord's JSON) to skyra web components.
 * Nothing here invents content: every word and control on the page comes from the payload.
 */
import { markdown, type MentionNames } from './markdown.js';
import { h, type ElementNode, type VNode } from './tree.js';

export interface ApiUser {
  id: string;
  username: string;
  global_name?: string | null;
  bot?: boolean;
}

export interface ApiAttachment {
  id: string;
  filename: string;
  size?: number;
  content_type?: string;
  description?: string;
}

export interface ApiMessageLike {
  id: string;
  channel_id: string;
  author: ApiUser;
  content: string;
  timestamp: string;
  edited_timestamp: string | null;
  flags: number;
  embeds: Array<Record<string, unknown>>;
  components: unknown[];
  attachments: unknown[];
}

export interface ShownMessageLike {
  message: ApiMessageLike;
  visibleTo?: string;
  usedCommand?: { userId: string; name: string };
}

export interface RenderContext extends MentionNames {
  formatTimestamp(iso: string): string;
  attachmentUrl(messageId: string, attachment: ApiAttachment, download: boolean): string;
  /** What Discord's client lists in a user (5), role (6), mentionable (7) or channel (8) select menu. */
  menuChoices?(type: number, channelTypes?: number[]): Array<{ label: string; value: string; description?: string }>;
}

/** Select menus whose options Discord's client fills in from the server (users, roles, mentionables, channels). */
export const AUTO_SELECT_TYPES: ReadonlySet<number> = new Set([5, 6, 7, 8]);

export const MessageFlag = { Ephemeral: 1 << 6, Loading: 1 << 7, ComponentsV2: 1 << 15 } as const;

const BUTTON_TYPES: Record<number, string> = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'destructive', 5: 'secondary', 6: 'primary' };
const IMAGE_TYPE = /^image\/(png|jpe?g|gif|webp)$/;
const IMAGE_NAME = /\.(png|jpe?g|gif|webp)$/i;

type Json = Record<string, unknown>;

const asRecord = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const AVATAR_COLOURS = ['#5865f2', '#57f287', '#eb459e', '#fee75c', '#ed4245', '#3ba55c', '#faa61a'];

/** A local avatar (initial on a colour): the page loads nothing from the internet. */
export function avatarFor(id: string, name: string): string {
  const colour = AVATAR_COLOURS[Number(BigInt(id) % BigInt(AVATAR_COLOURS.length))] ?? '#5865f2';
  const initial = (name.trim()[0] ?? '?').toUpperCase().replace(/[<>&"']/g, '?');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="20" fill="${colour}"/><text x="20" y="26" font-size="18" font-family="sans-serif" text-anchor="middle" fill="#fff">${initial}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Whether `viewer` sees the message at all: ephemeral replies and direct messages reach one member only. */
export function visibleTo(shown: ShownMessageLike, viewer: string): boolean {
  if (shown.visibleTo !== undefined) return shown.visibleTo === viewer;
  return !(shown.message.flags & MessageFlag.Ephemeral);
}

export function colorHex(color: unknown): string | undefined {
  return typeof color === 'number' ? `#${color.toString(16).padStart(6, '0')}` : undefined;
}

export function renderMessage(shown: ShownMessageLike, context: RenderContext): ElementNode {
  const { message } = shown;
  const loading = (message.flags & MessageFlag.Loading) !== 0;
  const author = message.author.global_name ?? message.author.username;
  const embedded = embeddedFiles(message);
  return h(
    'discord-message',
    {
      'data-message-id': message.id,
      author,
      avatar: avatarFor(message.author.id, author),
      bot: message.author.bot ? true : undefined,
      ephemeral: message.flags & MessageFlag.Ephemeral ? true : undefined,
      timestamp: context.formatTimestamp(message.timestamp),
      'twenty-four': true,
    },
    shown.usedCommand
      ? h('discord-command', {
          slot: 'reply',
          author: context.user(shown.usedCommand.userId),
          avatar: avatarFor(shown.usedCommand.userId, context.user(shown.usedCommand.userId)),
          command: `/${shown.usedCommand.name}`,
        })
      : undefined,
    loading ? h('span', { class: 'pg-thinking' }, `${author} is thinking…`) : withEdited(markdown(message.content, context), Boolean(message.edited_timestamp) && message.content.trim() !== ''),
    renderAttachments(message.id, message.attachments.filter((attachment) => !embedded.has((attachment as ApiAttachment).filename)), context),
    message.embeds.map((embed) => renderEmbed(embed, context, (url) => attachmentLink(url, message, context))),
    renderComponents(message, context),
  );
}

const LIST_TAGS = new Set(['discord-ordered-list', 'discord-unordered-list', 'discord-list-item', 'discord-header', 'discord-quote', 'discord-subscript']);

/** Discord writes "(edited)" right after the last word, on the same line, even when that line is a list item (never under an embed-only message). */
export function withEdited(nodes: VNode[], edited: boolean): VNode[] {
  if (!edited) return nodes;
  const mark = h('span', { class: 'pg-edited' }, ' (edited)');
  const last = nodes[nodes.length - 1];
  if (last !== undefined && typeof last !== 'string' && LIST_TAGS.has(last.tag)) {
    return [...nodes.slice(0, -1), { ...last, children: withEdited(last.children, true) }];
  }
  return [...nodes, mark];
}

const ATTACHMENT_SCHEME = 'attachment://';

/** Files an embed shows through `attachment://name`: Discord draws them inside the embed, not again below. */
export function embeddedFiles(message: ApiMessageLike): Set<string> {
  const names = new Set<string>();
  for (const embed of message.embeds) {
    for (const url of [asString(asRecord(embed.image).url), asString(asRecord(embed.thumbnail).url)]) {
      if (url?.startsWith(ATTACHMENT_SCHEME)) names.add(url.slice(ATTACHMENT_SCHEME.length));
    }
  }
  return names;
}

function attachmentLink(url: string | undefined, message: ApiMessageLike, context: RenderContext): string | undefined {
  if (!url?.startsWith(ATTACHMENT_SCHEME)) return url;
  const name = url.slice(ATTACHMENT_SCHEME.length);
  const attachment = message.attachments.find((candidate) => (candidate as ApiAttachment).filename === name) as ApiAttachment | undefined;
  return attachment ? context.attachmentUrl(message.id, attachment, false) : undefined;
}

export function renderEmbed(embed: Json, context: RenderContext, resolveUrl: (url: string | undefined) => string | undefined = (url) => url): ElementNode {
  const author = asRecord(embed.author);
  const footer = asRecord(embed.footer);
  const fields = asArray(embed.fields).map(asRecord);
  let inlineIndex = 0;
  return h(
    'discord-embed',
    {
      slot: 'embeds',
      color: colorHex(embed.color),
      'embed-title': asString(embed.title),
      url: asString(embed.url),
      'author-name': asString(author.name),
      'author-url': asString(author.url),
      thumbnail: resolveUrl(asString(asRecord(embed.thumbnail).url)),
      image: resolveUrl(asString(asRecord(embed.image).url)),
    },
    typeof embed.description === 'string' ? h('discord-embed-description', { slot: 'description' }, markdown(embed.description, context, true)) : undefined,
    fields.length > 0
      ? h(
          'discord-embed-fields',
          { slot: 'fields' },
          fields.map((field) => {
            const isInline = field.inline === true;
            inlineIndex = isInline ? (inlineIndex % 3) + 1 : 0;
            return h(
              'discord-embed-field',
              { 'field-title': asString(field.name) ?? '', inline: isInline || undefined, 'inline-index': isInline ? String(inlineIndex) : undefined },
              markdown(asString(field.value) ?? '', context, true),
            );
          }),
        )
      : undefined,
    typeof footer.text === 'string' || typeof embed.timestamp === 'string'
      ? h(
          'discord-embed-footer',
          { slot: 'footer', timestamp: typeof embed.timestamp === 'string' ? context.formatTimestamp(embed.timestamp) : undefined },
          asString(footer.text) ?? '',
        )
      : undefined,
  );
}

export function isImage(attachment: ApiAttachment): boolean {
  return attachment.content_type ? IMAGE_TYPE.test(attachment.content_type) : IMAGE_NAME.test(attachment.filename);
}

function renderAttachments(messageId: string, attachments: unknown[], context: RenderContext): VNode[] {
  return attachments.map((raw) => {
    const attachment = raw as ApiAttachment;
    if (isImage(attachment)) {
      return h('discord-image-attachment', { slot: 'attachments', url: context.attachmentUrl(messageId, attachment, false), alt: attachment.description ?? attachment.filename, 'data-filename': attachment.filename });
    }
    const bytes = attachment.size ?? 0;
    const [amount, unit] = bytes >= 1024 ? [Math.round((bytes / 1024) * 10) / 10, 'KB'] : [bytes, 'B'];
    return h('discord-file-attachment', {
      slot: 'attachments',
      name: attachment.filename,
      bytes: String(amount),
      'bytes-unit': unit,
      href: context.attachmentUrl(messageId, attachment, true),
      target: '_self',
      type: attachment.content_type,
      'data-filename': attachment.filename,
    });
  });
}

function renderComponents(message: ApiMessageLike, context: RenderContext): VNode | undefined {
  if (message.components.length === 0) return undefined;
  const disabledAll = (message.flags & MessageFlag.Loading) !== 0;
  return h(
    'div',
    { slot: 'components', class: 'pg-components' },
    message.components.map((component) => renderComponent(asRecord(component), message.id, context, disabledAll)),
  );
}

function renderComponent(component: Json, messageId: string, context: RenderContext, disabledAll: boolean): VNode {
  switch (component.type) {
    case 1: {
      const children = asArray(component.components).map(asRecord);
      if (children.every((child) => child.type === 2)) {
        return h('discord-action-row', {}, children.map((child) => renderButton(child, messageId, disabledAll)));
      }
      return h('div', { class: 'pg-row' }, children.map((child) => renderComponent(child, messageId, context, disabledAll)));
    }
    case 2:
      return h('discord-action-row', {}, renderButton(component, messageId, disabledAll));
    case 3:
      return renderStringSelect(component, messageId, disabledAll);
    case 5:
    case 6:
    case 7:
    case 8:
      return renderStringSelect(autoSelectAsOptions(component, context), messageId, disabledAll);
    case 10:
      return h('div', { class: 'pg-text-display' }, markdown(asString(component.content) ?? '', context));
    case 17:
      return h('div', { class: 'pg-container', style: colorHex(component.accent_color) ? `border-left-color: ${colorHex(component.accent_color)}` : undefined },
        asArray(component.components).map((child) => renderComponent(asRecord(child), messageId, context, disabledAll)));
    case 9:
      return h('div', { class: 'pg-section' },
        asArray(component.components).map((child) => renderComponent(asRecord(child), messageId, context, disabledAll)),
        component.accessory ? renderComponent(asRecord(component.accessory), messageId, context, disabledAll) : undefined);
    case 14:
      return h('hr', { class: 'pg-separator' });
    default:
      return h('div', { class: 'pg-unsupported' }, `(component type ${String(component.type)}: the playground cannot show it yet)`);
  }
}

function emojiText(emoji: unknown): string {
  const name = asString(asRecord(emoji).name);
  return name && !asRecord(emoji).id ? `${name} ` : '';
}

export function renderButton(button: Json, messageId: string, disabledAll = false): ElementNode {
  const style = typeof button.style === 'number' ? button.style : 2;
  const disabled = button.disabled === true || disabledAll;
  const label = `${emojiText(button.emoji)}${asString(button.label) ?? ''}`.trim();
  return h(
    'discord-button',
    {
      type: BUTTON_TYPES[style] ?? 'secondary',
      url: style === 5 ? asString(button.url) : undefined,
      disabled: disabled || undefined,
      'data-custom-id': asString(button.custom_id),
      'data-message-id': messageId,
    },
    label,
  );
}

/** A user, role, mentionable or channel menu drawn like a string menu, its options being what the server holds. */
export function autoSelectAsOptions(select: Json, context: RenderContext): Json {
  const type = typeof select.type === 'number' ? select.type : 0;
  const channelTypes = Array.isArray(select.channel_types) ? (select.channel_types as number[]) : undefined;
  const defaults = new Set(asArray(select.default_values).map((value) => asString(asRecord(value).id)));
  const choices = context.menuChoices?.(type, channelTypes) ?? [];
  const placeholders: Record<number, string> = { 5: 'Select a member', 6: 'Select a role', 7: 'Select a member or role', 8: 'Select a channel' };
  return {
    ...select,
    placeholder: asString(select.placeholder) ?? placeholders[type],
    options: choices.map((choice) => ({ ...choice, default: defaults.has(choice.value) })),
  };
}

export interface SelectOption {
  label: string;
  value: string;
  description?: string;
  emoji?: string;
  default: boolean;
}

export function selectOptions(select: Json): SelectOption[] {
  return asArray(select.options).map((raw) => {
    const option = asRecord(raw);
    const description = asString(option.description);
    const emoji = emojiText(option.emoji).trim();
    return {
      label: asString(option.label) ?? '',
      value: asString(option.value) ?? '',
      ...(description ? { description } : {}),
      ...(emoji ? { emoji } : {}),
      default: option.default === true,
    };
  });
}

/** Discord's string select; skyra's has no multi-select and no change event, so the page draws its own. */
export function renderStringSelect(select: Json, messageId: string, disabledAll = false): ElementNode {
  const options = selectOptions(select);
  const min = typeof select.min_values === 'number' ? select.min_values : 1;
  const max = typeof select.max_values === 'number' ? select.max_values : 1;
  const chosen = options.filter((option) => option.default);
  const placeholder = asString(select.placeholder) ?? 'Make a selection';
  return h(
    'div',
    {
      class: 'pg-select',
      'data-custom-id': asString(select.custom_id),
      'data-message-id': messageId,
      'data-min': String(min),
      'data-max': String(max),
      'data-disabled': select.disabled === true || disabledAll ? 'true' : undefined,
      role: 'listbox',
      'aria-multiselectable': max > 1 ? 'true' : undefined,
    },
    h('button', { type: 'button', class: 'pg-select-box', disabled: select.disabled === true || disabledAll || undefined },
      chosen.length > 0 ? chosen.map((option) => option.label).join(', ') : h('span', { class: 'pg-placeholder' }, placeholder)),
    h(
      'div',
      { class: 'pg-select-options', hidden: true },
      options.map((option) =>
        h(
          'div',
          { class: 'pg-option', role: 'option', 'data-value': option.value, 'aria-selected': option.default ? 'true' : 'false' },
          max > 1 ? h('span', { class: 'pg-check' }) : undefined,
          option.emoji ? h('span', { class: 'pg-emoji' }, option.emoji) : undefined,
          h('span', { class: 'pg-option-text' }, h('span', { class: 'pg-option-label' }, option.label), option.description ? h('span', { class: 'pg-option-description' }, option.description) : undefined),
        ),
      ),
      max > 1 ? h('button', { type: 'button', class: 'pg-select-apply' }, `Choose (${min === max ? max : `${min} to ${max}`})`) : undefined,
    ),
  );
}
