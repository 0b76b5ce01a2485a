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
});
