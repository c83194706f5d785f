import { describe, expect, it } from 'vitest';
import { CACHE_HOUR, CACHE_IMMUTABLE, CACHE_REVALIDATE, cacheControlFor, cacheRules } from '../../src/lib/cache-policy.ts';

describe('the cache policy', () => {
  it.each([
    ['/_astro/BaseLayout.CvMkvY3p.css', CACHE_IMMUTABLE],
    ['/pagefind/en/index/en_2723593.pf_index', CACHE_IMMUTABLE],
    ['/pagefind/fr/fragment/fr_08f9e70.pf_fragment', CACHE_IMMUTABLE],
    ['/pagefind/es/filter/es_1234567.pf_filter', CACHE_IMMUTABLE],
    ['/pagefind/en/pagefind-entry.json', CACHE_REVALIDATE],
    ['/pagefind/en/pagefind.js', CACHE_REVALIDATE],
    ['/images/practices/photo.webp', CACHE_HOUR],
    ['/cards/en/practice/anti-rumour.png', CACHE_HOUR],
    ['/documents/guide.pdf', CACHE_HOUR],
    ['/embed/en/bilbao.svg', CACHE_HOUR],
    ['/', CACHE_REVALIDATE],
    ['/en/practices/anti-rumour/', CACHE_REVALIDATE],
    ['/admin/decap-cms.js', CACHE_REVALIDATE],
    ['/data/cities.csv', CACHE_REVALIDATE],
    ['/_astrology/', CACHE_REVALIDATE],
  ])('gives %s "%s"', (path, cache) => {
    expect(cacheControlFor(path)).toBe(cache);
  });

  it('keeps every language’s search chunks for a year, for the languages of the registry', () => {
    const prefixes = cacheRules(['en', 'ar']).filter((rule) => rule.cacheControl === CACHE_IMMUTABLE).map((rule) => rule.prefix);
    expect(prefixes).toEqual(['/_astro/', '/pagefind/en/index/', '/pagefind/en/fragment/', '/pagefind/en/filter/', '/pagefind/ar/index/', '/pagefind/ar/fragment/', '/pagefind/ar/filter/']);
  });

  it('gives a long cache only to folders, never to a page path', () => {
    for (const rule of cacheRules()) expect(rule.prefix).toMatch(/^\/[^]*\/$/);
  });
});
