import { describe, expect, it } from 'vitest';
import { byLastChange, newsAbout, practiceNewsItem, tagUri } from '../../../src/lib/feeds/news-items.ts';
import { AMPERSAND, CONTEXT, MEDIATION, OSLO_2025 } from './fixtures.ts';

describe('tagUri', () => {
  it('makes an RFC 4151 tag: URI from the authority and the entry', () => {
    expect(tagUri('intercultural-cities.example.org,2026', 'practice/x/en')).toBe('tag:intercultural-cities.example.org,2026:practice/x/en');
  });

  it('refuses an authority without a year, saying where to set it', () => {
    expect(() => tagUri('intercultural-cities.example.org', 'practice/x/en')).toThrow(
      'the feeds\' tagging authority must be "domain,YYYY" (a domain the publisher held that year), like "intercultural-cities.example.org,2026" (found "intercultural-cities.example.org"): set siteConfig.feedTagAuthority',
    );
    expect(() => tagUri('a.org,2026', 'practice/x y')).toThrow('a tag: URI\'s specific part may hold only URI characters (found "practice/x y")');
  });
});

describe('practiceNewsItem', () => {
  it('keeps the id whatever the title, and takes the dates from the content', () => {
    expect(MEDIATION).toMatchObject({
      id: 'tag:intercultural-cities.example.org,2026:practice/school-mediators/en',
      kind: 'practice',
      path: '/en/practices/school-mediators/',
      published: '2024-03-18',
      updated: '2025-06-02',
      subjects: { city: ['bilbao', 'getxo'], theme: ['education', 'mediation'], network: ['spain'], for: ['schools', 'youth'] },
      categories: ['Mediation', 'Education'],
    });
    const renamed = practiceNewsItem('en', { slug: 'school-mediators', textLang: 'en', data: { title: 'Mediators at school', purpose: 'x', published: '2024-03-18', cities: [], themes: [], targetGroups: [] } }, CONTEXT);
    expect(renamed.id).toBe(MEDIATION.id);
    expect(renamed.updated).toBe('2024-03-18');
  });

  it('gives each language its own id, and says the text of an untranslated practice is English', () => {
    expect(AMPERSAND.id).toBe('tag:intercultural-cities.example.org,2026:practice/sport-culture/fr');
    expect(AMPERSAND).toMatchObject({ lang: 'fr', textLang: 'en', path: '/fr/practices/sport-culture/' });
  });

  it('refuses a date that is not YYYY-MM-DD, naming the practice and the field', () => {
    expect(() => practiceNewsItem('en', { slug: 'x', textLang: 'en', data: { title: 'X', purpose: 'x', published: '18/03/2024', cities: [], themes: [], targetGroups: [] } }, CONTEXT)).toThrow(
      'practice x: published must be a date written YYYY-MM-DD (found "18/03/2024")',
    );
  });
});

describe('editionNewsItem', () => {
  it("dates an edition by its report and files it under the city and the city's networks", () => {
    expect(OSLO_2025).toMatchObject({
      id: 'tag:intercultural-cities.example.org,2026:index-result/oslo-2025/en',
      kind: 'index-edition',
      title: 'Oslo: Index results, 2025 edition',
      path: '/en/index/oslo-2025/',
      published: '2025-05-07',
      updated: '2025-05-07',
      subjects: { city: ['oslo'], theme: [], network: ['norway'], for: [] },
    });
  });
});

describe('newsAbout', () => {
  it("lists one subject's items, most recently changed first", () => {
    const items = [OSLO_2025, MEDIATION, AMPERSAND];
    expect(newsAbout(items, 'city', 'oslo').map((item) => item.id)).toEqual([AMPERSAND.id, OSLO_2025.id]);
    expect(newsAbout(items, 'network', 'spain')).toEqual([MEDIATION]);
    expect(newsAbout(items, 'for', 'youth').map((item) => item.updated)).toEqual(['2025-06-20', '2025-06-02']);
    expect(newsAbout(items, 'theme', 'nothing')).toEqual([]);
    expect([...items].sort(byLastChange)).toEqual([...items].reverse().sort(byLastChange));
  });
});
