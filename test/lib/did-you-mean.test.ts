import { describe, expect, it } from 'vitest';
import { CANDIDATES_PER_LOOKUP, closestMatch, didYouMean, editDistance, FULL_SCAN_LIMIT, suggester } from '../../src/lib/did-you-mean.ts';

describe('didYouMean', () => {
  it.each([
    ['bilbaoo', ['bilbao', 'barcelona'], ' (did you mean "bilbao"?)'],
    ['educaton', ['education', 'language'], ' (did you mean "education"?)'],
    ['zzzzzz', ['education', 'language'], ''],
  ])('suggests a close id for %s', (value, known, expected) => {
    expect(didYouMean(value, known)).toBe(expected);
  });

  it('ignores case when comparing', () => {
    expect(closestMatch('BILBAO', ['bilbao'])).toBe('bilbao');
  });

  it('measures edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('suggester', () => {
  const ids = (count: number) => Array.from({ length: count }, (_, index) => `welcome-idea-number-${index + 1}`);

  it('finds the closest id in a large set', () => {
    const large = suggester(ids(4000));
    expect(large.closest('welcom-idea-numbr-3172')).toBe('welcome-idea-number-3172');
    expect(large.closest('WELCOME-IDEA-NUMBER-17')).toBe('welcome-idea-number-17');
    expect(large.closest('zzzzzzzzzz')).toBeUndefined();
  });

  it('compares a bounded number of ids per lookup, whatever the size of the set', () => {
    for (const count of [1000, 4000]) {
      const large = suggester(ids(count));
      for (let n = 1; n <= 100; n++) large.closest(`welcom-idea-numbr-${n * 7}`);
      expect(large.comparisons).toBeLessThanOrEqual(100 * CANDIDATES_PER_LOOKUP);
    }
  });

  it('compares every id of a small set, the first of equally close ids winning', () => {
    const small = suggester(['bilbao', 'bilbo', 'oslo']);
    expect(small.closest('bilba')).toBe('bilbao');
    expect(ids(FULL_SCAN_LIMIT).length).toBe(FULL_SCAN_LIMIT);
    const full = suggester(ids(FULL_SCAN_LIMIT));
    full.closest('welcome-idea-number-1x');
    expect(full.comparisons).toBeGreaterThan(CANDIDATES_PER_LOOKUP);
  });
});
