import { DiscordAPIError, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultBotUser, defaultFixtureGuild, FIXTURE, PermissionBits } from '../src/index.js';
import { type Harness, startHarness } from '../src/harness.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');

const external = (extra: Record<string, unknown> = {}) => ({
  name: 'Tuesday track',
  privacy_level: 2,
  entity_type: 3,
  scheduled_start_time: '2026-03-10T18:30:00.000Z',
  scheduled_end_time: '2026-03-10T19:30:00.000Z',
  entity_metadata: { location: 'Track gate' },
  ...extra,
});

async function refusal(promise: Promise<unknown>): Promise<DiscordAPIError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DiscordAPIError);
  return error as DiscordAPIError;
}

describe('discord double: guild scheduled events', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness.stop();
  });

  it('creates an external event and lists it', async () => {
    harness = await startHarness({ now: () => NOW });
    const created = (await harness.client.rest.post(Routes.guildScheduledEvents(FIXTURE.guildId), { body: external() })) as Record<string, unknown>;
    expect(created).toMatchObject({ name: 'Tuesday track', entity_type: 3, scheduled_start_time: '2026-03-10T18:30:00.000Z', entity_metadata: { location: 'Track gate' } });
    const listed = (await harness.client.rest.get(Routes.guildScheduledEvents(FIXTURE.guildId))) as unknown[];
    expect(listed).toEqual([created]);
    expect(harness.double.scheduledEvents(FIXTURE.guildId)).toHaveLength(1);
  });

  it('lists nothing for a guild without events', async () => {
    harness = await startHarness({ now: () => NOW });
    expect(await harness.client.rest.get(Routes.guildScheduledEvents(FIXTURE.guildId))).toEqual([]);
  });

  it('refuses with 403 50013 when the bot has neither Manage Events nor Create Events', async () => {
    const bot = defaultBotUser();
    const guild = defaultFixtureGuild(bot);
    const role = guild.roles.find((r) => r.id === FIXTURE.roles.bot)!;
    role.permissions &= ~(PermissionBits.ManageEvents | PermissionBits.CreateEvents);
    harness = await startHarness({ now: () => NOW, guilds: [guild] });
    const error = await refusal(harness.client.rest.post(Routes.guildScheduledEvents(FIXTURE.guildId), { body: external() }));
    expect([error.status, error.code]).toEqual([403, 50013]);
    expect(harness.double.scheduledEvents(FIXTURE.guildId)).toEqual([]);
  });

  it('takes Create Events alone', async () => {
    const guild = defaultFixtureGuild();
    const role = guild.roles.find((r) => r.id === FIXTURE.roles.bot)!;
    role.permissions &= ~PermissionBits.ManageEvents;
    harness = await startHarness({ now: () => NOW, guilds: [guild] });
    await harness.client.rest.post(Routes.guildScheduledEvents(FIXTURE.guildId), { body: external() });
    expect(harness.double.scheduledEvents(FIXTURE.guildId)).toHaveLength(1);
  });

  it.each([
    ['no location', external({ entity_metadata: {} }), 'entity_metadata.location'],
    ['a location over 100 characters', external({ entity_metadata: { location: 'x'.repeat(101) } }), 'entity_metadata.location'],
    ['a name over 100 characters', external({ name: 'x'.repeat(101) }), 'name'],
    ['an unknown field', external({ colour: 'red' }), 'colour'],
    ['no end time', external({ scheduled_end_time: undefined }), 'scheduled_end_time'],
    ['an end before the start', external({ scheduled_end_time: '2026-03-10T18:00:00.000Z' }), 'scheduled_end_time'],
    ['a start in the past', external({ scheduled_start_time: '2026-02-10T18:30:00.000Z', scheduled_end_time: '2026-02-10T19:30:00.000Z' }), 'scheduled_start_time'],
    ['a public privacy level', external({ privacy_level: 1 }), 'privacy_level'],
  ])('refuses %s with 50035 and records it', async (_what, body, path) => {
    harness = await startHarness({ now: () => NOW });
    const error = await refusal(harness.client.rest.post(Routes.guildScheduledEvents(FIXTURE.guildId), { body }));
    expect([error.status, error.code]).toEqual([400, 50035]);
    expect(harness.double.validationErrors.at(-1)?.issues.some((issue) => issue.startsWith(`${path}:`))).toBe(true);
    expect(harness.double.scheduledEvents(FIXTURE.guildId)).toEqual([]);
  });

  describe('get one, modify and delete', () => {
    const create = async () => (await harness.client.rest.post(Routes.guildScheduledEvents(FIXTURE.guildId), { body: external() })) as { id: string };
    const patch = (id: string, body: Record<string, unknown>) => harness.client.rest.patch(Routes.guildScheduledEvent(FIXTURE.guildId, id), { body });

    it('gets one event, and 404 10070 for an unknown one', async () => {
      harness = await startHarness({ now: () => NOW });
      const { id } = await create();
      expect(await harness.client.rest.get(Routes.guildScheduledEvent(FIXTURE.guildId, id))).toMatchObject({ id, name: 'Tuesday track', status: 1 });
      const error = await refusal(harness.client.rest.get(Routes.guildScheduledEvent(FIXTURE.guildId, '1300000000000000001')));
      expect([error.status, error.code]).toEqual([404, 10070]);
    });

    it('moves an event to a new time and place, keeping what the body leaves out', async () => {
      harness = await startHarness({ now: () => NOW });
      const { id } = await create();
      const updated = await patch(id, { scheduled_start_time: '2026-03-11T18:00:00.000Z', scheduled_end_time: '2026-03-11T19:00:00.000Z', entity_metadata: { location: 'Park gate' } });
      expect(updated).toMatchObject({ name: 'Tuesday track', scheduled_start_time: '2026-03-11T18:00:00.000Z', entity_metadata: { location: 'Park gate' }, status: 1 });
      expect(harness.double.scheduledEvents(FIXTURE.guildId)).toEqual([updated]);
    });

    it('cancels a scheduled event, and then refuses to change it again (180002), even back to SCHEDULED', async () => {
      harness = await startHarness({ now: () => NOW });
      const { id } = await create();
      expect(await patch(id, { status: 4 })).toMatchObject({ status: 4 });
      for (const body of [{ status: 1 }, { name: 'Back on' }]) {
        const error = await refusal(patch(id, body));
        expect([error.status, error.code]).toEqual([400, 180002]);
      }
      expect(harness.double.scheduledEvents(FIXTURE.guildId)[0]).toMatchObject({ status: 4, name: 'Tuesday track' });
    });

    it.each([
      ['SCHEDULED to COMPLETED', { status: 3 }, 'status'],
      ['a status Discord does not have', { status: 7 }, 'status'],
      ['a start in the past', { scheduled_start_time: '2026-02-10T18:30:00.000Z' }, 'scheduled_start_time'],
      ['an end before the start', { scheduled_end_time: '2026-03-10T18:00:00.000Z' }, 'scheduled_end_time'],
      ['removing the end of an external event', { scheduled_end_time: null }, 'scheduled_end_time'],
      ['an external event without a location', { entity_metadata: {} }, 'entity_metadata.location'],
      ['an empty location', { entity_metadata: { location: ' ' } }, 'entity_metadata.location'],
      ['a channel on an external event', { channel_id: FIXTURE.channels.announcements }, 'channel_id'],
      ['an unknown field', { colour: 'red' }, 'colour'],
      ['a name over 100 characters', { name: 'x'.repeat(101) }, 'name'],
    ])('refuses %s with 50035, records it and changes nothing', async (_what, body, path) => {
      harness = await startHarness({ now: () => NOW });
      const { id } = await create();
      const before = harness.double.scheduledEvents(FIXTURE.guildId);
      const error = await refusal(patch(id, body));
      expect([error.status, error.code]).toEqual([400, 50035]);
      expect(harness.double.validationErrors.at(-1)).toMatchObject({ kind: 'scheduled-event-modify' });
      expect(harness.double.validationErrors.at(-1)?.issues.some((issue) => issue.startsWith(`${path}:`))).toBe(true);
      expect(harness.double.scheduledEvents(FIXTURE.guildId)).toEqual(before);
    });

    it('moves a started event to COMPLETED only from ACTIVE', async () => {
      harness = await startHarness({ now: () => NOW });
      const { id } = await create();
      expect(await patch(id, { status: 2 })).toMatchObject({ status: 2 });
      expect(await refusal(patch(id, { status: 4 }))).toMatchObject({ status: 400, code: 50035 });
      expect(await patch(id, { status: 3 })).toMatchObject({ status: 3 });
    });

    it('deletes an event (204), after which it is unknown', async () => {
      harness = await startHarness({ now: () => NOW });
      const { id } = await create();
      await harness.client.rest.delete(Routes.guildScheduledEvent(FIXTURE.guildId, id));
      expect(harness.double.scheduledEvents(FIXTURE.guildId)).toEqual([]);
      const again = await refusal(harness.client.rest.delete(Routes.guildScheduledEvent(FIXTURE.guildId, id)));
      expect([again.status, again.code]).toEqual([404, 10070]);
      expect(await refusal(patch(id, { name: 'x' }))).toMatchObject({ status: 404, code: 10070 });
    });

    it('with Create Events alone, changes and deletes its own events but not a member’s', async () => {
      const guild = defaultFixtureGuild();
      const role = guild.roles.find((r) => r.id === FIXTURE.roles.bot)!;
      role.permissions &= ~PermissionBits.ManageEvents;
      harness = await startHarness({ now: () => NOW, guilds: [guild] });
      const { id } = await create();
      expect(await patch(id, { name: 'Renamed' })).toMatchObject({ name: 'Renamed' });
      const own = harness.double.scheduledEvents(FIXTURE.guildId)[0]!;
      // An event a moderator made in the Discord app: same store, another creator.
      harness.double.seedScheduledEvent({ ...own, id: '1300000000000000077', creator_id: FIXTURE.users.moderator });
      const theirs = await refusal(patch('1300000000000000077', { name: 'Mine now' }));
      expect([theirs.status, theirs.code]).toEqual([403, 50013]);
      const del = await refusal(harness.client.rest.delete(Routes.guildScheduledEvent(FIXTURE.guildId, '1300000000000000077')));
      expect([del.status, del.code]).toEqual([403, 50013]);
      await harness.client.rest.delete(Routes.guildScheduledEvent(FIXTURE.guildId, id));
      expect(harness.double.scheduledEvents(FIXTURE.guildId).map((e) => e.id)).toEqual(['1300000000000000077']);
    });

    it('refuses modify and delete with 403 50013 without Manage Events or Create Events', async () => {
      const guild = defaultFixtureGuild();
      harness = await startHarness({ now: () => NOW, guilds: [guild] });
      const { id } = await create();
      const role = guild.roles.find((r) => r.id === FIXTURE.roles.bot)!;
      role.permissions &= ~(PermissionBits.ManageEvents | PermissionBits.CreateEvents);
      expect(await refusal(patch(id, { status: 4 }))).toMatchObject({ status: 403, code: 50013 });
      expect(await refusal(harness.client.rest.delete(Routes.guildScheduledEvent(FIXTURE.guildId, id)))).toMatchObject({ status: 403, code: 50013 });
      expect(harness.double.scheduledEvents(FIXTURE.guildId)[0]).toMatchObject({ status: 1 });
    });
  });
});
