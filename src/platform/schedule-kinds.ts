/**
 * Every kind of scheduled post, and what moderators are told when one cannot go out. The `ScheduleKind` type
 * and the `schedules.kind` column's values follow from this map, and commands/scheduled-jobs.ts must give each
 * kind its job (the type checker refuses a kind without one).
 */
export const SCHEDULE_KINDS = {
  weekly_challenge: { what: 'the weekly challenge', resume: '`/club challenge resume`' },
  challenge_recap: { what: 'the weekly recap', resume: '`/club challenge resume`' },
  announcement: { what: 'a scheduled announcement', resume: '`/announce list`, then `/announce resume` with its id' },
  run_reminder: { what: 'a group run reminder', resume: '`/run create` again for that run (a reminder cannot be resumed yet)' },
  run_repeat: { what: 'the next run of a repeating group run', resume: '`/run create` again with the same repeat (a series cannot be resumed yet)' },
} as const satisfies Record<string, { what: string; resume: string }>;

export type ScheduleKind = keyof typeof SCHEDULE_KINDS;

export const SCHEDULE_KIND_NAMES = Object.keys(SCHEDULE_KINDS) as [ScheduleKind, ...ScheduleKind[]];
