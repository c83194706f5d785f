import { describe, expect, it } from 'vitest';
import { changeSincePrevious } from '../../src/lib/edition-change.ts';
import type { ResultEntry } from '../../src/lib/index-stats.ts';

function result(city: string, edition: number, overall: number, scores: Record<string, number>, date = `${edition}-06-01`): ResultEntry {
  return {
    id: `${city}-${edition}`,
    data: { city, edition, date, version: edition < 2019 ? 'pre-2019' : '2019', sampleSize: 100, overall, scores, summary: { en: 'x' }, recommendations: [] },
  };
}

const old = result('bilbao', 2014, 56, { commitment: 70, governance: 40, media: 35 });
const mid = result('bilbao', 2019, 60, { commitment: 75, media: 40, leadership: 42 });
const now = result('bilbao', 2022, 65, { commitment: 80, media: 50, leadership: 44, 'anti-discrimination': 75 });

describe('changeSincePrevious', () => {
  it('gives each area scored in both editions its change since the previous edition, not the first', () => {
    expect(changeSincePrevious(now, [old, mid, now])).toEqual({
      previousEdition: 2019,
      previousVersion: '2019',
      versionChanged: false,
      overall: 5,
      themes: { commitment: 5, media: 10, leadership: 2 },
      newThemes: ['anti-discrimination'],
    });
  });

  it('notes a change of Index version and never counts a new area from zero', () => {
    const change = changeSincePrevious(now, [old, now])!;
    expect(change.versionChanged).toBe(true);
    expect(change.previousVersion).toBe('pre-2019');
    expect(change.themes).toEqual({ commitment: 10, media: 15 });
    expect(change.newThemes).toEqual(['anti-discrimination', 'leadership']);
  });

  it('has no change for a first edition', () => {
    expect(changeSincePrevious(old, [old, mid, now])).toBeUndefined();
  });
});
