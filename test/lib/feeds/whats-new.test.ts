import { describe, expect, it } from 'vitest';
import { scheduleActivities } from '../../../src/lib/activities.ts';
import { activityNewsItems } from '../../../src/lib/feeds/news-items.ts';
import { buildDate, changesOf, whatsNewByMonth } from '../../../src/lib/feeds/whats-new.ts';
import { ACTIVITY_CONTEXT, AMPERSAND, GETXO_VISIT, MEDIATION, OSLO_2025 } from './fixtures.ts';

const items = [MEDIATION, AMPERSAND, OSLO_2025];
const summary = (until: string, months?: number) =>
  whatsNewByMonth(items, until, months).map(({ month, changes }) => [month, changes.map((change) => `${change.kind} ${change.date} ${change.item.title}`)]);

describe('whatsNewByMonth', () => {
  it('lists new and updated practices and new editions by month, newest first, up to the given day', () => {
    expect(summary('2025-06-30')).toEqual([
      ['2025-06', ['new 2025-06-20 Sport & culture <together>', 'updated 2025-06-02 School mediators']],
      ['2025-05', ['edition 2025-05-07 Oslo: Index results, 2025 edition']],
      ['2024-03', ['new 2024-03-18 School mediators']],
    ]);
  });

  it('leaves out what is dated after the day it is built', () => {
    expect(summary('2025-06-10')[0]).toEqual(['2025-06', ['updated 2025-06-02 School mediators']]);
    expect(summary('2024-01-01')).toEqual([]);
  });

  it('keeps only the most recent months', () => {
    expect(summary('2025-06-30', 1).map(([month]) => month)).toEqual(['2025-06']);
  });

  it('refuses a build date that is not YYYY-MM-DD', () => {
    expect(() => whatsNewByMonth(items, '30/06/2025')).toThrow('the "What\'s new" page needs the build date written YYYY-MM-DD, as in BUILD_DATE=2025-06-30 (found "30/06/2025")');
    expect(() => whatsNewByMonth(items, '2025-06-30', 0)).toThrow('months must be a whole number of 1 or more (found 0)');
  });
});

describe('changesOf', () => {
  it('counts a practice never updated once', () => {
    expect(changesOf(AMPERSAND).map((change) => change.kind)).toEqual(['new']);
  });
});

describe('buildDate', () => {
  it('is the UTC day of the clock reading', () => {
    expect(buildDate(new Date('2025-06-30T23:30:00-02:00'))).toBe('2025-07-01');
  });
});

describe('activities in What\'s new', () => {
  const now = new Date('2025-06-30T12:00:00Z');
  const [visit] = scheduleActivities([{ id: 'study-visit-getxo-2025', data: GETXO_VISIT }], now);
  const activityItems = activityNewsItems('en', visit!, ACTIVITY_CONTEXT, now);

  it('shows an activity in the month it was announced and its record in the month it ended', () => {
    expect(activityItems.flatMap(changesOf).map((change) => [change.kind, change.date])).toEqual([
      ['activity', '2025-03-03'],
      ['record', '2025-05-15'],
    ]);
    const months = whatsNewByMonth([...items, ...activityItems], '2025-06-30').map(({ month, changes }) => [month, changes.map((change) => `${change.kind} ${change.item.title}`)]);
    expect(months).toEqual([
      ['2025-06', ['new Sport & culture <together>', 'updated School mediators']],
      ['2025-05', ['record Record: Study visit to Getxo', 'edition Oslo: Index results, 2025 edition']],
      ['2025-03', ['activity Study visit to Getxo']],
      ['2024-03', ['new School mediators']],
    ]);
  });
});
