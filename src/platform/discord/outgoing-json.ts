import { Options } from 'discord.js';

const discordJsTransformer = Options.createDefault().jsonTransformer!;
const SNAKE_KEY = /^[a-z]+(?:_[a-z]+)*$/;

/** Whether a value is already what Discord's API reads: plain objects and lists with snake_case keys only. */
function isApiJson(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return value.every(isApiJson);
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false; // a builder, a Date: discord.js knows them
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (!SNAKE_KEY.test(key) || (key === 'emoji' && typeof field === 'string') || !isApiJson(field)) return false;
  }
  return true;
}

/**
 * discord.js's `jsonTransformer` for embeds, components and modals given as plain objects. Pacer's views already
 * write API JSON (snake_case), which goes out as it is; anything else gets discord.js's own conversion. The
 * default rebuilds every object and renames every key on every reply, which doubled the garbage per interaction.
 */
export function outgoingJson(value: unknown): unknown {
  return isApiJson(value) ? value : discordJsTransformer(value);
}
