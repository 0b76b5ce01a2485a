import { snowflakeAt } from './snowflake.js';

export interface CommandOptionDefinition {
  type: number;
  name: string;
  description?: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: Array<{ name: string; value: string | number }>;
  options?: CommandOptionDefinition[];
  [key: string]: unknown;
}

export interface StoredCommand {
  id: string;
  application_id: string;
  guild_id?: string;
  version: string;
  type: number;
  name: string;
  description: string;
  options?: CommandOptionDefinition[];
  default_member_permissions: string | null;
  [key: string]: unknown;
}

const CHAT_INPUT = 1;

/** Application commands deployed through the bulk-overwrite routes, global and per guild. */
export class CommandRegistry {
  private readonly global: StoredCommand[] = [];
  private readonly byGuild = new Map<string, StoredCommand[]>();

  constructor(
    private readonly applicationId: string,
    private readonly now: () => number,
  ) {}

  /** Replaces the scope's commands; a command keeps its id when its (type, name) survives the overwrite. */
  overwrite(guildId: string | undefined, definitions: Array<Record<string, unknown>>): StoredCommand[] {
    const previous = this.list(guildId);
    const stored = definitions.map((definition) => {
      const type = typeof definition.type === 'number' ? definition.type : CHAT_INPUT;
      const name = String(definition.name);
      const existing = previous.find((command) => command.type === type && command.name === name);
      const command: StoredCommand = {
        ...definition,
        id: existing?.id ?? snowflakeAt(this.now()),
        application_id: this.applicationId,
        version: snowflakeAt(this.now()),
        type,
        name,
        description: typeof definition.description === 'string' ? definition.description : '',
        default_member_permissions:
          typeof definition.default_member_permissions === 'string' ? definition.default_member_permissions : null,
        nsfw: definition.nsfw ?? false,
      };
      if (guildId) command.guild_id = guildId;
      return command;
    });
    if (guildId) this.byGuild.set(guildId, stored);
    else this.global.splice(0, this.global.length, ...stored);
    return stored;
  }

  list(guildId?: string): StoredCommand[] {
    return guildId ? (this.byGuild.get(guildId) ?? []) : this.global;
  }

  /** A chat-input command as a member of `guildId` would see it: guild commands shadow global ones. */
  findChatInput(name: string, guildId: string | undefined): StoredCommand | undefined {
    const matches = (command: StoredCommand): boolean => command.type === CHAT_INPUT && command.name === name;
    return (guildId ? this.list(guildId).find(matches) : undefined) ?? this.global.find(matches);
  }
}
