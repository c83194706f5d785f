import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { translationProblems } from '../../src/lib/translation-problems.ts';

const lines = (...args: Parameters<typeof translationProblems>) => translationProblems(...args).map(formatProblem);

describe('translationProblems', () => {
  it('names the file, the missing key and the English text to translate', () => {
    expect(lines({ 'nav.home': 'Home', 'nav.cities': 'Cities' }, { 'nav.home': 'Accueil' }, 'fr.json')).toEqual([
      'fr.json: "nav.cities" is missing: add it with the translation of "Cities"',
    ]);
  });

  it('reports empty, non-text and unknown keys', () => {
    expect(lines({ a: 'A', c: 'C' }, { a: ' ', b: 'B', c: 3 }, 'fr.json')).toEqual([
      'fr.json: "a" is empty: translate "A"',
      'fr.json: "c" must be a text in quotes: translate "C"',
      'fr.json: "b" is not used in English (src/translations/en.json): remove it or add it there',
    ]);
  });
});
