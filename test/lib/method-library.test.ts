import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/lib/catalogue.ts';
import { buildMethodLibrary } from '../../src/lib/method-library.ts';
import type { Method } from '../../src/lib/schemas/method.ts';
import type { Resource } from '../../src/lib/schemas/resource.ts';
import { catalogueInput, practice } from '../fixtures/catalogue.ts';

const method = (name: string, themes: string[]): Method => ({
  name,
  themes,
  budget: 'low',
  summary: `${name}, in short.`,
  whenToUse: 'When.',
  steps: ['One.', 'Two.'],
  skills: 'Skills.',
  partners: 'Partners.',
  time: 'Time.',
  pitfalls: 'Pitfalls.',
  evaluation: 'Evaluation.',
});
const resource = (id: string, overrides: Partial<Resource>) => ({
  id,
  data: { kind: 'guide', title: { en: id }, summary: { en: id }, year: 2020, publisher: 'Council of Europe', languages: ['en'], url: 'https://example.org', ...overrides } as Resource,
});

const input = structuredClone(catalogueInput);
input.practices.push(
  { id: 'bilbao-rumours', lang: 'en', data: practice({ title: 'Bilbao rumours', cities: ['bilbao'], themes: ['mediation'], methods: ['anti-rumour-strategy'], period: { start: 2012, end: 'ongoing' } }) },
  { id: 'oslo-rumours', lang: 'en', data: practice({ title: 'Oslo rumours', cities: ['oslo', 'lisbon'], themes: ['language'], methods: ['anti-rumour-strategy', 'language-cafes'], adaptedFrom: ['bilbao-rumours'], period: { start: 2016, end: 'ongoing' } }) },
);
const catalogue = buildCatalogue(input);
const library = buildMethodLibrary({
  catalogue,
  methods: [
    { id: 'anti-rumour-strategy', lang: 'en', data: method('Anti-rumour strategy', ['mediation']) },
    { id: 'anti-rumour-strategy', lang: 'fr', data: method('Stratégie anti-rumeurs', ['mediation']) },
    { id: 'language-cafes', lang: 'en', data: method('Language cafés', ['language']) },
    // A French file without an English one is not a method of the site (the content check reports it).
    { id: 'orphan', lang: 'fr', data: method('Orpheline', ['language']) },
  ],
  resources: [
    resource('manual', { kind: 'manual', year: 2018, methods: ['anti-rumour-strategy'], themes: ['mediation'], languages: ['en', 'es'] }),
    resource('brief', { kind: 'policy-brief', year: 2021, themes: ['language'] }),
    resource('course', { kind: 'online-course', year: 2021, methods: ['language-cafes'] }),
  ],
});

describe('buildMethodLibrary', () => {
  it('lists methods by name in the reader’s language, in French where translated', () => {
    expect(library.methods('en').map((entry) => entry.data.name)).toEqual(['Anti-rumour strategy', 'Language cafés']);
    expect(library.methods('fr').map((entry) => [entry.data.name, entry.lang])).toEqual([
      ['Language cafés', 'en'],
      ['Stratégie anti-rumeurs', 'fr'],
    ]);
  });

  it('links methods and practices both ways, and methods to the cities whose practices apply them', () => {
    expect(library.practicesOf('en', 'anti-rumour-strategy').map((entry) => entry.slug)).toEqual(['bilbao-rumours', 'oslo-rumours']);
    expect(library.methodsOfPractice('fr', { methods: ['language-cafes', 'anti-rumour-strategy', 'unknown'] }).map((entry) => entry.id)).toEqual([
      'language-cafes',
      'anti-rumour-strategy',
    ]);
    expect(library.methodsOfCity('en', 'lisbon').map(({ method: entry, practices }) => [entry.id, practices.map((p) => p.slug)])).toEqual([
      ['anti-rumour-strategy', ['oslo-rumours']],
      ['language-cafes', ['oslo-rumours']],
    ]);
    expect(library.methodsOfCity('en', 'getxo')).toEqual([]);
    expect(library.practiceCount('language-cafes')).toBe(1);
  });

  it('computes each method’s spread from the catalogue', () => {
    expect(library.spread('anti-rumour-strategy')).toMatchObject({ cityCount: 3, countryCount: 3, pioneers: [{ city: 'bilbao', year: 2012 }] });
  });

  it('gives the resource facets in a useful order: kinds as listed, themes in Index order, years newest first', () => {
    expect(library.facetValues('kind')).toEqual(['policy-brief', 'manual', 'online-course']);
    expect(library.facetValues('theme')).toEqual(['mediation', 'language']);
    expect(library.facetValues('language')).toEqual(['en', 'es']);
    expect(library.facetValues('year')).toEqual(['2021', '2018']);
    expect(library.resourcesBy('year', '2021').map((entry) => entry.id)).toEqual(['brief', 'course']);
    expect(library.resourcesBy('language', 'fr')).toEqual([]);
  });

  it('finds the resources of a method and of a theme', () => {
    expect(library.resourcesOfMethod('anti-rumour-strategy').map((entry) => entry.id)).toEqual(['manual']);
    expect(library.resourcesOfTheme('language').map((entry) => entry.id)).toEqual(['brief']);
    expect(library.methodsOfTheme('en', 'language').map((entry) => entry.id)).toEqual(['language-cafes']);
  });
});
