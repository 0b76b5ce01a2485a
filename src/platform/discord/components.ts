import {
  ButtonStyle,
  type APIEmbed,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIStringSelectComponent,
  type InteractionReplyOptions,
} from 'discord.js';

/** A message as a view builds it; `ephemeral` applies only when it starts a new response. */
export interface MessagePayload {
  content?: string;
  embeds?: InteractionReplyOptions['embeds'];
  components?: InteractionReplyOptions['components'];
  allowedMentions?: InteractionReplyOptions['allowedMentions'];
  /** Attachments (a chart, an export). */
  files?: InteractionReplyOptions['files'];
  ephemeral?: boolean;
}

/** Pacer's embed colour. */
export const PACER_GREEN = 0x2e9e5b;

/** A message's body as a view returns it; the handler adds `ephemeral` and mentions. */
export interface MessageView {
  content?: string;
  embeds: APIEmbed[];
  components: Row[];
}

export type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

export const MAX_BUTTONS_PER_ROW = 5;
export const MAX_LABEL = 80;

export type ActionButtonStyle = ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;

export function button(
  customId: string,
  label: string,
  style: ActionButtonStyle = ButtonStyle.Secondary,
  disabled = false,
): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id: customId, label: clip(label, MAX_LABEL), style, disabled };
}

/** Lays buttons out five to a row. */
export function buttonRows(buttons: readonly APIButtonComponentWithCustomId[]): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < buttons.length; i += MAX_BUTTONS_PER_ROW) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + MAX_BUTTONS_PER_ROW) });
  }
  return rows;
}

export interface SelectOption {
  value: string;
  label: string;
  description?: string;
  /** Shown as already chosen. */
  default?: boolean;
}

export function selectRow(
  customId: string,
  placeholder: string,
  options: readonly SelectOption[],
  { min = 1, max = 1 }: { min?: number; max?: number } = {},
): Row {
  const select: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: customId,
    placeholder: clip(placeholder, 150),
    min_values: min,
    max_values: Math.min(max, options.length),
    options: options.slice(0, 25).map((o) => ({
      value: o.value,
      label: clip(o.label, 100),
      ...(o.description ? { description: clip(o.description, 100) } : {}),
      ...(o.default ? { default: true } : {}),
    })),
  };
  return { type: ComponentType.ActionRow, components: [select] };
}

/** Shortens text to `max` characters, ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function bulletList(items: readonly string[]): string {
  return items.map((item) => `• ${item}`).join('\n');
}

export function numberedList(items: readonly string[]): string {
  return items.map((item, i) => `${i + 1}. ${item}`).join('\n');
}
