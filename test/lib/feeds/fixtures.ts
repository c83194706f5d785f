/** News items for the feed tests: two practices (one updated, one with "&" and "<" in its title) and an Index edition. */
import { editionNewsItem, practiceNewsItem, type NewsContext } from '../../../src/lib/feeds/news-items.ts';

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
