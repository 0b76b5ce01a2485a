/**
 * Rules that tie one field of a body to another. Discord refuses these bodies (and discord.js's own builders
 * refuse to build them), but the generated discord-api-spec schemas check each field alone and let them pass.
 * Pure functions over raw JSON, like limits.ts.
 */
import { FILES_KEY, UPLOADS_KEY } from './attachments.js';
import { ComponentType } from './interaction-payloads.js';
import type { LimitIssue } from './limits.js';

const SELECT_TYPES = new Set<unknown>([
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
]);
const ButtonStyle = { Link: 5, Premium: 6 } as const;
const OptionType = { String: 3, Integer: 4, Number: 10 } as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Present in the JSON sense: Discord treats a null field as absent. */
function has(component: Json, key: string): boolean {
  return component[key] !== undefined && component[key] !== null;
}

function nonEmptyText(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

function collectButtonIssues(issues: LimitIssue[], button: Json, path: string): void {
  const { style } = button;
  if (style === ButtonStyle.Link) {
    if (!nonEmptyText(button.url)) issues.push({ path: `${path}.url`, message: 'a link button (style 5) needs a url' });
    if (has(button, 'custom_id')) issues.push({ path: `${path}.custom_id`, message: 'a link button (style 5) cannot have a custom_id' });
  } else if (style === ButtonStyle.Premium) {
    if (!nonEmptyText(button.sku_id)) issues.push({ path: `${path}.sku_id`, message: 'a premium button (style 6) needs a sku_id' });
    for (const key of ['custom_id', 'url', 'label', 'emoji']) {
      if (has(button, key)) issues.push({ path: `${path}.${key}`, message: `a premium button (style 6) cannot have a ${key}` });
    }
  } else {
    if (!nonEmptyText(button.custom_id)) issues.push({ path: `${path}.custom_id`, message: `a button of style ${String(style)} needs a custom_id` });
    if (has(button, 'url')) issues.push({ path: `${path}.url`, message: 'only a link button (style 5) can have a url' });
  }
  if (style !== ButtonStyle.Premium && !nonEmptyText(button.label) && !isObject(button.emoji)) {
    issues.push({ path: `${path}.label`, message: 'a button needs a label, an emoji, or both' });
  }
}

function collectSelectIssues(issues: LimitIssue[], select: Json, path: string): void {
  const min = typeof select.min_values === 'number' ? select.min_values : 1;
  const max = typeof select.max_values === 'number' ? select.max_values : 1;
  if (min > max) issues.push({ path: `${path}.min_values`, message: `min_values (${min}) cannot be above max_values (${max})` });
  if (select.type !== ComponentType.StringSelect) return;
  const options = asArray(select.options).filter(isObject);
  if (options.length < min) {
    issues.push({ path: `${path}.min_values`, message: `min_values (${min}) cannot be above the number of options (${options.length})` });
  }
  const seen = new Set<unknown>();
  options.forEach((option, index) => {
    if (seen.has(option.value)) issues.push({ path: `${path}.options.${index}.value`, message: `duplicate option value ${JSON.stringify(option.value)}` });
    seen.add(option.value);
  });
}

function collectTextInputIssues(issues: LimitIssue[], input: Json, path: string): void {
  const { min_length: min, max_length: max } = input;
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    issues.push({ path: `${path}.min_length`, message: `min_length (${min}) cannot be above max_length (${max})` });
  }
}

/**
 * Walks action rows, labels and section accessories; `path` is the list's own path (`components`, `data.components`).
 * A custom_id may appear once per message or modal, disabled components included: Discord refuses the second
 * use at its own path with COMPONENT_CUSTOM_ID_DUPLICATED.
 */
export function collectComponentRuleIssues(components: unknown, path: string): LimitIssue[] {
  const issues: LimitIssue[] = [];
  const seenIds = new Set<string>();
  const visit = (component: unknown, at: string): void => {
    if (!isObject(component)) return;
    if (typeof component.custom_id === 'string') {
      if (seenIds.has(component.custom_id)) {
        issues.push({ path: `${at}.custom_id`, message: 'Component custom id was already specified', errorCode: 'COMPONENT_CUSTOM_ID_DUPLICATED' });
      }
      seenIds.add(component.custom_id);
    }
    if (component.type === ComponentType.Button) collectButtonIssues(issues, component, at);
    if (SELECT_TYPES.has(component.type)) collectSelectIssues(issues, component, at);
    if (component.type === ComponentType.TextInput) collectTextInputIssues(issues, component, at);
    asArray(component.components).forEach((child, index) => visit(child, `${at}.components.${index}`));
    if (isObject(component.component)) visit(component.component, `${at}.component`);
    if (isObject(component.accessory)) visit(component.accessory, `${at}.accessory`);
  };
  asArray(components).forEach((component, index) => visit(component, `${path}.${index}`));
  return issues;
}

/** `parse: ['users']` with a `users` list (or the same for roles) is refused: the two say different things. */
export function collectAllowedMentionsIssues(body: unknown, path: string): LimitIssue[] {
  if (!isObject(body) || !isObject(body.allowed_mentions)) return [];
  const mentions = body.allowed_mentions;
  const parse = asArray(mentions.parse);
  const issues: LimitIssue[] = [];
  for (const kind of ['users', 'roles'] as const) {
    if (parse.includes(kind) && asArray(mentions[kind]).length > 0) {
      issues.push({ path: `${path}.${kind}`, message: `parse: ["${kind}"] and a ${kind} list are mutually exclusive` });
    }
  }
  return issues;
}

/** Each choice's value must have the focused option's type: an integer for 4, a number for 10, a string for 3. */
export function collectAutocompleteValueIssues(data: unknown, focusedOptionType: number | undefined): LimitIssue[] {
  if (focusedOptionType === undefined || !isObject(data)) return [];
  const issues: LimitIssue[] = [];
  asArray(data.choices).forEach((choice, index) => {
    if (!isObject(choice)) return;
    const { value } = choice;
    const fits =
      focusedOptionType === OptionType.Integer
        ? typeof value === 'number' && Number.isSafeInteger(value)
        : focusedOptionType === OptionType.Number
          ? typeof value === 'number' && Number.isFinite(value)
          : focusedOptionType === OptionType.String
            ? typeof value === 'string'
            : true;
    if (!fits) {
      issues.push({
        path: `data.choices.${index}.value`,
        message: `${JSON.stringify(value)} does not fit the focused option, which has type ${focusedOptionType}`,
      });
    }
  });
  return issues;
}

/**
 * Fields a body may carry: the spec's own, plus what discord.js puts in every message body (`tts`, `nonce`,
 * `enforce_nonce`, which Discord ignores where they do not apply). Anything else is most likely a misspelling
 * (`ephemeral` instead of `flags: 64`) that would silently do nothing. The double's own multipart markers
 * (the file names and the uploaded bytes it adds after parsing `payload_json`) are not fields.
 */
export function collectUnknownFieldIssues(body: unknown, known: readonly string[], path: string): LimitIssue[] {
  if (!isObject(body)) return [];
  return Object.keys(body)
    .filter((key) => key !== FILES_KEY && key !== UPLOADS_KEY && !known.includes(key))
    .map((key) => ({ path: path ? `${path}.${key}` : key, message: `unknown field "${key}"` }));
}
