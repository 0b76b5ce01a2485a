import type { Guild } from 'discord.js';

/** Display names (server nickname, else global name, else username) of members still in the server. */
export async function displayNames(guild: Guild | null, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (!guild) return names;
  const missing: string[] = [];
  for (const id of ids) {
    const cached = guild.members.cache.get(id);
    if (cached) names.set(id, cached.displayName);
    else missing.push(id);
  }
  await Promise.all(
    missing.map(async (id) => {
      // A member who left answers 404 (Unknown Member): they keep no name.
      const member = await guild.members.fetch({ user: id, cache: false }).catch(() => null);
      if (member) names.set(id, member.displayName);
    }),
  );
  return names;
}

/** Pages through the server's member list (1,000 a request), for exports that name every member. */
export async function allDisplayNames(guild: Guild | null, wanted: ReadonlySet<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (!guild) return names;
  let after = '0';
  for (;;) {
    const page = await guild.members.list({ limit: 1000, after, cache: false });
    for (const member of page.values()) if (wanted.has(member.id)) names.set(member.id, member.displayName);
    const last = page.lastKey();
    if (page.size < 1000 || !last) return names;
    after = last;
  }
}
