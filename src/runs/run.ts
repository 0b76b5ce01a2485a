/** What a group run is, and the rules for reading a moderator's input and members' answers. */

export const MAX_PACE_GROUPS = 5;
export const PACE_GROUP_MAX_LENGTH = 40;
export const DEFAULT_REMINDER_HOURS = 2;
/** How long the Discord event lasts when the distance-or-duration names no time. */
export const DEFAULT_DURATION_MINUTES = 90;

export type RsvpAnswer = 'going' | 'maybe' | 'no';

export interface GroupRun {
  id: number;
  guildId: string;
  channelId: string;
  messageId: string | null;
  eventId: string | null;
  title: string;
  meetingPoint: string;
  distance: string;
  paceGroups: string[];
  notes: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  status: 'open' | 'cancelled';
}

export interface Rsvp {
  userId: string;
  answer: RsvpAnswer;
  /** Index into the run's pace groups (going only; null when the run has none). */
  paceGroup: number | null;
}

export type PaceGroupsResult = { ok: true; groups: string[] } | { ok: false; error: string };

/** "5:00/km, 5:45/km, 6:30/km" -> three groups; empty input -> none. */
export function parsePaceGroups(text: string | null): PaceGroupsResult {
  const groups = (text ?? '')
    .split(',')
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter((part) => part.length > 0);
  if (groups.length > MAX_PACE_GROUPS) {
    return { ok: false, error: `A run can have at most ${MAX_PACE_GROUPS} pace groups; you gave ${groups.length}. Separate them with commas, e.g. \`5:00/km, 5:45/km, 6:30/km\`. Nothing was posted.` };
  }
  const long = groups.find((group) => group.length > PACE_GROUP_MAX_LENGTH);
  if (long) return { ok: false, error: `Each pace group can be at most ${PACE_GROUP_MAX_LENGTH} characters ("${long.slice(0, 20)}…" is longer). Nothing was posted.` };
  const seen = new Set<string>();
  for (const group of groups) {
    const key = group.toLowerCase();
    if (seen.has(key)) return { ok: false, error: `The pace group "${group}" is listed twice. Nothing was posted.` };
    seen.add(key);
  }
  return { ok: true, groups };
}

/** The run's length in minutes if its distance-or-duration names a time ("60 min", "1h", "1h30", "1:15"), else the default. */
export function durationMinutes(distance: string): number {
  const text = distance.toLowerCase();
  const clock = /\b(\d{1,2}):([0-5]\d)\b(?!\s*\/)/.exec(text);
  if (clock && !/\/\s*(km|mi)/.test(text)) return Number(clock[1]) * 60 + Number(clock[2]);
  const hours = /(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hour|hours)\b\s*(\d{1,2})?/.exec(text);
  if (hours) return Math.round(Number(hours[1]) * 60) + Number(hours[2] ?? 0);
  const minutes = /(\d+)\s*(?:m|min|mins|minute|minutes)\b/.exec(text);
  if (minutes && Number(minutes[1]) > 0) return Number(minutes[1]);
  return DEFAULT_DURATION_MINUTES;
}

/** When the reminder is due, or null when that moment is not after `now` (the run is too close for one). */
export function reminderTime(startsAt: Date, hoursBefore: number, now: Date): Date | null {
  const at = new Date(startsAt.getTime() - hoursBefore * 3_600_000);
  return at.getTime() > now.getTime() ? at : null;
}

export interface Tally {
  /** Going per pace group (index as in the run), each with its members in the order they answered. */
  groups: { label: string; userIds: string[] }[];
  /** Going without a group (a run without pace groups). */
  goingUngrouped: string[];
  maybe: string[];
  no: string[];
  going: number;
}

export function tally(run: Pick<GroupRun, 'paceGroups'>, rsvps: readonly Rsvp[]): Tally {
  const groups = run.paceGroups.map((label) => ({ label, userIds: [] as string[] }));
  const result: Tally = { groups, goingUngrouped: [], maybe: [], no: [], going: 0 };
  for (const rsvp of rsvps) {
    if (rsvp.answer === 'maybe') result.maybe.push(rsvp.userId);
    else if (rsvp.answer === 'no') result.no.push(rsvp.userId);
    else {
      result.going += 1;
      const group = rsvp.paceGroup === null ? undefined : groups[rsvp.paceGroup];
      if (group) group.userIds.push(rsvp.userId);
      else result.goingUngrouped.push(rsvp.userId);
    }
  }
  return result;
}

/** Whether members may still answer: the run is open and has not started. */
export function acceptsAnswers(run: Pick<GroupRun, 'status' | 'startsAt'>, now: Date): boolean {
  return run.status === 'open' && now.getTime() < run.startsAt.getTime();
}
