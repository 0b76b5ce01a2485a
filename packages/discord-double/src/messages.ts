import { snowflakeAt } from './snowflake.js';
import { type FixtureUser, userPayload } from './fixtures.js';
import { uploadsOf, type Upload } from './attachments.js';

export const MessageFlags = { Ephemeral: 1 << 6, Loading: 1 << 7 } as const;

export type MessageSource = 'channel' | 'interaction-response' | 'follow-up' | 'synthetic';

/** A message object as Discord returns it (the fields discord.js reads). */
export interface ApiMessage {
  id: string;
  type: number;
  channel_id: string;
  author: ReturnType<typeof userPayload>;
  content: string;
  timestamp: string;
  edited_timestamp: string | null;
  tts: boolean;
  mention_everyone: boolean;
  mentions: unknown[];
  mention_roles: string[];
  attachments: unknown[];
  embeds: Array<Record<string, unknown>>;
  components: unknown[];
  pinned: boolean;
  flags: number;
  webhook_id?: string;
  application_id?: string;
  interaction_metadata?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface StoredMessage {
  message: ApiMessage;
  source: MessageSource;
  interactionId?: string;
  deleted: boolean;
  editCount: number;
  /** Bytes of the files uploaded with the message (by filename). */
  uploads?: Map<string, Upload>;
}

export interface NewMessage {
  channelId: string;
  body: Record<string, unknown>;
  source: MessageSource;
  author?: FixtureUser;
  type?: number;
  interactionId?: string;
  extraFlags?: number;
  fields?: Partial<ApiMessage>;
}

const TOGGLEABLE_FLAGS = (1 << 2) | (1 << 12); // SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS
const IS_COMPONENTS_V2 = 1 << 15; // can be set by an edit, never unset
const ATTACHMENT_KEY = '__files';

export type MessageChange = 'created' | 'edited' | 'deleted';
export type MessageObserver = (stored: StoredMessage, change: MessageChange) => void;

function embedsFrom(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.map((embed) => ({ type: 'rich', ...(embed as Record<string, unknown>) })) : [];
}

function attachmentsFrom(body: Record<string, unknown>, now: number): unknown[] {
  const files = body[ATTACHMENT_KEY];
  if (!Array.isArray(files)) return Array.isArray(body.attachments) ? body.attachments : [];
  const uploads = uploadsOf(body);
  return files.map((filename) => ({
    id: snowflakeAt(now),
    filename: String(filename),
    size: uploads?.find((u) => u.filename === filename)?.data.length ?? 0,
    ...(uploads ? { content_type: uploads.find((u) => u.filename === filename)?.contentType } : {}),
    url: `https://cdn.invalid/${String(filename)}`,
    proxy_url: `https://cdn.invalid/${String(filename)}`,
  }));
}

function keepUploads(stored: StoredMessage, body: Record<string, unknown>): void {
  const uploads = uploadsOf(body);
  if (uploads) stored.uploads = new Map(uploads.map((u) => [u.filename, u]));
}

export class MessageStore {
  private readonly byId = new Map<string, StoredMessage>();
  /** Told about every message created, edited or deleted (the playground's event stream). */
  observer: MessageObserver | undefined;

  constructor(
    private readonly botUser: FixtureUser,
    private readonly now: () => number,
  ) {}

  create(input: NewMessage): StoredMessage {
    const at = this.now();
    const { body } = input;
    const message: ApiMessage = {
      id: snowflakeAt(at),
      type: input.type ?? 0,
      channel_id: input.channelId,
      author: userPayload(input.author ?? this.botUser),
      content: typeof body.content === 'string' ? body.content : '',
      timestamp: new Date(at).toISOString(),
      edited_timestamp: null,
      tts: body.tts === true,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: attachmentsFrom(body, at),
      embeds: embedsFrom(body.embeds),
      components: Array.isArray(body.components) ? body.components : [],
      pinned: false,
      flags: (typeof body.flags === 'number' ? body.flags : 0) | (input.extraFlags ?? 0),
      ...input.fields,
    };
    if (body.message_reference) message.message_reference = body.message_reference;
    if (body.poll) message.poll = body.poll;
    const stored: StoredMessage = { message, source: input.source, deleted: false, editCount: 0 };
    keepUploads(stored, body);
    if (input.interactionId) stored.interactionId = input.interactionId;
    this.byId.set(message.id, stored);
    this.observer?.(stored, 'created');
    return stored;
  }

  /** Applies a PATCH body: present fields replace, null clears, absent fields stay. */
  edit(stored: StoredMessage, body: Record<string, unknown>): StoredMessage {
    const { message } = stored;
    if ('content' in body) message.content = typeof body.content === 'string' ? body.content : '';
    if ('embeds' in body) message.embeds = embedsFrom(body.embeds);
    if ('components' in body) message.components = Array.isArray(body.components) ? body.components : [];
    if ('attachments' in body || ATTACHMENT_KEY in body) message.attachments = attachmentsFrom(body, this.now());
    keepUploads(stored, body);
    if (typeof body.flags === 'number') {
      message.flags = (message.flags & ~TOGGLEABLE_FLAGS) | (body.flags & (TOGGLEABLE_FLAGS | IS_COMPONENTS_V2));
    }
    message.flags &= ~MessageFlags.Loading;
    message.edited_timestamp = new Date(this.now()).toISOString();
    stored.editCount += 1;
    this.observer?.(stored, 'edited');
    return stored;
  }

  get(id: string): StoredMessage | undefined {
    const stored = this.byId.get(id);
    return stored && !stored.deleted ? stored : undefined;
  }

  delete(id: string): boolean {
    const stored = this.get(id);
    if (!stored) return false;
    stored.deleted = true;
    this.observer?.(stored, 'deleted');
    return true;
  }

  inChannel(channelId: string, sources: readonly MessageSource[]): ApiMessage[] {
    return [...this.byId.values()]
      .filter((stored) => !stored.deleted && stored.message.channel_id === channelId && sources.includes(stored.source))
      .map((stored) => stored.message);
  }
}
