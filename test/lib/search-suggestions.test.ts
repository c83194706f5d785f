import { describe, expect, it } from 'vitest';
import { correctedQuery, matchingFilters, vocabularyWords } from '../../src/lib/search-suggestions.ts';

describe('vocabularyWords', () => {
  it('keeps words of three letters or more, without digits, lower-cased, once, sorted', () => {
    expect(vocabularyWords(['Médiation et conflits', 'Médiation 2024 à Lyon'])).toEqual(['conflits', 'lyon', 'médiation']);
  });
});

describe('correctedQuery', () => {
  const vocabulary = ['médiation', 'participation', 'logement', 'discrimination', 'jeunes'];

  it('replaces an unknown word by the closest known word, with its accents', () => {
    expect(correctedQuery('médation', vocabulary)).toBe('médiation');
    expect(correctedQuery('partcipation', vocabulary)).toBe('participation');
    expect(correctedQuery('discrimination logment', vocabulary)).toBe('discrimination logement');
  });

  it('suggests nothing when every word is known (accents folded) or starts a known word', () => {
    expect(correctedQuery('mediation', vocabulary)).toBeUndefined();
    expect(correctedQuery('particip', vocabulary)).toBeUndefined();
  });

  it('suggests nothing for a word with no close neighbour, a number or a short word', () => {
    expect(correctedQuery('zzzzzzzz', vocabulary)).toBeUndefined();
    expect(correctedQuery('2021 de', vocabulary)).toBeUndefined();
  });
});

describe('matchingFilters', () => {
  const options = [
    { facet: 'group', value: 'youth', label: 'Young people' },
    { facet: 'group', value: 'roma', label: 'Roma and Travellers' },
    { facet: 'theme', value: 'education', label: 'Education' },
  ];

  it('finds the filter whose label the query names, and the rest of the query', () => {
    expect(matchingFilters('young people', options)).toEqual([{ option: options[0], rest: '' }]);
    expect(matchingFilters('roma', options)).toEqual([{ option: options[1], rest: '' }]);
    expect(matchingFilters('young people football', options)).toEqual([{ option: options[0], rest: 'football' }]);
  });

  it('finds nothing for a query that names no filter', () => {
    expect(matchingFilters('police training', options)).toEqual([]);
    expect(matchingFilters('', options)).toEqual([]);
  });
});
