import { describe, expect, it } from 'vitest';
import { scheduleActivities } from '../../src/lib/activities.ts';
import { datesText, monthText, offsetLabel, placeText, whenText } from '../../src/lib/activity-format.ts';
import type { Activity } from '../../src/lib/schemas/activity.ts';

const base: Activity = {
  type: 'webinar',
  title: { en: 'Webinar' },
  description: { en: 'An hour.' },
  start: '2026-12-10T14:00',
  end: '2026-12-10T15:30',
  timeZone: 'Europe/Paris',
  online: true,
  themes: ['media'],
  organiser: 'Secretariat',
};
const now = new Date('2026-12-01T00:00:00Z');
const [webinar] = scheduleActivities([{ id: 'w', data: base }], now);
const [visit] = scheduleActivities([{ id: 'v', data: { ...base, online: false, hosts: ['stavanger', 'sandnes'], start: '2025-05-14T09:30', end: '2025-05-15T16:00', timeZone: 'Europe/Oslo' } }], now);
/** Intl writes thin and no-break spaces around dashes and before times: compared as plain spaces. */
const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ');
const words = { online: 'Online', placeAndOnline: (place: string) => `${place}, and online`, cityName: (id: string) => id[0]!.toUpperCase() + id.slice(1) };

describe('how an activity reads', () => {
  it('writes one day with its hours, and several days with both times, in the zone of the place, named', () => {
    expect(plain(whenText('en', webinar!))).toBe('10 December 2026, 14:00–15:30 (Europe/Paris, UTC+1)');
    expect(plain(whenText('fr', visit!))).toBe('14 mai 2025 à 09:30 – 15 mai 2025 à 16:00 (Europe/Oslo, UTC+2)');
  });

  it('writes the dates alone and the month for lists and practice pages', () => {
    expect(plain(datesText('en', visit!))).toBe('14 – 15 May 2025');
    expect(monthText('fr', visit!)).toBe('mai 2025');
    expect(monthText('es', visit!)).toBe('mayo de 2025');
  });

  it('names the host cities in the page\'s language, or says online', () => {
    expect(placeText('en', visit!, words)).toBe('Stavanger and Sandnes');
    expect(placeText('fr', visit!, words)).toBe('Stavanger et Sandnes');
    expect(placeText('en', webinar!, words)).toBe('Online');
    expect(placeText('en', { data: { ...visit!.data, online: true } }, words)).toBe('Stavanger and Sandnes, and online');
  });

  it('writes offsets with their minutes when they have some', () => {
    expect(offsetLabel(new Date('2025-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe('UTC+5:30');
    expect(offsetLabel(new Date('2025-01-15T12:00:00Z'), 'America/St_Johns')).toBe('UTC−3:30');
    expect(offsetLabel(new Date('2025-01-15T12:00:00Z'), 'UTC')).toBe('UTC');
  });
});
