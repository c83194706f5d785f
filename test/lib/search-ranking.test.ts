import { describe, expect, it } from 'vitest';
import { nameCoverage, nameMatches, namedPages, promote, searchWords, someWordsResults } from '../../src/lib/search-ranking.ts';

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

describe('nameCoverage', () => {
  it('is 1 when the query is the whole name, folded', () => {
    expect(nameCoverage('montreal', 'Montréal')).toBe(1);
    expect(nameCoverage('Public space', 'Public space')).toBe(1);
  });

  it('counts only the name\'s content words, a word start as half', () => {
    expect(nameCoverage('mediation', 'Mediation and conflict resolution')).toBeCloseTo(1 / 3);
    expect(nameCoverage('accueil des nouveaux arrivants', 'Accueil des nouveaux arrivants')).toBe(1);
    expect(nameCoverage('bil', 'Bilbao')).toBe(0.5);
  });

  it('is 0 when a query word starts no word of the name, or the query is too short to name anything', () => {
    expect(nameCoverage('bilbao index', 'Bilbao')).toBe(0);
    expect(nameCoverage('a', 'Amadora')).toBe(0);
    expect(nameCoverage('', 'Amadora')).toBe(0);
  });
});

describe('namedPages', () => {
  const page = (type: string, title: string, ...aliases: string[]) => ({ url: `/${type}/${title}`, type, title, names: [title, ...aliases] });
  const pages = [
    page('city', 'Bergen'),
    page('network', 'Norwegian Network of Intercultural Cities', 'Norway'),
    page('theme', 'Mediation and conflict resolution'),
    page('method', 'Intercultural mediation'),
    page('theme', 'Public space'),
    page('method', 'Co-designing public space with its users'),
  ];

  it('finds a network by its country\'s name', () => {
    expect(namedPages('norway', pages).map((found) => found.url)).toEqual(['/network/Norwegian Network of Intercultural Cities']);
  });

  it('orders the named pages by how much of their name the query covers', () => {
    expect(namedPages('public space', pages).map((found) => found.title)).toEqual(['Public space', 'Co-designing public space with its users']);
    expect(namedPages('mediation', pages).map((found) => found.title)).toEqual(['Intercultural mediation', 'Mediation and conflict resolution']);
  });

  it('names nothing for a query that is about something else, and keeps to the limit', () => {
    expect(namedPages('police training', pages)).toEqual([]);
    expect(namedPages('intercultural', pages, 1)).toHaveLength(1);
  });
});

describe('someWordsResults', () => {
  const ids = (...list: string[]) => list.map((id) => ({ id }));
  it('puts pages with more of the words first, then by their best position', () => {
    expect(someWordsResults([ids('a', 'b', 'c'), ids('c', 'd'), ids('e', 'c', 'b')]).map((result) => result.id)).toEqual(['c', 'b', 'a', 'e', 'd']);
  });

  it('leaves out the results of the whole query', () => {
    expect(someWordsResults([ids('a', 'b'), ids('b')], new Set(['b'])).map((result) => result.id)).toEqual(['a']);
  });
});
