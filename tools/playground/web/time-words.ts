/** Times in words as Discord and the clock bar show them: "in 1 hour", "3 days ago", the zone named. */

function unit(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? '' : 's'}`;
}

/** Discord's <t:…:R>: "in 5 minutes", "in 1 hour", "2 days ago". */
export function relativeTime(date: Date, now: Date): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const text =
    abs < 60
      ? unit(abs, 'second')
      : abs < 3600
        ? unit(Math.round(abs / 60), 'minute')
        : abs < 86_400
          ? unit(Math.round(abs / 3600), 'hour')
          : abs < 30 * 86_400
            ? unit(Math.round(abs / 86_400), 'day')
            : abs < 365 * 86_400
              ? unit(Math.round(abs / (30 * 86_400)), 'month')
              : unit(Math.round(abs / (365 * 86_400)), 'year');
  return seconds >= 0 ? `in ${text}` : `${text} ago`;
}

/** How far the bot's clock runs ahead of real time, in the largest whole unit. */
export function aheadWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  return hours < 48 && hours % 24 !== 0 ? unit(hours, 'hour') : unit(Math.round(hours / 24), 'day');
}

/** "Bot time: Thu 3 Dec, 18:00 (Europe/London), 2 days ahead". */
export function describeClock(formatted: string, zone: string | null, offsetMs: number): string {
  const where = zone ? `(${zone})` : "(your browser's zone until /club setup sets the club's)";
  const ahead = offsetMs >= 60_000 ? `, ${aheadWords(offsetMs)} ahead` : '';
  return `Bot time: ${formatted} ${where}${ahead}`;
}
