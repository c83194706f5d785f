import { describe, expect, it } from 'vitest';
import { COLLECTIONS, COLLECTION_NAMES, collectionFolder, collectionPattern, referencedValues } from '../../../src/lib/content/collections.ts';

describe('the collection registry', () => {
  it('gives each collection the files the site reads, per language where translated', () => {
    expect(collectionPattern('practices', ['en', 'fr', 'es'])).toBe('{en,fr,es}/*.md');
    expect(collectionPattern('cities', ['en', 'fr'])).toBe('*.{yaml,yml}');
    expect(collectionPattern('index-results', ['en'])).toBe('*.md');
    expect(collectionFolder('practices', 'fr')).toBe('src/content/practices/fr/');
    expect(collectionFolder('themes')).toBe('src/content/themes/');
  });

  it('only references collections it declares', () => {
    for (const name of COLLECTION_NAMES) {
      for (const reference of COLLECTIONS[name].references) expect(COLLECTION_NAMES).toContain(reference.collection);
    }
  });

  it('publishes entries that have a page at their address', () => {
    expect(COLLECTIONS.practices.url('fr', 'anti-rumour')).toBe('/fr/practices/anti-rumour/');
    expect(COLLECTIONS['index-results'].url('en', 'bilbao-2022')).toBe('/en/index/bilbao-2022/');
  });
});

describe('referencedValues', () => {
  it('reads each item of a list, with its position', () => {
    expect(referencedValues({ cities: ['bilbao', 'getxo'] }, 'cities[]')).toEqual([
      ['cities[0]', 'bilbao'],
      ['cities[1]', 'getxo'],
    ]);
  });

  it('reads a field of each list item, the keys of a record and a single value', () => {
    const data = { city: 'oslo', scores: { education: 60, media: 40 }, recommendations: [{ theme: 'media' }, { en: 'no theme' }] };
    expect(referencedValues(data, 'recommendations[].theme')).toEqual([['recommendations[0].theme', 'media']]);
    expect(referencedValues(data, 'scores{}')).toEqual([
      ['scores.education', 'education'],
      ['scores.media', 'media'],
    ]);
    expect(referencedValues(data, 'city')).toEqual([['city', 'oslo']]);
  });

  it('leaves values of the wrong shape to the schema', () => {
    expect(referencedValues({ cities: 'bilbao' }, 'cities[]')).toEqual([]);
    expect(referencedValues({ cities: [3, null] }, 'cities[]')).toEqual([]);
    expect(referencedValues({ scores: [1] }, 'scores{}')).toEqual([]);
    expect(referencedValues({}, 'city')).toEqual([]);
  });
});
