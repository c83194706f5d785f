import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, type CatalogueInput } from '../../src/lib/catalogue.ts';
import type { Lang } from '../../src/lib/schemas/fields.ts';
import {
  historyOfSharedPages,
  keyShowingPractices,
  PRACTICE_CARD_TEXT_FIELDS,
  PRACTICE_PAGE_ONLY_FIELDS,
  practiceListPageKey,
  practicePageKey,
  practiceStructureKey,
  sharedDataKey,
  type PracticePageInput,
} from '../../src/lib/page-key.ts';
import { pageOf } from '../../src/lib/pagination.ts';
import { catalogueInput } from '../fixtures/catalogue.ts';
import { buildActivityIndex } from '../../src/lib/activities.ts';

/** The key of a practice page, computed as the page's getStaticPaths() does. */
function keyOf(input: CatalogueInput, slug: string, lang: Lang = 'en', cards = true, methods: PracticePageInput['methods'] = [], lastChange?: PracticePageInput['lastChange']) {
  const catalogue = buildCatalogue(structuredClone(input));
  const page = {
    practice: catalogue.practice(lang, slug)!,
    adaptedFrom: catalogue.adaptedFrom(lang, slug),
    adaptedBy: catalogue.adaptedBy(lang, slug),
    related: catalogue.related(lang, slug),
    methods,
    lastChange,
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

  it("change when the page's last change (a new commit of its file) or its history link changes", () => {
    const dated = keyOf(catalogueInput, 'anti-rumour', 'en', true, [], { date: '2025-06-02' });
    expect(dated).not.toBe(before);
    expect(keyOf(catalogueInput, 'anti-rumour', 'en', true, [], { date: '2025-06-02' })).toBe(dated);
    expect(keyOf(catalogueInput, 'anti-rumour', 'en', true, [], { date: '2025-07-01' })).not.toBe(dated);
    expect(keyOf(catalogueInput, 'anti-rumour', 'en', true, [], { date: '2025-06-02', historyUrl: 'https://github.com/o/r/commits/main/x.md' })).not.toBe(dated);
  });

  it('change when the name of a partner organisation shown on the page changes', () => {
    const withPartner = changed((input) => {
      practiceData(input, 'anti-rumour').partners = ['red-cross'];
      input.organisations = [{ id: 'red-cross', data: { name: 'Red Cross', kind: 'association', description: { en: 'Helps.' } } }];
    });
    const key = keyOf(withPartner, 'anti-rumour');
    const renamed = structuredClone(withPartner);
    renamed.organisations![0]!.data.name = 'Bilbao Red Cross';
    expect(keyOf(renamed, 'anti-rumour')).not.toBe(key);
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

describe('practice page cache keys and the activities that presented the practice', () => {
  const visit = {
    type: 'study-visit' as const,
    demonstration: true,
    title: { en: 'Study visit' },
    description: { en: 'Two days.' },
    start: '2025-05-14T09:30',
    end: '2025-05-15T16:00',
    timeZone: 'Europe/Madrid',
    hosts: ['barcelona'],
    themes: ['media'],
    practices: ['anti-rumour'],
    organiser: 'City',
  };
  const keyWith = (now: string, data = visit) => {
    const catalogue = buildCatalogue(structuredClone(catalogueInput));
    const page = {
      practice: catalogue.practice('en', 'anti-rumour')!,
      adaptedFrom: [],
      adaptedBy: [],
      related: [],
      activities: buildActivityIndex({ activities: [{ id: 'visit', data }], networksOfCity: () => [], now: new Date(now) }).ofPractice('anti-rumour'),
    };
    return practicePageKey(catalogue, 'en', page, { cards: true });
  };

  it('change when the practice is presented at an activity, and when a demonstration activity moves with the build day', () => {
    const once = keyWith('2026-12-01T10:00:00Z');
    expect(once).not.toBe(keyOf(catalogueInput, 'anti-rumour'));
    expect(keyWith('2026-12-03T10:00:00Z')).toBe(once);
    expect(keyWith('2026-12-09T10:00:00Z')).not.toBe(once);
    expect(keyWith('2026-12-01T10:00:00Z', { ...visit, title: { en: 'Study visit to Barcelona' } })).not.toBe(once);
  });

  it('change when a real activity that presents the practice is over ("To be presented" becomes "Presented")', () => {
    const real = { ...visit, demonstration: false };
    expect(keyWith('2025-05-15T13:00:00Z', real)).not.toBe(keyWith('2025-05-15T15:00:00Z', real));
    expect(keyWith('2025-05-15T15:00:00Z', real)).toBe(keyWith('2025-06-15T15:00:00Z', real));
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

const projectRoot = join(import.meta.dirname, '../..');
const source = (file: string) => readFileSync(join(projectRoot, file), 'utf8');

/**
 * The routes whose source matches `keyed`, and every component and layout they import, transitively:
 * what the pages reused under those routes' keys are rendered from.
 */
function renderedByRoutes(keyed: RegExp): { routes: string[]; rendered: string[] } {
  const routes = readdirSync(join(projectRoot, 'src/pages'), { recursive: true, encoding: 'utf8' })
    .map((file) => join('src/pages', file))
    .filter((file) => /\.(astro|ts)$/.test(file) && keyed.test(source(file)));
  const rendered = new Set<string>();
  const visit = (file: string) => {
    if (rendered.has(file)) return;
    rendered.add(file);
    for (const [, target] of source(file).matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm)) {
      const resolved = join(dirname(file), target!);
      if (/^src\/(components|layouts)\//.test(resolved) && /\.(astro|ts)$/.test(resolved)) visit(resolved);
    }
  };
  routes.forEach(visit);
  return { routes, rendered: [...rendered] };
}

describe('the fields left out of the shared key', () => {
  it('are read by no page, component or layout that a route with the shared key renders', () => {
    const fields = PRACTICE_PAGE_ONLY_FIELDS.join('|');
    const reads = new RegExp(`\\bdata\\??\\.(${fields})\\b|\\[\\s*['"](${fields})['"]|['"](${fields})['"]\\s*[,\\]]`);
    // Routes whose pages are reused while their keys hold (withCacheKey, withPageKeys): a page-only
    // field read there would go stale (none of those keys holds it).
    const { routes, rendered } = renderedByRoutes(/\bwith(CacheKey|PageKeys)\(/);
    expect(routes.length).toBeGreaterThan(5);
    expect(rendered.filter((file) => reads.test(source(file)))).toEqual([]);
    // Nor the last change of a practice's file, which the shared key leaves out of the git history.
    expect(rendered.filter((file) => /contentFile\(\s*['"]practices['"]/.test(source(file)))).toEqual([]);
  });
});

describe('the routes keyed by the content other than the practices', () => {
  it('show no practice: neither they nor the components and layouts they render read one', () => {
    const { routes, rendered } = renderedByRoutes(/\bwithCacheKey\(\s*[^,]*\b(practiceFree|practiceFreeDailyKey)\b/);
    // The calendars, an activity's calendar file, the embeddable charts and the activity lists.
    expect(routes.length).toBeGreaterThanOrEqual(4);
    const readsPractices = /\bcatalogue\.(practice|practices|byTheme|byCity|byNetwork|byCountry|counts|related|adaptedFrom|adaptedBy|countriesWithPractices)\b|\bPractice(Card|LinkList|Preview)\b|\b(practiceCount|methodsOfCity|practicesOf|presentedPractices)\b|\bdata\.practices\b/;
    expect(rendered.filter((file) => readsPractices.test(source(file)))).toEqual([]);
  });
});

describe('historyOfSharedPages', () => {
  const commit = (hash: string) => ({ date: '2026-12-01', commit: hash });
  const history = (practiceCommit: string, cityCommit: string) =>
    new Map([
      ['src/content/practices/en/welcome-desk.md', commit(practiceCommit)],
      ['src/content/cities/rivo.md', commit(cityCommit)],
      ['src/content/networks/ports.md', commit('c0ffee1')],
    ]);

  it('leaves out the practices, whose last change only their own page shows, and keeps every other file in order', () => {
    expect(historyOfSharedPages(history('aaaaaaa', 'bbbbbbb'), 'src/content/practices/')).toEqual([
      ['src/content/cities/rivo.md', 'bbbbbbb'],
      ['src/content/networks/ports.md', 'c0ffee1'],
    ]);
  });

  it('changes the shared key when a city file is committed again, not when a practice file is', () => {
    const key = (practiceCommit: string, cityCommit: string) => sharedDataKey({}, { cards: false, history: historyOfSharedPages(history(practiceCommit, cityCommit), 'src/content/practices') });
    expect(key('1111111', 'bbbbbbb')).toBe(key('2222222', 'bbbbbbb'));
    expect(key('1111111', 'bbbbbbb')).not.toBe(key('1111111', 'ccccccc'));
  });
});

describe('the keys of pages that show some practices', () => {
  const keys = (input: CatalogueInput, practiceFree = 'content') => ({ practiceFree, structure: practiceStructureKey(input.practices) });
  /** The key of page `page` of the English list of a theme, as the list route computes it (two practices a page). */
  const listKey = (input: CatalogueInput, theme = 'mediation', page = 1) => {
    const catalogue = buildCatalogue(structuredClone(input));
    const { items, total, pages } = pageOf(catalogue.byTheme('en', theme), page, 2);
    return practiceListPageKey(keys(input), 'en', items, { total, pages });
  };
  /** The key of a page showing the given practices and what the structure decides (a city profile, an Index result). */
  const showingKey = (input: CatalogueInput, slugs: string[], practiceFree = 'content') => {
    const catalogue = buildCatalogue(structuredClone(input));
    return keyShowingPractices(keys(input, practiceFree), 'en', slugs.map((slug) => catalogue.practice('en', slug)!));
  };
  const edit = (slug: string, field: string, value: unknown) => changed((input) => ((practiceData(input, slug) as Record<string, unknown>)[field] = value));

  it('the structure leaves out the text a card shows and what only a practice page shows, and nothing else', () => {
    expect(PRACTICE_CARD_TEXT_FIELDS).toEqual(['title', 'purpose']);
    const before = practiceStructureKey(catalogueInput.practices);
    for (const field of [...PRACTICE_CARD_TEXT_FIELDS, ...PRACTICE_PAGE_ONLY_FIELDS]) {
      expect(practiceStructureKey(edit('language-cafe', field, `Edited ${field}`).practices), field).toBe(before);
    }
    expect(practiceStructureKey(edit('language-cafe', 'themes', ['language', 'mediation']).practices)).not.toBe(before);
    expect(practiceStructureKey(edit('language-cafe', 'cities', ['oslo']).practices)).not.toBe(before);
    expect(practiceStructureKey(edit('language-cafe', 'published', '2026-01-01').practices)).not.toBe(before);
    expect(practiceStructureKey(changed((input) => input.practices.pop()).practices)).not.toBe(before);
    expect(practiceStructureKey([...catalogueInput.practices].reverse())).toBe(before);
  });

  it('a page of a list changes when a practice it shows is renamed or its purpose rewritten, not when one on another page is', () => {
    // Mediation, newest first: getxo-mediation, anti-rumour | school-mediators, lisbon-mediation.
    const first = listKey(catalogueInput, 'mediation', 1);
    const second = listKey(catalogueInput, 'mediation', 2);
    expect(listKey(edit('getxo-mediation', 'title', 'Renamed'), 'mediation', 1)).not.toBe(first);
    expect(listKey(edit('getxo-mediation', 'purpose', 'Rewritten.'), 'mediation', 1)).not.toBe(first);
    expect(listKey(edit('getxo-mediation', 'title', 'Renamed'), 'mediation', 2)).toBe(second);
    // Its long texts are on its own page only; another theme's practice is on no page of this list.
    expect(listKey(edit('getxo-mediation', 'stimulus', 'Edited.'), 'mediation', 1)).toBe(first);
    expect(listKey(edit('language-cafe', 'title', 'Renamed'), 'mediation', 1)).toBe(first);
  });

  it("a page of a list changes when the list's length or order changes, or a city or theme it shows", () => {
    const second = listKey(catalogueInput, 'mediation', 2);
    // A practice joining the theme lengthens the list (the count on every page) and moves the others down.
    expect(listKey(edit('language-cafe', 'themes', ['language', 'mediation']), 'mediation', 2)).not.toBe(second);
    expect(listKey(edit('lisbon-mediation', 'published', '2026-01-01'), 'mediation', 2)).not.toBe(second);
    const catalogue = buildCatalogue(structuredClone(catalogueInput));
    const { items, total, pages } = pageOf(catalogue.byTheme('en', 'mediation'), 2, 2);
    expect(practiceListPageKey(keys(catalogueInput, 'cities edited'), 'en', items, { total, pages })).not.toBe(second);
  });

  it('a page showing practices changes with them and with the structure, not with the text of a practice it does not show', () => {
    const before = showingKey(catalogueInput, ['anti-rumour', 'school-mediators']);
    expect(showingKey(edit('school-mediators', 'title', 'Renamed'), ['anti-rumour', 'school-mediators'])).not.toBe(before);
    expect(showingKey(edit('language-cafe', 'title', 'Renamed'), ['anti-rumour', 'school-mediators'])).toBe(before);
    expect(showingKey(edit('language-cafe', 'purpose', 'Rewritten.'), ['anti-rumour', 'school-mediators'])).toBe(before);
    // What the structure decides (counts, matches, which practices are shown) changes with any practice's themes.
    expect(showingKey(edit('language-cafe', 'themes', ['mediation']), ['anti-rumour', 'school-mediators'])).not.toBe(before);
    expect(showingKey(catalogueInput, ['anti-rumour', 'school-mediators'], 'a city edited')).not.toBe(before);
    expect(showingKey(catalogueInput, ['school-mediators', 'anti-rumour'])).not.toBe(before);
  });
});
