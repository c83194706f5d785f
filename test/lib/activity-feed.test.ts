import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { scheduleActivities } from '../../src/lib/activities.ts';
import { recordsFeed } from '../../src/lib/activity-feed.ts';
import type { Activity } from '../../src/lib/schemas/activity.ts';

const base: Activity = {
  type: 'webinar',
  title: { en: 'Webinar <one> & two', fr: 'Webinaire' },
  description: { en: 'An hour.' },
  start: '2025-06-11T14:00',
  end: '2025-06-11T15:30',
  timeZone: 'Europe/Paris',
  online: true,
  themes: ['media'],
  organiser: 'Secretariat',
  record: { summary: { en: 'It went **well**.' }, outcomes: { en: 'A guide.' } },
};
const now = new Date('2026-12-01T00:00:00Z');
const records = scheduleActivities(
  [
    { id: 'later', data: { ...base, start: '2025-09-23T11:00', end: '2025-09-23T12:30' } },
    { id: 'earlier', data: base },
  ],
  now,
).reverse();
const feed = (lang: 'en' | 'fr') =>
  recordsFeed(records, {
    lang,
    site: 'https://intercultural-cities.example.org/',
    title: 'Records',
    feedPath: `/${lang}/activities/records.atom`,
    listPath: `/${lang}/activities/`,
    pageOf: (id) => `/${lang}/activities/${id}/`,
    now,
    outcomesHeading: 'Outcomes',
  });

describe('the Atom feed of activity records', () => {
  const parsed = new XMLParser({ ignoreAttributes: false }).parse(feed('en')) as {
    feed: { id: string; updated: string; entry: { id: string; updated: string; title: { '#text': string; '@_type': string }; content: { '#text': string } }[] };
  };

  it('parses as Atom, newest record first, dated by the end of each activity', () => {
    expect(parsed.feed.id).toBe('https://intercultural-cities.example.org/en/activities/records.atom');
    expect(parsed.feed.entry.map((entry) => [entry.id, entry.updated])).toEqual([
      ['https://intercultural-cities.example.org/en/activities/later/', '2025-09-23T10:30:00.000Z'],
      ['https://intercultural-cities.example.org/en/activities/earlier/', '2025-06-11T13:30:00.000Z'],
    ]);
    expect(parsed.feed.updated).toBe('2025-09-23T10:30:00.000Z');
  });

  it('keeps a title\'s markup characters as text, and carries the summary and outcomes as HTML', () => {
    expect(parsed.feed.entry[0]!.title['#text']).toBe('Webinar <one> & two');
    expect(feed('en')).toContain('<p>It went <strong>well</strong>.</p><h2>Outcomes</h2><p>A guide.</p>');
  });

  it('falls back to the English record in another language, with that language\'s title', () => {
    expect(feed('fr')).toContain('Webinaire');
    expect(feed('fr')).toContain('It went <strong>well</strong>.');
  });
});
