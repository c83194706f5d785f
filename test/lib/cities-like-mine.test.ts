import { describe, expect, it } from 'vitest';
import { bandPages, cityTraits, fitReason, matchedCriteria, rankByFit, type CityTraits, type ReasonStrings } from '../../src/lib/cities-like-mine.ts';

const traits = new Map<string, CityTraits>([
  ['getxo', cityTraits({ population: 78_000, foreignBornShare: 10.5, country: 'ES', coordinator: { languages: ['es', 'eu', 'en'] } })],
  ['botkyrka', cityTraits({ population: 97_000, foreignBornShare: 43, country: 'SE', coordinator: { languages: ['sv', 'en'] } })],
  ['barcelona', cityTraits({ population: 1_620_000, foreignBornShare: 26, country: 'ES' })],
  ['unknown-share', cityTraits({ population: 50_000, country: 'NO' })],
]);

const practice = (slug: string, ...cities: string[]) => ({ slug, cities });

describe('cityTraits', () => {
  it('uses the Index bands: 200,000 inhabitants and 15% born abroad, both inclusive', () => {
    expect(cityTraits({ population: 200_000, foreignBornShare: 15, country: 'ES' })).toEqual({ size: 'large', diversity: 'high', country: 'ES', languages: [] });
    expect(cityTraits({ population: 199_999, foreignBornShare: 14.9, country: 'ES' })).toMatchObject({ size: 'small', diversity: 'low' });
  });

  it('leaves the diversity band unknown when the share is not recorded, so it never matches', () => {
    expect(traits.get('unknown-share')!.diversity).toBeUndefined();
    expect(matchedCriteria(traits.get('unknown-share')!, { diversity: 'low' })).toEqual([]);
  });
});

describe('rankByFit', () => {
  // Newest first, as the catalogue gives them.
  const practices = [practice('barcelona-network', 'barcelona'), practice('botkyrka-dialogues', 'botkyrka'), practice('getxo-agents', 'getxo'), practice('shared', 'barcelona', 'getxo')];

  it('puts the practices whose cities meet the most chosen criteria first, newest first among equals', () => {
    const ranked = rankByFit(practices, traits, { size: 'small', diversity: 'low', country: 'ES' });
    expect(ranked.map((fit) => [fit.practice.slug, fit.cityId, fit.matched])).toEqual([
      ['getxo-agents', 'getxo', ['size', 'diversity', 'country']],
      ['shared', 'getxo', ['size', 'diversity', 'country']],
      ['barcelona-network', 'barcelona', ['country']],
      ['botkyrka-dialogues', 'botkyrka', ['size']],
    ]);
    expect(ranked.every((fit) => fit.chosen === 3)).toBe(true);
  });

  it('matches a language the city’s coordination answers in', () => {
    const ranked = rankByFit(practices, traits, { language: 'sv' });
    expect(ranked.map((fit) => fit.practice.slug)).toEqual(['botkyrka-dialogues']);
  });

  it('leaves out practices that meet no criterion, and everything when nothing is chosen', () => {
    expect(rankByFit(practices, traits, { country: 'PT' })).toEqual([]);
    expect(rankByFit(practices, traits, {})).toEqual([]);
  });

  it('ignores a city it knows nothing about rather than failing', () => {
    expect(rankByFit([practice('ghost', 'nowhere')], traits, { size: 'small' })).toEqual([]);
  });
});

describe('bandPages', () => {
  it('precomputes one page per size and diversity band, each possibly "any", but not "any-any"', () => {
    expect(bandPages().map((page) => page.slug)).toEqual(['small-low', 'small-high', 'small-any', 'large-low', 'large-high', 'large-any', 'any-low', 'any-high']);
    expect(bandPages().find((page) => page.slug === 'any-high')!.choice).toEqual({ diversity: 'high' });
  });
});

describe('fitReason', () => {
  const strings: ReasonStrings = {
    reason: '{city}: {matched} ({count} of {chosen})',
    size: { small: 'under 200,000 inhabitants', large: '200,000 inhabitants or more' },
    diversity: { low: 'under 15% born abroad', high: '15% or more born abroad' },
    country: 'in {country}',
    language: 'its coordination answers in {language}',
  };

  it('says which city fits and what it shares, in the reader’s list style', () => {
    const choice = { size: 'small', country: 'ES', language: 'eu' } as const;
    const [fit] = rankByFit([practice('getxo-agents', 'getxo')], traits, choice);
    expect(fitReason(strings, 'en-GB', fit!, choice, { city: 'Getxo', country: 'Spain', language: 'Basque' })).toBe(
      'Getxo: under 200,000 inhabitants, in Spain and its coordination answers in Basque (3 of 3)',
    );
  });
});
