/** Memory stays flat with many members: the user and member caches are capped and swept; unused caches stay empty. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, type InteractionPayload } from '@pacer/discord-double';
import { startPacer, type Pacer } from '../support/pacer.js';

const DISTINCT_MEMBERS = 400;

function asNewMember(n: number) {
  return (payload: InteractionPayload) => {
    const member = payload.member as { user: Record<string, unknown> };
    member.user = { ...member.user, id: String(1_700_000_000_000_000_000n + BigInt(n)), username: `runner${n}`, global_name: null };
  };
}

describe('caches under many distinct members', () => {
  let pacer: Pacer;
  beforeAll(async () => {
    pacer = await startPacer({ env: { LOG_LEVEL: 'warn' } });
    for (let batch = 0; batch < DISTINCT_MEMBERS; batch += 50) {
      const handles = [];
      for (let n = batch; n < batch + 50; n++) {
        pacer.double.tamperNext(asNewMember(n));
        handles.push(pacer.double.runSlash('exercise', { subcommand: 'routine', options: { condition: 'PFP' } }));
      }
      for (const handle of handles) await handle.response();
    }
  }, 120_000);
  afterAll(async () => pacer?.stop());

  it('answered every member', () => {
    expect(pacer.double.requests.filter((r) => r.path.endsWith('/callback') && r.status === 204)).toHaveLength(DISTINCT_MEMBERS);
  });

  it('keeps at most 200 users and 50 members of a server, and always the bot itself', () => {
    const client = pacer.app.client;
    const guild = client.guilds.cache.get(FIXTURE.guildId)!;
    expect(client.users.cache.size).toBeLessThanOrEqual(200);
    expect(guild.members.cache.size).toBeLessThanOrEqual(50);
    expect(client.users.cache.has(client.user!.id)).toBe(true);
  });

  it('sweeps the user and member caches, keeping the bot', () => {
    const client = pacer.app.client;
    expect(client.sweepers.options.users?.interval).toBeGreaterThan(0);
    expect(client.sweepers.options.guildMembers?.interval).toBeGreaterThan(0);
    const filter = client.sweepers.options.users?.filter?.();
    if (!filter) throw new Error('no user sweep filter');
    const sweptUsers = client.sweepers.sweepUsers(filter);
    expect(sweptUsers).toBeGreaterThan(0);
    expect([...client.users.cache.keys()]).toEqual([client.user!.id]);
  });
});
