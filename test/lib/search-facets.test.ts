import { describe, expect, it } from 'vitest';
import { practiceFilters, sinceValues } from '../../src/lib/search-facets.ts';

describe('sinceValues', () => {
  it.each([
    [2009, []],
    [2010, ['2010']],
    [2016, ['2010', '2015']],
    [2024, ['2010', '2015', '2020', '2023']],
  ])('gives a practice started in %i every "started since" year it satisfies', (start, expected) => {
    expect(sinceValues(start)).toEqual(expected);
  });
});

describe('practiceFilters', () => {
  it('uses ids, never translated labels, so a filtered URL works in both languages', () => {
    expect(
      practiceFilters(
        { themes: ['education'], cities: ['bilbao', 'getxo'], targetGroups: ['youth'], period: { start: 2016, end: 'ongoing' } },
        ['ES'],
      ),
    ).toEqual({
      theme: ['education'],
      country: ['es'],
      city: ['bilbao', 'getxo'],
      group: ['youth'],
      status: ['ongoing'],
      since: ['2010', '2015'],
    });
  });

  it('marks a practice with an end year as ended', () => {
    expect(
      practiceFilters({ themes: ['media'], cities: ['oslo'], targetGroups: ['youth'], period: { start: 2012, end: 2014 } }, ['NO']).status,
    ).toEqual(['ended']);
  });

  it('adds a filter per coded fact the practice has, by id (stage for the status), and none for facts left out', () => {
    const filters = practiceFilters(
      {
        themes: ['media'], cities: ['oslo'], targetGroups: ['youth'], period: { start: 2012, end: 'ongoing' },
        status: 'mainstreamed', evidence: { level: 'external-evaluation', report: 'https://x.example.org/r.pdf' }, cost: '10k-50k',
        partners: ['red-cross'], openToStudyVisits: true, openToMentoring: false,
      },
      ['NO'],
    );
    expect(filters).toMatchObject({ stage: ['mainstreamed'], evidence: ['external-evaluation'], cost: ['10k-50k'], partner: ['red-cross'], open: ['study-visits'], status: ['ongoing'] });
    expect(filters).not.toHaveProperty('staff');
    expect(filters).not.toHaveProperty('reach');
  });
});
