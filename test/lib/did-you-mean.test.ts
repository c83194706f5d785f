import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean, editDistance } from '../../src/lib/did-you-mean.ts';

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
