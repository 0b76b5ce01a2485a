/** What a moderator's edit changes about a group run, and where members' pace groups move to. */
import type { GroupRun } from './run.js';
import type { RunDetails } from './run-form.js';

export type RunPart = 'time' | 'meeting point' | 'distance or duration' | 'title' | 'pace groups' | 'notes';

/** The parts members would notice changing, in the order the notice names them. */
export function changedParts(before: GroupRun, after: RunDetails): RunPart[] {
  const parts: RunPart[] = [];
  if (before.startsAt.getTime() !== after.startsAt.getTime()) parts.push('time');
  if (before.meetingPoint !== after.meetingPoint) parts.push('meeting point');
  if (before.distance !== after.distance) parts.push('distance or duration');
  if (before.title !== after.title) parts.push('title');
  if (JSON.stringify(before.paceGroups) !== JSON.stringify(after.paceGroups)) parts.push('pace groups');
  if ((before.notes ?? '') !== (after.notes ?? '')) parts.push('notes');
  return parts;
}

/**
 * For each old pace group, its index in the new list (matched by label, ignoring case), or null when it is gone:
 * its members stay Going, without a group.
 */
export function paceGroupMoves(before: readonly string[], after: readonly string[]): (number | null)[] {
  const index = new Map(after.map((label, i) => [label.toLowerCase(), i]));
  return before.map((label) => index.get(label.toLowerCase()) ?? null);
}

/** The reminder keeps its lead on the start: a run moved by a day is reminded a day later. */
export function movedReminder(reminderAt: Date | null, before: Date, after: Date, now: Date): Date | null {
  if (!reminderAt) return null;
  const at = new Date(reminderAt.getTime() + (after.getTime() - before.getTime()));
  return at.getTime() > now.getTime() ? at : null;
}
