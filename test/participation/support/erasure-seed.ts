/**
 * Two clubs where a member (USER) and another (KEEP) take part in everything, written through the Storage port so
 * that one seed serves SQLite and PostgreSQL; and a scan of every column of every table for an id, with its own
 * reading of each dialect's catalogue (not erasure's), so a table erasure overlooked still shows up.
 */
import { sql } from 'drizzle-orm';
import type { Storage } from '../../../src/platform/db/storage.js';

export const GUILD = '1200000000000000001';
export const OTHER = '1200000000000000009';
export const USER = '1500000000000000777';
export const KEEP = '1500000000000000888';

const at = (day: string) => new Date(`${day}T12:00:00Z`);

export async function seedErasureClubs(storage: Storage): Promise<void> {
  const t = storage.t;
  await storage.run(async (db) => {
    for (const guildId of [GUILD, OTHER]) {
      await db.insert(t.clubs).values({ guildId });
      const weeks = await db
        .insert(t.challenges)
        .values(['2026-11-02', '2026-11-09'].map((weekStart) => ({ guildId, weekStart, templateId: 'programme', targetSessions: 2, status: 'closed' as const, opensAt: at(weekStart), closesAt: at(weekStart) })))
        .returning({ id: t.challenges.id });
      for (const userId of [USER, KEEP]) {
        await db.insert(t.members).values({ guildId, userId, firstSeenAt: at('2026-11-01') });
        await db.insert(t.enrolments).values({ challengeId: weeks[0]!.id, guildId, userId });
        await db.insert(t.challengePauses).values({ challengeId: weeks[1]!.id, guildId, userId, pausedAt: at('2026-11-09') });
        await db.insert(t.sessionLogs).values(['ex-0', 'ex-1'].map((exerciseId, i) => ({ guildId, userId, challengeId: weeks[0]!.id, day: `2026-11-0${2 + i}`, exerciseId })));
        await db.insert(t.memberNames).values({ guildId, userId, displayName: userId === USER ? 'Rita' : 'Kim', updatedAt: at('2026-11-02') });
      }
      // A public leaderboard that named both members.
      await db.insert(t.postedMentions).values(
        [USER, KEEP].map((userId, i) => ({ guildId, channelId: '1', messageId: `${guildId.slice(-1)}00${i}`, userId, shown: `**${i + 1}.** ${userId === USER ? 'Rita' : 'Kim'} · `, postedAt: at('2026-11-03') })),
      );
    }
    // The member also set a club up, created an announcement and is mentioned in another one.
    await db.update(t.clubs).set({ setupByUserId: USER }).where(sql`${t.clubs.guildId} = ${GUILD}`);
    const [schedule] = await db.insert(t.schedules).values({ guildId: GUILD, kind: 'announcement', channelId: '1', ruleKind: 'once', createdBy: USER }).returning({ id: t.schedules.id });
    await db.insert(t.announcements).values({ scheduleId: schedule!.id, guildId: GUILD, content: `Well done <@${USER}>!`, createdBy: KEEP });
    // A weekly group run the member set up; both members answered Going and confirmed "I ran" in each club.
    const [repeat] = await db.insert(t.schedules).values({ guildId: GUILD, kind: 'run_repeat', channelId: '1', ruleKind: 'cron', cron: '30 18 * * 3' }).returning({ id: t.schedules.id });
    const [series] = await db
      .insert(t.runSeries)
      .values({ guildId: GUILD, channelId: '1', scheduleId: repeat!.id, everyWeeks: 1, firstDay: '2026-11-03', localTime: '18:30', durationMinutes: 60, title: 'Track', meetingPoint: 'Gate', distance: '8 km', paceGroups: '[]', reminderHours: 2, createdBy: USER })
      .returning({ id: t.runSeries.id });
    for (const guildId of [GUILD, OTHER]) {
      const [run] = await db
        .insert(t.groupRuns)
        .values({ guildId, channelId: '1', title: 'Track', meetingPoint: 'Gate', distance: '8 km', paceGroups: '[]', startsAt: at('2026-11-03'), endsAt: at('2026-11-03'), seriesId: guildId === GUILD ? series!.id : null, createdBy: KEEP })
        .returning({ id: t.groupRuns.id });
      for (const userId of [USER, KEEP]) {
        await db.insert(t.runRsvps).values({ runId: run!.id, guildId, userId, answer: 'going', answeredAt: at('2026-11-02') });
        await db.insert(t.sessionLogs).values({ guildId, userId, day: '2026-11-03', exerciseId: `group-run:${run!.id}`, groupRunId: run!.id });
      }
    }
  });
}

/** Every table of the database, by the dialect's own catalogue. */
export async function allTables(storage: Storage): Promise<string[]> {
  const rows =
    storage.dialect === 'sqlite'
      ? await storage.all<{ name: string }>(sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`)
      : await storage.all<{ name: string }>(sql`select tablename as name from pg_tables where schemaname = 'public'`);
  return rows.map((r) => r.name).sort();
}

/** "table.column: n" for every column (of any type, read as text) of every table where the id appears. */
export async function rowsNaming(storage: Storage, id: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of await allTables(storage)) {
    const columns =
      storage.dialect === 'sqlite'
        ? await storage.all<{ name: string }>(sql`select name from pragma_table_info(${table})`)
        : await storage.all<{ name: string }>(sql`select attname as name from pg_attribute where attrelid = ${`public.${table}`}::regclass and attnum > 0 and not attisdropped`);
    for (const { name } of columns) {
      const [row] = await storage.all<{ n: number }>(
        sql`select cast(count(*) as integer) as n from ${sql.identifier(table)} where cast(${sql.identifier(name)} as text) like ${`%${id}%`}`,
      );
      if (row!.n > 0) found.push(`${table}.${name}: ${row!.n}`);
    }
  }
  return found;
}
