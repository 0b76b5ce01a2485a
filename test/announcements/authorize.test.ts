/**
 * Property: whatever a member writes into the announcement custom_id families (the schedule form's channel,
 * ping, time and repeat; the buttons' ids), what Pacer accepts from it is something that member could have
 * done with `/announce` itself. The oracle below is written from Discord's rules, not from the code under test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ping } from '../../src/announcements/announcement.js';
import { channelRefusal, normalisePing, pingRefusal, type AnnouncementActor } from '../../src/announcements/authorize.js';
import { decodeAnnounceId, encodeAnnounceId } from '../../commands/announcements/custom-id.js';

const GUILD = '1200000000000000001';
const ROLES = { mentionable: '1400000000000000021', quiet: '1400000000000000022' };
const CHANNELS = { text: '1300000000000000001', category: '1300000000000000031' };
const snowflake = fc.bigInt({ min: 10n ** 17n, max: 10n ** 19n - 1n }).map(String);

const actorArb = fc.record({ mayMentionEveryone: fc.boolean() }).map(
  ({ mayMentionEveryone }): AnnouncementActor => ({
    guildId: GUILD,
    mayMentionEveryone,
    roles: new Map([
      [GUILD, { name: '@everyone', mentionable: false }],
      [ROLES.mentionable, { name: 'Runners', mentionable: true }],
      [ROLES.quiet, { name: 'Coaches', mentionable: false }],
    ]),
    channels: new Map([
      [CHANNELS.text, { postable: true }],
      [CHANNELS.category, { postable: false }],
    ]),
  }),
);

const pingArb: fc.Arbitrary<Ping> = fc.oneof(
  fc.constant<Ping>({ kind: 'nobody' }),
  fc.constant<Ping>({ kind: 'everyone' }),
  fc.constantFrom(GUILD, ROLES.mentionable, ROLES.quiet).map((roleId): Ping => ({ kind: 'role', roleId })),
  snowflake.map((roleId): Ping => ({ kind: 'role', roleId })),
);
const channelArb = fc.oneof(fc.constantFrom(CHANNELS.text, CHANNELS.category), snowflake);

/** What `/announce schedule` lets this member do: Discord offers this server's text channels and roles; pinging @everyone or a role nobody may mention needs Mention Everyone. */
function slashAllows(channelId: string, ping: Ping, actor: AnnouncementActor): boolean {
  if (channelId !== CHANNELS.text) return false;
  if (ping.kind === 'nobody') return true;
  if (ping.kind === 'everyone' || ping.roleId === GUILD) return actor.mayMentionEveryone;
  if (ping.roleId === ROLES.mentionable) return true;
  if (ping.roleId === ROLES.quiet) return actor.mayMentionEveryone;
  return false; // not a role of this server
}

describe('forged announcement custom_ids', () => {
  it('a schedule form accepts only what the member could do with the slash command', () => {
    fc.assert(
      fc.property(channelArb, pingArb, actorArb, fc.constantFrom('none', 'daily', 'weekly') , (channelId, ping, actor, repeat) => {
        const id = encodeAnnounceId({ kind: 'new', draft: { channelId, start: new Date('2027-06-01T17:00:00Z'), repeat, ping, notes: [], cron: null } });
        const decoded = decodeAnnounceId(id);
        if (!decoded || decoded.kind !== 'new') return; // refused as stale
        const accepted = channelRefusal(decoded.draft.channelId, actor) === null && pingRefusal(decoded.draft.ping, actor) === null;
        if (accepted) expect(slashAllows(channelId, ping, actor)).toBe(true);
        // And a ping accepted is stored as what it really is: a "role" with the server's id is @everyone.
        if (accepted && ping.kind === 'role' && ping.roleId === GUILD) expect(normalisePing(decoded.draft.ping, GUILD)).toEqual({ kind: 'everyone' });
      }),
      { numRuns: 2000 },
    );
  });

  it('any string in the an: family decodes to nothing, or to an action whose fields are checked again', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('new', 'edit', 'pv', 'cx', 'keep', 'ls', 'e', '0', '-', GUILD, ROLES.quiet, CHANNELS.category), fc.string({ maxLength: 12 })), { maxLength: 8 }), actorArb, (parts, actor) => {
        const decoded = decodeAnnounceId(['an', '1', ...parts].join(':'));
        if (!decoded || decoded.kind !== 'new') return;
        const accepted = channelRefusal(decoded.draft.channelId, actor) === null && pingRefusal(decoded.draft.ping, actor) === null;
        if (accepted) expect(slashAllows(decoded.draft.channelId, decoded.draft.ping, actor)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
