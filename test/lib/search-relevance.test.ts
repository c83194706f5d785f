import { describe, expect, it } from 'vitest';
import { firstRelevantRank, median, summarizeRanks, withoutLanguage } from '../../src/lib/search-relevance.ts';
import { RELEVANCE_QUERIES } from '../../scripts/bench/search-queries.ts';
import { existsSync } from 'node:fs';

describe('relevance scores', () => {
  it('compares result paths without their language prefix', () => {
    expect(withoutLanguage('/fr/cities/bilbao/')).toBe('cities/bilbao/');
    expect(firstRelevantRank(['/en/a/', '/en/cities/bilbao/'], ['cities/bilbao/'])).toBe(2);
    expect(firstRelevantRank(['/en/a/'], ['cities/bilbao/'])).toBeUndefined();
  });

  it('sums up ranks as MRR and success at 1 and 3, a missing page scoring 0', () => {
    expect(summarizeRanks([1, 2, undefined, 4])).toEqual({ queries: 4, mrr: (1 + 0.5 + 0 + 0.25) / 4, successAt1: 0.25, successAt3: 0.5 });
    expect(summarizeRanks([])).toEqual({ queries: 0, mrr: 0, successAt1: 0, successAt3: 0 });
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});

describe('the benchmark\'s queries', () => {
  it('holds at least 40 queries in English and French, each naming pages that the content defines', () => {
    const english = RELEVANCE_QUERIES.filter((query) => query.lang === 'en');
    const french = RELEVANCE_QUERIES.filter((query) => query.lang === 'fr');
    expect(english.length + french.length).toBeGreaterThanOrEqual(40);
    expect(french.length).toBeGreaterThanOrEqual(20);
    const sources: Record<string, (id: string) => string[]> = {
      cities: (id) => [`src/content/cities/${id}.yaml`],
      networks: (id) => [`src/content/networks/${id}.yaml`],
      themes: (id) => [`src/content/themes/${id}.yaml`],
      methods: (id) => [`src/content/methods/en/${id}.md`],
      practices: (id) => [`src/content/practices/en/${id}.md`],
      index: (id) => [`src/content/index-results/${id}.md`],
    };
    for (const query of RELEVANCE_QUERIES) {
      expect(query.expect.length, query.query).toBeGreaterThan(0);
      for (const path of query.expect) {
        const [collection, id] = path.replace(/\/$/, '').split('/');
        const files = id ? sources[collection!]?.(id) : [`src/content/pages/en/${collection}.md`];
        expect(files?.some((file) => existsSync(file)), `${query.query}: ${path}`).toBe(true);
      }
    }
  });
});
