import { describe, expect, it } from 'vitest';
import { scheduleActivities } from '../../src/lib/activities.ts';
import { byYear, cityJourney } from '../../src/lib/city-journey.ts';
import type { Activity } from '../../src/lib/schemas/activity.ts';

const now = new Date('2026-12-01T10:00:00Z');
const activity = (overrides: Partial<Activity>): Activity => ({
  type: 'study-visit',
  title: { en: 'Visit' },
  description: { en: 'Two days.' },
  start: '2025-05-14T09:30',
  end: '2025-05-15T16:00',
  timeZone: 'Europe/Madrid',
  hosts: ['getxo'],
  themes: ['media'],
  organiser: 'City of Getxo',
  ...overrides,
});
const [visit, expert, attended] = scheduleActivities(
  [
    { id: 'a-visit', data: activity({}) },
    { id: 'b-expert', data: activity({ type: 'expert-visit', start: '2027-01-19T09:30', end: '2027-01-20T17:00' }) },
    { id: 'c-attended', data: activity({ hosts: ['bilbao'], participants: ['getxo'], start: '2024-10-16T09:00', end: '2024-10-17T17:00' }) },
  ],
  now,
).sort((a, b) => a.id.localeCompare(b.id));

describe("a city's journey", () => {
  const journey = cityJourney({
    city: { joined: 2020, membership: { demonstration: true, request: '2019-11-18', questionnaire: '2020-06-30' } },
    indexResults: [{ id: 'getxo-2024', edition: 2024, date: '2024-09-01' }],
    activities: { hosted: [visit!, expert!], attended: [attended!] },
    practices: [{ slug: 'agents', title: 'Anti-rumour agents', lang: 'en', start: 2021 }],
    now,
  });

  it('puts every dated step of the content on one timeline, oldest first, a bare year after the dates of that year', () => {
    expect(journey.events.map((event) => `${event.date} ${event.kind}`)).toEqual([
      '2019-11-18 request',
      '2020-06-30 questionnaire',
      '2020 joined',
      '2021 practice',
      '2024-09-01 index',
      '2024-10-16 attended',
      '2025-05-14 hosted',
      '2027-01-19 expert-visit',
    ]);
  });

  it('marks what lies after the build date as planned', () => {
    expect(journey.events.filter((event) => event.planned).map((event) => event.kind)).toEqual(['expert-visit']);
  });

  it('lists the membership steps of a city still on its way: the report from its Index result, the visit from its activity', () => {
    expect(journey.steps).toEqual([
      { step: 'request', status: 'done', date: '2019-11-18' },
      { step: 'questionnaire', status: 'done', date: '2020-06-30' },
      { step: 'report', status: 'done', date: '2024-09-01' },
      { step: 'expertVisit', status: 'planned', date: '2027-01-19' },
      { step: 'strategy', status: 'to-come' },
    ]);
    expect(journey.demonstration).toBe(true);
  });

  it('shows no steps for a city without membership dates, nor once every step is done', () => {
    const base = { indexResults: [], activities: { hosted: [], attended: [] }, practices: [], now };
    expect(cityJourney({ ...base, city: { joined: 2011 } }).steps).toBeUndefined();
    const done = { request: '2010-01-05', questionnaire: '2010-06-01', report: '2011-02-01', expertVisit: '2011-05-01', strategy: '2012-03-01' };
    expect(cityJourney({ ...base, city: { joined: 2010, membership: done } }).steps).toBeUndefined();
    expect(cityJourney({ ...base, city: { joined: 2010, membership: { ...done, strategy: '2027-03-01' } } }).steps?.at(-1)).toEqual({ step: 'strategy', status: 'planned', date: '2027-03-01' });
  });

  it('groups the timeline by year', () => {
    expect(byYear(journey.events).map((group) => [group.year, group.events.length])).toEqual([['2019', 1], ['2020', 2], ['2021', 1], ['2024', 2], ['2025', 1], ['2027', 1]]);
  });
});

describe('the journey by year', () => {
  it('sums up a year with more practices started or activities attended than it lists', () => {
    const practices = ['a', 'b', 'c'].map((slug) => ({ slug, title: slug, lang: 'en', start: 2019 }));
    const journey = cityJourney({ city: { joined: 2015 }, indexResults: [], activities: { hosted: [], attended: [attended!, attended!, attended!] }, practices, now });
    const groups = byYear(journey.events, 2);
    expect(groups.map((group) => [group.year, group.events.map((event) => event.kind)])).toEqual([
      ['2015', ['joined']],
      ['2019', ['practices']],
      ['2024', ['attended-many']],
    ]);
    expect(groups[1]!.events[0]).toEqual({ kind: 'practices', count: 3, planned: false });
    expect(byYear(journey.events, 3).map((group) => group.events.length)).toEqual([1, 3, 3]);
  });
});
