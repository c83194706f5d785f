import { describe, expect, it } from 'vitest';
import { nameMatches, promote, searchWords } from '../../src/lib/search-ranking.ts';

describe('searchWords', () => {
  it('folds case and accents and splits on hyphens and punctuation', () => {
    expect(searchWords('Stratégie anti-rumeurs')).toEqual(['strategie', 'anti', 'rumeurs']);
    expect(searchWords('  Cafés de langues, l’accueil ')).toEqual(['cafes', 'de', 'langues', 'l', 'accueil']);
  });
});

describe('nameMatches', () => {
  it.each([
    ['anti rumour', 'Anti-rumour strategy'],
    ['anti-rumour', 'Anti-rumour strategy'],
    ['rumeurs', 'Stratégie anti-rumeurs'],
    ['strategie rumeur', 'Stratégie anti-rumeurs'],
    ['MEDIATION', 'Intercultural mediation'],
  ])('matches "%s" with "%s": every query word starts a word of the name', (query, name) => {
    expect(nameMatches(query, name)).toBe(true);
  });

  it.each([
    ['anti rumour campaign', 'Anti-rumour strategy'],
    ['rumour', 'Living library'],
    ['umour', 'Anti-rumour strategy'],
    ['', 'Anti-rumour strategy'],
    ['  -- ', 'Anti-rumour strategy'],
  ])('does not match "%s" with "%s"', (query, name) => {
    expect(nameMatches(query, name)).toBe(false);
  });
});

describe('promote', () => {
  it('moves the chosen results to the front, keeping the order within each group', () => {
    const results = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
    expect(promote(results, new Set(['d', 'b'])).map((result) => result.id)).toEqual(['b', 'd', 'a', 'c']);
    expect(promote(results, new Set()).map((result) => result.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
