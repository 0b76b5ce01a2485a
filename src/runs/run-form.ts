/**
 * What a moderator types in the group run form, read into a run: the title, when (in the club's zone), the
 * meeting point, the distance or duration with any notes on the lines after it, and the pace groups.
 */
import { Temporal } from 'temporal-polyfill';
import { parseWhen, type DateOrder, type WhenNote } from '../announcements/when.js';
import { durationMinutes, parsePaceGroups } from './run.js';

export const TITLE_MAX = 100;
export const MEETING_POINT_MAX = 100;
export const DISTANCE_MAX = 100;
export const NOTES_MAX = 500;
/** The distance line, a line break and the notes. */
export const DISTANCE_AND_NOTES_MAX = DISTANCE_MAX + 1 + NOTES_MAX;
export const PACE_GROUPS_MAX = 250;

/** The form's text fields as typed. */
export interface RunFormText {
  title: string;
  when: string;
  meetingPoint: string;
  distanceAndNotes: string;
  paceGroups: string;
}

export interface RunDetails {
  title: string;
  meetingPoint: string;
  distance: string;
  notes: string | null;
  paceGroups: string[];
  startsAt: Date;
  endsAt: Date;
  whenNotes: WhenNote[];
}

export type RunFormResult = ({ ok: true } & RunDetails) | { ok: false; error: string };

/** The first line is the distance or duration; the lines after it are notes. */
export function splitDistanceAndNotes(text: string): { distance: string; notes: string | null } {
  const [first = '', ...rest] = text.trim().split(/\r?\n/);
  const notes = rest.join('\n').trim();
  return { distance: first.trim(), notes: notes ? notes : null };
}

export function joinDistanceAndNotes(distance: string, notes: string | null): string {
  return notes ? `${distance}\n${notes}` : distance;
}

/** "2026-03-24 18:30": the run's start as the form shows it again, in the club's zone (and reads back the same). */
export function whenInputText(at: Date, zone: string): string {
  const local = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.year}-${pad(local.month)}-${pad(local.day)} ${pad(local.hour)}:${pad(local.minute)}`;
}

export function readRunForm(text: RunFormText, zone: string, now: Date, order: DateOrder): RunFormResult {
  const title = text.title.trim();
  const meetingPoint = text.meetingPoint.trim();
  const { distance, notes } = splitDistanceAndNotes(text.distanceAndNotes);
  if (!title || !meetingPoint || !distance) return { ok: false, error: 'The title, meeting point and distance each need some text. Nothing was saved.' };
  if (title.length > TITLE_MAX) return { ok: false, error: `The title can be at most ${TITLE_MAX} characters. Nothing was saved.` };
  if (meetingPoint.length > MEETING_POINT_MAX) return { ok: false, error: `The meeting point can be at most ${MEETING_POINT_MAX} characters. Nothing was saved.` };
  if (distance.length > DISTANCE_MAX) {
    return { ok: false, error: `The distance or duration (the first line) can be at most ${DISTANCE_MAX} characters; put anything else on the next lines as notes. Nothing was saved.` };
  }
  if (notes && notes.length > NOTES_MAX) return { ok: false, error: `The notes (after the first line) can be at most ${NOTES_MAX} characters. Nothing was saved.` };
  const when = parseWhen(text.when, zone, now, order);
  if (!when.ok) return { ok: false, error: `${when.error} Nothing was saved.` };
  const paces = parsePaceGroups(text.paceGroups);
  if (!paces.ok) return { ok: false, error: paces.error.replace('Nothing was posted.', 'Nothing was saved.') };
  return {
    ok: true,
    title,
    meetingPoint,
    distance,
    notes,
    paceGroups: paces.groups,
    startsAt: when.at,
    endsAt: new Date(when.at.getTime() + durationMinutes(distance) * 60_000),
    whenNotes: when.notes,
  };
}
