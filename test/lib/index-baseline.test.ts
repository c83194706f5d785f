import { describe, expect, it } from 'vitest';
import { baselineCounts, comparisonBaseline } from '../../src/lib/index-baseline.ts';
import type { ResultEntry } from '../../src/lib/index-stats.ts';

function result(city: string, edition: number, overall: number, sampleSize = 100): ResultEntry {
  return {
    id: `${city}-${edition}`,
    data: {
      city,
      edition,
      date: `${edition}-06-01`,
      version: edition < 2019 ? 'pre-2019' : '2019',
      sampleSize,
      overall,
      scores: { commitment: overall },
      summary: { en: 'Illustrative result.' },
      recommendations: [],
    },
  };
}

const results = [
  result('bilbao', 2014, 56),
  result('bilbao', 2022, 65, 136),
  result('oslo', 2012, 40),
  result('oslo', 2019, 70),
  result('oslo', 2025, 80),
  result('berlin', 2012, 30),
  result('lisbon', 2023, 60),
];

describe('comparisonBaseline', () => {
  it('compares a 2019-version result with every city whose latest result is from the 2019 Index or later', () => {
    const baseline = comparisonBaseline(results[1]!, results);
    expect(baseline.version).toBe('2019');
    expect([...baseline.latest.keys()].sort()).toEqual(['bilbao', 'lisbon', 'oslo']);
    expect(baseline.latest.get('oslo')!.id).toBe('oslo-2025');
    expect(baseline.statistics.cityCount).toBe(3);
    expect(baseline.statistics.overall!.mean).toBeCloseTo((65 + 80 + 60) / 3);
  });

  it('compares an older result with each city’s latest result of the Index before 2019, not with 2019 scores', () => {
    const baseline = comparisonBaseline(results[0]!, results);
    expect(baseline.version).toBe('pre-2019');
    expect([...baseline.latest.values()].map((entry) => entry.id).sort()).toEqual(['berlin-2012', 'bilbao-2014', 'oslo-2012']);
  });

  it('gives the profile and the summary of the same result the same N', () => {
    const fromProfile = comparisonBaseline(results[1]!, results).statistics.cityCount;
    const fromSummary = comparisonBaseline(results[1]!, [...results].reverse()).statistics.cityCount;
    expect(fromSummary).toBe(fromProfile);
  });

  it('refuses a result missing from the results it is compared with, saying to pass them all', () => {
    expect(() => comparisonBaseline(result('ghent', 2021, 50), results)).toThrow(
      'result "ghent-2021" is not among the results given: pass every result the site holds',
    );
  });
});

describe('baselineCounts', () => {
  it('names the other counts a reader meets: on the site, other version only, and the report’s own N', () => {
    const baseline = comparisonBaseline(results[1]!, results);
    expect(baselineCounts(results[1]!, baseline, results)).toEqual({ baseline: 3, onSite: 4, otherVersionOnly: 1, report: 136 });
  });
});
