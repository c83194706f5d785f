/**
 * The "What's new" page: the changes of the news items (news-items.ts), grouped by month, most
 * recent month first. A practice appears when it was first published and again, as updated, in
 * the month of its last update; an Index edition when its report is dated; an activity when it
 * is announced and its record when the activity has ended.
 *
 * What is "new" depends on the day: the page takes that day (`until`, the build date) as a
 * parameter, so a test fixes it. Changes dated after it (content published ahead of time) are
 * left out until that day comes; only the `months` most recent months with changes are listed.
 */
import type { NewsItem } from './news-items.ts';

export type ChangeKind = 'new' | 'updated' | 'edition' | 'activity' | 'record';

export interface Change {
  kind: ChangeKind;
  /** YYYY-MM-DD. */
  date: string;
  item: NewsItem;
}

export interface MonthOfChanges {
  /** YYYY-MM. */
  month: string;
  changes: Change[];
}

/** The changes one item stands for. */
export function changesOf(item: NewsItem): Change[] {
  if (item.kind === 'index-edition') return [{ kind: 'edition', date: item.published, item }];
  if (item.kind === 'activity') return [{ kind: 'activity', date: item.published, item }];
  if (item.kind === 'activity-record') return [{ kind: 'record', date: item.published, item }];
  const changes: Change[] = [{ kind: 'new', date: item.published, item }];
  if (item.updated > item.published) changes.push({ kind: 'updated', date: item.updated, item });
  return changes;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The changes up to `until` (YYYY-MM-DD, included), by month, newest first; at most `months` months. */
export function whatsNewByMonth(items: readonly NewsItem[], until: string, months = 12): MonthOfChanges[] {
  if (!DATE.test(until)) throw new Error(`the "What's new" page needs the build date written YYYY-MM-DD, as in BUILD_DATE=2025-06-30 (found "${until}")`);
  if (!Number.isInteger(months) || months < 1) throw new Error(`months must be a whole number of 1 or more (found ${months})`);
  const byMonth = new Map<string, Change[]>();
  for (const change of items.flatMap(changesOf)) {
    if (change.date > until) continue;
    const month = change.date.slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), change]);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .slice(0, months)
    .map(([month, changes]) => ({
      month,
      changes: changes.sort((a, b) => b.date.localeCompare(a.date) || a.item.title.localeCompare(b.item.title) || a.item.id.localeCompare(b.item.id)),
    }));
}

/** The build date, YYYY-MM-DD in UTC, of a clock reading. */
export function buildDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}
