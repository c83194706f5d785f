import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed, jsonFeed, type FeedDocument, type JsonFeed } from '../../../src/lib/feeds/feed-documents.ts';
import { AMPERSAND, MEDIATION, OSLO_2025 } from './fixtures.ts';

const document: FeedDocument = {
  id: 'tag:intercultural-cities.example.org,2026:feed/city/oslo/en',
  lang: 'en',
  title: 'Oslo: new and updated practices',
  subtitle: 'Intercultural Cities knowledge network',
  site: 'https://icc.example.org',
  pagePath: '/en/cities/oslo/',
  atomPath: '/en/feeds/city/oslo.xml',
  jsonPath: '/en/feeds/city/oslo.json',
  items: [OSLO_2025, MEDIATION, AMPERSAND],
  emptyUpdated: '2020-01-01',
};

describe('atomFeed', () => {
  const feed = parseFeed(atomFeed(document));

  it('is an Atom feed a real parser reads, with its language, links and the newest entry date', () => {
    expect(feed.meta.type).toBe('atom');
    expect(feed.language).toBe('en');
    expect(feed.title).toBe('Oslo: new and updated practices');
    expect(feed.url).toBe('https://icc.example.org/en/cities/oslo/');
    expect(feed.self).toBe('https://icc.example.org/en/feeds/city/oslo.xml');
    expect(feed.updated?.toISOString()).toBe('2025-06-20T00:00:00.000Z');
  });

  it('has entries with permanent ids, real dates from the content and absolute links, newest first', () => {
    expect(feed.items.map((item) => [item.id, item.url, item.published?.toISOString(), item.updated?.toISOString()])).toEqual([
      ['tag:intercultural-cities.example.org,2026:practice/sport-culture/fr', 'https://icc.example.org/fr/practices/sport-culture/', '2025-06-20T00:00:00.000Z', '2025-06-20T00:00:00.000Z'],
      ['tag:intercultural-cities.example.org,2026:practice/school-mediators/en', 'https://icc.example.org/en/practices/school-mediators/', '2024-03-18T00:00:00.000Z', '2025-06-02T00:00:00.000Z'],
      ['tag:intercultural-cities.example.org,2026:index-result/oslo-2025/en', 'https://icc.example.org/en/index/oslo-2025/', '2025-05-07T00:00:00.000Z', '2025-05-07T00:00:00.000Z'],
    ]);
  });

  it('keeps "&" and "<" in titles and summaries as text, not markup', () => {
    expect(feed.items[0]!.title).toBe('Sport & culture <together>');
    expect(feed.items[0]!.description).toBe('Clubs & libraries.');
    expect(feed.items[1]!.categories.map((category) => category.label ?? category.term)).toEqual(['Mediation', 'Education']);
  });

  it('writes the same file for the same content, whatever day it is built', () => {
    expect(atomFeed(document)).toBe(atomFeed({ ...document, items: [...document.items].reverse() }));
    expect(atomFeed(document)).not.toMatch(new RegExp(new Date().toISOString().slice(0, 10)));
  });

  it("dates an empty feed by the date it is given (the site's newest content)", () => {
    const empty = parseFeed(atomFeed({ ...document, items: [] }));
    expect(empty.items).toEqual([]);
    expect(empty.updated?.toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });

  it('holds at most the limit, the most recently changed', () => {
    expect(parseFeed(atomFeed({ ...document, limit: 1 })).items.map((item) => item.id)).toEqual([AMPERSAND.id]);
  });
});

describe('jsonFeed', () => {
  const feed = JSON.parse(jsonFeed(document)) as JsonFeed;

  it('is JSON Feed 1.1 with the top-level fields the spec names', () => {
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Oslo: new and updated practices',
      home_page_url: 'https://icc.example.org/en/cities/oslo/',
      feed_url: 'https://icc.example.org/en/feeds/city/oslo.json',
      language: 'en',
    });
  });

  it('has items with unique string ids, text content, RFC 3339 dates and the language of their text', () => {
    expect(feed.items[0]).toEqual({
      id: AMPERSAND.id,
      url: 'https://icc.example.org/fr/practices/sport-culture/',
      title: 'Sport & culture <together>',
      content_text: 'Clubs & libraries.',
      summary: 'Clubs & libraries.',
      date_published: '2025-06-20T00:00:00.000Z',
      date_modified: '2025-06-20T00:00:00.000Z',
      language: 'en',
      tags: ['Education'],
    });
    expect(new Set(feed.items.map((item) => item.id)).size).toBe(3);
  });
});
