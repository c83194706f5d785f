import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, type CatalogueInput } from '../../src/lib/catalogue.ts';
import type { Lang } from '../../src/lib/schemas/fields.ts';
import { PRACTICE_PAGE_ONLY_FIELDS, practicePageKey, sharedDataKey, type PracticePageInput } from '../../src/lib/page-key.ts';
import { catalogueInput } from '../fixtures/catalogue.ts';

/** The key of a practice page, computed as the page's getStaticPaths() does. */
function keyOf(input: CatalogueInput, slug: string, lang: Lang = 'en', cards = true, methods: PracticePageInput['methods'] = []) {
  const catalogue = buildCatalogue(structuredClone(input));
  const page = {
    practice: catalogue.practice(lang, slug)!,
    adaptedFrom: catalogue.adaptedFrom(lang, slug),
    adaptedBy: catalogue.adaptedBy(lang, slug),
    related: catalogue.related(lang, slug),
    methods,
  };
  return practicePageKey(catalogue, lang, page, { cards });
}

/** The catalogue input with one change applied to a copy. */
function changed(edit: (input: CatalogueInput) => void): CatalogueInput {
  const copy = structuredClone(catalogueInput);
  edit(copy);
  return copy;
}
const practiceData = (input: CatalogueInput, slug: string, lang: Lang = 'en') =>
  input.practices.find((practice) => practice.id === slug && practice.lang === lang)!.data;

describe('practice page cache keys', () => {
  const before = keyOf(catalogueInput, 'anti-rumour');

  it('change when the name of a method the practice applies changes, or its translation appears', () => {
    const method = (name: string, lang: Lang = 'en') => [{ id: 'anti-rumour-strategy', lang, data: { name } }];
    const withMethod = keyOf(catalogueInput, 'anti-rumour', 'en', true, method('Anti-rumour strategy'));
    expect(withMethod).not.toBe(before);
    expect(keyOf(catalogueInput, 'anti-rumour', 'en', true, method('Anti-rumour strategy'))).toBe(withMethod);
    expect(keyOf(catalogueInput, 'anti-rumour', 'en', true, method('Anti-rumours strategy'))).not.toBe(withMethod);
    expect(keyOf(catalogueInput, 'anti-rumour', 'en', true, method('Stratégie anti-rumeurs', 'fr'))).not.toBe(withMethod);
  });

  it('are stable for the same content', () => {
    expect(keyOf(catalogueInput, 'anti-rumour')).toBe(before);
  });

  it('change with the practice itself, its language and the card setting', () => {
    expect(keyOf(changed((input) => { practiceData(input, 'anti-rumour').process = 'Edited.'; }), 'anti-rumour')).not.toBe(before);
    expect(keyOf(catalogueInput, 'anti-rumour', 'fr')).not.toBe(before);
    expect(keyOf(catalogueInput, 'anti-rumour', 'en', false)).not.toBe(before);
  });

  it('change when a practice the page links to changes (adapted by, related)', () => {
    // school-mediators adapts anti-rumour and is related to it; lisbon-mediation is related.
    expect(keyOf(changed((input) => { practiceData(input, 'school-mediators').title = 'Renamed'; }), 'anti-rumour')).not.toBe(before);
    expect(keyOf(changed((input) => { practiceData(input, 'lisbon-mediation').purpose = 'New teaser.'; }), 'anti-rumour')).not.toBe(before);
    // … and on the other side of the link: "adapted from".
    const adapter = keyOf(catalogueInput, 'school-mediators');
    expect(keyOf(changed((input) => { practiceData(input, 'anti-rumour').title = 'Renamed'; }), 'school-mediators')).not.toBe(adapter);
  });

  it('change when a city shown on the page changes, or a theme label', () => {
    expect(keyOf(changed((input) => { input.cities.find((city) => city.id === 'oslo')!.data.name = 'Kristiania'; }), 'anti-rumour')).not.toBe(before);
    expect(keyOf(changed((input) => { input.themes[0]!.data.label.en = 'Renamed'; }), 'anti-rumour')).not.toBe(before);
  });

  it('change when a French translation appears, so the English fallback is replaced', () => {
    const fallback = keyOf(catalogueInput, 'school-mediators', 'fr');
    const translated = changed((input) => {
      input.practices.push({ id: 'school-mediators', lang: 'fr', data: { ...practiceData(input, 'school-mediators'), title: 'Médiateurs scolaires' } });
    });
    expect(keyOf(translated, 'school-mediators', 'fr')).not.toBe(fallback);
  });

  it('stay the same when only unrelated content changes', () => {
    // language-cafe (Lisbon, theme language) is neither linked from nor related to getxo-mediation.
    const getxo = keyOf(catalogueInput, 'getxo-mediation');
    const edited = changed((input) => { practiceData(input, 'language-cafe').process = 'Edited.'; });
    expect(keyOf(edited, 'getxo-mediation')).toBe(getxo);
  });
});

describe('the shared cache key of the pages other than a practice page', () => {
  /** Collections as the site loads them (ids "<lang>/<slug>" for per-language ones). */
  const collections = () => ({
    practices: catalogueInput.practices.map((practice) => ({ id: `${practice.lang}/${practice.id}`, data: structuredClone(practice.data) })),
    cities: catalogueInput.cities.map((city) => ({ id: city.id, data: structuredClone(city.data) })),
    pages: [{ id: 'en/about', data: { title: 'About' }, body: 'The network.' }],
  });
  type Collections = ReturnType<typeof collections>;
  const keyOf = (edit: (copy: Collections) => void = () => {}, cards = true) => {
    const copy = collections();
    edit(copy);
    return sharedDataKey(copy, { cards });
  };
  const before = keyOf();
  const first = (copy: Collections) => copy.practices[0]!.data as Record<string, unknown>;

  it('is the same for the same content, whatever the order of entries and collections', () => {
    expect(keyOf()).toBe(before);
    const reversed = collections();
    expect(sharedDataKey({ pages: reversed.pages, cities: [...reversed.cities].reverse(), practices: [...reversed.practices].reverse() }, { cards: true })).toBe(before);
  });

  it('changes when what lists, hubs and Index pages show changes: a practice title, its themes, a city, a page body', () => {
    expect(keyOf((copy) => (first(copy).title = 'Renamed'))).not.toBe(before);
    expect(keyOf((copy) => (first(copy).purpose = 'A new purpose, shown on cards.'))).not.toBe(before);
    expect(keyOf((copy) => (first(copy).themes = ['housing']))).not.toBe(before);
    expect(keyOf((copy) => (copy.cities[0]!.data.population += 1))).not.toBe(before);
    expect(keyOf((copy) => (copy.pages[0]!.body = 'The network, edited.'))).not.toBe(before);
    expect(keyOf((copy) => copy.practices.pop())).not.toBe(before);
    expect(keyOf(() => {}, false)).not.toBe(before);
  });

  it('does not change when only what a practice page alone shows changes', () => {
    expect(PRACTICE_PAGE_ONLY_FIELDS).toEqual(['stimulus', 'process', 'results', 'transferability', 'contact', 'links']);
    for (const field of PRACTICE_PAGE_ONLY_FIELDS) {
      expect(keyOf((copy) => (first(copy)[field] = `Edited ${field}`)), field).toBe(before);
    }
  });

  it('keeps the page-only fields of entries of other collections', () => {
    const withStimulus = (text: string) => keyOf((copy) => (copy.cities[0]!.data = { ...copy.cities[0]!.data, stimulus: text } as typeof copy.cities[0]['data']));
    expect(withStimulus('one')).not.toBe(withStimulus('two'));
  });
});

describe('the fields left out of the shared key', () => {
  it('are read by no page, component or layout other than the practice page', () => {
    const root = join(import.meta.dirname, '../..');
    const fields = PRACTICE_PAGE_ONLY_FIELDS.join('|');
    const reads = new RegExp(`\\bdata\\??\\.(${fields})\\b|\\[\\s*['"](${fields})['"]|['"](${fields})['"]\\s*[,\\]]`);
    const offenders = ['src/pages', 'src/components', 'src/layouts']
      .flatMap((folder) => readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' }).map((file) => join(folder, file)))
      .filter((file) => /\.(astro|ts)$/.test(file) && file !== join('src/pages', '[lang]/practices/[slug].astro'))
      // The open-data files are rendered on every build (no cache key).
      .filter((file) => !file.startsWith(join('src/pages', 'data')))
      .filter((file) => reads.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
