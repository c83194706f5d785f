/** News items for the feed tests: two practices (one updated, one with "&" and "<" in its title), an Index edition and two activities. */
import { editionNewsItem, practiceNewsItem, type ActivityNewsContext, type NewsContext } from '../../../src/lib/feeds/news-items.ts';
import type { Activity } from '../../../src/lib/schemas/activity.ts';

export const CONTEXT: NewsContext = {
  tagAuthority: 'intercultural-cities.example.org,2026',
  networksOfCity: (city) => ({ bilbao: ['spain'], getxo: ['spain'], oslo: ['norway'] })[city] ?? [],
  themeLabel: (theme) => ({ mediation: 'Mediation', education: 'Education' })[theme] ?? theme,
};

export const MEDIATION = practiceNewsItem(
  'en',
  {
    slug: 'school-mediators',
    textLang: 'en',
    data: { title: 'School mediators', purpose: 'Mediators in every school.', published: '2024-03-18', updated: '2025-06-02', cities: ['bilbao', 'getxo'], themes: ['mediation', 'education'], targetGroups: ['youth', 'schools'] },
  },
  CONTEXT,
);

export const AMPERSAND = practiceNewsItem(
  'fr',
  {
    slug: 'sport-culture',
    textLang: 'en',
    data: { title: 'Sport & culture <together>', purpose: 'Clubs & libraries.', published: '2025-06-20', cities: ['oslo'], themes: ['education'], targetGroups: ['youth'] },
  },
  CONTEXT,
);

export const OSLO_2025 = editionNewsItem('en', { id: 'oslo-2025', city: 'oslo', cityName: 'Oslo', edition: 2025, date: '2025-05-07' }, CONTEXT);

/** Activity news: the context adds the one-line kind, dates and place the lists show. */
export const ACTIVITY_CONTEXT: ActivityNewsContext = {
  ...CONTEXT,
  activityLine: (activity) => `${activity.data.type} · ${activity.data.start.slice(0, 10)} · ${(activity.data.hosts ?? ['online']).join(', ')}`,
};

/** A study visit in Getxo with its record, and a demonstration webinar written around DEMO_REFERENCE_DATE. */
export const GETXO_VISIT: Activity = {
  type: 'study-visit',
  announced: '2025-03-03',
  title: { en: 'Study visit to Getxo', fr: 'Visite d’étude à Getxo' },
  description: { en: 'Two days with the **anti-rumour** agents.' },
  start: '2025-05-14T09:30',
  end: '2025-05-15T16:00',
  timeZone: 'Europe/Madrid',
  hosts: ['getxo'],
  participants: ['oslo'],
  networks: ['italy'],
  themes: ['mediation'],
  organiser: 'City of Getxo',
  record: { summary: { en: 'Twenty officials from *nine* cities came.' } },
};

export const DEMO_WEBINAR: Activity = {
  type: 'webinar',
  demonstration: true,
  title: { en: 'Webinar: inclusive schools' },
  description: { en: 'One hour online.' },
  start: '2027-01-20T14:00',
  end: '2027-01-20T15:00',
  timeZone: 'UTC',
  online: true,
  themes: ['education'],
  organiser: 'Intercultural Cities programme',
};
