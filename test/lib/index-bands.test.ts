import { describe, expect, it } from 'vitest';
import { HIGH_DIVERSITY_SHARE, LARGE_CITY_POPULATION } from '../../src/lib/index-bands.ts';
import * as indexStats from '../../src/lib/index-stats.ts';

describe('the Index peer-group thresholds', () => {
  it('are 200,000 inhabitants and 15% born abroad, the same numbers index-stats.ts uses for its peer groups', () => {
    expect([LARGE_CITY_POPULATION, HIGH_DIVERSITY_SHARE]).toEqual([200_000, 15]);
    expect([indexStats.LARGE_CITY_POPULATION, indexStats.HIGH_DIVERSITY_SHARE]).toEqual([LARGE_CITY_POPULATION, HIGH_DIVERSITY_SHARE]);
  });
});
