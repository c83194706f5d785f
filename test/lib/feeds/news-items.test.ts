import { describe, expect, it } from 'vitest';
import { scheduleActivities } from '../../../src/lib/activities.ts';
import { activityNewsItems, byLastChange, newsAbout, practiceNewsItem, tagUri } from '../../../src/lib/feeds/news-items.ts';
import type { Lang } from '../../../src/lib/languages.ts';
import { ANNOUNCED_WEEKS_BEFORE, type Activity } from '../../../src/lib/schemas/activity.ts';
import { ACTIVITY_CONTEXT, AMPERSAND, CONTEXT, DEMO_WEBINAR, GETXO_VISIT, MEDIATION, OSLO_2025 } from './fixtures.ts';

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

describe('activityNewsItems', () => {
  const at = (iso: string) => new Date(iso);
  const schedule = (data: Activity, now: Date) => scheduleActivities([{ id: data.demonstration ? 'webinar-inclusive-schools' : 'study-visit-getxo-2025', data }], now)[0]!;
  const itemsAt = (lang: Lang, data: Activity, now: Date) => activityNewsItems(lang, schedule(data, now), ACTIVITY_CONTEXT, now);

  it('announces an activity on its announcement day and adds its record the day it ended, in its cities\', themes\' and networks\' feeds', () => {
    const [announced, record] = itemsAt('en', GETXO_VISIT, at('2026-01-10T12:00:00Z'));
    expect(announced).toEqual({
      id: 'tag:intercultural-cities.example.org,2026:activity/study-visit-getxo-2025/en',
      kind: 'activity',
      lang: 'en',
      textLang: 'en',
      title: 'Study visit to Getxo',
      summary: 'study-visit · 2025-05-14 · getxo. Two days with the anti-rumour agents.',
      path: '/en/activities/study-visit-getxo-2025/',
      published: '2025-03-03',
      updated: '2025-03-03',
      subjects: { city: ['getxo', 'oslo'], theme: ['mediation'], network: ['italy', 'norway', 'spain'], for: [] },
      categories: ['Mediation'],
    });
    expect(record).toMatchObject({
      id: 'tag:intercultural-cities.example.org,2026:activity-record/study-visit-getxo-2025/en',
      kind: 'activity-record',
      title: 'Record: Study visit to Getxo',
      summary: 'study-visit · 2025-05-14 · getxo. Twenty officials from nine cities came.',
      path: '/en/activities/study-visit-getxo-2025/',
      published: '2025-05-15',
      updated: '2025-05-15',
    });
  });

  it('says which language each text is in: a French title with an English record', () => {
    const [announced, record] = itemsAt('fr', GETXO_VISIT, at('2026-01-10T12:00:00Z'));
    expect([announced!.textLang, announced!.title, announced!.path]).toEqual(['fr', 'Visite d’étude à Getxo', '/fr/activities/study-visit-getxo-2025/']);
    expect([record!.textLang, record!.title, record!.id]).toEqual(['en', 'Compte rendu\u00a0: Visite d’étude à Getxo', 'tag:intercultural-cities.example.org,2026:activity-record/study-visit-getxo-2025/fr']);
  });

  it('lists nothing before the announcement day, and the record only once the activity is over', () => {
    expect(itemsAt('en', GETXO_VISIT, at('2025-03-02T23:59:00Z'))).toEqual([]);
    expect(itemsAt('en', GETXO_VISIT, at('2025-03-03T00:00:00Z')).map((item) => item.kind)).toEqual(['activity']);
    expect(itemsAt('en', GETXO_VISIT, at('2025-05-15T12:00:00Z')).map((item) => item.kind)).toEqual(['activity']);
    expect(itemsAt('en', GETXO_VISIT, at('2025-05-15T14:00:00Z')).map((item) => item.kind)).toEqual(['activity', 'activity-record']);
    expect(itemsAt('en', { ...GETXO_VISIT, record: undefined }, at('2026-01-10T12:00:00Z')).map((item) => item.kind)).toEqual(['activity']);
  });

  it(`counts an activity without an announcement day as announced ${ANNOUNCED_WEEKS_BEFORE} weeks before its start`, () => {
    const { announced: _, ...unannounced } = GETXO_VISIT;
    expect(itemsAt('en', unannounced, at('2026-01-10T12:00:00Z'))[0]!.published).toBe('2025-03-19');
    expect(itemsAt('en', unannounced, at('2025-03-18T12:00:00Z'))).toEqual([]);
  });

  it('keeps the id of a demonstration activity whatever the build day, its date moving with the activity by whole weeks', () => {
    const early = itemsAt('en', DEMO_WEBINAR, at('2026-12-01T09:00:00Z'));
    const later = itemsAt('en', DEMO_WEBINAR, at('2027-06-01T09:00:00Z'));
    expect(early.map((item) => [item.id, item.published])).toEqual([['tag:intercultural-cities.example.org,2026:activity/webinar-inclusive-schools/en', '2026-11-25']]);
    expect(later.map((item) => [item.id, item.published])).toEqual([['tag:intercultural-cities.example.org,2026:activity/webinar-inclusive-schools/en', '2027-05-26']]);
    // Announced a week before the build, still to come: the demo always has a recent announcement.
    expect(schedule(DEMO_WEBINAR, at('2027-06-01T09:00:00Z')).data.start).toBe('2027-07-21T14:00');
  });
});
