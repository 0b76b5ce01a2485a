/** The composer's view of the commands the bot registered: what a member may see, and how Discord checks input. */

export interface OptionDefinition {
  type: number;
  name: string;
  description?: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: Array<{ name: string; value: string | number }>;
  options?: OptionDefinition[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  channel_types?: number[];
}

export interface CommandDefinition {
  name: string;
  description: string;
  type?: number;
  default_member_permissions: string | null;
  options?: OptionDefinition[];
}

export const OptionKind = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

const ADMINISTRATOR = 1n << 3n;

/** Discord hides a command from members without all of its default_member_permissions (administrators see all). */
export function canSee(command: CommandDefinition, permissions: string): boolean {
  if (command.default_member_permissions === null) return true;
  const have = BigInt(permissions);
  const required = BigInt(command.default_member_permissions);
  if (have & ADMINISTRATOR) return true;
  return required !== 0n && (have & required) === required;
}

export interface CommandEntry {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** "/club setup" */
  label: string;
  description: string;
  options: OptionDefinition[];
}

/** One entry per runnable path (command, command subcommand, command group subcommand), as Discord's picker lists them. */
export function commandEntries(commands: readonly CommandDefinition[], permissions: string, allowedByAdmin: ReadonlySet<string> = new Set()): CommandEntry[] {
  const entries: CommandEntry[] = [];
  for (const command of commands) {
    if ((command.type ?? 1) !== 1 || !(canSee(command, permissions) || allowedByAdmin.has(command.name))) continue;
    const options = command.options ?? [];
    const subs = options.filter((option) => option.type === OptionKind.Subcommand || option.type === OptionKind.SubcommandGroup);
    if (subs.length === 0) {
      entries.push({ name: command.name, label: `/${command.name}`, description: command.description, options });
      continue;
    }
    for (const sub of subs) {
      if (sub.type === OptionKind.Subcommand) {
        entries.push({ name: command.name, subcommand: sub.name, label: `/${command.name} ${sub.name}`, description: sub.description ?? '', options: sub.options ?? [] });
      } else {
        for (const leaf of sub.options ?? []) {
          entries.push({
            name: command.name,
            subcommandGroup: sub.name,
            subcommand: leaf.name,
            label: `/${command.name} ${sub.name} ${leaf.name}`,
            description: leaf.description ?? '',
            options: leaf.options ?? [],
          });
        }
      }
    }
  }
  return entries.sort((a, b) => a.label.localeCompare(b.label));
}

/** Entries whose label matches what was typed after the slash (prefix on any word, as Discord's picker does). */
export function filterEntries(entries: readonly CommandEntry[], typed: string): CommandEntry[] {
  const query = typed.replace(/^\//, '').trim().toLowerCase();
  if (query === '') return [...entries];
  return entries.filter((entry) => {
    const label = entry.label.slice(1).toLowerCase();
    return label.startsWith(query) || label.split(/[\s-]/).some((word) => word.startsWith(query));
  });
}

export type Coerced = { ok: true; value: string | number | boolean } | { ok: false; error: string } | { ok: true; value: undefined };

/** Turns what was typed or picked into the option's JSON value, refusing what Discord's client would refuse. */
export function coerceOption(definition: OptionDefinition, raw: string): Coerced {
  const text = raw.trim();
  if (text === '') return definition.required ? { ok: false, error: `${definition.name} is required` } : { ok: true, value: undefined };
  switch (definition.type) {
    case OptionKind.Integer:
    case OptionKind.Number: {
      const value = Number(text);
      if (!Number.isFinite(value) || (definition.type === OptionKind.Integer && !Number.isInteger(value))) {
        return { ok: false, error: `${definition.name} must be ${definition.type === OptionKind.Integer ? 'a whole number' : 'a number'}` };
      }
      if (definition.min_value !== undefined && value < definition.min_value) return { ok: false, error: `${definition.name} must be at least ${definition.min_value}` };
      if (definition.max_value !== undefined && value > definition.max_value) return { ok: false, error: `${definition.name} must be at most ${definition.max_value}` };
      if (definition.choices && !definition.choices.some((choice) => choice.value === value)) return { ok: false, error: `${definition.name}: pick one of the choices` };
      return { ok: true, value };
    }
    case OptionKind.Boolean:
      if (text !== 'true' && text !== 'false') return { ok: false, error: `${definition.name} must be True or False` };
      return { ok: true, value: text === 'true' };
    case OptionKind.String: {
      if (definition.min_length !== undefined && text.length < definition.min_length) return { ok: false, error: `${definition.name} needs at least ${definition.min_length} characters` };
      if (definition.max_length !== undefined && text.length > definition.max_length) return { ok: false, error: `${definition.name} takes at most ${definition.max_length} characters` };
      if (definition.choices && !definition.choices.some((choice) => choice.value === text)) return { ok: false, error: `${definition.name}: pick one of the choices` };
      return { ok: true, value: raw };
    }
    case OptionKind.Attachment:
      return { ok: false, error: `${definition.name}: the playground cannot upload files yet` };
    default:
      return { ok: true, value: text };
  }
}

/** Checks a whole command line; returns the options to send, or the problems Discord's client would show. */
export function collectOptions(entry: CommandEntry, raw: Record<string, string>): { options: Record<string, string | number | boolean>; errors: string[] } {
  const options: Record<string, string | number | boolean> = {};
  const errors: string[] = [];
  for (const definition of entry.options) {
    const result = coerceOption(definition, raw[definition.name] ?? '');
    if (!result.ok) errors.push(result.error);
    else if (result.value !== undefined) options[definition.name] = result.value;
  }
  return { options, errors };
}
