/**
 * The schedule form's custom_id is held by the client and can be edited. Whatever it says, the channel and
 * the ping are checked again when the form comes back, against the server as Discord describes it then.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ping } from '../../src/announcements/announcement.js';
import { encodeAnnounceId } from '../../commands/announcements/custom-id.js';
import { ChannelTypes, defaultFixtureGuild, FIXTURE, PermissionBits } from '@pacer/discord-double';
import { startPacer, type Pacer } from '../support/pacer.js';

const MOD = FIXTURE.users.moderator;
const RUNNERS = '1400000000000000021'; // mentionable
const COACHES = '1400000000000000022'; // not mentionable
const CATEGORY = '1300000000000000031';
const ELSEWHERE_CHANNEL = '1300000000000000999';
const ELSEWHERE_ROLE = '1400000000000000999';
/** A moderator who may manage the server but not mention everyone. */
const MOD_ONLY = PermissionBits.ManageGuild | PermissionBits.ViewChannel | PermissionBits.SendMessages;
const MOD_AND_EVERYONE = MOD_ONLY | PermissionBits.MentionEveryone;

describe('announcement authorization at the moment of the action', () => {
  let pacer: Pacer;
  const rows = () => {
    const { storage } = pacer.app.context;
    return storage.run((db) => db.select().from(storage.t.announcements));
  };

  beforeAll(async () => {
    const guild = defaultFixtureGuild();
    guild.roles.push({ id: RUNNERS, name: 'Runners', permissions: 0n, position: 4, mentionable: true });
    guild.roles.push({ id: COACHES, name: 'Coaches', permissions: 0n, position: 5 });
    guild.channels.push({ id: CATEGORY, name: 'Club', type: ChannelTypes.GuildCategory, position: 20 });
    pacer = await startPacer({ double: { guilds: [guild] } });
    const { storage } = pacer.app.context;
    await storage.run((db) => db.insert(storage.t.clubs).values({ guildId: FIXTURE.guildId, timezone: 'Europe/London', region: 'UK' }));
  });
  afterAll(async () => pacer?.stop());

  /** The form's id with whatever channel and ping the member typed into it. */
  function forged(channelId: string, ping: Ping) {
    return encodeAnnounceId({ kind: 'new', draft: { channelId, start: new Date('2027-06-01T17:00:00Z'), repeat: 'none', ping, notes: [], cron: null } });
  }

  async function submit(customId: string, permissions: bigint) {
    const handle = pacer.double.submitModal(customId, { title: '', body: 'Club run tonight' }, { user: MOD, permissions });
    const reply = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    return reply.content;
  }

  it('a "role" whose id is the server id (@everyone) is refused without Mention Everyone, and nothing is saved', async () => {
    const before = (await rows()).length;
    expect(await submit(forged(FIXTURE.channels.announcements, { kind: 'role', roleId: FIXTURE.guildId }), MOD_ONLY)).toMatch(/Only members with the Mention Everyone permission/);
    expect(await submit(forged(FIXTURE.channels.announcements, { kind: 'everyone' }), MOD_ONLY)).toMatch(/Only members with the Mention Everyone permission/);
    expect(await rows()).toHaveLength(before);
  });

  it('a role that is not mentionable: refused by the command and by a forged form without Mention Everyone', async () => {
    const before = (await rows()).length;
    const slash = pacer.double.runSlash('announce', { subcommand: 'schedule', options: { channel: FIXTURE.channels.announcements, when: '2027-06-01 18:00', ping: COACHES }, user: MOD, permissions: MOD_ONLY });
    expect((await slash.reply()).content).toMatch(/@Coaches is not mentionable/);
    expect(await submit(forged(FIXTURE.channels.announcements, { kind: 'role', roleId: COACHES }), MOD_ONLY)).toMatch(/@Coaches is not mentionable/);
    expect(await rows()).toHaveLength(before);
    // With Mention Everyone, Discord lets the member ping it, and so does Pacer.
    expect(await submit(forged(FIXTURE.channels.announcements, { kind: 'role', roleId: COACHES }), MOD_AND_EVERYONE)).toMatch(/scheduled/i);
    expect(await rows()).toHaveLength(before + 1);
  });

  it('a mentionable role of this server is fine; a role or channel of another server, or a category, is refused', async () => {
    const before = (await rows()).length;
    expect(await submit(forged(FIXTURE.channels.announcements, { kind: 'role', roleId: RUNNERS }), MOD_ONLY)).toMatch(/scheduled/i);
    expect(await rows()).toHaveLength(before + 1);
    expect(await submit(forged(FIXTURE.channels.announcements, { kind: 'role', roleId: ELSEWHERE_ROLE }), MOD_AND_EVERYONE)).toMatch(/not in this server/);
    expect(await submit(forged(ELSEWHERE_CHANNEL, { kind: 'nobody' }), MOD_AND_EVERYONE)).toMatch(/channel is not in this server/);
    expect(await submit(forged(CATEGORY, { kind: 'nobody' }), MOD_AND_EVERYONE)).toMatch(/text or announcement channel/);
    expect(await rows()).toHaveLength(before + 1);
  });
});
