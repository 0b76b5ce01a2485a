/**
 * Bot-side limits that the generated discord-api-spec schemas do not enforce (discord-notes §0.3, §3).
 * Pure functions over raw JSON bodies, usable on view payloads in unit tests too.
 */
import { collectAllowedMentionsIssues, collectComponentRuleIssues } from './cross-field.js';

export interface LimitIssue {
  path: string;
  message: string;
  /** Discord error code when it is not the generic 50035 Invalid Form Body. */
  code?: number;
  /** The code inside Discord's `_errors` entry, when the double knows Discord's own (else DOUBLE_VALIDATION). */
  errorCode?: string;
}

export const LIMITS = {
  contentLength: 2000,
  embedsPerMessage: 10,
  embedTotalText: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooterText: 2048,
  embedAuthorName: 256,
  actionRows: 5,
  buttonsPerRow: 5,
  selectOptions: 25,
  selectOptionText: 100,
  selectPlaceholder: 150,
  customIdMax: 100,
  buttonLabel: 80,
  componentsV2Total: 40,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceStringValue: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  commandChoices: 25,
  chatInputCommands: 100,
} as const;

const IS_COMPONENTS_V2 = 1 << 15;
const ComponentType = { ActionRow: 1, Button: 2, StringSelect: 3, TextInput: 4, Label: 18 } as const;
const COMMAND_NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Characters as Discord counts them (code points), without building an array of them. */
function textLength(value: unknown): number {
  if (typeof value !== 'string') return 0;
  let length = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

function checkLength(issues: LimitIssue[], path: string, value: unknown, min: number, max: number): void {
  if (value === undefined || value === null) {
    if (min > 0) issues.push({ path, message: `required (${min}-${max} characters)` });
    return;
  }
  if (typeof value !== 'string') return;
  const length = textLength(value);
  if (length < min || length > max) {
    issues.push({ path, message: `must be ${min}-${max} characters long (got ${length})` });
  }
}

function embedText(embed: Json): number {
  const footer = isObject(embed.footer) ? embed.footer : {};
  const author = isObject(embed.author) ? embed.author : {};
  let total = textLength(embed.title) + textLength(embed.description) + textLength(footer.text) + textLength(author.name);
  for (const field of asArray(embed.fields)) {
    if (isObject(field)) total += textLength(field.name) + textLength(field.value);
  }
  return total;
}

function collectEmbedIssues(issues: LimitIssue[], embeds: unknown[]): void {
  if (embeds.length > LIMITS.embedsPerMessage) {
    issues.push({ path: 'embeds', message: `at most ${LIMITS.embedsPerMessage} embeds (got ${embeds.length})` });
  }
  let total = 0;
  embeds.forEach((embed, index) => {
    if (!isObject(embed)) return;
    const path = `embeds.${index}`;
    checkLength(issues, `${path}.title`, embed.title, 0, LIMITS.embedTitle);
    checkLength(issues, `${path}.description`, embed.description, 0, LIMITS.embedDescription);
    if (isObject(embed.footer)) checkLength(issues, `${path}.footer.text`, embed.footer.text, 0, LIMITS.embedFooterText);
    if (isObject(embed.author)) checkLength(issues, `${path}.author.name`, embed.author.name, 0, LIMITS.embedAuthorName);
    const fields = asArray(embed.fields);
    if (fields.length > LIMITS.embedFields) {
      issues.push({ path: `${path}.fields`, message: `at most ${LIMITS.embedFields} fields (got ${fields.length})` });
    }
    fields.forEach((field, fieldIndex) => {
      if (!isObject(field)) return;
      checkLength(issues, `${path}.fields.${fieldIndex}.name`, field.name, 1, LIMITS.embedFieldName);
      checkLength(issues, `${path}.fields.${fieldIndex}.value`, field.value, 1, LIMITS.embedFieldValue);
    });
    total += embedText(embed);
  });
  if (total > LIMITS.embedTotalText) {
    issues.push({ path: 'embeds', message: `total embed text must be at most ${LIMITS.embedTotalText} characters (got ${total})` });
  }
}

function collectComponentIssues(issues: LimitIssue[], component: Json, path: string): void {
  if ('custom_id' in component) checkLength(issues, `${path}.custom_id`, component.custom_id, 1, LIMITS.customIdMax);
  if (component.type === ComponentType.Button) checkLength(issues, `${path}.label`, component.label, 0, LIMITS.buttonLabel);
  if (component.type === ComponentType.StringSelect) {
    const options = asArray(component.options);
    if (options.length < 1 || options.length > LIMITS.selectOptions) {
      issues.push({ path: `${path}.options`, message: `must have 1-${LIMITS.selectOptions} options (got ${options.length})` });
    }
    options.forEach((option, index) => {
      if (!isObject(option)) return;
      checkLength(issues, `${path}.options.${index}.label`, option.label, 1, LIMITS.selectOptionText);
      checkLength(issues, `${path}.options.${index}.value`, option.value, 1, LIMITS.selectOptionText);
      checkLength(issues, `${path}.options.${index}.description`, option.description, 0, LIMITS.selectOptionText);
    });
  }
  if ('placeholder' in component) checkLength(issues, `${path}.placeholder`, component.placeholder, 0, LIMITS.selectPlaceholder);
  for (const key of ['min_values', 'max_values'] as const) {
    const value = component[key];
    if (typeof value === 'number' && (value < 0 || value > LIMITS.selectOptions)) {
      issues.push({ path: `${path}.${key}`, message: `must be 0-${LIMITS.selectOptions}` });
    }
  }
  asArray(component.components).forEach((child, index) => {
    if (isObject(child)) collectComponentIssues(issues, child, `${path}.components.${index}`);
  });
  if (isObject(component.component)) collectComponentIssues(issues, component.component, `${path}.component`);
  if (isObject(component.accessory)) collectComponentIssues(issues, component.accessory, `${path}.accessory`);
}

function countComponents(components: unknown[]): number {
  let count = 0;
  for (const component of components) {
    if (!isObject(component)) continue;
    count += 1 + countComponents(asArray(component.components));
    if (isObject(component.accessory)) count += 1;
    if (isObject(component.component)) count += 1;
  }
  return count;
}

function collectLegacyRowIssues(issues: LimitIssue[], rows: unknown[]): void {
  if (rows.length > LIMITS.actionRows) {
    issues.push({ path: 'components', message: `at most ${LIMITS.actionRows} action rows (got ${rows.length})` });
  }
  rows.forEach((row, index) => {
    if (!isObject(row)) return;
    const path = `components.${index}`;
    if (row.type !== ComponentType.ActionRow) {
      issues.push({ path: `${path}.type`, message: 'top-level components must be action rows (type 1) without IS_COMPONENTS_V2' });
      return;
    }
    const children = asArray(row.components).filter(isObject);
    const buttons = children.filter((child) => child.type === ComponentType.Button).length;
    const selects = children.length - buttons;
    if (buttons > LIMITS.buttonsPerRow) {
      issues.push({ path: `${path}.components`, message: `at most ${LIMITS.buttonsPerRow} buttons per row (got ${buttons})` });
    }
    if (selects > 0 && children.length > 1) {
      issues.push({ path: `${path}.components`, message: 'a select menu must be alone in its action row' });
    }
  });
}

export interface MessageLimitOptions {
  /** Creating a message (not editing): it must carry content, embeds, components, files, a sticker or a poll. */
  requireContent?: boolean;
}

export function collectMessageLimitIssues(body: unknown, options: MessageLimitOptions = {}): LimitIssue[] {
  const issues: LimitIssue[] = [];
  if (!isObject(body)) return issues;
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  const componentsV2 = (flags & IS_COMPONENTS_V2) !== 0;
  const embeds = asArray(body.embeds);
  const components = asArray(body.components);

  checkLength(issues, 'content', body.content, 0, LIMITS.contentLength);
  collectEmbedIssues(issues, embeds);
  if (componentsV2) {
    if (textLength(body.content) > 0) issues.push({ path: 'content', message: 'content cannot be used with IS_COMPONENTS_V2' });
    if (embeds.length > 0) issues.push({ path: 'embeds', message: 'embeds cannot be used with IS_COMPONENTS_V2' });
    const total = countComponents(components);
    if (total > LIMITS.componentsV2Total) {
      issues.push({ path: 'components', message: `at most ${LIMITS.componentsV2Total} components in total (got ${total})` });
    }
  } else {
    collectLegacyRowIssues(issues, components);
  }
  components.forEach((component, index) => {
    if (isObject(component)) collectComponentIssues(issues, component, `components.${index}`);
  });
  issues.push(...collectComponentRuleIssues(components, 'components'), ...collectAllowedMentionsIssues(body, 'allowed_mentions'));

  if (options.requireContent) {
    const hasSomething =
      textLength(body.content) > 0 ||
      embeds.length > 0 ||
      components.length > 0 ||
      asArray(body.attachments).length > 0 ||
      asArray(body.sticker_ids).length > 0 ||
      isObject(body.poll);
    if (!hasSomething) issues.push({ path: 'content', message: 'Cannot send an empty message', code: 50006 });
  }
  return issues;
}

function formatIssues(issues: LimitIssue[]): string[] {
  return issues.map((issue) => `${issue.path}: ${issue.message}`);
}

/** Limit violations of a message body (create or edit), as `path: message` strings; empty when valid. */
export function checkMessageLimits(body: unknown, options: MessageLimitOptions = {}): string[] {
  return formatIssues(collectMessageLimitIssues(body, options));
}

export function collectAutocompleteIssues(data: unknown): LimitIssue[] {
  const issues: LimitIssue[] = [];
  const choices = isObject(data) ? asArray(data.choices) : [];
  if (choices.length > LIMITS.autocompleteChoices) {
    issues.push({ path: 'data.choices', message: `at most ${LIMITS.autocompleteChoices} choices (got ${choices.length})` });
  }
  choices.forEach((choice, index) => {
    if (!isObject(choice)) return;
    checkLength(issues, `data.choices.${index}.name`, choice.name, 1, LIMITS.choiceName);
    if (typeof choice.value === 'string') {
      checkLength(issues, `data.choices.${index}.value`, choice.value, 0, LIMITS.choiceStringValue);
    }
  });
  return issues;
}

/** Limit violations of an autocomplete callback's `data` ({ choices }). */
export function checkAutocompleteChoices(data: unknown): string[] {
  return formatIssues(collectAutocompleteIssues(data));
}

const OptionType = { Subcommand: 1, SubcommandGroup: 2, String: 3 } as const;
const CommandType = { ChatInput: 1 } as const;

function collectOptionIssues(issues: LimitIssue[], options: unknown[], path: string): void {
  if (options.length > LIMITS.commandOptions) {
    issues.push({ path, message: `at most ${LIMITS.commandOptions} options (got ${options.length})` });
  }
  const names = new Set<string>();
  let sawOptional = false;
  let sawSubcommand = false;
  let sawPlain = false;
  options.forEach((option, index) => {
    if (!isObject(option)) return;
    const optionPath = `${path}.${index}`;
    checkCommandName(issues, `${optionPath}.name`, option.name);
    checkLength(issues, `${optionPath}.description`, option.description, 1, LIMITS.commandDescription);
    if (typeof option.name === 'string') {
      if (names.has(option.name)) issues.push({ path: `${optionPath}.name`, message: `duplicate option name "${option.name}"` });
      names.add(option.name);
    }
    const isSub = option.type === OptionType.Subcommand || option.type === OptionType.SubcommandGroup;
    if (isSub) sawSubcommand = true;
    else sawPlain = true;
    if (!isSub) {
      if (option.required === true && sawOptional) {
        issues.push({ path: `${optionPath}.required`, message: 'required options must be listed before optional ones' });
      }
      if (option.required !== true) sawOptional = true;
    }
    const choices = asArray(option.choices);
    if (choices.length > LIMITS.commandChoices) {
      issues.push({ path: `${optionPath}.choices`, message: `at most ${LIMITS.commandChoices} choices (got ${choices.length})` });
    }
    if (choices.length > 0 && option.autocomplete === true) {
      issues.push({ path: `${optionPath}.autocomplete`, message: 'autocomplete cannot be combined with choices' });
    }
    choices.forEach((choice, choiceIndex) => {
      if (!isObject(choice)) return;
      checkLength(issues, `${optionPath}.choices.${choiceIndex}.name`, choice.name, 1, LIMITS.choiceName);
      if (option.type === OptionType.String) {
        checkLength(issues, `${optionPath}.choices.${choiceIndex}.value`, choice.value, 1, LIMITS.choiceStringValue);
      }
    });
    if (isSub) collectOptionIssues(issues, asArray(option.options), `${optionPath}.options`);
  });
  if (sawSubcommand && sawPlain) {
    issues.push({ path, message: 'subcommands/groups cannot be mixed with other option types' });
  }
}

function checkCommandName(issues: LimitIssue[], path: string, name: unknown): void {
  if (typeof name !== 'string') {
    issues.push({ path, message: 'required' });
    return;
  }
  if (!COMMAND_NAME_PATTERN.test(name)) issues.push({ path, message: `"${name}" must be 1-${LIMITS.commandName} characters without spaces` });
  if (name !== name.toLowerCase()) issues.push({ path, message: `"${name}" must be lowercase` });
}

export function collectCommandDefinitionIssues(definitions: unknown): LimitIssue[] {
  const issues: LimitIssue[] = [];
  const list = asArray(definitions);
  const chatInput = list.filter((definition) => isObject(definition) && (definition.type ?? CommandType.ChatInput) === CommandType.ChatInput);
  if (chatInput.length > LIMITS.chatInputCommands) {
    issues.push({ path: '', message: `at most ${LIMITS.chatInputCommands} chat input commands (got ${chatInput.length})` });
  }
  const names = new Set<string>();
  list.forEach((definition, index) => {
    if (!isObject(definition)) return;
    const type = definition.type ?? CommandType.ChatInput;
    const path = String(index);
    if (type === CommandType.ChatInput) {
      checkCommandName(issues, `${path}.name`, definition.name);
      checkLength(issues, `${path}.description`, definition.description, 1, LIMITS.commandDescription);
      collectOptionIssues(issues, asArray(definition.options), `${path}.options`);
    } else {
      checkLength(issues, `${path}.name`, definition.name, 1, LIMITS.commandName);
    }
    const key = `${JSON.stringify(type)}:${String(definition.name)}`;
    if (names.has(key)) issues.push({ path: `${path}.name`, message: `duplicate command name "${String(definition.name)}"` });
    names.add(key);
  });
  return issues;
}

/** Limit violations of a bulk-overwrite body (array of command definitions). */
export function checkCommandDefinitions(definitions: unknown): string[] {
  return formatIssues(collectCommandDefinitionIssues(definitions));
}
