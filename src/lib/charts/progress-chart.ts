/**
 * Progress over Index editions as small multiples: one compact line panel per series (the overall
 * result, then each policy area), all on the same 0–max scale. A missing result breaks the line
 * and is named in place, so a gap never reads as a zero.
 */
import {
  CHART_COLOURS,
  assertPositiveMax,
  coordinate,
  defaultFormatValue,
  svgDocument,
  text,
} from './svg.ts';
import { estimateTextWidth, wrapText } from './text-layout.ts';

/** One panel: a series of results, one per edition. */
export interface ProgressSeries {
  /** Panel heading (translated), e.g. "Overall" or a policy area. */
  label: string;
  /** One value per edition, in the order of `editions`; null where there is no result. */
  values: readonly (number | null)[];
  /** Draws the line thicker, for the overall result. */
  emphasis?: boolean;
}

/** Input of `progressChart`. */
export interface ProgressChartOptions {
  /** Unique prefix of the ids in the chart. */
  id: string;
  title: string;
  description: string;
  /** Edition labels for the x axis (translated), oldest first. */
  editions: readonly string[];
  series: readonly ProgressSeries[];
  /** Text shown where a series has no result for an edition, e.g. "No data". Keep it short. */
  missingLabel: string;
  /** Top of the scale (Index indicators are out of 100). */
  max?: number;
  /** Formats printed numbers (pass a locale-aware formatter); defaults to whole numbers. */
  formatValue?: (value: number) => string;
  /** Width of the viewBox; 480 keeps 17-unit text at 12 px or more on a 360 px wide phone column. */
  width?: number;
  /** Panels per row. */
  columns?: number;
}

const FONT_SIZE = 17;
const TITLE_LINE = 21;
const PLOT_HEIGHT = 96;
const HEADROOM = 28;
const AXIS_BAND = 30;
const COLUMN_GAP = 28;
const ROW_GAP = 30;

/** Renders progress across editions as a grid of small line charts, as an SVG string. */
export function progressChart(options: ProgressChartOptions): string {
  const max = options.max ?? 100;
  assertPositiveMax(max, 'progressChart');
  const format = options.formatValue ?? defaultFormatValue;
  const width = options.width ?? 480;
  const columns = Math.max(1, Math.min(options.columns ?? 2, options.series.length || 1));
  checkSeries('progressChart', options.editions, options.series);

  const panelWidth = (width - COLUMN_GAP * (columns - 1)) / columns;
  const gutter = estimateTextWidth(format(max), FONT_SIZE) + 12;
  const parts: string[] = [];
  let top = 0;

  for (let rowStart = 0; rowStart < options.series.length; rowStart += columns) {
    const rowSeries = options.series.slice(rowStart, rowStart + columns);
    const titles = rowSeries.map((series) => wrapText(series.label, panelWidth, FONT_SIZE, true));
    const titleLines = Math.max(...titles.map((lines) => lines.length));
    rowSeries.forEach((series, column) => {
      const left = column * (panelWidth + COLUMN_GAP);
      parts.push(
        panel(series, titles[column] ?? [series.label], {
          left,
          top,
          width: panelWidth,
          titleHeight: titleLines * TITLE_LINE,
          gutter,
          max,
          format,
          editions: options.editions,
          missingLabel: options.missingLabel,
        }),
      );
    });
    top += titleLines * TITLE_LINE + HEADROOM + PLOT_HEIGHT + AXIS_BAND + ROW_GAP;
  }

  return svgDocument({
    id: options.id,
    title: options.title,
    description: options.description,
    width,
    height: Math.ceil(Math.max(top - ROW_GAP, 1)),
    body: parts.join(''),
  });
}

function checkSeries(caller: string, editions: readonly string[], series: readonly ProgressSeries[]): void {
  if (editions.length === 0) {
    throw new Error(`${caller}: "editions" is empty; give at least one edition label`);
  }
  for (const entry of series) {
    if (entry.values.length !== editions.length) {
      throw new Error(
        `${caller}: series "${entry.label}" has ${entry.values.length} values but there are ` +
          `${editions.length} editions; give one value (or null) per edition`,
      );
    }
  }
}

/** Input of `progressPanels`: as `progressChart`, with one title and description per panel. */
export interface ProgressPanelsOptions extends Omit<ProgressChartOptions, 'title' | 'description' | 'columns'> {
  /** Width of each panel's viewBox; 226 draws a panel as one of two in a 480-wide chart. */
  width?: number;
  /** The description of one panel (its values in words, for screen readers). */
  describe: (series: ProgressSeries) => string;
}

/**
 * The same small multiples as separate SVGs, one per series, without their headings: the page
 * puts each under its heading in a CSS grid, so the number of panels in a row follows the screen
 * (two on a phone, five or more on a desktop) where one SVG would keep its columns at any width.
 */
export function progressPanels(options: ProgressPanelsOptions): { label: string; svg: string }[] {
  const max = options.max ?? 100;
  assertPositiveMax(max, 'progressPanels');
  checkSeries('progressPanels', options.editions, options.series);
  const format = options.formatValue ?? defaultFormatValue;
  const width = options.width ?? 226;
  const gutter = estimateTextWidth(format(max), FONT_SIZE) + 12;
  return options.series.map((series, index) => ({
    label: series.label,
    svg: svgDocument({
      id: `${options.id}-${index}`,
      title: series.label,
      description: options.describe(series),
      width,
      height: HEADROOM + PLOT_HEIGHT + AXIS_BAND,
      body: panel(series, [], { left: 0, top: 0, width, titleHeight: 0, gutter, max, format, editions: options.editions, missingLabel: options.missingLabel }),
    }),
  }));
}

interface PanelLayout {
  left: number;
  top: number;
  width: number;
  titleHeight: number;
  gutter: number;
  max: number;
  format: (value: number) => string;
  editions: readonly string[];
  missingLabel: string;
}

/** One small multiple: heading, gridlines, line segments between present values, dots, labels. */
function panel(series: ProgressSeries, titleLines: readonly string[], layout: PanelLayout): string {
  const parts: string[] = [];
  titleLines.forEach((line, index) => {
    parts.push(
      text(line, { x: layout.left, y: layout.top + FONT_SIZE - 2 + index * TITLE_LINE, size: FONT_SIZE, weight: 'bold' }),
    );
  });

  const plotTop = layout.top + layout.titleHeight + HEADROOM;
  const plotBottom = plotTop + PLOT_HEIGHT;
  const plotLeft = layout.left + layout.gutter;
  const plotRight = layout.left + layout.width;
  const y = (value: number): number =>
    plotBottom - (Math.min(Math.max(value, 0), layout.max) / layout.max) * PLOT_HEIGHT;

  const halfLabel = Math.max(
    ...layout.editions.map((edition) => estimateTextWidth(edition, FONT_SIZE) / 2),
    estimateTextWidth(layout.format(layout.max), FONT_SIZE) / 2,
    10,
  );
  const innerLeft = plotLeft + halfLabel + 2;
  const innerRight = plotRight - halfLabel;
  const count = layout.editions.length;
  const x = (index: number): number =>
    count === 1 ? (innerLeft + innerRight) / 2 : innerLeft + ((innerRight - innerLeft) * index) / (count - 1);

  const gridValues = [0, layout.max / 2, layout.max];
  parts.push(
    `<g class="grid">${gridValues
      .map(
        (value) =>
          `<line x1="${coordinate(plotLeft)}" x2="${coordinate(plotRight)}" y1="${coordinate(y(value))}" y2="${coordinate(y(value))}" stroke="${value === 0 ? CHART_COLOURS.muted : CHART_COLOURS.grid}" stroke-width="1"/>`,
      )
      .join('')}</g>`,
  );
  parts.push(
    `<g class="axis" fill="${CHART_COLOURS.muted}">${gridValues
      .map((value) =>
        text(layout.format(value), { x: plotLeft - 8, y: y(value) + FONT_SIZE * 0.35, size: FONT_SIZE, anchor: 'end' }),
      )
      .join('')}${layout.editions
      .map((edition, index) => text(edition, { x: x(index), y: plotBottom + 22, size: FONT_SIZE, anchor: 'middle' }))
      .join('')}</g>`,
  );

  const values = series.values.map((value) => (value !== null && Number.isFinite(value) ? value : null));
  const strokeWidth = series.emphasis ? 4.5 : 2.5;
  const radius = series.emphasis ? 6 : 5;

  // A line joins only neighbouring editions that both have a value: a null splits the series.
  let run: number[] = [];
  const runs: number[][] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (run.length > 1) runs.push(run);
      run = [];
    } else {
      run.push(index);
    }
  });
  if (run.length > 1) runs.push(run);
  for (const indices of runs) {
    const pointList = indices.map((index) => `${coordinate(x(index))},${coordinate(y(values[index] ?? 0))}`).join(' ');
    parts.push(
      `<polyline class="line" points="${pointList}" fill="none" stroke="${CHART_COLOURS.primary}" stroke-width="${strokeWidth}" stroke-linejoin="round" stroke-linecap="round"/>`,
    );
  }

  const dots = values.map((value, index) => (value === null ? null : { x: x(index), y: y(value) }));
  const segments: [number, number, number, number][] = [];
  for (const indices of runs) {
    for (let step = 1; step < indices.length; step += 1) {
      const from = dots[indices[step - 1] ?? 0];
      const to = dots[indices[step] ?? 0];
      if (from && to) segments.push([from.x, from.y, to.x, to.y]);
    }
  }

  values.forEach((value, index) => {
    let cx = x(index);
    if (value === null) {
      // Neighbouring gaps share one note, centred on them: two notes side by side would overlap.
      if (index > 0 && values[index - 1] === null) return;
      let last = index;
      while (last + 1 < values.length && values[last + 1] === null) last += 1;
      cx = (x(index) + x(last)) / 2;
      const label = layout.missingLabel;
      const half = estimateTextWidth(label, FONT_SIZE) / 2;
      // Keep the note inside the plot: start-aligned at the left edge, end-aligned at the right.
      const anchor = cx - half < plotLeft + 2 ? 'start' : cx + half > plotRight ? 'end' : 'middle';
      parts.push(
        `<g class="missing">${text(label, {
          x: anchor === 'start' ? plotLeft + 2 : anchor === 'end' ? plotRight : cx,
          y: (plotTop + plotBottom) / 2 - 8,
          size: FONT_SIZE,
          anchor,
          italic: true,
          fill: CHART_COLOURS.muted,
          halo: true,
        })}</g>`,
      );
      return;
    }
    const cy = y(value);
    parts.push(
      `<circle class="dot" cx="${coordinate(cx)}" cy="${coordinate(cy)}" r="${radius}" fill="${CHART_COLOURS.primary}" stroke="#ffffff" stroke-width="1.5"/>`,
    );
    const label = layout.format(value);
    const labelWidth = estimateTextWidth(label, FONT_SIZE, series.emphasis);
    const aboveBaseline = cy - radius - 5;
    const belowBaseline = cy + radius + 4 + FONT_SIZE * 0.75;
    const box = (baseline: number): Box => ({
      left: cx - labelWidth / 2 - 2,
      right: cx + labelWidth / 2 + 2,
      top: baseline - FONT_SIZE * 0.75 - 1,
      bottom: baseline + 2,
    });
    // Above the dot unless the line runs through that spot and there is room below.
    const below =
      segments.some((segment) => crosses(segment, box(aboveBaseline))) &&
      !segments.some((segment) => crosses(segment, box(belowBaseline))) &&
      belowBaseline + 2 < plotBottom;
    parts.push(
      text(label, {
        x: cx,
        y: below ? belowBaseline : aboveBaseline,
        size: FONT_SIZE,
        anchor: 'middle',
        weight: series.emphasis ? 'bold' : 'normal',
        halo: true,
      }),
    );
  });

  return `<g class="panel">${parts.join('')}</g>`;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Whether a line segment passes through a box (sampled finely enough for label-sized boxes). */
function crosses([x1, y1, x2, y2]: [number, number, number, number], box: Box): boolean {
  for (let step = 0; step <= 40; step += 1) {
    const px = x1 + ((x2 - x1) * step) / 40;
    const py = y1 + ((y2 - y1) * step) / 40;
    if (px >= box.left && px <= box.right && py >= box.top && py <= box.bottom) return true;
  }
  return false;
}
