import { describe, expect, it } from 'vitest';
import { checkTranslations } from '../../../src/lib/content/check-translations.ts';
import { formatProblem } from '../../../src/lib/content/problems.ts';
import { contentTree, latin1, type Tree } from '../../helpers/content-tree.ts';

function check(files: Tree): string[] {
  const tree = contentTree(files);
  try {
    return checkTranslations(tree.root).map(formatProblem);
  } finally {
    tree.remove();
  }
}

const EN = JSON.stringify({ 'nav.home': 'Home', 'nav.cities': 'Cities' });

describe('checkTranslations', () => {
  it('passes the project\'s own translation files', () => {
    expect(checkTranslations('.').map(formatProblem)).toEqual([]);
  });

  it('names a missing key and the English text to translate', () => {
    expect(check({ 'src/translations/en.json': EN, 'src/translations/fr.json': '{ "nav.home": "Accueil" }' })).toEqual([
      'src/translations/fr.json: "nav.cities" is missing: add it with the translation of "Cities"',
    ]);
  });

  it('checks every language file, not only French', () => {
    expect(check({ 'src/translations/en.json': EN, 'src/translations/fr.json': '{ "nav.home": "Accueil", "nav.cities": "Villes" }', 'src/translations/es.json': '{ "nav.home": "Inicio", "nav.cities": "" }' })).toEqual([
      'src/translations/es.json: "nav.cities" is empty: translate "Cities"',
    ]);
  });

  it.each([
    ['invalid JSON', '{ "nav.home": "Accueil", }', /^src\/translations\/fr\.json: is not valid JSON \(.+\): check the quotes and commas around that place$/],
    ['a list', '["Accueil"]', /^src\/translations\/fr\.json: must hold "key": "text" pairs between \{ and \}$/],
    ['Latin-1', latin1('{ "nav.home": "Acc\u00e8s", "nav.cities": "Villes" }'), /^src\/translations\/fr\.json: is not UTF-8 \(line 1 has a character/],
  ])('refuses %s once, without listing every key as missing', (_name, french, expected) => {
    const lines = check({ 'src/translations/en.json': EN, 'src/translations/fr.json': french });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
  });

  it('refuses empty and non-text English strings, and control characters', () => {
    expect(check({ 'src/translations/en.json': '{ "a": "", "b": 2, "c": "C\\u0000" }' })).toEqual([
      'src/translations/en.json: c contains an invisible control character (U+0000): remove it (it usually comes from text copied out of another program)',
      'src/translations/en.json: "a" is empty: write the English text',
      'src/translations/en.json: "b" must be a text in quotes',
    ]);
  });
});
