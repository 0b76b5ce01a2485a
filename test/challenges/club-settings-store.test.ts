/**
 * A club's settings and weekly timetable, held to one contract on SQLite and on PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { clubSettings, pauseWeeklyChallenge, restartProgramme, resumeWeeklyChallenge, saveClubSetup, type ClubSetupInput } from '../../src/challenges/club-settings-store.js';
import { clubModeratorRoleId, clubRegion } from '../../src/challenges/clubs-store.js';
import type { Storage } from '../../src/platform/db/storage.js';
import { createPgScheduleStore } from '../../src/platform/scheduler/pg-store.js';
import { createScheduleStore } from '../../src/platform/scheduler/sqlite-store.js';
import { dialects, freshStorageEach } from '../support/storages.js';

const GUILD = '900000000000000001';
const base: ClubSetupInput = { guildId: GUILD, channelId: '10', timezone: 'America/New_York', day: 'sunday', time: { hour: 2, minute: 30 }, setupByUserId: '1' };

const scheduleRows = (storage: Storage) => storage.run((db) => db.select().from(storage.t.schedules).orderBy(asc(storage.t.schedules.id)));

describe.each(dialects)('club settings on $name', ({ open }) => {
  let storage: Storage;
  freshStorageEach(open, (fresh) => (storage = fresh));

  it('writes the club and exactly one weekly and one recap schedule, with next runs in the club zone', async () => {
    expect(await clubSettings(storage, GUILD)).toBeUndefined();
    const settings = await saveClubSetup(storage, { ...base, region: 'US', moderatorRoleId: '55' }, new Date('2026-03-02T12:00:00Z'));
    expect(settings).toMatchObject({ timezone: 'America/New_York', region: 'US', moderatorRoleId: '55', programmeWeek: 1 });
    // Sunday 8 March 2026 02:30 does not exist in New York (clocks jump from 02:00 to 03:00): it comes at 03:00 EDT.
    expect(settings.weekly?.nextRunAt?.toISOString()).toBe('2026-03-08T07:00:00.000Z');
    const rows = await scheduleRows(storage);
    expect(rows.map((r) => [r.kind, r.cron, r.createdAt.toISOString()])).toEqual([
      ['weekly_challenge', '30 2 * * 0', '2026-03-02T12:00:00.000Z'],
      ['challenge_recap', '0 0 * * 0', '2026-03-02T12:00:00.000Z'],
    ]);
    expect(await clubRegion(storage, GUILD)).toBe('US');
    expect(await clubModeratorRoleId(storage, GUILD)).toBe('55');
    expect(await clubRegion(storage, '900000000000000002')).toBeUndefined();
    expect(await clubRegion(storage, null)).toBeUndefined();
  });

  it('setting up again replaces the timetable, keeps values left out, and clears a pause', async () => {
    await saveClubSetup(storage, { ...base, region: 'US', moderatorRoleId: '55' }, new Date('2026-03-02T12:00:00Z'));
    await pauseWeeklyChallenge(storage, GUILD, 'Paused by a moderator.', new Date('2026-03-03T12:00:00Z'));
    const settings = await saveClubSetup(storage, { ...base, channelId: '11', timezone: 'Europe/Kyiv', day: 'monday', time: { hour: 7, minute: 0 } }, new Date('2026-03-04T12:00:00Z'));
    expect(settings).toMatchObject({ timezone: 'Europe/Kyiv', region: 'US', moderatorRoleId: '55' });
    expect(settings.weekly).toMatchObject({ channelId: '11', day: 'monday', time: { hour: 7, minute: 0 }, status: 'active', lastError: null });
    expect(settings.weekly?.nextRunAt?.toISOString()).toBe('2026-03-09T05:00:00.000Z');
    expect(await scheduleRows(storage)).toHaveLength(2);
  });

  it('pauses with a reason and resumes from the next post after now, not a burst of missed ones', async () => {
    expect(await pauseWeeklyChallenge(storage, GUILD, 'no club yet', new Date('2026-03-01T12:00:00Z'))).toBe(false);
    await saveClubSetup(storage, base, new Date('2026-03-02T12:00:00Z'));
    expect(await pauseWeeklyChallenge(storage, GUILD, 'Paused by <@1>.', new Date('2026-03-03T12:00:00Z'))).toBe(true);
    expect(await pauseWeeklyChallenge(storage, GUILD, 'again', new Date('2026-03-03T12:00:00Z'))).toBe(false);
    expect((await clubSettings(storage, GUILD))?.weekly).toMatchObject({ status: 'paused', lastError: 'Paused by <@1>.' });
    const next = await resumeWeeklyChallenge(storage, GUILD, new Date('2026-03-25T12:00:00Z'));
    expect(next?.toISOString()).toBe('2026-03-29T06:30:00.000Z');
    expect((await clubSettings(storage, GUILD))?.weekly).toMatchObject({ status: 'active', lastError: null });
    expect(await resumeWeeklyChallenge(storage, GUILD, new Date('2026-03-25T12:00:00Z'))).toBeNull();
  });

  it('a moderator pause made between the engine reading a row and writing it back bumps its revision, so the pause wins', async () => {
    const { weekly } = await saveClubSetup(storage, base, new Date('2026-03-02T12:00:00Z'));
    const revision = async () => (await storage.run((db) => db.select({ r: storage.t.schedules.revision }).from(storage.t.schedules).where(eq(storage.t.schedules.id, weekly!.scheduleId))))[0]!.r;
    const before = await revision();
    await pauseWeeklyChallenge(storage, GUILD, 'Paused by <@1>.', new Date('2026-03-03T12:00:00Z'));
    expect(await revision()).toBeGreaterThan(before);
  });

  it('restarting the programme takes the club back to week 1', async () => {
    await saveClubSetup(storage, base, new Date('2026-03-02T12:00:00Z'));
    await storage.run((db) => db.update(storage.t.clubs).set({ programmeWeek: 7 }).where(eq(storage.t.clubs.guildId, GUILD)));
    await restartProgramme(storage, GUILD, new Date('2026-03-03T12:00:00Z'));
    expect((await clubSettings(storage, GUILD))?.programmeWeek).toBe(1);
  });

  it('keeps the zone once, in the club: a new zone moves repeating announcements and every due row reads it', async () => {
    await saveClubSetup(storage, { ...base, timezone: 'Europe/London' }, new Date('2026-06-01T12:00:00Z'));
    const at = new Date('2026-06-01T12:00:00Z');
    const [announcement] = await storage.run((db) =>
      db
        .insert(storage.t.schedules)
        .values({ guildId: GUILD, kind: 'announcement', channelId: '12', ruleKind: 'cron', cron: '0 18 * * *', nextRunAt: new Date('2026-06-01T17:00:00Z'), status: 'active', createdBy: '1', createdAt: at, updatedAt: at })
        .returning({ id: storage.t.schedules.id }),
    );
    await saveClubSetup(storage, { ...base, timezone: 'America/New_York' }, at);
    const [moved] = await storage.run((db) => db.select().from(storage.t.schedules).where(eq(storage.t.schedules.id, announcement!.id)));
    expect(moved!.nextRunAt?.toISOString()).toBe('2026-06-01T22:00:00.000Z'); // 18:00 in New York (EDT)
    const store = storage.dialect === 'sqlite' ? createScheduleStore(storage) : createPgScheduleStore(storage);
    const due = await store.due(new Date('2026-06-30T00:00:00Z'), 10, ['weekly_challenge', 'challenge_recap', 'announcement']);
    expect(due).toHaveLength(3);
    expect(new Set(due.map((row) => row.timezone))).toEqual(new Set(['America/New_York']));
  });
});
