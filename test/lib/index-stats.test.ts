import { describe, expect, it } from 'vitest';
import {
  diversityBand,
  latestResultByCity,
  learningMatches,
  nearestPeers,
  peerGroups,
  progress,
  quantile,
  sampleStatistics,
  sizeBand,
  strengthsAndRoomToGrow,
  strongCities,
  summarize,
  type CityEntry,
  type ResultEntry,
} from '../../src/lib/index-stats.ts';

/** A result of `city` in `edition`; the version follows the edition year as the schema demands. */
function result(
  city: string,
  edition: number,
  scores: Record<string, number>,
  { overall = 50, date = `${edition}-06-01` }: { overall?: number; date?: string } = {},
): ResultEntry {
  return {
    id: `${city}-${edition}`,
    data: {
      city,
      edition,
      date,
      version: edition < 2019 ? 'pre-2019' : '2019',
      sampleSize: 100,
      overall,
      scores,
      summary: { en: 'Illustrative result.' },
      recommendations: [],
    },
  };
}

/** A city with only the figures the peer groups use. */
function city(id: string, population: number, foreignBornShare?: number): CityEntry {
  return {
    id,
    data: {
      name: id,
      country: 'PT',
      lat: 0,
      lon: 0,
      population,
      ...(foreignBornShare === undefined ? {} : { foreignBornShare }),
      joined: 2010,
      international: true,
      networks: [],
      profile: { en: 'A city.', fr: 'Une ville.' },
    },
  };
}

const latestOf = (...results: ResultEntry[]) => latestResultByCity(results);

describe('summarize', () => {
  it('interpolates quartiles between closest ranks (R type 7, numpy default)', () => {
    expect(summarize([1, 2, 3, 4])).toEqual({
      n: 4,
      mean: 2.5,
      median: 2.5,
      q1: 1.75,
      q3: 3.25,
      min: 1,
      max: 4,
    });
  });

  it('lands quartiles on values when (n - 1) / 4 is whole', () => {
    expect(summarize([50, 10, 40, 20, 30])).toMatchObject({ median: 30, q1: 20, q3: 40 });
  });

  it('sorts a copy and leaves the input alone', () => {
    const values = [40, 10, 30, 20];
    expect(summarize(values)).toMatchObject({ min: 10, max: 40, q1: 17.5, q3: 32.5 });
    expect(values).toEqual([40, 10, 30, 20]);
  });

  it('summarizes a single value as itself', () => {
    expect(summarize([7])).toEqual({ n: 1, mean: 7, median: 7, q1: 7, q3: 7, min: 7, max: 7 });
  });

  it('rounds nothing', () => {
    expect(summarize([1, 1, 2])!.mean).toBe(4 / 3);
  });

  it('has no statistics for no values', () => {
    expect(summarize([])).toBeUndefined();
  });

  it('refuses a quantile of nothing with a message', () => {
    expect(() => quantile([], 0.5)).toThrow('quantile needs at least one value');
  });
});

describe('latestResultByCity', () => {
  it("keeps each city's highest edition", () => {
    const latest = latestOf(
      result('bergen', 2021, { commitment: 70 }),
      result('bergen', 2015, { commitment: 60 }),
      result('oslo', 2018, { commitment: 50 }),
    );
    expect([...latest.keys()].sort()).toEqual(['bergen', 'oslo']);
    expect(latest.get('bergen')!.data.edition).toBe(2021);
  });

  it('breaks a tie between two reports of one edition by the later date', () => {
    const early = result('bergen', 2021, { commitment: 60 }, { date: '2021-03-01' });
    const late = {
      ...result('bergen', 2021, { commitment: 70 }, { date: '2022-01-15' }),
      id: 'bergen-2021-revised',
    };
    expect(latestOf(late, early).get('bergen')).toBe(late);
    expect(latestOf(early, late).get('bergen')).toBe(late);
  });
});

describe('sizeBand and diversityBand', () => {
  it.each([
    [199_999, 'small'],
    [200_000, 'large'],
    [1_600_000, 'large'],
  ] as const)('puts a city of %i inhabitants in the %s band', (population, band) => {
    expect(sizeBand({ population })).toBe(band);
  });

  it.each([
    [14.9, 'low'],
    [15, 'high'],
    [0, 'low'],
  ] as const)('puts a foreign-born share of %d%% in the %s band', (foreignBornShare, band) => {
    expect(diversityBand({ foreignBornShare })).toBe(band);
  });

  it('has no diversity band when the foreign-born share is unknown', () => {
    expect(diversityBand({})).toBeUndefined();
  });
});

describe('sampleStatistics', () => {
  const sample = [
    result('bergen', 2015, { commitment: 60, governance: 30 }, { overall: 40 }),
    result(
      'lisbon',
      2020,
      { commitment: 80, leadership: 50, 'anti-discrimination': 70 },
      { overall: 60 },
    ),
  ];

  it('counts a theme only in the results that score it, never as zero', () => {
    const statistics = sampleStatistics(sample);
    expect(statistics.themes['commitment']).toMatchObject({ n: 2, mean: 70 });
    expect(statistics.themes['governance']).toMatchObject({ n: 1, mean: 30, median: 30 });
    expect(statistics.themes['leadership']).toMatchObject({ n: 1, mean: 50 });
    expect(statistics.themes['participation']).toBeUndefined();
  });

  it('says which cities, editions and versions the sample covers', () => {
    const statistics = sampleStatistics(sample);
    expect(statistics.cityCount).toBe(2);
    expect(statistics.editions).toEqual([2015, 2020]);
    expect(statistics.versions).toEqual(['pre-2019', '2019']);
    expect(statistics.overall).toMatchObject({ n: 2, mean: 50, min: 40, max: 60 });
  });

  it('describes an empty sample without inventing numbers', () => {
    expect(sampleStatistics([])).toEqual({
      cityCount: 0,
      editions: [],
      versions: [],
      overall: undefined,
      themes: {},
    });
  });
});

describe('peerGroups', () => {
  const cities = [
    city('amadora', 171_700, 17.5), // small, high
    city('barcelona', 1_600_000, 23), // large, high
    city('bergen', 285_900, 10), // large, low
    city('lublin', 334_000), // large, share unknown
    city('melitopol', 150_000, 3), // small, low, no result
  ];
  const latest = latestOf(
    result('amadora', 2022, { commitment: 72 }, { overall: 60 }),
    result('barcelona', 2024, { commitment: 90 }, { overall: 80 }),
    result('bergen', 2021, { commitment: 70 }, { overall: 66 }),
    result('lublin', 2020, { commitment: 64 }, { overall: 58 }),
  );

  it('groups cities with a result in the same bands, the city itself included', () => {
    const groups = peerGroups('barcelona', cities, latest);
    expect(groups.size.band).toBe('large');
    expect(groups.size.cityIds).toEqual(['barcelona', 'bergen', 'lublin']);
    expect(groups.size.statistics.overall).toMatchObject({ n: 3, median: 66 });
    expect(groups.diversity?.band).toBe('high');
    expect(groups.diversity?.cityIds).toEqual(['amadora', 'barcelona']);
    expect(groups.diversity?.statistics.overall?.mean).toBe(70);
  });

  it('reports a city alone in its peer group as a group of one', () => {
    // Melitopol is small too, but without a result it is no peer.
    const groups = peerGroups('amadora', cities, latest);
    expect(groups.size.cityIds).toEqual(['amadora']);
    expect(groups.size.statistics.cityCount).toBe(1);
    expect(groups.size.statistics.overall).toMatchObject({ n: 1, mean: 60, q1: 60, q3: 60 });
  });

  it('has no diversity group for a city whose foreign-born share is unknown', () => {
    const groups = peerGroups('lublin', cities, latest);
    expect(groups.diversity).toBeUndefined();
    expect(groups.size.cityIds).toEqual(['barcelona', 'bergen', 'lublin']);
  });

  it('leaves cities with an unknown share out of diversity groups', () => {
    expect(peerGroups('bergen', cities, latest).diversity?.cityIds).toEqual(['bergen']);
  });

  it('names the missing city when asked about an unknown id', () => {
    expect(() => peerGroups('bilbaoo', cities, latest)).toThrow(
      'city "bilbaoo" is not among the 5 cities given',
    );
  });
});

describe('strengthsAndRoomToGrow', () => {
  // Means: commitment 70, education 70, mediation 60, welcoming 60, language 60, media 50,
  // intelligence 40, intercultural-lens 54.5.
  const home = result('home', 2022, {
    commitment: 90,
    education: 80,
    mediation: 70,
    welcoming: 60,
    language: 50,
    media: 40,
    intelligence: 30,
    'intercultural-lens': 99,
  });
  const other = result('other', 2022, {
    commitment: 50,
    education: 60,
    mediation: 50,
    welcoming: 60,
    language: 70,
    media: 60,
    intelligence: 50,
    'intercultural-lens': 10,
  });
  const statistics = sampleStatistics([home, other]);

  it('lists the themes furthest above the mean first, ties by theme id', () => {
    expect(strengthsAndRoomToGrow(home, statistics).strengths).toEqual([
      { theme: 'commitment', score: 90, mean: 70, difference: 20 },
      { theme: 'education', score: 80, mean: 70, difference: 10 },
      { theme: 'mediation', score: 70, mean: 60, difference: 10 },
    ]);
  });

  it('lists the themes furthest below the mean first, ties by theme id', () => {
    expect(strengthsAndRoomToGrow(home, statistics, 2).roomToGrow).toEqual([
      { theme: 'intelligence', score: 30, mean: 40, difference: -10 },
      { theme: 'language', score: 50, mean: 60, difference: -10 },
    ]);
  });

  it('leaves out the composite intercultural lens', () => {
    const { strengths, roomToGrow } = strengthsAndRoomToGrow(home, statistics, 10);
    expect([...strengths, ...roomToGrow].map((entry) => entry.theme)).not.toContain(
      'intercultural-lens',
    );
  });

  it('never lists a theme as both, and a theme at the mean as neither', () => {
    const { strengths, roomToGrow } = strengthsAndRoomToGrow(home, statistics, 10);
    expect(strengths.map((entry) => entry.theme)).toEqual(['commitment', 'education', 'mediation']);
    expect(roomToGrow.map((entry) => entry.theme)).toEqual(['intelligence', 'language', 'media']);
  });

  it('finds no strength for a city below the mean everywhere', () => {
    const weakest = result('weakest', 2022, { commitment: 10, media: 10 });
    expect(strengthsAndRoomToGrow(weakest, statistics).strengths).toEqual([]);
  });
});

describe('strongCities', () => {
  // Commitment scores 10, 20, 30, 40, 50: the third quartile is exactly 40.
  const latest = latestOf(
    result('zagreb', 2022, { commitment: 50 }),
    result('aarhus', 2022, { commitment: 40 }),
    result('bergen', 2021, { commitment: 30 }),
    result('lisbon', 2020, { commitment: 20 }),
    result('oslo', 2020, { commitment: 10 }),
    result('neukolln', 2012, { governance: 90 }),
  );
  const statistics = sampleStatistics([...latest.values()]);

  it('includes a city scoring exactly the third quartile, and lists cities by id, not by score', () => {
    expect(statistics.themes['commitment']!.q3).toBe(40);
    expect(strongCities('commitment', latest, statistics)).toEqual([
      { cityId: 'aarhus', score: 40 },
      { cityId: 'zagreb', score: 50 },
    ]);
  });

  it('finds no strong city in a theme the sample does not score', () => {
    expect(strongCities('participation', latest, statistics)).toEqual([]);
  });

  it('leaves out cities whose Index version has no such theme', () => {
    expect(strongCities('governance', latest, statistics)).toEqual([
      { cityId: 'neukolln', score: 90 },
    ]);
  });
});

describe('learningMatches', () => {
  // Media: 10, 20, 90, 90, 90, 90 → mean 65, third quartile 90: amsterdam, barcelona, cardiff
  // and dublin are strong. Language: home 40, everyone else 60 → home is 16.67 below.
  const latest = latestOf(
    result('home', 2022, { media: 10, language: 40, commitment: 80 }),
    result('amsterdam', 2022, { media: 90, language: 60, commitment: 60 }),
    result('barcelona', 2024, { media: 90, language: 60, commitment: 60 }),
    result('cardiff', 2021, { media: 90, language: 60, commitment: 60 }),
    result('dublin', 2021, { media: 90, language: 60, commitment: 60 }),
    result('erfurt', 2020, { media: 20, language: 60, commitment: 60 }),
  );
  const statistics = sampleStatistics([...latest.values()]);
  const practices: Record<string, string[]> = {
    'amsterdam/media': ['ams-1', 'ams-2', 'ams-3'],
    'barcelona/media': ['bcn-1'],
    'cardiff/media': ['cdf-1', 'cdf-2'],
    // dublin is strong in media but has no practice on it.
    'erfurt/media': ['erf-1'],
    'home/media': ['home-1'],
  };
  const lookup = (cityId: string, themeId: string) => practices[`${cityId}/${themeId}`] ?? [];

  it('takes one practice per strong city in turn before a second, up to the cap', () => {
    const [media] = learningMatches('home', latest, statistics, lookup);
    expect(media).toEqual({
      theme: 'media',
      score: 10,
      mean: 65,
      sources: [
        { cityId: 'amsterdam', score: 90, practiceSlugs: ['ams-1', 'ams-2'] },
        { cityId: 'barcelona', score: 90, practiceSlugs: ['bcn-1'] },
        { cityId: 'cardiff', score: 90, practiceSlugs: ['cdf-1'] },
      ],
    });
  });

  it('leaves out strong cities without a practice on the theme, and weak cities with one', () => {
    const [media] = learningMatches('home', latest, statistics, lookup, 1, 10);
    expect(media!.sources.map((source) => source.cityId)).toEqual([
      'amsterdam',
      'barcelona',
      'cardiff',
    ]);
    expect(media!.sources).toEqual([
      { cityId: 'amsterdam', score: 90, practiceSlugs: ['ams-1', 'ams-2', 'ams-3'] },
      { cityId: 'barcelona', score: 90, practiceSlugs: ['bcn-1'] },
      { cityId: 'cardiff', score: 90, practiceSlugs: ['cdf-1', 'cdf-2'] },
    ]);
  });

  it('spreads a small cap across cities instead of emptying the first', () => {
    const [media] = learningMatches('home', latest, statistics, lookup, 1, 2);
    expect(media!.sources).toEqual([
      { cityId: 'amsterdam', score: 90, practiceSlugs: ['ams-1'] },
      { cityId: 'barcelona', score: 90, practiceSlugs: ['bcn-1'] },
    ]);
  });

  it('offers a practice shared by two strong cities once', () => {
    const shared = (cityId: string) =>
      cityId === 'amsterdam'
        ? ['shared', 'ams-2']
        : cityId === 'barcelona'
          ? ['shared', 'bcn-2']
          : [];
    const [media] = learningMatches('home', latest, statistics, shared, 1);
    expect(media!.sources).toEqual([
      { cityId: 'amsterdam', score: 90, practiceSlugs: ['shared', 'ams-2'] },
      { cityId: 'barcelona', score: 90, practiceSlugs: ['bcn-2'] },
    ]);
  });

  it('covers the weakest themes first and keeps a theme with nobody to learn from', () => {
    const matches = learningMatches('home', latest, statistics, lookup);
    // Commitment is above the mean, so only two themes are learning needs.
    expect(matches.map((match) => match.theme)).toEqual(['media', 'language']);
    expect(matches[1]!.score).toBe(40);
    expect(matches[1]!.mean).toBeCloseTo(340 / 6, 10);
    // Every city scores 60 in language, so all are "strong", but none has a practice on it.
    expect(matches[1]!.sources).toEqual([]);
  });

  it('asks the practice index only about strong cities in the weak themes', () => {
    const asked: string[] = [];
    learningMatches(
      'home',
      latest,
      statistics,
      (cityId, themeId) => {
        asked.push(`${cityId}/${themeId}`);
        return lookup(cityId, themeId);
      },
      1,
    );
    expect(asked).toEqual(['amsterdam/media', 'barcelona/media', 'cardiff/media', 'dublin/media']);
  });

  it('has nothing to match for a city without a result', () => {
    expect(learningMatches('nowhere', latest, statistics, lookup)).toEqual([]);
  });
});

describe('progress', () => {
  const themeOrder = [
    'commitment',
    'education',
    'leadership',
    'anti-discrimination',
    'interaction',
    'governance',
  ];

  it('shows a city with one edition without a change', () => {
    const single = progress(
      [result('ansan', 2024, { commitment: 70 }, { overall: 55 })],
      themeOrder,
    );
    expect(single.editions).toEqual([2024]);
    expect(single.versions).toEqual(['2019']);
    expect(single.overall).toEqual({ theme: 'overall', values: [55], change: undefined });
    expect(single.themes).toEqual([{ theme: 'commitment', values: [70], change: undefined }]);
  });

  it('treats a theme absent from an Index version as a gap, not a zero', () => {
    const journey = progress(
      [
        result(
          'bergen',
          2021,
          { commitment: 75, education: 50, leadership: 40, 'anti-discrimination': 65 },
          { overall: 58 },
        ),
        result('bergen', 2015, { commitment: 60, education: 50, governance: 30 }, { overall: 50 }),
      ],
      themeOrder,
    );
    expect(journey.editions).toEqual([2015, 2021]);
    expect(journey.versions).toEqual(['pre-2019', '2019']);
    expect(journey.overall).toEqual({ theme: 'overall', values: [50, 58], change: 8 });
    expect(journey.themes).toEqual([
      { theme: 'commitment', values: [60, 75], change: 15 },
      { theme: 'education', values: [50, 50], change: 0 },
      { theme: 'leadership', values: [null, 40], change: undefined },
      { theme: 'anti-discrimination', values: [null, 65], change: undefined },
      { theme: 'governance', values: [30, null], change: undefined },
    ]);
  });

  it('computes the change over the known points only, skipping gaps', () => {
    const journey = progress(
      [
        result('oslo', 2015, { commitment: 50 }),
        result('oslo', 2019, { commitment: 55, interaction: 40 }),
        result('oslo', 2021, { commitment: 60 }),
        result('oslo', 2024, { commitment: 70, interaction: 70 }),
      ],
      themeOrder,
    );
    expect(journey.themes.find((series) => series.theme === 'interaction')).toEqual({
      theme: 'interaction',
      values: [null, 40, null, 70],
      change: 30,
    });
  });

  it('puts themes missing from the given order after it, by id', () => {
    const journey = progress(
      [result('oslo', 2020, { zeta: 1, alpha: 2, commitment: 3 })],
      themeOrder,
    );
    expect(journey.themes.map((series) => series.theme)).toEqual(['commitment', 'alpha', 'zeta']);
  });

  it('keeps the later report when an edition appears twice', () => {
    const journey = progress(
      [
        result('oslo', 2020, { commitment: 40 }, { date: '2020-02-01' }),
        result('oslo', 2020, { commitment: 45 }, { date: '2020-11-01' }),
      ],
      themeOrder,
    );
    expect(journey.editions).toEqual([2020]);
    expect(journey.themes[0]!.values).toEqual([45]);
  });

  it('refuses results of several cities with a message naming them', () => {
    expect(() =>
      progress([result('oslo', 2020, {}), result('bergen', 2021, {})], themeOrder),
    ).toThrow('progress needs the results of one city, got results of bergen, oslo');
  });
});

describe('nearestPeers', () => {
  const cities = [
    city('home', 500_000, 20), // large, high
    city('p1', 300_000, 25), // large, high
    city('p2', 900_000, 15), // large, high
    city('p3', 250_000, 30), // large, high
    city('legacy-only', 400_000, 18), // large, high, no theme in common
    city('low-diversity', 600_000, 5), // large, low
    city('small', 100_000, 22), // small, high
    city('unknown-share', 700_000), // large, share unknown
    city('no-result', 800_000, 40), // large, high, never assessed
    city('home-unknown', 450_000), // large, share unknown
  ];
  const latest = latestOf(
    result('home', 2022, {
      commitment: 60,
      education: 60,
      language: 60,
      media: 60,
      'intercultural-lens': 50,
    }),
    // Differences 2, 2, 2, 2 over four themes → √(16 / 4) = 2; the lens (50 vs 0) is left out.
    result('p1', 2022, {
      commitment: 62,
      education: 58,
      language: 62,
      media: 58,
      'intercultural-lens': 0,
    }),
    // Differences 2, 2, 2 over the three themes a pre-2019 result shares → √(12 / 3) = 2.
    result('p2', 2016, { commitment: 62, education: 62, language: 58, governance: 10 }),
    // Differences 3 over four themes → √(36 / 4) = 3.
    result('p3', 2021, { commitment: 63, education: 63, language: 57, media: 57 }),
    result('legacy-only', 2012, { governance: 60 }),
    result('low-diversity', 2022, { commitment: 60, education: 60, language: 60, media: 60 }),
    result('small', 2022, { commitment: 60, education: 60, language: 60, media: 60 }),
    result('unknown-share', 2022, { commitment: 61, education: 60, language: 60, media: 60 }),
    result('home-unknown', 2022, { commitment: 60, education: 60, language: 60, media: 60 }),
  );

  it('orders peers of the same size and diversity bands by distance per common theme, ties by id', () => {
    expect(nearestPeers('home', cities, latest)).toEqual([
      { cityId: 'p1', distance: 2, commonThemes: ['commitment', 'education', 'language', 'media'] },
      { cityId: 'p2', distance: 2, commonThemes: ['commitment', 'education', 'language'] },
      { cityId: 'p3', distance: 3, commonThemes: ['commitment', 'education', 'language', 'media'] },
    ]);
  });

  it('stops at the limit', () => {
    expect(nearestPeers('home', cities, latest, 1).map((peer) => peer.cityId)).toEqual(['p1']);
  });

  it('uses the size band only when the foreign-born share is unknown', () => {
    expect(nearestPeers('home-unknown', cities, latest, 10).map((peer) => peer.cityId)).toEqual([
      'home',
      'low-diversity',
      'unknown-share',
      'p1',
      'p2',
      'p3',
    ]);
  });

  it('has no peers for a city without a result', () => {
    expect(nearestPeers('no-result', cities, latest)).toEqual([]);
  });
});
