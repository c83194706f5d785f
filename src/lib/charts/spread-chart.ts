/**
 * How a method spread: the running number of cities that had adopted it, year by year, as a
 * step line (a city that adopted the method stays counted), with a dot and the total at each
 * year a city joined. Drawn at build time; the page prints the same numbers in a table.
 */
import { CHART_COLOURS, coordinate, defaultFormatValue, svgDocument, text } from './svg.ts';
import { estimateTextWidth } from './text-layout.ts';

export interface SpreadChartYear {
  year: number;
  /** Cities that adopted the method that year. */
  newCities: number;
  /** Cities that had adopted it by the end of the year. */
  cities: number;
}

export interface SpreadChartOptions {
  /** Unique prefix of the ids in the chart. */
  id: string;
  title: string;
  description: string;
  /** Consecutive years, oldest first, with running totals. */
  years: readonly SpreadChartYear[];
  /** Formats printed numbers (pass a locale-aware formatter); defaults to whole numbers. */
  formatValue?: (value: number) => string;
  /** Width of the viewBox; 480 keeps 17-unit text at 12 px or more on a 360 px wide phone column. */
  width?: number;
}

const FONT_SIZE = 17;
const PLOT_HEIGHT = 150;
const HEADROOM = 30;
const AXIS_BAND = 32;
/** At most this many year labels on the axis, so they never collide on a phone. */
const MAX_YEAR_LABELS = 6;

/** A round top of the scale at or above `value`, and the step of its gridlines. */
function niceScale(value: number): { max: number; step: number } {
  const target = Math.max(1, value);
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]) {
    if (Math.ceil(target / step) <= 4) return { max: Math.ceil(target / step) * step, step };
  }
  const step = 10 ** Math.ceil(Math.log10(target / 4));
  return { max: Math.ceil(target / step) * step, step };
}

/** Renders the spread of a method as an SVG string. */
export function spreadChart(options: SpreadChartOptions): string {
  const { years } = options;
  if (years.length === 0) throw new Error('spreadChart: "years" is empty; give at least the year of the first adoption');
  years.forEach((entry, index) => {
    if (index > 0 && entry.year !== years[index - 1]!.year + 1) {
      throw new Error(`spreadChart: years must be consecutive, oldest first; ${entry.year} follows ${years[index - 1]!.year}`);
    }
    if (entry.cities < (years[index - 1]?.cities ?? 0)) {
      throw new Error(`spreadChart: the running total of cities cannot go down (${entry.cities} in ${entry.year})`);
    }
  });
  const format = options.formatValue ?? defaultFormatValue;
  const width = options.width ?? 480;
  const { max, step } = niceScale(years.at(-1)!.cities);
  const gutter = estimateTextWidth(format(max), FONT_SIZE) + 12;
  const halfYear = estimateTextWidth('0000', FONT_SIZE) / 2;
  const plotLeft = gutter + halfYear;
  const plotRight = width - halfYear;
  const plotTop = HEADROOM;
  const plotBottom = plotTop + PLOT_HEIGHT;
  const x = (index: number) => (years.length === 1 ? (plotLeft + plotRight) / 2 : plotLeft + ((plotRight - plotLeft) * index) / (years.length - 1));
  const y = (value: number) => plotBottom - (value / max) * PLOT_HEIGHT;

  const parts: string[] = [];
  const grid: string[] = [];
  const axis: string[] = [];
  for (let value = 0; value <= max; value += step) {
    grid.push(`<line x1="${coordinate(gutter)}" x2="${coordinate(width)}" y1="${coordinate(y(value))}" y2="${coordinate(y(value))}"/>`);
    axis.push(text(format(value), { x: gutter - 8, y: y(value) + 6, size: FONT_SIZE, anchor: 'end' }));
  }
  parts.push(`<g class="grid" stroke="${CHART_COLOURS.grid}" stroke-width="1">${grid.join('')}</g>`);

  const every = Math.ceil(years.length / MAX_YEAR_LABELS);
  years.forEach((entry, index) => {
    const last = index === years.length - 1;
    // The last year is always named; a label too close before it gives way.
    if ((index % every === 0 && (last || years.length - 1 - index >= every)) || last) {
      axis.push(text(String(entry.year), { x: x(index), y: plotBottom + 24, size: FONT_SIZE, anchor: 'middle' }));
    }
  });
  parts.push(`<g class="axis" fill="${CHART_COLOURS.muted}">${axis.join('')}</g>`);

  // A step line: the total holds until the next year's adoptions.
  let path = `M${coordinate(x(0))} ${coordinate(y(years[0]!.cities))}`;
  for (let index = 1; index < years.length; index++) {
    path += `H${coordinate(x(index))}V${coordinate(y(years[index]!.cities))}`;
  }
  parts.push(`<path class="line" d="${path}" fill="none" stroke="${CHART_COLOURS.primary}" stroke-width="3" stroke-linejoin="round"/>`);

  years.forEach((entry, index) => {
    if (entry.newCities === 0) return;
    parts.push(
      `<circle class="dot" cx="${coordinate(x(index))}" cy="${coordinate(y(entry.cities))}" r="5" fill="${CHART_COLOURS.primary}" stroke="#ffffff" stroke-width="1.5"/>`,
      `<g class="value">${text(format(entry.cities), { x: x(index), y: y(entry.cities) - 12, size: FONT_SIZE, anchor: 'middle', weight: 'bold', halo: true })}</g>`,
    );
  });

  return svgDocument({
    id: options.id,
    title: options.title,
    description: options.description,
    width,
    height: plotBottom + AXIS_BAND,
    body: parts.join(''),
  });
}
