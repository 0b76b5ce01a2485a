import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/connection.js';
import { clubSettings, pauseWeeklyChallenge, resumeWeeklyChallenge, saveClubSetup, type ClubSetupInput } from '../../src/challenges/club-settings-store.js';
import { schedules } from '../../src/platform/db/schema.js';
import { createAnnouncement, getAnnouncement } from '../../src/announcements/store.js';
import { createScheduleStore } from '../../src/platform/scheduler/sqlite-store.js';
import { sqliteStorage } from '../../src/platform/db/storage.js';

const GUILD = '900000000000000001';
const base: ClubSetupInput = { guildId: GUILD, channelId: '10', timezone: 'America/New_York', day: 'sunday', time: { hour: 2, minute: 30 }, setupByUserId: '1' };

describe('club settings', () => {
  let handle: DatabaseHandle;
  beforeEach(() => (handle = openDatabase(':memory:')));
  afterEach(() => handle.close());

  it('writes the club and exactly one weekly and one recap schedule, with next runs in the club zone', () => {
    const settings = saveClubSetup(handle.db, { ...base, region: 'US', moderatorRoleId: '55' }, new Date('2026-03-02T12:00:00Z'));
    expect(settings).toMatchObject({ timezone: 'America/New_York', region: 'US', moderatorRoleId: '55', programmeWeek: 1 });
    // Sunday 8 March 2026 02:30 does not exist in New York (clocks jump from 02:00 to 03:00): it comes at 03:00 EDT.
    expect(settings.weekly?.nextRunAt?.toISOString()).toBe('2026-03-08T07:00:00.000Z');
    const rows = handle.db.select().from(schedules).all();
    expect(rows.map((r) => [r.kind, r.cron, r.createdAt.toISOString()])).toEqual([
      ['weekly_challenge', '30 2 * * 0', '2026-03-02T12:00:00.000Z'],
      ['challenge_recap', '0 0 * * 0', '2026-03-02T12:00:00.000Z'],
    ]);
  });

  it('setting up again replaces the timetable, keeps values left out, and clears a pause', () => {
    saveClubSetup(handle.db, { ...base, region: 'US', moderatorRoleId: '55' }, new Date('2026-03-02T12:00:00Z'));
    pauseWeeklyChallenge(handle.db, GUILD, 'Paused by a moderator.', new Date('2026-03-03T12:00:00Z'));
    const settings = saveClubSetup(handle.db, { ...base, channelId: '11', timezone: 'Europe/Kyiv', day: 'monday', time: { hour: 7, minute: 0 } }, new Date('2026-03-04T12:00:00Z'));
    expect(settings).toMatchObject({ timezone: 'Europe/Kyiv', region: 'US', moderatorRoleId: '55' });
    expect(settings.weekly).toMatchObject({ channelId: '11', day: 'monday', time: { hour: 7, minute: 0 }, status: 'active', lastError: null });
    expect(settings.weekly?.nextRunAt?.toISOString()).toBe('2026-03-09T05:00:00.000Z');
    expect(handle.db.select().from(schedules).all()).toHaveLength(2);
  });

  it('pauses with a reason and resumes from the next post after now, not a burst of missed ones', () => {
    saveClubSetup(handle.db, base, new Date('2026-03-02T12:00:00Z'));
    expect(pauseWeeklyChallenge(handle.db, GUILD, 'Paused by <@1>.', new Date('2026-03-03T12:00:00Z'))).toBe(true);
    expect(pauseWeeklyChallenge(handle.db, GUILD, 'again', new Date('2026-03-03T12:00:00Z'))).toBe(false);
    expect(clubSettings(handle.db, GUILD)?.weekly).toMatchObject({ status: 'paused', lastError: 'Paused by <@1>.' });
    const next = resumeWeeklyChallenge(handle.db, GUILD, new Date('2026-03-25T12:00:00Z'));
    expect(next?.toISOString()).toBe('2026-03-29T06:30:00.000Z');
    expect(resumeWeeklyChallenge(handle.db, GUILD, new Date('2026-03-25T12:00:00Z'))).toBeNull();
  });

  it('keeps the zone once, in the club: a new zone moves repeating announcements and every due row reads it', async () => {
    saveClubSetup(handle.db, { ...base, timezone: 'Europe/London' }, new Date('2026-06-01T12:00:00Z'));
    const storage = sqliteStorage(handle);
    const id = await createAnnouncement(storage, {
      guildId: GUILD,
      channelId: '12',
      title: 'Track night',
      body: 'Meet at the gate.',
      ping: { kind: 'nobody' },
      repeat: 'daily',
      cron: '0 18 * * *',
      firstRun: new Date('2026-06-01T17:00:00Z'),
      pingRoleId: null,
      by: '1',
      at: new Date('2026-06-01T12:00:00Z'),
    });
    expect((await getAnnouncement(storage, GUILD, id))?.timezone).toBe('Europe/London');
    saveClubSetup(handle.db, { ...base, timezone: 'America/New_York' }, new Date('2026-06-01T12:00:00Z'));
    const moved = (await getAnnouncement(storage, GUILD, id))!;
    expect(moved.timezone).toBe('America/New_York');
    expect(moved.nextRunAt?.toISOString()).toBe('2026-06-01T22:00:00.000Z'); // 18:00 in New York (EDT)
    const store = createScheduleStore(sqliteStorage(handle));
    const due = await store.due(new Date('2026-06-30T00:00:00Z'), 10, ['weekly_challenge', 'challenge_recap', 'announcement']);
    expect(new Set(due.map((row) => row.timezone))).toEqual(new Set(['America/New_York']));
  });
});
