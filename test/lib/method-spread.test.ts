import { describe, expect, it } from 'vitest';
import { methodSpread, type SpreadPractice } from '../../src/lib/method-spread.ts';

const COUNTRY: Record<string, string> = { barcelona: 'ES', getxo: 'ES', amadora: 'PT', genoa: 'IT', botkyrka: 'SE' };
const countryOf = (city: string) => COUNTRY[city];
const practice = (slug: string, cities: string[], start: number, extra: Partial<SpreadPractice> = {}): SpreadPractice => ({
  slug,
  cities,
  start,
  methods: ['anti-rumour'],
  ...extra,
});

describe('methodSpread', () => {
  it('counts each city once, from the earliest start year of its practices that apply the method', () => {
    const spread = methodSpread('anti-rumour', [
      practice('barcelona-network', ['barcelona'], 2010),
      practice('barcelona-schools', ['barcelona'], 2008),
      practice('getxo-agents', ['getxo'], 2013),
    ], countryOf);
    expect(spread.adoptions.map((adoption) => [adoption.city, adoption.year, adoption.practice])).toEqual([
      ['barcelona', 2008, 'barcelona-schools'],
      ['getxo', 2013, 'getxo-agents'],
    ]);
    expect(spread.cityCount).toBe(2);
    expect(spread.countryCount).toBe(1);
  });

  it('ignores practices that do not name the method, even in the same cities', () => {
    const spread = methodSpread('anti-rumour', [
      practice('barcelona-network', ['barcelona'], 2010),
      practice('amadora-desk', ['amadora'], 2005, { methods: ['welcome-desk'] }),
      practice('genoa-nothing', ['genoa'], 2004, { methods: undefined }),
    ], countryOf);
    expect(spread.adoptions.map((adoption) => adoption.city)).toEqual(['barcelona']);
  });

  it('gives every year from the first adoption to the last, with running totals of cities and countries', () => {
    const spread = methodSpread('anti-rumour', [
      practice('barcelona-network', ['barcelona'], 2010),
      practice('getxo-agents', ['getxo'], 2012),
      practice('shared', ['amadora', 'genoa'], 2012),
      practice('botkyrka-dialogues', ['botkyrka'], 2014),
    ], countryOf);
    expect(spread.years).toEqual([
      { year: 2010, newCities: 1, cities: 1, countries: 1 },
      { year: 2011, newCities: 0, cities: 1, countries: 1 },
      { year: 2012, newCities: 3, cities: 4, countries: 3 },
      { year: 2013, newCities: 0, cities: 4, countries: 3 },
      { year: 2014, newCities: 1, cities: 5, countries: 4 },
    ]);
    expect(spread.pioneers.map((adoption) => adoption.city)).toEqual(['barcelona']);
  });

  it('names the city a practice learned from through adaptedFrom, even when that practice lists no method', () => {
    const spread = methodSpread('anti-rumour', [
      practice('barcelona-network', ['barcelona'], 2010, { methods: [] }),
      practice('getxo-agents', ['getxo'], 2013, { adaptedFrom: ['missing-practice', 'barcelona-network'] }),
      practice('amadora-campaign', ['amadora'], 2015, { adaptedFrom: ['getxo-agents'] }),
    ], countryOf);
    expect(spread.adoptions.map((adoption) => [adoption.city, adoption.learnedFrom])).toEqual([
      ['getxo', { practice: 'barcelona-network', city: 'barcelona' }],
      ['amadora', { practice: 'getxo-agents', city: 'getxo' }],
    ]);
  });

  it('does not call a practice shared by two cities a lesson one city learned from itself', () => {
    const spread = methodSpread('anti-rumour', [
      practice('joint', ['getxo', 'barcelona'], 2010),
      practice('getxo-follow-up', ['getxo'], 2009, { adaptedFrom: ['joint'] }),
    ], countryOf);
    const getxo = spread.adoptions.find((adoption) => adoption.city === 'getxo')!;
    expect(getxo.learnedFrom).toEqual({ practice: 'joint', city: 'barcelona' });
  });

  it('breaks ties between practices of one city and one year by slug, so builds are stable', () => {
    const a = methodSpread('anti-rumour', [practice('b-second', ['genoa'], 2016), practice('a-first', ['genoa'], 2016)], countryOf);
    const b = methodSpread('anti-rumour', [practice('a-first', ['genoa'], 2016), practice('b-second', ['genoa'], 2016)], countryOf);
    expect(a.adoptions[0]!.practice).toBe('a-first');
    expect(b).toEqual(a);
  });

  it('is empty for a method no practice applies', () => {
    expect(methodSpread('living-library', [practice('barcelona-network', ['barcelona'], 2010)], countryOf)).toEqual({
      adoptions: [],
      years: [],
      pioneers: [],
      cityCount: 0,
      countryCount: 0,
    });
  });

  it('leaves out a city it cannot place in a country', () => {
    const spread = methodSpread('anti-rumour', [practice('somewhere', ['atlantis', 'genoa'], 2016)], countryOf);
    expect(spread.adoptions.map((adoption) => adoption.city)).toEqual(['genoa']);
  });
});
