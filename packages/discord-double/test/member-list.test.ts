import { DiscordAPIError } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE } from '../src/index.js';
import { type Harness, startHarness } from '../src/harness.js';

describe('discord double: List Guild Members is privileged', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  it('refuses an application without the Server Members intent with 403 Missing Access (50001), as Discord does', async () => {
    harness = await startHarness();
    const guild = harness.client.guilds.cache.get(FIXTURE.guildId)!;
    const error = await guild.members.list({ limit: 1000 }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 403, code: 50001, message: 'Missing Access' });
    // A single member by id needs no intent.
    expect((await guild.members.fetch({ user: FIXTURE.users.member, cache: false })).id).toBe(FIXTURE.users.member);
  });

  it('lists members, in id order, for an application marked as having the intent', async () => {
    harness = await startHarness({ privilegedIntentsEnabled: true });
    const guild = harness.client.guilds.cache.get(FIXTURE.guildId)!;
    const page = await guild.members.list({ limit: 1000, cache: false });
    expect([...page.keys()]).toContain(FIXTURE.users.member);
    expect([...page.keys()]).toEqual([...page.keys()].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)));
  });
});
