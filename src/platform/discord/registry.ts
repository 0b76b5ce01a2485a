import type { CommandDefinition, CommandModule } from './command.js';

/** Looks command modules up by slash-command name and by the `custom_id` prefixes they own. */
export class CommandRegistry {
  private readonly byName = new Map<string, CommandModule>();
  private readonly byPrefix = new Map<string, CommandModule>();

  constructor(modules: readonly CommandModule[]) {
    for (const module of modules) {
      const name = module.definition.name;
      if (this.byName.has(name)) throw new Error(`Two command modules are named /${name}.`);
      this.byName.set(name, module);
      for (const prefix of module.componentPrefixes ?? []) {
        if (prefix.includes(':')) throw new Error(`custom_id prefix "${prefix}" of /${name} must not contain ':'.`);
        const owner = this.byPrefix.get(prefix);
        if (owner) throw new Error(`custom_id prefix "${prefix}" is claimed by /${owner.definition.name} and /${name}.`);
        this.byPrefix.set(prefix, module);
      }
    }
  }

  command(name: string): CommandModule | undefined {
    return this.byName.get(name);
  }

  /** The module owning a `custom_id` of the form `<prefix>:<rest>`. */
  ownerOf(customId: string): CommandModule | undefined {
    const colon = customId.indexOf(':');
    return colon > 0 ? this.byPrefix.get(customId.slice(0, colon)) : undefined;
  }

  definitions(): CommandDefinition[] {
    return [...this.byName.values()].map((m) => m.definition);
  }
}
