import {
  ApplicationCommandAutocompleteCallbackRequestSchema,
  ApplicationCommandUpdateRequestSchema,
  CreateMessageInteractionCallbackRequestSchema,
  ExternalScheduledEventCreateRequestSchema,
  ExternalScheduledEventPatchRequestPartialSchema,
  IncomingWebhookInteractionRequestSchema,
  IncomingWebhookRequestPartialSchema,
  IncomingWebhookUpdateForInteractionCallbackRequestPartialSchema,
  IncomingWebhookUpdateRequestPartialSchema,
  LaunchActivityInteractionCallbackRequestSchema,
  MessageCreateRequestSchema,
  MessageEditRequestPartialSchema,
  ModalInteractionCallbackRequestDataSchema,
  ModalInteractionCallbackRequestSchema,
  PongInteractionCallbackRequestSchema,
  StageScheduledEventCreateRequestSchema,
  StageScheduledEventPatchRequestPartialSchema,
  UpdateMessageInteractionCallbackRequestSchema,
  VoiceScheduledEventCreateRequestSchema,
  VoiceScheduledEventPatchRequestPartialSchema,
} from 'discord-api-spec/zod';
import * as z from 'zod/mini';
import {
  collectAutocompleteValueIssues,
  collectComponentRuleIssues,
  collectUnknownFieldIssues,
} from './cross-field.js';
import {
  collectAutocompleteIssues,
  collectCommandDefinitionIssues,
  collectMessageLimitIssues,
  type LimitIssue,
} from './limits.js';

// zod/mini ships without messages ("Invalid input"); the classic `zod` entry point installs the same locale.
z.config(z.locales.en());

export type BodyKind =
  | 'message-create'
  | 'message-edit'
  | 'webhook-execute'
  | 'webhook-edit'
  | 'interaction-callback'
  | 'commands-overwrite'
  | 'scheduled-event-create'
  | 'scheduled-event-modify';

/** What the double knows about the request beyond its body. */
export interface BodyContext {
  /** For an autocomplete result: the type of the option the member is typing in (3 string, 4 integer, 10 number). */
  focusedOptionType?: number;
  /** For a scheduled event's modify: the event's entity type, which picks the schema when the body does not change it. */
  eventEntityType?: number;
}

export interface BodyValidation {
  issues: LimitIssue[];
  /** 50035 Invalid Form Body unless a more specific code applies (50006 empty message). */
  code: number;
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  errors?: ZodIssueLike[][];
}

const MAX_COMMANDS_PER_OVERWRITE = 130;

function isTypeMismatch(issue: ZodIssueLike): boolean {
  return issue.code === 'invalid_value' && issue.path[issue.path.length - 1] === 'type';
}

/** Flattens union errors to the branch that most plausibly was meant (the one whose `type` matched). */
function flattenIssues(issues: ZodIssueLike[], prefix: PropertyKey[] = []): LimitIssue[] {
  const flat: LimitIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
      const branches = issue.errors;
      const matching = branches.filter((branch) => !branch.some(isTypeMismatch));
      const candidates = matching.length > 0 ? matching : branches;
      const best = candidates.reduce((a, b) => (b.length < a.length ? b : a));
      if (best.length > 0) {
        flat.push(...flattenIssues(best, path));
        continue;
      }
    }
    flat.push({ path: path.map(String).join('.'), message: issue.message });
  }
  return flat;
}

function schemaIssues(schema: z.ZodMiniType, body: unknown): LimitIssue[] {
  const result = schema.safeParse(body);
  return result.success ? [] : flattenIssues(result.error.issues);
}

/** discord.js puts these in every message body it builds; Discord ignores them where they do not apply. */
const DISCORD_JS_MESSAGE_EXTRAS = ['tts', 'nonce', 'enforce_nonce'] as const;

const fieldsOf = (schema: { shape: object }, extras: readonly string[] = DISCORD_JS_MESSAGE_EXTRAS): readonly string[] => [
  ...Object.keys(schema.shape),
  ...extras,
];

const KNOWN_FIELDS = {
  'message-create': fieldsOf(MessageCreateRequestSchema),
  'message-edit': fieldsOf(MessageEditRequestPartialSchema),
  'webhook-execute': fieldsOf(IncomingWebhookRequestPartialSchema),
  'webhook-edit': fieldsOf(IncomingWebhookUpdateRequestPartialSchema),
} as const;

/** The spec's create body is oneOf external (3), stage (1) and voice (2), told apart by `entity_type`. */
const SCHEDULED_EVENT_SCHEMAS: Record<number, z.ZodMiniObject> = {
  1: StageScheduledEventCreateRequestSchema,
  2: VoiceScheduledEventCreateRequestSchema,
  3: ExternalScheduledEventCreateRequestSchema,
};

/** The spec's modify body is anyOf the same three partial schemas. */
const SCHEDULED_EVENT_PATCH_SCHEMAS: Record<number, z.ZodMiniObject> = {
  1: StageScheduledEventPatchRequestPartialSchema,
  2: VoiceScheduledEventPatchRequestPartialSchema,
  3: ExternalScheduledEventPatchRequestPartialSchema,
};

function scheduledEventIssues(body: unknown, schemas: Record<number, z.ZodMiniObject>, currentType?: number): LimitIssue[] {
  const given = typeof body === 'object' && body !== null ? (body as { entity_type?: unknown }).entity_type : undefined;
  const type = given ?? currentType;
  const schema = typeof type === 'number' ? schemas[type] : undefined;
  if (!schema) return [{ path: 'entity_type', message: `unknown entity type ${JSON.stringify(type)}` }];
  return [...schemaIssues(schema, body), ...collectUnknownFieldIssues(body, Object.keys(schema.shape), '')];
}

const CALLBACK_DATA_FIELDS: Record<number, readonly string[]> = {
  4: fieldsOf(IncomingWebhookInteractionRequestSchema),
  5: fieldsOf(IncomingWebhookInteractionRequestSchema),
  6: fieldsOf(IncomingWebhookUpdateForInteractionCallbackRequestPartialSchema),
  7: fieldsOf(IncomingWebhookUpdateForInteractionCallbackRequestPartialSchema),
  8: ['choices'],
  9: fieldsOf(ModalInteractionCallbackRequestDataSchema, []),
};

function callbackSchema(type: unknown): z.ZodMiniType | undefined {
  switch (type) {
    case 1:
      return PongInteractionCallbackRequestSchema;
    case 4:
    case 5:
      return CreateMessageInteractionCallbackRequestSchema;
    case 6:
    case 7:
      return UpdateMessageInteractionCallbackRequestSchema;
    case 8:
      return ApplicationCommandAutocompleteCallbackRequestSchema;
    case 9:
      return ModalInteractionCallbackRequestSchema;
    case 12:
      return LaunchActivityInteractionCallbackRequestSchema;
    default:
      return undefined;
  }
}

function prefixed(issues: LimitIssue[], prefix: string): LimitIssue[] {
  return issues.map((issue) => ({ ...issue, path: issue.path ? `${prefix}.${issue.path}` : prefix }));
}

function callbackIssues(body: unknown, context: BodyContext): LimitIssue[] {
  const type = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
  const data = typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined;
  const schema = callbackSchema(type);
  if (!schema) return [{ path: 'type', message: `unknown interaction callback type ${String(type)}` }];
  const issues = [...schemaIssues(schema, body), ...collectUnknownFieldIssues(body, ['type', 'data'], '')];
  const dataFields = typeof type === 'number' ? CALLBACK_DATA_FIELDS[type] : undefined;
  if (dataFields) issues.push(...collectUnknownFieldIssues(data, dataFields, 'data'));
  if (type === 4) issues.push(...prefixed(collectMessageLimitIssues(data, { requireContent: true }), 'data'));
  if (type === 7) issues.push(...prefixed(collectMessageLimitIssues(data), 'data'));
  if (type === 8) issues.push(...collectAutocompleteIssues(data), ...collectAutocompleteValueIssues(data, context.focusedOptionType));
  if (type === 9 && typeof data === 'object' && data !== null) {
    issues.push(...collectComponentRuleIssues((data as { components?: unknown }).components, 'data.components'));
  }
  return issues;
}

function webhookExecuteIssues(body: unknown): LimitIssue[] {
  // The spec's request body is oneOf [IncomingWebhookRequestPartial, IncomingWebhookUpdateRequestPartial].
  const asCreate = schemaIssues(IncomingWebhookRequestPartialSchema, body);
  const matchesEither = asCreate.length === 0 || schemaIssues(IncomingWebhookUpdateRequestPartialSchema, body).length === 0;
  return [...(matchesEither ? [] : asCreate), ...collectMessageLimitIssues(body, { requireContent: true })];
}

/**
 * The spec types default_member_permissions as an integer, but Discord documents (and discord.js sends) a
 * decimal string; both are accepted by the real API, so a numeric string is checked as its number.
 */
function withNumericPermissions(definition: unknown): unknown {
  if (typeof definition !== 'object' || definition === null) return definition;
  const permissions = (definition as { default_member_permissions?: unknown }).default_member_permissions;
  if (typeof permissions !== 'string' || !/^\d+$/.test(permissions)) return definition;
  return { ...definition, default_member_permissions: Number(permissions) };
}

function commandsOverwriteIssues(body: unknown): LimitIssue[] {
  if (body === null) return [];
  if (!Array.isArray(body)) return [{ path: '', message: 'must be an array of application commands' }];
  const issues: LimitIssue[] = [];
  if (body.length > MAX_COMMANDS_PER_OVERWRITE) {
    issues.push({ path: '', message: `at most ${MAX_COMMANDS_PER_OVERWRITE} commands (got ${body.length})` });
  }
  body.forEach((definition, index) => {
    issues.push(...prefixed(schemaIssues(ApplicationCommandUpdateRequestSchema, withNumericPermissions(definition)), String(index)));
  });
  issues.push(...collectCommandDefinitionIssues(body));
  return issues;
}

export function validateBody(kind: BodyKind, body: unknown, context: BodyContext = {}): BodyValidation {
  let issues: LimitIssue[];
  switch (kind) {
    case 'message-create':
      issues = [...schemaIssues(MessageCreateRequestSchema, body), ...collectMessageLimitIssues(body, { requireContent: true })];
      break;
    case 'message-edit':
      issues = [...schemaIssues(MessageEditRequestPartialSchema, body), ...collectMessageLimitIssues(body)];
      break;
    case 'webhook-execute':
      issues = webhookExecuteIssues(body);
      break;
    case 'webhook-edit':
      issues = [...schemaIssues(IncomingWebhookUpdateRequestPartialSchema, body), ...collectMessageLimitIssues(body)];
      break;
    case 'interaction-callback':
      issues = callbackIssues(body, context);
      break;
    case 'commands-overwrite':
      issues = commandsOverwriteIssues(body);
      break;
    case 'scheduled-event-create':
      issues = scheduledEventIssues(body, SCHEDULED_EVENT_SCHEMAS);
      break;
    case 'scheduled-event-modify':
      issues = scheduledEventIssues(body, SCHEDULED_EVENT_PATCH_SCHEMAS, context.eventEntityType);
      break;
  }
  if (kind in KNOWN_FIELDS) issues.push(...collectUnknownFieldIssues(body, KNOWN_FIELDS[kind as keyof typeof KNOWN_FIELDS], ''));
  const specific = issues.find((issue) => issue.code !== undefined)?.code;
  return { issues, code: specific ?? 50035 };
}

/** Discord's nested `errors` object: `{ content: { _errors: [{ code, message }] } }`. */
export function toDiscordErrors(issues: LimitIssue[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const issue of issues) {
    let node = root;
    for (const key of issue.path.split('.').filter(Boolean)) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    const list = (node._errors ??= []) as Array<{ code: string; message: string }>;
    list.push({ code: issue.errorCode ?? 'DOUBLE_VALIDATION', message: issue.message });
  }
  return root;
}
