import { describe, expect, it } from 'vitest';
import { assignLanes, dotPlotChart, shapeHalfWidth, type DotPlotOptions } from '../../../src/lib/charts/dot-plot-chart.ts';
import { byName, expectAccessibleFrame, findAll, num, parseSvg, textContent, texts, viewBox, type SvgNode } from './svg-test-helpers.ts';

const series = [
  { key: 'city', label: 'Bilbao', shape: 'dot' as const },
  { key: 'baseline', label: 'Average of the 28 cities', shape: 'bar' as const },
  { key: 'size', label: 'Large cities', shape: 'diamond' as const },
  { key: 'diversity', label: 'Low foreign-born share', shape: 'triangle' as const },
];
const options = (overrides: Partial<DotPlotOptions> = {}): DotPlotOptions => ({
  id: 'scores',
  title: 'Bilbao: scores',
  description: 'Dots show the scores.',
  series,
  rows: [
    { label: 'Overall Index', values: { city: 65, baseline: 60, size: 62, diversity: 58 }, emphasis: true, change: '+9' },
    { label: 'Commitment', values: { city: 80, baseline: 70, size: 71, diversity: 72 } },
  ],
  missingLabel: 'Not assessed',
  ...overrides,
});

/** Bounding box of a marker in user units. */
function box(node: SvgNode): { left: number; right: number; top: number; bottom: number } {
  if (node.name === 'circle') {
    const r = num(node, 'r');
    return { left: num(node, 'cx') - r, right: num(node, 'cx') + r, top: num(node, 'cy') - r, bottom: num(node, 'cy') + r };
  }
  if (node.name === 'rect') {
    return { left: num(node, 'x'), right: num(node, 'x') + num(node, 'width'), top: num(node, 'y'), bottom: num(node, 'y') + num(node, 'height') };
  }
  const points = node.attrs.points!.split(' ').map((pair) => pair.split(',').map(Number) as [number, number]);
  return {
    left: Math.min(...points.map((p) => p[0])), right: Math.max(...points.map((p) => p[0])),
    top: Math.min(...points.map((p) => p[1])), bottom: Math.max(...points.map((p) => p[1])),
  };
}
const markersOf = (root: SvgNode) => findAll(root, (node) => node.attrs['data-series'] !== undefined && !node.attrs['data-series']!.startsWith('legend-'));
const overlap = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('dotPlotChart', () => {
  it('draws an accessible frame named by its title and description', () => {
    expectAccessibleFrame(dotPlotChart(options()), 'scores', { title: 'Bilbao: scores', description: 'Dots show the scores.' });
  });

  it.each([
    ['identical values', { city: 50, baseline: 50, size: 50, diversity: 50 }],
    ['values one point apart', { city: 50, baseline: 51, size: 52, diversity: 53 }],
    ['values at zero', { city: 0, baseline: 0, size: 1, diversity: 0 }],
    ['values at the top', { city: 100, baseline: 99, size: 100, diversity: 98 }],
    ['averages only two apart around the city', { city: 64, baseline: 62, size: 66, diversity: 65 }],
  ])('never lets one marker cover another, with %s', (_, values) => {
    const root = parseSvg(dotPlotChart(options({ rows: [{ label: 'Media', values }] })));
    const boxes = markersOf(root).map(box);
    expect(boxes).toHaveLength(4);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
  });

  it('keeps the city on the line and moves a touching average to a lane below with a stem', () => {
    const root = parseSvg(dotPlotChart(options({ rows: [{ label: 'Media', values: { city: 50, baseline: 50 } }] })));
    const [city, baseline] = markersOf(root);
    expect(box(baseline!).top).toBeGreaterThanOrEqual(box(city!).bottom);
    expect(byName(root, 'line', 'stem')).toHaveLength(1);
  });

  it('keeps every marker on one line when values are far apart', () => {
    const root = parseSvg(dotPlotChart(options({ rows: [{ label: 'Media', values: { city: 10, baseline: 40, size: 70, diversity: 95 } }] })));
    const centres = markersOf(root).map((node) => (box(node).top + box(node).bottom) / 2);
    expect(Math.max(...centres) - Math.min(...centres)).toBeLessThan(2);
    expect(byName(root, 'line', 'stem')).toHaveLength(0);
  });

  it('prints the city’s score and its change at the end of the label line', () => {
    const root = parseSvg(dotPlotChart(options()));
    const value = findAll(root, (node) => node.attrs.class === 'value').map(textContent);
    expect(value).toEqual(['65 +9', '80']);
  });

  it('gives every series its own shape, and says which two collide', () => {
    expect(() => dotPlotChart(options({ series: [series[0]!, { ...series[1]!, shape: 'dot' }] }))).toThrow(
      'dotPlotChart: series "city" and "baseline" both use the shape "dot"; give each series its own shape so the chart does not rely on colour alone',
    );
  });

  it('refuses a row value for a series it does not describe', () => {
    expect(() => dotPlotChart(options({ rows: [{ label: 'Media', values: { city: 5, peers: 3 } }] }))).toThrow(
      'dotPlotChart: row "Media" has a value for "peers", which "series" does not describe (known keys: city, baseline, size, diversity)',
    );
  });

  it('says "Not assessed" where the city has no score and still draws the averages', () => {
    const root = parseSvg(dotPlotChart(options({ rows: [{ label: 'Interaction', values: { city: null, baseline: 40 } }] })));
    expect(texts(root)).toContain('Not assessed');
    expect(markersOf(root).map((node) => node.attrs['data-series'])).toEqual(['baseline']);
  });

  it('prints header and footer lines, for a chart that travels alone', () => {
    const root = parseSvg(dotPlotChart(options({ header: ['Bilbao, Index 2022'], footer: ['Not a ranking.'] })));
    expect(texts(root)).toEqual(expect.arrayContaining(['Bilbao, Index 2022', 'Not a ranking.']));
  });
});

describe('assignLanes', () => {
  it('puts the first series in lane 0 and each touching marker in the first free lane', () => {
    const half = shapeHalfWidth('diamond');
    const lanes = assignLanes([
      { key: 'city', shape: 'dot', x: 100 },
      { key: 'a', shape: 'diamond', x: 100 + half },
      { key: 'b', shape: 'triangle', x: 300 },
      { key: 'c', shape: 'bar', x: 100 },
    ]);
    expect(lanes.map((marker) => [marker.key, marker.lane])).toEqual([['city', 0], ['c', 1], ['a', 2], ['b', 0]]);
  });
});

describe('dotPlotChart with a label column', () => {
  it('puts labels beside the line and keeps markers clear of the label column and of one another', () => {
    const root = parseSvg(dotPlotChart(options({ width: 900, labelColumn: 300, rows: [{ label: 'Media and communication', values: { city: 0, baseline: 0, size: 1, diversity: 2 }, change: '+15' }] })));
    const boxes = markersOf(root).map(box);
    for (const marker of boxes) expect(marker.left).toBeGreaterThan(300);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
  });

  it('is shorter than the stacked layout for the same rows', () => {
    const rows = Array.from({ length: 12 }, (_, index) => ({ label: `Area ${index}`, values: { city: 40 + index, baseline: 60 } }));
    const stacked = parseSvg(dotPlotChart(options({ width: 900, rows })));
    const inline = parseSvg(dotPlotChart(options({ width: 900, labelColumn: 300, rows })));
    const height = (node: SvgNode) => viewBox(node).height;
    expect(height(inline)).toBeLessThan(height(stacked));
  });
});
