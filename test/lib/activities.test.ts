import { describe, expect, it } from 'vitest';
import { buildActivityIndex, demoShiftDays, registrationOpen, scheduleActivities, shiftActivity } from '../../src/lib/activities.ts';
import type { Activity } from '../../src/lib/schemas/activity.ts';

const base: Activity = {
  type: 'study-visit',
  title: { en: 'Study visit to Getxo' },
  description: { en: 'Two days.' },
  start: '2025-05-14T09:30',
  end: '2025-05-15T16:00',
  timeZone: 'Europe/Madrid',
  hosts: ['getxo'],
  themes: ['media'],
  organiser: 'City of Getxo',
};
const at = (iso: string) => new Date(iso);

describe('demonstration dates', () => {
  it('do not move when the site is built in the week of the reference day', () => {
    expect(demoShiftDays(at('2026-12-01T00:00:00Z'))).toBe(0);
    expect(demoShiftDays(at('2026-12-07T23:59:00Z'))).toBe(0);
  });

  it('move by whole weeks, forwards and backwards, so weekdays stay', () => {
    expect(demoShiftDays(at('2026-12-08T00:00:00Z'))).toBe(7);
    expect(demoShiftDays(at('2027-12-01T12:00:00Z'))).toBe(364);
    expect(demoShiftDays(at('2026-11-30T12:00:00Z'))).toBe(-7);
  });

  it('move the start, the end and the registration deadline together, keeping the local times', () => {
    const moved = shiftActivity({ ...base, registration: { url: 'https://example.org', deadline: '2025-04-30' } }, 14);
    expect([moved.start, moved.end, moved.registration?.deadline]).toEqual(['2025-05-28T09:30', '2025-05-29T16:00', '2025-05-14']);
  });

  it('move only the activities marked as demonstration', () => {
    const now = at('2027-12-01T12:00:00Z');
    const [real, demo] = scheduleActivities([{ id: 'a-real', data: base }, { id: 'b-demo', data: { ...base, demonstration: true } }], now).sort((a, b) => a.id.localeCompare(b.id));
    expect(real!.data.start).toBe('2025-05-14T09:30');
    expect(demo!.data.start).toBe('2026-05-13T09:30');
  });

  it('keep an activity written more than a week after the reference day upcoming on any build day', () => {
    const coming = { ...base, demonstration: true, start: '2026-12-09T10:00', end: '2026-12-09T12:00' };
    for (const day of ['2026-12-01', '2026-12-07', '2027-03-18', '2029-07-04', '2026-06-01']) {
      const now = at(`${day}T23:00:00Z`);
      expect(buildActivityIndex({ activities: [{ id: 'x', data: coming }], networksOfCity: () => [], now }).upcoming, day).toHaveLength(1);
    }
  });
});

describe('the activity index', () => {
  const activities = [
    { id: 'visit', data: { ...base, participants: ['patras'], practices: ['getxo-anti-rumour-agents'] } },
    { id: 'webinar', data: { ...base, type: 'webinar' as const, hosts: undefined, online: true, start: '2026-02-03T14:00', end: '2026-02-03T15:30', timeZone: 'UTC', themes: ['education'] } },
    { id: 'lab', data: { ...base, type: 'policy-lab' as const, hosts: ['oslo'], start: '2027-01-20T09:00', end: '2027-01-21T17:00', timeZone: 'Europe/Oslo', networks: ['norway'] } },
  ];
  const now = at('2026-02-03T14:30:00Z');
  const index = buildActivityIndex({ activities, networksOfCity: (city) => (city === 'getxo' ? ['spain'] : []), now });

  it('counts an activity under way as upcoming, and lists past ones latest first', () => {
    expect(index.upcoming.map((activity) => activity.id)).toEqual(['webinar', 'lab']);
    expect(index.past.map((activity) => activity.id)).toEqual(['visit']);
  });

  it('reads local times in their zone, daylight saving time included', () => {
    expect(index.byId.get('visit')!.startsAt.toISOString()).toBe('2025-05-14T07:30:00.000Z');
    expect(index.byId.get('lab')!.startsAt.toISOString()).toBe('2027-01-20T08:00:00.000Z');
  });

  it('offers each facet value that has an activity, years newest first', () => {
    expect(index.facetValues('type')).toEqual(['policy-lab', 'study-visit', 'webinar']);
    expect(index.facetValues('city')).toEqual(['getxo', 'oslo', 'patras']);
    expect(index.facetValues('year')).toEqual(['2027', '2026', '2025']);
    expect(index.by('theme', 'media')).toMatchObject({ upcoming: [{ id: 'lab' }], past: [{ id: 'visit' }] });
  });

  it('finds where a practice was presented, a theme\'s coming activities, a city\'s and a network\'s', () => {
    expect(index.ofPractice('getxo-anti-rumour-agents').map((activity) => activity.id)).toEqual(['visit']);
    expect(index.upcomingOfTheme('media').map((activity) => activity.id)).toEqual(['lab']);
    expect(index.ofCity('patras')).toMatchObject({ hosted: [], attended: [{ id: 'visit' }] });
    expect(index.ofNetwork('spain').map((activity) => activity.id)).toEqual(['visit']);
    expect(index.ofNetwork('norway').map((activity) => activity.id)).toEqual(['lab']);
  });

  it('closes registration at the end of the deadline day in the activity\'s zone', () => {
    const [activity] = scheduleActivities([{ id: 'x', data: { ...base, registration: { url: 'https://example.org', deadline: '2025-04-30' } } }], now);
    expect(registrationOpen(activity!, at('2025-04-30T21:59:00Z'))).toBe(true);
    expect(registrationOpen(activity!, at('2025-04-30T22:00:00Z'))).toBe(false);
  });
});

describe('the activities that present a practice', () => {
  it('say whether each is still to come on the build day', () => {
    const activities = [{ id: 'visit', data: { ...base, practices: ['agents'] } }];
    const during = buildActivityIndex({ activities, networksOfCity: () => [], now: at('2025-05-15T13:59:00Z') });
    const after = buildActivityIndex({ activities, networksOfCity: () => [], now: at('2025-05-15T14:00:00Z') });
    expect(during.ofPractice('agents').map((activity) => activity.upcoming)).toEqual([true]);
    expect(after.ofPractice('agents').map((activity) => activity.upcoming)).toEqual([false]);
  });
});
