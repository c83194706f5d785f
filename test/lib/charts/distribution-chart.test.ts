import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  distributionChart,
  type DistributionChartOptions,
  type DistributionRow,
} from '../../../src/lib/charts/distribution-chart.ts';
import {
  HOSTILE,
  byClass,
  byName,
  expectAccessibleFrame,
  findAll,
  num,
  parseSvg,
  textContent,
  texts,
  viewBox,
  type SvgNode,
} from './svg-test-helpers.ts';

/** A row whose statistics are written out by hand, so the test does not re-implement them. */
const commitment: DistributionRow = {
  label: 'Commitment',
  values: [20, 40, 50, 60, 80, 90, 55, 45],
  stats: { n: 8, min: 20, q1: 42.5, median: 52.5, q3: 65, max: 90, mean: 55 },
};
const language: DistributionRow = {
  label: 'Language',
  values: [10, 30, 70],
  stats: { n: 3, min: 10, q1: 20, median: 30, q3: 50, max: 70, mean: 36.7 },
};

function options(overrides: Partial<DistributionChartOptions> = {}): DistributionChartOptions {
  return {
    id: 'spread',
    title: 'How results spread',
    description: 'One box plot per policy area.',
    labels: {
      median: 'Median',
      quartiles: 'Middle half',
      mean: 'Mean',
      range: 'Lowest to highest',
      values: 'One city',
      n: 'N',
    },
    missingLabel: 'No results yet',
    rows: [commitment, language],
    ...overrides,
  };
}

/** The x of a value on the scale, read back from the 0 and 100 gridlines of a row. */
function scaleOf(row: SvgNode): (value: number) => number {
  const lines = byName(byClass(row, 'grid')[0]!, 'line');
  const x0 = num(lines[0], 'x1');
  const x100 = num(lines.at(-1), 'x1');
  return (value) => x0 + (value / 100) * (x100 - x0);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('distributionChart', () => {
  it('is an image named by its title and described by its description', () => {
    expectAccessibleFrame(distributionChart(options()), 'spread', {
      title: 'How results spread',
      description: 'One box plot per policy area.',
    });
  });

  it('escapes every text it is given', () => {
    const svg = distributionChart(
      options({
        title: HOSTILE,
        description: HOSTILE,
        labels: { median: HOSTILE, quartiles: HOSTILE, mean: HOSTILE, range: HOSTILE, values: HOSTILE, n: HOSTILE },
        rows: [{ ...commitment, label: HOSTILE }],
      }),
    );
    expect(svg).not.toContain('<script');
    const root = parseSvg(svg);
    expect(texts(byClass(root, 'legend')[0]!)).toEqual(Array(5).fill(HOSTILE));
    const row = byClass(root, 'row')[0]!;
    const labelLines = byName(row, 'text').filter((node) => node.attrs['font-size'] === '18');
    expect(labelLines.map(textContent).join(' ')).toBe(HOSTILE);
    expect(byClass(row, 'count').map(textContent)).toEqual([`${HOSTILE} = 8`]);
  });

  it('spans the box from the first to the third quartile, with the median inside', () => {
    const row = byClass(parseSvg(distributionChart(options())), 'row')[0]!;
    const x = scaleOf(row);
    const box = byName(row, 'rect', 'box')[0];
    expect(num(box, 'x')).toBeCloseTo(x(42.5), 0);
    expect(num(box, 'x') + num(box, 'width')).toBeCloseTo(x(65), 0);
    const median = byName(row, 'rect', 'median')[0];
    expect(num(median, 'x') + num(median, 'width') / 2).toBeCloseTo(x(52.5), 0);
  });

  it('draws whiskers from the lowest to the highest result and the mean as a diamond', () => {
    const row = byClass(parseSvg(distributionChart(options())), 'row')[0]!;
    const x = scaleOf(row);
    const whisker = byName(byClass(row, 'whisker')[0]!, 'path')[0];
    const [start, end] = (whisker?.attrs.d ?? '').match(/^M([\d.]+) [\d.]+H([\d.]+)/)?.slice(1).map(Number) ?? [];
    expect(start).toBeCloseTo(x(20), 0);
    expect(end).toBeCloseTo(x(90), 0);
    const mean = findAll(row, (node) => node.attrs['data-shape'] === 'diamond');
    expect(mean).toHaveLength(1);
  });

  it('draws one anonymous dot per result, at its value', () => {
    const row = byClass(parseSvg(distributionChart(options())), 'row')[0]!;
    const x = scaleOf(row);
    const dots = byName(byClass(row, 'values')[0]!, 'circle');
    expect(dots).toHaveLength(commitment.values.length);
    expect(dots.map((dot) => num(dot, 'cx')).sort((a, b) => a - b)).toEqual(
      [...commitment.values].sort((a, b) => a - b).map((value) => Number(x(value).toFixed(1))),
    );
    for (const dot of dots) {
      expect(Number(dot.attrs['fill-opacity'])).toBeLessThan(1);
      expect(dot.children).toHaveLength(0); // no <title>: never names a city
    }
    expect(new Set(dots.map((dot) => num(dot, 'cy'))).size).toBeGreaterThan(1);
  });

  it('jitters deterministically: same data, same picture, whatever the input order', () => {
    const shuffled: DistributionRow = { ...commitment, values: [...commitment.values].reverse() };
    const random = vi.spyOn(Math, 'random');
    const first = distributionChart(options());
    expect(distributionChart(options())).toBe(first);
    expect(distributionChart(options({ rows: [shuffled, language] }))).toBe(first);
    expect(random).not.toHaveBeenCalled();
  });

  it('prints the sample size at the end of each row, from a prefix or a function', () => {
    const root = parseSvg(distributionChart(options()));
    expect(byClass(root, 'count').map(textContent)).toEqual(['N = 8', 'N = 3']);
    const french = parseSvg(
      distributionChart(options({ labels: { ...options().labels, n: (count) => `${count} villes` } })),
    );
    expect(byClass(french, 'count').map(textContent)).toEqual(['8 villes', '3 villes']);
  });

  it('explains every shape in the legend', () => {
    const legend = byClass(parseSvg(distributionChart(options())), 'legend')[0]!;
    expect(texts(legend)).toEqual(['Middle half', 'Median', 'Mean', 'Lowest to highest', 'One city']);
  });

  it('shows the missing label for an area without results', () => {
    const root = parseSvg(
      distributionChart(
        options({
          rows: [{ label: 'Interaction', values: [], stats: { n: 0, min: 0, q1: 0, median: 0, q3: 0, max: 0, mean: 0 } }],
        }),
      ),
    );
    expect(byName(root, 'rect', 'box')).toHaveLength(0);
    expect(byClass(root, 'missing').map(textContent)).toEqual(['No results yet']);
  });

  it('refuses statistics that are out of order, naming the row', () => {
    expect(() =>
      distributionChart(options({ rows: [{ ...language, stats: { ...language.stats, q1: 60 } }] })),
    ).toThrow('row "Language" needs min ≤ q1 ≤ median ≤ q3 ≤ max, got 10 / 60 / 30 / 50 / 70');
  });

  it('keeps every text at 12 px or more when the chart is 360 px wide', () => {
    const root = parseSvg(distributionChart(options()));
    const scale = 360 / viewBox(root).width;
    for (const node of byName(root, 'text')) expect(num(node, 'font-size') * scale).toBeGreaterThanOrEqual(12);
  });
});
