import type { AnyComponentHandler, CommandDefinition, CommandModule } from './command.js';

/** Who answers a component or modal: a command module that owns the prefix, or the family's own handler. */
export type ComponentOwner = { kind: 'module'; module: CommandModule } | { kind: 'handler'; handler: AnyComponentHandler };

/** Looks command modules up by slash-command name, and the owner of each `custom_id` prefix. */
export class CommandRegistry {
  private readonly byName = new Map<string, CommandModule>();
  private readonly byPrefix = new Map<string, ComponentOwner>();

  constructor(modules: readonly CommandModule[], handlers: readonly AnyComponentHandler[] = []) {
    for (const module of modules) {
      const name = module.definition.name;
      if (this.byName.has(name)) throw new Error(`Two command modules are named /${name}.`);
      this.byName.set(name, module);
      for (const prefix of module.componentPrefixes ?? []) this.claim(prefix, { kind: 'module', module });
    }
    for (const handler of handlers) this.claim(handler.codec.prefix, { kind: 'handler', handler });
  }

  private claim(prefix: string, owner: ComponentOwner) {
    if (prefix.includes(':')) throw new Error(`custom_id prefix "${prefix}" must not contain ':'.`);
    const existing = this.byPrefix.get(prefix);
    if (existing) throw new Error(`custom_id prefix "${prefix}" is claimed by ${describe(existing)} and ${describe(owner)}.`);
    this.byPrefix.set(prefix, owner);
  }

  command(name: string): CommandModule | undefined {
    return this.byName.get(name);
  }

  /** The owner of a `custom_id` of the form `<prefix>:<rest>`. */
  ownerOf(customId: string): ComponentOwner | undefined {
    const colon = customId.indexOf(':');
    return colon > 0 ? this.byPrefix.get(customId.slice(0, colon)) : undefined;
  }

  definitions(): CommandDefinition[] {
    return [...this.byName.values()].map((m) => m.definition);
  }
}

function describe(owner: ComponentOwner): string {
  return owner.kind === 'module' ? `/${owner.module.definition.name}` : `the ${owner.handler.codec.prefix} component handler`;
}
