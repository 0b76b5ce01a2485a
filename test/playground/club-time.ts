/** A "when" the announce command reads as an exact time in the demo club's zone, so tests hold at any hour. */
export function clubTimeIn(ms: number, timeZone = 'Europe/London'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(Date.now() + ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/**
 * The weekday (as /club setup takes it) `days` from now in the club's zone. A weekly post three days ahead keeps
 * a week's order fixed at any hour: that day's midnight recap (nothing to close yet), then the post.
 */
export function clubWeekdayIn(days: number, timeZone = 'Europe/London'): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long' }).format(new Date(Date.now() + days * 86_400_000)).toLowerCase();
}
