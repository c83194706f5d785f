import { describe, expect, it } from 'vitest';
import { scheduleActivities } from '../../src/lib/activities.ts';
import { activityCalendar, activityUid } from '../../src/lib/activity-calendar.ts';
import type { Activity } from '../../src/lib/schemas/activity.ts';
import { parseCalendar } from '../helpers/icalendar.ts';

const base: Activity = {
  type: 'study-visit',
  title: { en: 'Study visit to Getxo', fr: 'Visite d’étude à Getxo' },
  description: { en: 'Two days, with a **street action**; and commas, too.', fr: 'Deux jours.' },
  start: '2025-05-14T09:30',
  end: '2025-05-15T16:00',
  timeZone: 'Europe/Madrid',
  hosts: ['getxo'],
  themes: ['media'],
  organiser: 'City of Getxo',
};
const now = new Date('2026-12-01T10:00:00Z');
const site = 'https://intercultural-cities.example.org/';
const activities = scheduleActivities(
  [
    { id: 'getxo', data: base },
    { id: 'melbourne', data: { ...base, start: '2025-11-04T09:00', end: '2025-11-04T17:00', timeZone: 'Australia/Melbourne' } },
    { id: 'montreal-dst', data: { ...base, start: '2025-03-09T10:00', end: '2025-03-09T12:00', timeZone: 'America/Toronto' } },
  ],
  now,
);
const context = (lang: 'en' | 'fr') => ({
  lang,
  site,
  now,
  name: 'Activities',
  pageOf: (id: string) => `/${lang}/activities/${id}/`,
  placeOf: () => 'Getxo',
});

describe('the activity calendars', () => {
  const parsed = parseCalendar(activityCalendar(activities, context('en')));

  it('parse with ical.js, one event per activity, named', () => {
    expect(parsed.name).toBe('Activities');
    expect(parsed.events.map((event) => event.summary)).toEqual(['Study visit to Getxo', 'Study visit to Getxo', 'Study visit to Getxo']);
  });

  it('give each activity a UID from its id and the site, the same in every language', () => {
    const french = parseCalendar(activityCalendar(activities, context('fr')));
    expect(parsed.events.map((event) => event.uid)).toEqual(['activity-montreal-dst@intercultural-cities.example.org', 'activity-getxo@intercultural-cities.example.org', 'activity-melbourne@intercultural-cities.example.org']);
    expect(french.events.map((event) => event.uid)).toEqual(parsed.events.map((event) => event.uid));
    expect(activityUid('getxo', site)).toBe('activity-getxo@intercultural-cities.example.org');
  });

  it('write times in UTC that are the local times of the place, daylight saving time included', () => {
    expect(parsed.events.every((event) => event.zone === 'UTC')).toBe(true);
    const byUrl = new Map(parsed.events.map((event) => [event.url.split('/').at(-2), event]));
    expect(byUrl.get('getxo')!.start.toISOString()).toBe('2025-05-14T07:30:00.000Z');
    expect(byUrl.get('getxo')!.end.toISOString()).toBe('2025-05-15T14:00:00.000Z');
    expect(byUrl.get('melbourne')!.start.toISOString()).toBe('2025-11-03T22:00:00.000Z');
    // 9 March 2025: Toronto has just moved to daylight saving time (UTC−4).
    expect(byUrl.get('montreal-dst')!.start.toISOString()).toBe('2025-03-09T14:00:00.000Z');
  });

  it('are the same file when built twice for the same instant', () => {
    expect(activityCalendar(activities, context('en'))).toBe(activityCalendar(activities, context('en')));
  });

  it('write the title in the calendar\'s language and link the page in that language', () => {
    const french = parseCalendar(activityCalendar(activities, context('fr')));
    expect(french.events[1]!.summary).toBe('Visite d’étude à Getxo');
    expect(french.events[1]!.url).toBe('https://intercultural-cities.example.org/fr/activities/getxo/');
  });
});
