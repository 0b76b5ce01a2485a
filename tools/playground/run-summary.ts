/** What the scheduler did while the playground's clock moved, counted from the run ledger and said in plain words. */

export interface LedgerRun {
  kind: 'weekly_challenge' | 'challenge_recap' | 'announcement' | 'run_reminder' | 'run_repeat';
  status: 'claimed' | 'posted' | 'skipped' | 'failed';
  scheduledFor: Date;
  postedAt: Date | null;
  reason: string | null;
}

export interface RunSummary {
  /** "running": minute by minute, as a running Pacer; "offline": a jump, then one catch-up run. */
  mode: 'running' | 'offline';
  from: string;
  to: string;
  posted: number;
  /** Posted more than two minutes after their time. */
  late: number;
  skipped: number;
  failed: number;
  /** The status line, in words a club committee reads. */
  words: string;
}

const LATE_MS = 2 * 60_000;
const KIND_NAMES: Record<LedgerRun['kind'], [string, string]> = {
  announcement: ['announcement', 'announcements'],
  weekly_challenge: ['weekly challenge post', 'weekly challenge posts'],
  challenge_recap: ['challenge recap', 'challenge recaps'],
  run_reminder: ['group run reminder', 'group run reminders'],
  run_repeat: ['repeating group run card', 'repeating group run cards'],
};

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function spanWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48 && hours % 24 !== 0) return plural(hours, 'hour');
  return plural(Math.round(hours / 24), 'day');
}

function byKind(runs: readonly LedgerRun[]): string {
  const counts = new Map<LedgerRun['kind'], number>();
  for (const run of runs) counts.set(run.kind, (counts.get(run.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => plural(count, ...KIND_NAMES[kind])).join(', ');
}

/** A skip or failure reason without ids and timestamps, so equal reasons group together. */
function why(reason: string | null): string {
  if (!reason) return 'no reason recorded';
  if (/offline/i.test(reason)) return 'they were due while Pacer was offline and were past the catch-up window (moderators were told)';
  const first = reason.replace(/<t:-?\d+(:\w)?>/g, 'its time').replace(/#\d+ ?/g, '').replace(/\s+([.,;])/g, '$1').split(/(?<=\.)\s/)[0] ?? reason;
  const text = first.replace(/\.$/, '');
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function summariseRuns(mode: RunSummary['mode'], from: Date, to: Date, runs: readonly LedgerRun[]): RunSummary {
  const posted = runs.filter((run) => run.status === 'posted');
  const late = posted.filter((run) => run.postedAt && run.postedAt.getTime() - run.scheduledFor.getTime() > LATE_MS);
  const skipped = runs.filter((run) => run.status === 'skipped');
  const failed = runs.filter((run) => run.status === 'failed');
  const span = spanWords(to.getTime() - from.getTime());
  const opening = mode === 'running' ? `Pacer ran for ${span}, minute by minute` : `Pacer was offline for ${span}, then started again`;
  const parts: string[] = [];
  if (runs.length === 0) parts.push('nothing was due');
  if (posted.length > 0) {
    const timing = late.length === 0 ? ' on time' : late.length === posted.length ? ' late' : '';
    const someLate = late.length > 0 && late.length < posted.length ? `, ${late.length} of them late` : '';
    parts.push(`${plural(posted.length, 'post')} went out${timing} (${byKind(posted)})${someLate}`);
  }
  const groups = new Map<string, LedgerRun[]>();
  for (const run of skipped) groups.set(why(run.reason), [...(groups.get(why(run.reason)) ?? []), run]);
  for (const [reason, group] of groups) parts.push(`${byKind(group)} skipped: ${reason}`);
  if (failed.length > 0) parts.push(`${byKind(failed)} failed: ${why(failed[0]?.reason ?? null)}`);
  if (runs.length > 0 && skipped.length === 0 && failed.length === 0) parts.push('nothing was skipped');
  return {
    mode,
    from: from.toISOString(),
    to: to.toISOString(),
    posted: posted.length,
    late: late.length,
    skipped: skipped.length,
    failed: failed.length,
    words: `${opening}: ${parts.join('; ')}.`,
  };
}
