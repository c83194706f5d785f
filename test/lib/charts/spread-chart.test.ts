import { describe, expect, it } from 'vitest';
import { spreadChart, type SpreadChartOptions } from '../../../src/lib/charts/spread-chart.ts';
import { HOSTILE, byClass, byName, expectAccessibleFrame, num, parseSvg, texts } from './svg-test-helpers.ts';

function options(overrides: Partial<SpreadChartOptions> = {}): SpreadChartOptions {
  return {
    id: 'spread',
    title: 'Cities that applied the method',
    description: 'The running number of cities, year by year.',
    years: [
      { year: 2010, newCities: 1, cities: 1 },
      { year: 2011, newCities: 0, cities: 1 },
      { year: 2012, newCities: 2, cities: 3 },
      { year: 2013, newCities: 1, cities: 4 },
    ],
    ...overrides,
  };
}

/** Consecutive years 2000.. with one new city every year. */
const manyYears = (count: number) => Array.from({ length: count }, (_, index) => ({ year: 2000 + index, newCities: 1, cities: index + 1 }));

describe('spreadChart', () => {
  it('is an image named by its title and described by its description', () => {
    expectAccessibleFrame(spreadChart(options()), 'spread', {
      title: 'Cities that applied the method',
      description: 'The running number of cities, year by year.',
    });
  });

  it('marks only the years in which cities took the method up, each with the running total', () => {
    const svg = parseSvg(spreadChart(options()));
    expect(byName(svg, 'circle', 'dot')).toHaveLength(3);
    expect(byClass(svg, 'value').flatMap(texts)).toEqual(['1', '3', '4']);
  });

  it('draws a step line that never goes down and rises where the total rises', () => {
    const svg = parseSvg(spreadChart(options()));
    const dots = byName(svg, 'circle', 'dot').map((dot) => ({ x: num(dot, 'cx'), y: num(dot, 'cy') }));
    for (let index = 1; index < dots.length; index++) {
      expect(dots[index]!.x).toBeGreaterThan(dots[index - 1]!.x);
      expect(dots[index]!.y).toBeLessThan(dots[index - 1]!.y);
    }
    const path = byName(svg, 'path', 'line')[0]!.attrs.d!;
    expect(path).toMatch(/^M[\d.]+ [\d.]+(H[\d.]+V[\d.]+){3}$/);
  });

  it('names at most six years on the axis, always the first and the last', () => {
    const axis = byClass(parseSvg(spreadChart(options({ years: manyYears(15) }))), 'axis').flatMap(texts);
    const years = axis.filter((label) => /^\d{4}$/.test(label));
    expect(years.length).toBeLessThanOrEqual(6);
    expect(years[0]).toBe('2000');
    expect(years.at(-1)).toBe('2014');
  });

  it('uses a round scale above the total, with whole-number gridlines', () => {
    const axis = byClass(parseSvg(spreadChart(options({ years: manyYears(13) }))), 'axis').flatMap(texts);
    expect(axis.filter((label) => !/^\d{4}$/.test(label))).toEqual(['0', '5', '10', '15']);
  });

  it('formats numbers with the formatter it is given', () => {
    const svg = parseSvg(spreadChart(options({ formatValue: (value) => `n${value}` })));
    expect(byClass(svg, 'value').flatMap(texts)).toEqual(['n1', 'n3', 'n4']);
  });

  it('escapes text', () => {
    const svg = spreadChart(options({ title: HOSTILE, description: HOSTILE }));
    expect(svg).not.toContain('<script>');
  });

  it.each([
    [{ years: [] }, 'spreadChart: "years" is empty; give at least the year of the first adoption'],
    [{ years: [{ year: 2010, newCities: 1, cities: 1 }, { year: 2012, newCities: 1, cities: 2 }] }, 'spreadChart: years must be consecutive, oldest first; 2012 follows 2010'],
    [{ years: [{ year: 2010, newCities: 2, cities: 2 }, { year: 2011, newCities: 0, cities: 1 }] }, 'spreadChart: the running total of cities cannot go down (1 in 2011)'],
  ])('refuses data it cannot draw truthfully: %j', (overrides, message) => {
    expect(() => spreadChart(options(overrides))).toThrow(message);
  });
});
