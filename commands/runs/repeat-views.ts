/** What a moderator is told about a repeating run when creating it. */
import { CREATE_DAYS_AHEAD } from '../../src/runs/repeats.js';
import type { Series } from '../../src/runs/series-store.js';

export function seriesLine(series: Series): string {
  const how = series.everyWeeks === 1 ? 'every week' : 'every two weeks';
  return `It repeats ${how} at ${series.localTime} ${series.timezone} time, also across clock changes: Pacer posts each next run’s card, event and reminder ${CREATE_DAYS_AHEAD} days before it starts.`;
}

export const SERIES_NEVER_TEXT = 'This run cannot repeat: the rule never comes round again. It was posted once.';
