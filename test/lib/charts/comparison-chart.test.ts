import { describe, expect, it } from 'vitest';
import { comparisonChart, type ComparisonChartOptions } from '../../../src/lib/charts/comparison-chart.ts';
import { estimateTextWidth } from '../../../src/lib/charts/text-layout.ts';
import {
  HOSTILE,
  byClass,
  byName,
  expectAccessibleFrame,
  findAll,
  num,
  parseSvg,
  texts,
  viewBox,
} from './svg-test-helpers.ts';

function options(overrides: Partial<ComparisonChartOptions> = {}): ComparisonChartOptions {
  return {
    id: 'scores',
    title: 'Scores by policy area',
    description: 'Bars show the city, markers the averages.',
    valueLabel: 'Bilbao',
    missingLabel: 'Not assessed',
    markerLegend: [
      { key: 'sample', label: 'Mean of all cities', shape: 'line' },
      { key: 'large', label: 'Cities over 200,000', shape: 'diamond' },
      { key: 'diverse', label: 'Over 15% foreign-born', shape: 'triangle' },
    ],
    rows: [
      { label: 'Commitment', value: 25, markers: [{ key: 'sample', value: 60 }, { key: 'large', value: 70 }, { key: 'diverse', value: 80 }] },
      { label: 'Education', value: 50, markers: [{ key: 'sample', value: 60 }] },
      { label: 'Language', value: 100, markers: [] },
      { label: 'Media', value: 0, markers: [] },
    ],
    ...overrides,
  };
}

describe('comparisonChart', () => {
  it('is an image named by its title and described by its description', () => {
    expectAccessibleFrame(comparisonChart(options()), 'scores', {
      title: 'Scores by policy area',
      description: 'Bars show the city, markers the averages.',
    });
  });

  it('escapes every text it is given', () => {
    const svg = comparisonChart(
      options({
        title: HOSTILE,
        description: HOSTILE,
        valueLabel: HOSTILE,
        missingLabel: HOSTILE,
        markerLegend: [{ key: 'sample', label: HOSTILE, shape: 'line' }],
        rows: [
          { label: HOSTILE, value: null, markers: [{ key: 'sample', value: 50 }] },
          { label: 'Language', value: 10, markers: [] },
        ],
      }),
    );
    expect(svg).not.toContain('<script');
    const root = parseSvg(svg);
    // Row label, legend entries (bar and marker) and the missing-value note all show the raw text.
    expect(texts(root).filter((content) => content === HOSTILE)).toHaveLength(4);
  });

  it('draws bars proportional to the scores on a 0–max scale', () => {
    const root = parseSvg(comparisonChart(options()));
    const widths = byName(root, 'rect', 'bar').map((bar) => num(bar, 'width'));
    expect(widths).toHaveLength(4);
    const [w25, w50, w100, w0] = widths as [number, number, number, number];
    expect(w0).toBe(0);
    expect(w50 / w25).toBeCloseTo(2, 1);
    expect(w100 / w25).toBeCloseTo(4, 1);
    const track = byName(root, 'rect', 'track')[0];
    expect(w100).toBeCloseTo(num(track, 'width'), 1);
  });

  it('honours another scale maximum', () => {
    const root = parseSvg(comparisonChart(options({ max: 50, rows: [{ label: 'A', value: 25, markers: [] }] })));
    const bar = byName(root, 'rect', 'bar')[0];
    const track = byName(root, 'rect', 'track')[0];
    expect(num(bar, 'width') / num(track, 'width')).toBeCloseTo(0.5, 2);
  });

  it('prints each score with the caller’s number format', () => {
    const root = parseSvg(
      comparisonChart(
        options({
          formatValue: (value) => new Intl.NumberFormat('fr', { maximumFractionDigits: 1 }).format(value),
          rows: [{ label: 'Langue', value: 54.5, markers: [] }],
        }),
      ),
    );
    expect(texts(root)).toContain('54,5');
  });

  it('labels the scale at 0, 25, 50, 75 and 100', () => {
    const axis = byClass(parseSvg(comparisonChart(options())), 'axis')[0];
    expect(axis && texts(axis)).toEqual(['0', '25', '50', '75', '100']);
  });

  it('tells comparison values apart by shape, in the rows and in the legend', () => {
    const root = parseSvg(comparisonChart(options()));
    const [firstRow] = byClass(root, 'row');
    const rowShapes = findAll(firstRow!, (node) => node.attrs['data-shape'] !== undefined).map(
      (node) => node.attrs['data-shape'],
    );
    expect(rowShapes.sort()).toEqual(['diamond', 'line', 'triangle']);
    const legendShapes = findAll(byClass(root, 'legend')[0]!, (node) => node.attrs['data-shape'] !== undefined);
    expect(new Set(legendShapes.map((node) => node.attrs['data-shape'])).size).toBe(3);
    expect(new Set(legendShapes.map((node) => node.attrs.fill)).size).toBe(3);
  });

  it('wraps a legend label longer than the chart instead of cutting it off', () => {
    const long = 'Average of cities with 200,000 inhabitants or more (N = 12), latest edition of each';
    const root = parseSvg(
      comparisonChart(
        options({
          markerLegend: [
            { key: 'sample', label: 'Mean of all cities', shape: 'line' },
            { key: 'large', label: long, shape: 'diamond' },
            { key: 'diverse', label: 'Over 15% foreign-born', shape: 'triangle' },
          ],
        }),
      ),
    );
    const legendTexts = findAll(byClass(root, 'legend')[0]!, (node) => node.name === 'text');
    expect(legendTexts.map((node) => texts(node).join('')).join(' ')).toContain(long);
    for (const node of legendTexts) {
      expect(num(node, 'x') + estimateTextWidth(texts(node).join(''), num(node, 'font-size'))).toBeLessThanOrEqual(480);
    }
    // The wrapped label's lines and the entry after it each sit lower than the one before,
    // and the whole legend sits above the axis labels.
    const baselines = legendTexts.map((node) => num(node, 'y'));
    const wrapped = legendTexts.findIndex((node) => long.startsWith(texts(node).join('')));
    for (let index = wrapped + 1; index < baselines.length; index += 1) {
      expect(baselines[index]).toBeGreaterThan(baselines[index - 1]!);
    }
    const axis = byClass(root, 'axis')[0]!;
    expect(Math.max(...baselines)).toBeLessThan(num(findAll(axis, (node) => node.name === 'text')[0], 'y') - 17);
  });

  it('keeps two solid markers at about the same value both visible, one above the other', () => {
    const root = parseSvg(
      comparisonChart(options({ rows: [{ label: 'Media', value: 50, markers: [{ key: 'large', value: 58 }, { key: 'diverse', value: 58 }] }] })),
    );
    const row = byClass(root, 'row')[0]!;
    const shapes = findAll(row, (node) => node.attrs['data-shape'] === 'diamond' || node.attrs['data-shape'] === 'triangle');
    const extents = shapes.map((node) => {
      const ys = node.attrs.points!.split(' ').map((pair) => Number(pair.split(',')[1]));
      return [Math.min(...ys), Math.max(...ys)] as const;
    });
    expect(extents).toHaveLength(2);
    const [upper, lower] = [...extents].sort((a, b) => a[0] - b[0]);
    expect(upper![1]).toBeLessThanOrEqual(lower![0] + 0.5);
  });

  it('places each marker at its value on the bar track', () => {
    const root = parseSvg(comparisonChart(options()));
    const track = byName(root, 'rect', 'track')[0];
    const start = num(track, 'x');
    const [firstRow] = byClass(root, 'row');
    const line = findAll(firstRow!, (node) => node.attrs['data-shape'] === 'line')[0];
    expect(num(line, 'x') + num(line, 'width') / 2).toBeCloseTo(start + 0.6 * num(track, 'width'), 0);
  });

  it('refuses two comparisons with the same shape, which only colour could tell apart', () => {
    expect(() =>
      comparisonChart(
        options({
          markerLegend: [
            { key: 'sample', label: 'Mean', shape: 'circle' },
            { key: 'large', label: 'Large cities', shape: 'circle' },
          ],
        }),
      ),
    ).toThrow('markers "sample" and "large" both use the shape "circle"');
  });

  it('refuses a marker the legend does not describe', () => {
    expect(() =>
      comparisonChart(options({ rows: [{ label: 'Language', value: 10, markers: [{ key: 'peers', value: 5 }] }] })),
    ).toThrow('row "Language" has a marker "peers" that markerLegend does not describe (known keys: sample, large, diverse)');
  });

  it('shows the missing label instead of a bar when a score is null, keeping the comparisons', () => {
    const root = parseSvg(
      comparisonChart(options({ rows: [{ label: 'Interaction', value: null, markers: [{ key: 'large', value: 40 }] }] })),
    );
    expect(byName(root, 'rect', 'bar')).toHaveLength(0);
    const missing = byClass(root, 'missing')[0];
    expect(missing && texts(missing)).toEqual(['Not assessed']);
    expect(findAll(byClass(root, 'row')[0]!, (node) => node.attrs['data-shape'] === 'diamond')).toHaveLength(1);
  });

  it('moves the printed score inside the bar when a marker sits just past the bar end', () => {
    const root = parseSvg(
      comparisonChart(options({ rows: [{ label: 'A', value: 60, markers: [{ key: 'large', value: 62 }] }] })),
    );
    const score = byName(root, 'text').find((node) => node.text === '60');
    expect(score?.attrs.fill).toBe('#ffffff');
    expect(score?.attrs['text-anchor']).toBe('end');
    const bar = byName(root, 'rect', 'bar')[0];
    expect(num(score, 'x')).toBeLessThan(num(bar, 'x') + num(bar, 'width'));
  });

  it('puts each label on its own line above its bar and wraps long labels', () => {
    const label = 'Intelligence et compétences interculturelles des services municipaux et de leurs partenaires';
    const root = parseSvg(comparisonChart(options({ rows: [{ label, value: 40, markers: [] }] })));
    const [row] = byClass(root, 'row');
    const labelLines = byName(row!, 'text').filter((node) => node.attrs['font-size'] === '18');
    expect(labelLines.length).toBeGreaterThan(1);
    expect(labelLines.map((node) => node.text).join(' ')).toBe(label);
    const bar = byName(row!, 'rect', 'bar')[0];
    for (const line of labelLines) {
      expect(num(line, 'x')).toBe(0);
      expect(num(line, 'y')).toBeLessThan(num(bar, 'y'));
    }
  });

  it('keeps every text at 12 px or more when the chart is 360 px wide', () => {
    const root = parseSvg(comparisonChart(options()));
    const scale = 360 / viewBox(root).width;
    for (const node of byName(root, 'text')) expect(num(node, 'font-size') * scale).toBeGreaterThanOrEqual(12);
  });

  it('returns the same SVG for the same input', () => {
    expect(comparisonChart(options())).toBe(comparisonChart(options()));
  });
});

describe('comparisonChart emphasis', () => {
  it('sets an emphasised row label (the overall result) in bold', () => {
    const root = parseSvg(
      comparisonChart(
        options({
          rows: [
            { label: 'Overall', value: 70, markers: [], emphasis: true },
            { label: 'Language', value: 60, markers: [] },
          ],
        }),
      ),
    );
    const labels = byClass(root, 'row').map((row) => byName(row, 'text')[0]);
    expect(labels.map((label) => label?.attrs['font-weight'])).toEqual(['700', undefined]);
  });
});
