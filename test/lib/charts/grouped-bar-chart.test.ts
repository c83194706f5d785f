import { describe, expect, it } from 'vitest';
import { groupedBarChart, type GroupedBarChartOptions } from '../../../src/lib/charts/grouped-bar-chart.ts';
import { estimateTextWidth } from '../../../src/lib/charts/text-layout.ts';
import { byName, expectAccessibleFrame, num, parseSvg, textContent, viewBox } from './svg-test-helpers.ts';

/** The chart documents its pattern fills in XML comments, which the test parser does not read. */
const chart = (overrides: Partial<GroupedBarChartOptions> = {}): string => groupedBarChart(options(overrides)).replace(/<!--.*?-->/g, '');

function options(overrides: Partial<GroupedBarChartOptions> = {}): GroupedBarChartOptions {
  return {
    id: 'compare',
    title: 'Latest Index results side by side',
    description: 'One bar per city and policy area.',
    series: ['Bilbao (2022)', 'Oslo (2025)', 'Lisbon (2023)', 'Reggio Emilia (2021)'],
    rows: [
      { label: 'Overall Index', values: [65, 77, 72, 100] },
      { label: 'Intercultural intelligence and competence', values: [60, 88, null, 0] },
    ],
    missingLabel: 'Not assessed',
    ...overrides,
  };
}

describe('groupedBarChart', () => {
  it('is an image named by its title and description', () => {
    expectAccessibleFrame(chart(), 'compare', { title: 'Latest Index results side by side', description: 'One bar per city and policy area.' });
  });

  it('keeps every text at 12 px or more when the chart is 360 px wide', () => {
    const root = parseSvg(chart());
    const scale = 360 / viewBox(root).width;
    for (const node of byName(root, 'text')) expect(num(node, 'font-size') * scale).toBeGreaterThanOrEqual(12);
  });

  it('keeps every printed value, even 100, inside the chart', () => {
    const root = parseSvg(chart());
    const width = viewBox(root).width;
    for (const node of byName(root, 'text')) {
      const size = estimateTextWidth(textContent(node), num(node, 'font-size'), node.attrs['font-weight'] === '700');
      const anchor = node.attrs['text-anchor'];
      const end = num(node, 'x') + (anchor === 'middle' ? size / 2 : anchor === 'end' ? 0 : size);
      expect(end).toBeLessThanOrEqual(width + 0.5);
    }
  });
});
