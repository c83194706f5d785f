import { describe, expect, it } from 'vitest';
import { buildCatalogue, type CatalogueInput } from '../../src/lib/catalogue.ts';
import { LIKE_MINE_SHOWN, likeMineData, likeMineItems, likeMineOptions, profileLabel } from '../../src/lib/like-mine-page.ts';
import { catalogueInput } from '../fixtures/catalogue.ts';

const input: CatalogueInput = structuredClone(catalogueInput);
const city = (id: string) => input.cities.find((entry) => entry.id === id)!.data;
Object.assign(city('bilbao'), { population: 346_000, foreignBornShare: 12.8, coordinator: { email: 'ic@bilbao.example.org', languages: ['es', 'eu'] } });
Object.assign(city('getxo'), { population: 78_000, foreignBornShare: 10.5, coordinator: { email: 'ic@getxo.example.org', languages: ['es', 'eu'] } });
Object.assign(city('oslo'), { population: 700_000, foreignBornShare: 28 });
Object.assign(city('lisbon'), { population: 545_000, foreignBornShare: 15.5, coordinator: { email: 'ic@lisbon.example.org', languages: ['pt'] } });
const catalogue = buildCatalogue(input);

describe('likeMineItems', () => {
  it('ranks the practices by how many chosen criteria their best city meets, with the reason in the reader’s language', () => {
    const { total, items } = likeMineItems(catalogue, 'en', { size: 'small', country: 'ES' });
    expect(total).toBe(2);
    expect(items.map((item) => [item.practice.slug, item.reason])).toEqual([
      ['getxo-mediation', 'getxo: under 200,000 inhabitants and in Spain (2 of 2)'],
      ['anti-rumour', 'bilbao: in Spain (1 of 2)'],
    ]);
  });

  it('writes the reason in French, with French spacing and the names of the chosen country and language', () => {
    const { items } = likeMineItems(catalogue, 'fr', { diversity: 'high', language: 'pt' });
    expect(items.map((item) => [item.practice.slug, item.reason])).toEqual([
      ['language-cafe', 'lisbon\u00A0: 15\u202F% ou plus nés à l\'étranger et coordination joignable en portugais (2 sur 2)'],
      ['lisbon-mediation', 'lisbon\u00A0: 15\u202F% ou plus nés à l\'étranger et coordination joignable en portugais (2 sur 2)'],
      ['school-mediators', 'oslo\u00A0: 15\u202F% ou plus nés à l\'étranger (1 sur 2)'],
    ]);
  });

  it('shows at most LIKE_MINE_SHOWN practices but counts them all', () => {
    const many: CatalogueInput = structuredClone(input);
    const template = many.practices[0]!;
    for (let index = 0; index < LIKE_MINE_SHOWN + 5; index++) {
      many.practices.push({ id: `copy-${index}`, lang: 'en', data: { ...template.data, title: `Copy ${index}` } });
    }
    const result = likeMineItems(buildCatalogue(many), 'en', { country: 'ES' });
    expect(result.items).toHaveLength(LIKE_MINE_SHOWN);
    expect(result.total).toBeGreaterThan(LIKE_MINE_SHOWN);
  });
});

describe('the choices and labels', () => {
  it('offers the countries and languages of cities that have practices, by name in the reader’s language', () => {
    const { countries, languages } = likeMineOptions(catalogue, 'fr');
    expect(countries.map((country) => country.label)).toEqual(['Espagne', 'Norvège', 'Portugal']);
    expect(languages.map((language) => [language.value, language.label])).toEqual([['eu', 'basque'], ['es', 'espagnol'], ['pt', 'portugais']]);
  });

  it('names a band page’s profile as a short phrase starting with a capital', () => {
    expect(profileLabel('en', { size: 'small', diversity: 'high' })).toBe('Under 200,000 inhabitants, 15% or more born abroad');
    expect(profileLabel('es', { diversity: 'low' })).toBe('Menos del 15 % nacidos en el extranjero');
  });
});

describe('likeMineData', () => {
  it('gives the island each practice’s title, address and cities, marking an English fallback, and every city’s traits', () => {
    const data = likeMineData(catalogue, 'fr');
    expect(data.practices.find((practice) => practice.url === '/fr/practices/anti-rumour/')).toEqual({ title: 'Anti-rumeurs', url: '/fr/practices/anti-rumour/', cities: ['bilbao'] });
    expect(data.practices.find((practice) => practice.url === '/fr/practices/language-cafe/')).toMatchObject({ lang: 'en' });
    expect(data.cities.getxo).toEqual({ name: 'getxo', size: 'small', diversity: 'low', country: 'ES', languages: ['es', 'eu'] });
  });
});
