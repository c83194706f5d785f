import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, type CatalogueInput } from '../../src/lib/catalogue.ts';
import { FACT_FACET_NAMES, factFacetValues, factListTitle, factSearchFacets, factValueLabel, factValues, practicesWithFact } from '../../src/lib/practice-facts.ts';
import { PRACTICE_FACETS } from '../../src/lib/practice-facets.ts';
import { catalogueInput } from '../fixtures/catalogue.ts';

// The fixture catalogue with coded facts on three practices.
const input: CatalogueInput = structuredClone(catalogueInput);
const data = (slug: string) => input.practices.filter((practice) => practice.id === slug).map((practice) => practice.data);
for (const practice of data('anti-rumour')) Object.assign(practice, { evidence: { level: 'external-evaluation' }, cost: '10k-50k', partners: ['red-cross', 'ateneo'], openToStudyVisits: true });
for (const practice of data('getxo-mediation')) Object.assign(practice, { evidence: { level: 'monitoring' }, cost: '10k-50k', status: 'running' });
for (const practice of data('language-cafe')) Object.assign(practice, { evidence: { level: 'none' }, partners: ['red-cross'] });
input.organisations = [
  { id: 'red-cross', data: { name: 'Red Cross', kind: 'association', description: { en: 'Helps.' } } },
  { id: 'ateneo', data: { name: 'Ateneo Bilbao', kind: 'association', description: { en: 'A club.' } } },
  { id: 'unused', data: { name: 'Unused', kind: 'company', description: { en: 'Named by no practice.' } } },
];
const catalogue = buildCatalogue(input);

describe('factValues', () => {
  it('gives every fact the practice has, and leaves out the facts it does not state', () => {
    expect(factValues(data('anti-rumour')[0]!)).toEqual({ evidence: ['external-evaluation'], cost: ['10k-50k'], open: ['study-visits'], partner: ['red-cross', 'ateneo'] });
    expect(factValues(data('school-mediators')[0]!)).toEqual({});
  });

  it('counts "none" as a stated evidence level, but a flag set to false as nothing', () => {
    expect(factValues({ evidence: { level: 'none' }, openToMentoring: false })).toEqual({ evidence: ['none'] });
  });
});

describe('fact facets of the catalogue', () => {
  it('lists the values in use in the vocabulary’s order (least to most independent evidence), with counts', () => {
    expect(factFacetValues(catalogue, 'en', 'evidence')).toEqual([
      { value: 'none', label: 'No evaluation', total: 1 },
      { value: 'monitoring', label: 'Monitoring (figures collected)', total: 1 },
      { value: 'external-evaluation', label: 'External evaluation', total: 1 },
    ]);
    expect(factFacetValues(catalogue, 'fr', 'cost')).toEqual([{ value: '10k-50k', label: 'De 10 000 à 50 000 €', total: 2 }]);
  });

  it('lists partners by organisation name, leaving out organisations no practice names', () => {
    expect(factFacetValues(catalogue, 'en', 'partner').map((entry) => [entry.value, entry.total])).toEqual([['ateneo', 1], ['red-cross', 2]]);
  });

  it('gives the practices of a value newest first, in the reader’s language where translated', () => {
    expect(practicesWithFact(catalogue, 'fr', 'cost', '10k-50k').map((practice) => [practice.slug, practice.lang])).toEqual([
      ['getxo-mediation', 'en'],
      ['anti-rumour', 'fr'],
    ]);
    expect(practicesWithFact(catalogue, 'en', 'reach', 'over-10000')).toEqual([]);
  });

  it('names a list by its facet and value, in the reader’s language', () => {
    expect(factListTitle(catalogue, 'en', 'evidence', 'external-evaluation')).toBe('Practices by Evidence of results: External evaluation');
    expect(factValueLabel(catalogue, 'es', 'partner', 'red-cross')).toBe('Red Cross');
  });

  it('gives each used value a static list page through the facet table, and partners a trail under their organisation', () => {
    expect(PRACTICE_FACETS.evidence.values(catalogue, 'en').map((entry) => entry.value)).toEqual(['none', 'monitoring', 'external-evaluation']);
    expect(PRACTICE_FACETS.stage.base('fr', 'running')).toBe('/fr/practices/stage/running/');
    expect(PRACTICE_FACETS.partner.trail!(catalogue, 'en', 'red-cross')).toEqual([
      { href: '/en/organisations/', label: 'Partner organisations' },
      { href: '/en/organisations/red-cross/', label: 'Red Cross' },
    ]);
  });

  it('offers the search form one filter group per fact in use, none for a fact no practice states', () => {
    const groups = factSearchFacets(catalogue, 'en');
    expect(groups.map((group) => group.name)).toEqual(['evidence', 'stage', 'cost', 'open', 'partner']);
    expect(groups.find((group) => group.name === 'open')!.options).toEqual([{ value: 'study-visits', label: 'Study visits', count: 1 }]);
  });
});

describe('the search island', () => {
  it('reads every fact facet from the URL as a multi-select filter (its own list, kept in step here)', () => {
    const source = readFileSync('src/components/search/faceted-search.ts', 'utf8');
    const list = /const MULTI_FACETS = \[([^\]]*)\]/.exec(source)![1]!.split(',').map((name) => name.trim().replace(/'/g, ''));
    expect(list).toEqual(expect.arrayContaining(FACT_FACET_NAMES));
  });
});
