/**
 * What Pacer knows of a server without a gateway connection: Discord's permission rule computed from the REST
 * answers (checked against discord.js's own computation on the same server), and the few seconds it holds them.
 */
import { ChannelType, Client, GatewayIntentBits, Guild, PermissionFlagsBits, PermissionsBitField, type APIRole, type BaseInteraction, type REST } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { permissionsFrom, serverFacts } from '../../../src/platform/discord/server-facts.js';

const GUILD = '1200000000000000001';
const PACER = '1100000000000000009';
const ROLES = ['1400000000000000001', '1400000000000000002', '1400000000000000003'];
const BITS = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks, PermissionFlagsBits.ManageEvents, PermissionFlagsBits.Administrator];

const bitsOf = (picks: readonly boolean[]) => BITS.reduce((sum, bit, i) => (picks[i] ? sum | bit : sum), 0n);
const picks = fc.array(fc.boolean(), { minLength: BITS.length, maxLength: BITS.length });

/** discord.js's own answer, from a guild it holds in its cache (as a gateway connection would fill it). */
function discordJsPermissions(roles: APIRole[], held: string[], overwrites: { id: string; type: number; allow: string; deny: string }[]): bigint {
  const client = new Client({ intents: [GatewayIntentBits.Guilds] });
  const guild = new (Guild as unknown as new (client: Client, data: unknown) => Guild)(client, {
    id: GUILD, name: 'club', owner_id: '1', roles, channels: [{ id: '1300000000000000001', type: ChannelType.GuildText, name: 'strength', permission_overwrites: overwrites }],
    members: [{ user: { id: PACER, username: 'pacer', discriminator: '0', global_name: null, avatar: null }, roles: held, joined_at: '2026-01-01T00:00:00Z', deaf: false, mute: false, flags: 0 }],
    emojis: [], stickers: [], features: [],
  });
  const channel = guild.channels.cache.get('1300000000000000001')!;
  return guild.members.cache.get(PACER)!.permissionsIn(channel).bitfield;
}

describe("Pacer's permissions in a channel, from the server's roles and the channel's overwrites", () => {
  it('match what discord.js computes from the same server, for any roles and overwrites', () => {
    fc.assert(
      fc.property(fc.array(picks, { minLength: 4, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), fc.array(fc.tuple(fc.nat(4), picks, picks), { maxLength: 5 }), (rolePicks, holds, overwritePicks) => {
        const ids = [GUILD, ...ROLES];
        const roles = ids.map((id, i) => ({ id, name: `r${i}`, permissions: bitsOf(rolePicks[i]!).toString(), position: i, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }) as unknown as APIRole);
        const held = ROLES.filter((_, i) => holds[i]);
        const seen = new Set<string>();
        const overwrites = overwritePicks
          .map(([who, allow, deny]) => ({ id: who < 4 ? ids[who]! : PACER, type: who < 4 ? 0 : 1, allow: bitsOf(allow).toString(), deny: bitsOf(deny).toString() }))
          .filter((o) => !seen.has(o.id) && seen.add(o.id));
        const ours = permissionsFrom(GUILD, roles, { roleIds: held, userId: PACER }, overwrites);
        const theirs = discordJsPermissions(roles, held, overwrites);
        const adminByRole = roles.some((role) => (role.id === GUILD || held.includes(role.id)) && (BigInt(role.permissions) & PermissionFlagsBits.Administrator) !== 0n);
        if (adminByRole) {
          expect(theirs).toBe(PermissionsBitField.All);
          expect(ours & theirs).toBe(theirs);
        } else {
          expect(ours).toBe(theirs);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('server facts without a gateway', () => {
  /** A stand-in for discord.js's REST client that answers from a tiny server and counts what it was asked. */
  function countingRest(fail = false) {
    const asked: string[] = [];
    const rest = {
      get: (route: string) => {
        asked.push(route);
        if (fail) return Promise.reject(new Error('Discord is away'));
        if (route.endsWith('/channels')) return Promise.resolve([{ id: '1300000000000000001', type: ChannelType.GuildText, permission_overwrites: [] }]);
        if (route.endsWith('/roles')) return Promise.resolve([{ id: route.split('/')[2], name: '@everyone', permissions: String(PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages), mentionable: false }]);
        if (route.includes('/members/')) return Promise.resolve({ roles: [] });
        return Promise.resolve({ id: route.split('/')[2], name: 'club' });
      },
    };
    return { rest: rest as unknown as REST, asked };
  }
  const from = (guildId: string) => ({ inGuild: () => true, guild: null, guildId }) as unknown as BaseInteraction;

  it("asks Discord once for a command's steps, again after a few seconds, and never holds more than 500 servers", async () => {
    let now = 0;
    const { rest, asked } = countingRest();
    const source = serverFacts(rest, () => PACER, () => now);
    const first = await source.of(from(GUILD));
    expect(first?.name).toBe('club');
    expect((first?.pacerPermissionsIn('1300000000000000001') ?? 0n) & PermissionFlagsBits.SendMessages).toBe(PermissionFlagsBits.SendMessages);
    expect(first?.pacerPermissionsIn('1300000000000000999')).toBeNull();
    await source.of(from(GUILD));
    expect(asked).toHaveLength(4);
    now += 6_000;
    await source.of(from(GUILD));
    expect(asked).toHaveLength(8);
    // 600 other servers, then the first again at once: it was let go to keep the hold at 500.
    for (let i = 0; i < 600; i++) await source.of(from(String(1200000000000001000n + BigInt(i))));
    const before = asked.length;
    await source.of(from(GUILD));
    expect(asked.length).toBe(before + 4);
  });

  it('says nothing (null) when Discord does not answer, and asks again next time', async () => {
    const { rest, asked } = countingRest(true);
    const source = serverFacts(rest, () => PACER);
    expect(await source.of(from(GUILD))).toBeNull();
    expect(await source.of(from(GUILD))).toBeNull();
    expect(asked).toHaveLength(8);
  });
});
