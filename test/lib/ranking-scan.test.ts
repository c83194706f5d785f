import { describe, expect, it } from 'vitest';
import { findScoreRankings, scoreLikeNumbers } from '../../src/lib/ranking-scan.ts';

const scores = new Map<string, Set<number>>([
  ['Bilbao', new Set([65, 80, 38])],
  ['Oslo', new Set([72, 60])],
  ['Lisbon', new Set([58, 90])],
  ['Dublin', new Set([55, 61])],
  ['Bergen', new Set([50, 77])],
  ['Getxo', new Set([44, 70])],
]);

describe('findScoreRankings', () => {
  it('flags a list of cities ordered by their overall score, highest first', () => {
    const list = ['Oslo 72%', 'Bilbao 65%', 'Lisbon 58%', 'Dublin 55%', 'Bergen 50%'];
    expect(findScoreRankings([list], scores)).toEqual([
      { cities: ['Oslo', 'Bilbao', 'Lisbon', 'Dublin', 'Bergen'], scores: [72, 65, 58, 55, 50] },
    ]);
  });

  it('flags a table ordered by score lowest first, reading French numbers', () => {
    const rows = ['Bergen\t50\u202F%', 'Dublin\t55\u202F%', 'Lisbon\t58\u202F%', 'Bilbao\t65\u202F%', 'Oslo\t72\u202F%'];
    expect(findScoreRankings([rows], scores)).toHaveLength(1);
  });

  it('does not flag the same cities in alphabetical order', () => {
    const list = ['Bergen 50%', 'Bilbao 65%', 'Dublin 55%', 'Lisbon 58%', 'Oslo 72%'];
    expect(findScoreRankings([list], scores)).toEqual([]);
  });

  it('ignores numbers that are not the city’s own scores, so peers ordered by closeness pass', () => {
    const peers = [
      'Oslo: 717,700 inhabitants, 27.5% born abroad; scores on average 4 points apart',
      'Lisbon: 545,000 inhabitants, 18% born abroad; scores on average 6 points apart',
      'Dublin: 592,700 inhabitants, 27.5% born abroad; scores on average 9 points apart',
      'Bergen: 291,900 inhabitants, 14.5% born abroad; scores on average 11 points apart',
      'Getxo: 78,000 inhabitants, 10.5% born abroad; scores on average 12 points apart',
    ];
    expect(findScoreRankings([peers], scores)).toEqual([]);
  });

  it('leaves short lists alone: four cities in order can happen by chance', () => {
    expect(findScoreRankings([['Oslo 72', 'Bilbao 65', 'Lisbon 58', 'Dublin 55']], scores)).toEqual([]);
  });

  it('does not count items that name no city or several', () => {
    const list = ['Oslo and Bilbao 72', 'Average 65', 'Lisbon 58', 'Dublin 55', 'Bergen 50', 'Getxo 44'];
    expect(findScoreRankings([list], scores)).toEqual([]);
  });
});

describe('scoreLikeNumbers', () => {
  it('reads whole numbers up to 100 and skips parts of larger or decimal numbers', () => {
    expect(scoreLikeNumbers('65% (+9) of 1,660,000 and 12.8% and 291\u202F900 and 100')).toEqual([65, 9, 100]);
  });
});
