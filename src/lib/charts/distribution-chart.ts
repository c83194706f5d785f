/**
 * How the network's results spread in each policy area: a horizontal box plot per area with every
 * city's result as an anonymous dot. No names and no order by score, so it never reads as a ranking.
 */
import { legend } from './legend.ts';
import { marker } from './shapes.ts';
import {
  CHART_COLOURS,
  MARKER_COLOURS,
  assertPositiveMax,
  coordinate,
  defaultFormatValue,
  scaleLinear,
  svgDocument,
  text,
  ticks,
} from './svg.ts';
import { estimateTextWidth, wrapText } from './text-layout.ts';

/** Summary statistics of one policy area's results (computed by the caller from the site's data). */
export interface DistributionStats {
  /** Number of results. */
  n: number;
  median: number;
  /** First quartile. */
  q1: number;
  /** Third quartile. */
  q3: number;
  min: number;
  max: number;
  mean: number;
}

/** One policy area: its anonymous results and their summary. */
export interface DistributionRow {
  /** Name of the policy area (translated). */
  label: string;
  /** Every result in the sample, without city names; order does not matter. */
  values: readonly number[];
  stats: DistributionStats;
}

/** Legend texts (translated). */
export interface DistributionLabels {
  /** Names the median line. */
  median: string;
  /** Names the box, from first to third quartile. */
  quartiles: string;
  /** Names the mean diamond. */
  mean: string;
  /** Names the whiskers, from lowest to highest result. */
  range: string;
  /** Names the dots, one per result. */
  values: string;
  /** Sample size text at the row end: a function of the count, or a prefix printed as "N = 42". */
  n: string | ((count: number) => string);
}

/** Input of `distributionChart`. */
export interface DistributionChartOptions {
  /** Unique prefix of the ids in the chart. */
  id: string;
  title: string;
  description: string;
  rows: readonly DistributionRow[];
  labels: DistributionLabels;
  /** Text shown in a row with no results, e.g. "No results yet". */
  missingLabel?: string;
  /** Top of the scale (Index indicators are out of 100). */
  max?: number;
  /** Formats printed numbers (pass a locale-aware formatter); defaults to whole numbers. */
  formatValue?: (value: number) => string;
  /** Width of the viewBox; 480 keeps 17-unit text at 12 px or more on a 360 px wide phone column. */
  width?: number;
}

const LABEL_SIZE = 18;
const SMALL_SIZE = 17;
const LABEL_LINE = 22;
const BOX_HEIGHT = 22;
const BOX_LANE = 28;
const DOT_STRIP = 20;
const DOT_RADIUS = 3.5;
const ROW_GAP = 16;
const GOLDEN_FRACTION = 0.6180339887498949;
const MEAN_COLOUR = MARKER_COLOURS[0] ?? '#c2410c';

/** Renders one box plot per policy area with the individual results as jittered dots, as an SVG string. */
export function distributionChart(options: DistributionChartOptions): string {
  const max = options.max ?? 100;
  assertPositiveMax(max, 'distributionChart');
  const format = options.formatValue ?? defaultFormatValue;
  const width = options.width ?? 480;
  const countText = (count: number): string =>
    typeof options.labels.n === 'function' ? options.labels.n(count) : `${options.labels.n} = ${count}`;

  // Leave room for the first and last tick labels, centred on the ends of the scale.
  const trackStart = estimateTextWidth(format(0), SMALL_SIZE) / 2 + 4;
  const trackEnd = width - estimateTextWidth(format(max), SMALL_SIZE) / 2 - 4;
  const x = (value: number): number => scaleLinear(value, max, trackStart, trackEnd);
  const tickValues = ticks(max);
  const parts: string[] = [];
  let y = 0;

  const legendBlock = legend(
    [
      {
        symbol: (cx, cy) =>
          `<rect x="${coordinate(cx - 13)}" y="${coordinate(cy - 8)}" width="26" height="16" fill="${CHART_COLOURS.primaryTint}" stroke="${CHART_COLOURS.primary}" stroke-width="1.5"/>`,
        symbolWidth: 26,
        label: options.labels.quartiles,
      },
      {
        symbol: (cx, cy) =>
          `<rect x="${coordinate(cx - 1.5)}" y="${coordinate(cy - 10)}" width="3" height="20" fill="${CHART_COLOURS.text}"/>`,
        symbolWidth: 8,
        label: options.labels.median,
      },
      {
        symbol: (cx, cy) => marker('diamond', cx, cy, { colour: MEAN_COLOUR, size: 14 }),
        symbolWidth: 18,
        label: options.labels.mean,
      },
      { symbol: (cx, cy) => whisker(cx - 15, cx + 15, cy), symbolWidth: 30, label: options.labels.range },
      {
        symbol: (cx, cy) =>
          [-9, 0, 9].map((dx, index) => dot(cx + dx, cy + (index === 1 ? -3 : 3))).join(''),
        symbolWidth: 26,
        label: options.labels.values,
      },
    ],
    { x: 0, y, width, fontSize: SMALL_SIZE, lineHeight: 28 },
  );
  parts.push(legendBlock.svg);
  y += legendBlock.height + 14;

  const axisLabels = (baseline: number): string =>
    `<g class="axis" fill="${CHART_COLOURS.muted}">${tickValues
      .map((tick) => text(format(tick), { x: x(tick), y: baseline, size: SMALL_SIZE, anchor: 'middle' }))
      .join('')}</g>`;
  parts.push(axisLabels(y + SMALL_SIZE));
  y += SMALL_SIZE + 12;

  for (const row of options.rows) {
    const stats = row.stats;
    const hasResults = stats.n > 0 && row.values.length > 0;
    if (hasResults) assertConsistent(row);
    const count = countText(stats.n);
    const countWidth = estimateTextWidth(count, SMALL_SIZE);
    const lines = wrapText(row.label, width - countWidth - 16, LABEL_SIZE);
    const rowParts: string[] = [];
    lines.forEach((line, index) => {
      rowParts.push(text(line, { x: 0, y: y + LABEL_SIZE - 2 + index * LABEL_LINE, size: LABEL_SIZE }));
    });
    rowParts.push(
      `<g class="count">${text(count, { x: width, y: y + LABEL_SIZE - 2, size: SMALL_SIZE, anchor: 'end', fill: CHART_COLOURS.muted })}</g>`,
    );

    const laneTop = y + lines.length * LABEL_LINE + 4;
    const boxMiddle = laneTop + BOX_LANE / 2;
    const stripTop = laneTop + BOX_LANE;
    rowParts.push(
      `<g class="grid" stroke="${CHART_COLOURS.grid}" stroke-width="1">${tickValues
        .map(
          (tick) =>
            `<line x1="${coordinate(x(tick))}" x2="${coordinate(x(tick))}" y1="${coordinate(laneTop)}" y2="${coordinate(stripTop + DOT_STRIP)}"/>`,
        )
        .join('')}</g>`,
    );

    if (!hasResults) {
      rowParts.push(
        `<g class="missing">${text(options.missingLabel ?? '', {
          x: trackStart + 8,
          y: boxMiddle + SMALL_SIZE * 0.35,
          size: SMALL_SIZE,
          italic: true,
          fill: CHART_COLOURS.muted,
        })}</g>`,
      );
    } else {
      rowParts.push(`<g class="whisker">${whisker(x(stats.min), x(stats.max), boxMiddle)}</g>`);
      rowParts.push(
        `<rect class="box" x="${coordinate(x(stats.q1))}" y="${coordinate(boxMiddle - BOX_HEIGHT / 2)}" width="${coordinate(x(stats.q3) - x(stats.q1))}" height="${BOX_HEIGHT}" fill="${CHART_COLOURS.primaryTint}" stroke="${CHART_COLOURS.primary}" stroke-width="1.5"/>`,
      );
      // The median goes over the mean's diamond: when the two coincide both stay visible.
      rowParts.push(marker('diamond', x(stats.mean), boxMiddle, { colour: MEAN_COLOUR, size: 14 }));
      rowParts.push(
        `<rect class="median" x="${coordinate(x(stats.median) - 1.5)}" y="${coordinate(boxMiddle - BOX_HEIGHT / 2 - 2)}" width="3" height="${BOX_HEIGHT + 4}" fill="${CHART_COLOURS.text}"/>`,
      );
      // Jitter from the rank (golden-ratio sequence), never from Math.random: the same data always
      // draws the same picture, and neighbouring values land at different heights.
      const sorted = [...row.values].filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
      const spread = DOT_STRIP - 2 * DOT_RADIUS - 2;
      rowParts.push(
        `<g class="values">${sorted
          .map((value, index) => {
            const offset = (((index * GOLDEN_FRACTION) % 1) - 0.5) * spread;
            return dot(x(value), stripTop + DOT_STRIP / 2 + offset);
          })
          .join('')}</g>`,
      );
    }

    parts.push(`<g class="row">${rowParts.join('')}</g>`);
    y = stripTop + DOT_STRIP + ROW_GAP;
  }

  if (options.rows.length > 6) {
    parts.push(axisLabels(y + SMALL_SIZE - 4));
    y += SMALL_SIZE + 4;
  } else {
    y -= ROW_GAP;
  }

  return svgDocument({
    id: options.id,
    title: options.title,
    description: options.description,
    width,
    height: Math.ceil(y + 4),
    body: parts.join(''),
  });
}

/** A horizontal whisker from x1 to x2 with end caps. */
function whisker(x1: number, x2: number, y: number): string {
  const c = coordinate;
  return (
    `<path d="M${c(x1)} ${c(y)}H${c(x2)}M${c(x1)} ${c(y - 8)}V${c(y + 8)}M${c(x2)} ${c(y - 8)}V${c(y + 8)}"` +
    ` fill="none" stroke="${CHART_COLOURS.primary}" stroke-width="2"/>`
  );
}

/** One anonymous result. */
function dot(x: number, y: number): string {
  return `<circle cx="${coordinate(x)}" cy="${coordinate(y)}" r="${DOT_RADIUS}" fill="${CHART_COLOURS.primary}" fill-opacity="0.45"/>`;
}

/** Refuses statistics that cannot describe a box plot, naming the row and the broken order. */
function assertConsistent(row: DistributionRow): void {
  const { min, q1, median, q3, max, mean } = row.stats;
  const ordered = [min, q1, median, q3, max];
  if ([...ordered, mean].some((value) => !Number.isFinite(value))) {
    throw new Error(`distributionChart: row "${row.label}" has a statistic that is not a number`);
  }
  for (let index = 1; index < ordered.length; index += 1) {
    if ((ordered[index] ?? 0) < (ordered[index - 1] ?? 0)) {
      throw new Error(
        `distributionChart: row "${row.label}" needs min ≤ q1 ≤ median ≤ q3 ≤ max, got ${ordered.join(' / ')}`,
      );
    }
  }
}
