import { describe, expect, it } from 'vitest';
import { progressChart, progressPanels, type ProgressChartOptions } from '../../../src/lib/charts/progress-chart.ts';
import {
  HOSTILE,
  byClass,
  byName,
  expectAccessibleFrame,
  num,
  parseSvg,
  polylinePoints,
  texts,
  viewBox,
} from './svg-test-helpers.ts';

function options(overrides: Partial<ProgressChartOptions> = {}): ProgressChartOptions {
  return {
    id: 'progress',
    title: 'Progress across editions',
    description: 'One panel per policy area.',
    editions: ['2012', '2016', '2020', '2024'],
    missingLabel: 'No data',
    series: [
      { label: 'Overall', values: [40, 50, 60, 70], emphasis: true },
      { label: 'Anti-discrimination', values: [30, null, 50, 80] },
    ],
    ...overrides,
  };
}

/** x of each dot in a panel, keyed by its position among the panel's drawn dots. */
function dotXs(panel: Parameters<typeof byName>[0]): number[] {
  return byName(panel, 'circle', 'dot').map((dot) => num(dot, 'cx'));
}

describe('progressChart', () => {
  it('is an image named by its title and described by its description', () => {
    expectAccessibleFrame(progressChart(options()), 'progress', {
      title: 'Progress across editions',
      description: 'One panel per policy area.',
    });
  });

  it('escapes every text it is given', () => {
    const svg = progressChart(
      options({
        title: HOSTILE,
        description: HOSTILE,
        editions: [HOSTILE, '2024'],
        missingLabel: HOSTILE,
        series: [{ label: HOSTILE, values: [null, 10] }],
      }),
    );
    expect(svg).not.toContain('<script');
    expect(texts(parseSvg(svg)).filter((content) => content === HOSTILE).length).toBeGreaterThanOrEqual(3);
  });

  it('draws one panel per series with its heading and the edition labels', () => {
    const root = parseSvg(progressChart(options()));
    const panels = byClass(root, 'panel');
    expect(panels).toHaveLength(2);
    expect(texts(panels[0]!)).toEqual(expect.arrayContaining(['Overall', '2012', '2016', '2020', '2024']));
    expect(texts(panels[1]!)).toEqual(expect.arrayContaining(['Anti-discrimination', '2012', '2024']));
  });

  it('lays panels out two to a row', () => {
    const root = parseSvg(progressChart(options({ series: [...options().series, { label: 'Language', values: [1, 2, 3, 4] }] })));
    const headingY = byClass(root, 'panel').map((panel) => num(byName(panel, 'text')[0], 'y'));
    expect(headingY[0]).toBe(headingY[1]);
    expect(headingY[2]).toBeGreaterThan(headingY[0]!);
    const headingX = byClass(root, 'panel').map((panel) => num(byName(panel, 'text')[0], 'x'));
    expect(headingX[1]).toBeGreaterThan(headingX[0]!);
    expect(headingX[2]).toBe(headingX[0]);
  });

  it('breaks the line at a null instead of dropping to zero, and names the gap', () => {
    const panel = byClass(parseSvg(progressChart(options())), 'panel')[1]!;
    const xs = dotXs(panel);
    expect(xs).toHaveLength(3); // 2012, 2020, 2024 — nothing drawn for 2016
    const [x2012, x2020, x2024] = xs as [number, number, number];
    const lines = byName(panel, 'polyline', 'line').map(polylinePoints);
    // Only 2020–2024 is joined; no segment runs from 2012 across the gap.
    expect(lines).toHaveLength(1);
    expect(lines[0]!.map(([x]) => x)).toEqual([x2020, x2024]);
    for (const line of lines) for (const [x] of line) expect(x).not.toBe(x2012);
    const missing = byClass(panel, 'missing');
    expect(missing.map((node) => texts(node)[0])).toEqual(['No data']);
    const note = byName(missing[0]!, 'text')[0];
    expect(note?.attrs['font-style']).toBe('italic');
    const x2016 = x2012 + (x2020 - x2012) / 2;
    expect(Math.abs(num(note, 'x') - x2016)).toBeLessThan(30);
  });

  it('joins a run of present values and leaves a lone value as a dot', () => {
    const panel = byClass(
      parseSvg(progressChart(options({ series: [{ label: 'A', values: [10, 20, null, 40] }] }))),
      'panel',
    )[0]!;
    const lines = byName(panel, 'polyline', 'line').map(polylinePoints);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toHaveLength(2);
    expect(byName(panel, 'circle', 'dot')).toHaveLength(3);
  });

  it('draws no line at all when no two neighbouring editions have values', () => {
    const panel = byClass(parseSvg(progressChart(options({ series: [{ label: 'A', values: [10, null, 30, null] }] }))), 'panel')[0]!;
    expect(byName(panel, 'polyline')).toHaveLength(0);
    expect(byClass(panel, 'missing')).toHaveLength(2);
  });

  it('names neighbouring gaps once, centred on them, so two notes never overlap', () => {
    const panel = byClass(parseSvg(progressChart(options({ series: [{ label: 'A', values: [null, null, 30, null] }] }))), 'panel')[0]!;
    const notes = byClass(panel, 'missing').map((node) => byName(node, 'text')[0]!);
    expect(notes).toHaveLength(2);
    const [x2020] = dotXs(panel) as [number];
    // Editions are evenly spaced: the first note sits between 2012 and 2016, left of 2020.
    expect(num(notes[0], 'x')).toBeLessThan(x2020);
  });

  it('places dots by value on a shared 0–max scale and prints each value', () => {
    const panel = byClass(parseSvg(progressChart(options({ series: [{ label: 'A', values: [0, 50, 100, 25] }] }))), 'panel')[0]!;
    const ys = byName(panel, 'circle', 'dot').map((dot) => num(dot, 'cy'));
    const [y0, y50, y100, y25] = ys as [number, number, number, number];
    expect(y0 - y50).toBeCloseTo(y50 - y100, 1);
    expect(y0 - y25).toBeCloseTo((y0 - y100) / 4, 1);
    expect(texts(panel)).toEqual(expect.arrayContaining(['0', '50', '100', '25']));
  });

  it('draws the emphasised series with a thicker line', () => {
    const panels = byClass(parseSvg(progressChart(options({ series: [
      { label: 'Overall', values: [1, 2, 3, 4], emphasis: true },
      { label: 'A', values: [1, 2, 3, 4] },
    ] }))), 'panel');
    const width = (index: number): number => num(byName(panels[index]!, 'polyline')[0], 'stroke-width');
    expect(width(0)).toBeGreaterThan(width(1));
  });

  it('refuses a series whose values do not match the editions', () => {
    expect(() => progressChart(options({ series: [{ label: 'Language', values: [1, 2] }] }))).toThrow(
      'series "Language" has 2 values but there are 4 editions; give one value (or null) per edition',
    );
  });

  it('keeps every text at 12 px or more when the chart is 360 px wide', () => {
    const root = parseSvg(progressChart(options()));
    const scale = 360 / viewBox(root).width;
    for (const node of byName(root, 'text')) expect(num(node, 'font-size') * scale).toBeGreaterThanOrEqual(12);
  });

  it('returns the same SVG for the same input', () => {
    expect(progressChart(options())).toBe(progressChart(options()));
  });
});

describe('progressPanels', () => {
  const panelOptions = () => {
    const { title: _title, description: _description, ...rest } = options();
    return { ...rest, describe: (series: { label: string; values: readonly (number | null)[] }) => `${series.label}: ${series.values.join(', ')}` };
  };

  it('gives every series its own SVG, named by the series and described in words', () => {
    const panels = progressPanels(panelOptions());
    expect(panels.map((panel) => panel.label)).toEqual(['Overall', 'Anti-discrimination']);
    expectAccessibleFrame(panels[1]!.svg, 'progress-1', { title: 'Anti-discrimination', description: 'Anti-discrimination: 30, , 50, 80' });
  });

  it('draws the same panel as the combined chart, without the heading the page prints above it', () => {
    const [overall] = progressPanels(panelOptions());
    const drawn = texts(parseSvg(overall!.svg));
    expect(drawn).toEqual(expect.arrayContaining(['2012', '2024', '0', '100', '40', '70']));
    expect(drawn).not.toContain('Overall');
    const combined = byClass(parseSvg(progressChart(options())), 'panel')[0]!;
    expect(dotXs(byClass(parseSvg(overall!.svg), 'panel')[0]!)).toEqual(dotXs(combined));
  });

  it('keeps every text at 12 px or more when a panel is 160 px wide (two to a row on a phone)', () => {
    const root = parseSvg(progressPanels(panelOptions())[0]!.svg);
    const scale = 160 / viewBox(root).width;
    for (const node of byName(root, 'text')) expect(num(node, 'font-size') * scale).toBeGreaterThanOrEqual(12);
  });

  it('refuses a series whose values do not match the editions, naming the function', () => {
    expect(() => progressPanels({ ...panelOptions(), series: [{ label: 'Language', values: [1] }] })).toThrow(
      'progressPanels: series "Language" has 1 values but there are 4 editions; give one value (or null) per edition',
    );
  });
});
