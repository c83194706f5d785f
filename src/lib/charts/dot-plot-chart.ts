/**
 * A dot plot of one city's Index scores against the averages it is compared with: one row per
 * policy area, every value a distinct shape on the same 0–max line.
 *
 * Values that sit close together would hide one another on one line, so markers that would touch
 * move down into a lane of their own (the city's dot always stays on the line), and the row grows
 * to hold them: at any values no marker covers another. Everything is laid out in viewBox units
 * and the SVG scales as a whole, so that holds at any width too. Shapes differ in outline as well
 * as fill (solid dot, bar, open diamond, solid triangle), so the chart reads in greyscale print.
 * The city's score (and its change since the previous edition, when given) is printed at the end
 * of each row's label line, so the main figure never needs the legend.
 * Never a ranking: one city against reference values, rows in the order the caller gives.
 */
import { legend } from './legend.ts';
import {
  CHART_COLOURS,
  MARKER_COLOURS,
  assertPositiveMax,
  coordinate,
  defaultFormatValue,
  escapeXml,
  scaleLinear,
  svgDocument,
  text,
  ticks,
} from './svg.ts';
import { estimateTextWidth, wrapText } from './text-layout.ts';

/** The shapes a dot-plot value can take; each series needs its own. */
export type DotShape = 'dot' | 'bar' | 'diamond' | 'triangle';

/** One series of values: the city itself (the first) or an average. */
export interface DotSeries {
  /** Key used by `DotRow.values`. */
  key: string;
  /** Legend text (translated), e.g. "Bilbao" or "Average of the 28 cities…". */
  label: string;
  shape: DotShape;
}

/** One policy area. */
export interface DotRow {
  label: string;
  /** Value per series key; missing or null values are not drawn. */
  values: Readonly<Record<string, number | null | undefined>>;
  /** Short text after the city's score, e.g. "+9 since 2014" (already translated). */
  change?: string;
  /** Sets the label in bold, e.g. for the overall Index above the policy areas. */
  emphasis?: boolean;
}

/** Input of `dotPlotChart`. */
export interface DotPlotOptions {
  /** Unique prefix of the ids in the chart. */
  id: string;
  title: string;
  description: string;
  /** The series; the first is the city, drawn on the line and printed at the end of each row. */
  series: readonly DotSeries[];
  rows: readonly DotRow[];
  /** Text shown in a row where the city has no value, e.g. "Not assessed". */
  missingLabel: string;
  /** Lines printed above the legend (e.g. city, edition, baseline in an embedded chart). */
  header?: readonly string[];
  /** Lines printed under the chart (e.g. "Not a ranking…" in an embedded chart). */
  footer?: readonly string[];
  /** Top of the scale (Index indicators are out of 100). */
  max?: number;
  formatValue?: (value: number) => string;
  /** Width of the viewBox; 480 keeps 17-unit text at 12 px or more on a 360 px wide column. */
  width?: number;
  /**
   * Puts each label in a column of this width to the left of its line instead of above it: a
   * shorter chart for wide media such as a printed A4 page. Omit it for phones.
   */
  labelColumn?: number;
}

const LABEL_SIZE = 18;
const SMALL_SIZE = 17;
const LINE = 22;
/** Height of one lane of markers. */
const LANE = 24;
const ROW_GAP = 14;
const INLINE_ROW_GAP = 8;
/** Least horizontal gap between two markers in the same lane. */
const MARKER_GAP = 3;

const SHAPE_COLOURS: Record<DotShape, string> = {
  dot: CHART_COLOURS.primary,
  bar: MARKER_COLOURS[0]!,
  diamond: MARKER_COLOURS[1]!,
  triangle: MARKER_COLOURS[3]!,
};

/** Half the width of a shape, in user units: markers closer than the sum of halves would touch. */
export function shapeHalfWidth(shape: DotShape): number {
  switch (shape) {
    case 'dot':
      return 9;
    case 'bar':
      return 3.5;
    case 'diamond':
      return 9;
    case 'triangle':
      return 9;
  }
}

/** One marker centred on (x, y); `data-shape` and `data-series` name it for tests and styles. */
function shapeAt(shape: DotShape, key: string, x: number, y: number): string {
  const colour = SHAPE_COLOURS[shape];
  const data = `data-shape="${shape}" data-series="${key}"`;
  switch (shape) {
    case 'dot':
      return `<circle cx="${coordinate(x)}" cy="${coordinate(y)}" r="8" fill="${colour}" stroke="#ffffff" stroke-width="1.5" ${data}/>`;
    case 'bar':
      return `<rect x="${coordinate(x - 2.5)}" y="${coordinate(y - 10)}" width="5" height="20" fill="${colour}" stroke="#ffffff" stroke-width="1" ${data}/>`;
    case 'diamond':
      return `<polygon points="${[
        [x, y - 8],
        [x + 8, y],
        [x, y + 8],
        [x - 8, y],
      ]
        .map(([px, py]) => `${coordinate(px!)},${coordinate(py!)}`)
        .join(' ')}" fill="#ffffff" stroke="${colour}" stroke-width="3" ${data}/>`;
    case 'triangle':
      return `<polygon points="${[
        [x, y - 8.5],
        [x + 8.5, y + 7],
        [x - 8.5, y + 7],
      ]
        .map(([px, py]) => `${coordinate(px!)},${coordinate(py!)}`)
        .join(' ')}" fill="${colour}" stroke="#ffffff" stroke-width="1.5" ${data}/>`;
  }
}

/** A placed marker: its series, centre and lane. */
export interface PlacedMarker {
  key: string;
  shape: DotShape;
  x: number;
  lane: number;
}

/**
 * Puts each marker in the first lane where it touches no marker already there, the first
 * series (the city) first so it always sits in lane 0, the others from left to right.
 */
export function assignLanes(
  markers: readonly { key: string; shape: DotShape; x: number }[],
): PlacedMarker[] {
  const [first, ...others] = markers;
  if (!first) return [];
  const order = [first, ...[...others].sort((a, b) => a.x - b.x)];
  const lanes: { start: number; end: number }[][] = [];
  const placed: PlacedMarker[] = [];
  for (const marker of order) {
    const half = shapeHalfWidth(marker.shape);
    const start = marker.x - half;
    const end = marker.x + half;
    let lane = 0;
    while (
      (lanes[lane] ?? []).some(
        (other) => start < other.end + MARKER_GAP && end > other.start - MARKER_GAP,
      )
    ) {
      lane += 1;
    }
    (lanes[lane] ??= []).push({ start, end });
    placed.push({ ...marker, lane });
  }
  return placed;
}

/** Renders the dot plot as an SVG string. */
export function dotPlotChart(options: DotPlotOptions): string {
  const max = options.max ?? 100;
  assertPositiveMax(max, 'dotPlotChart');
  const format = options.formatValue ?? defaultFormatValue;
  const width = options.width ?? 480;
  const [citySeries] = options.series;
  if (!citySeries) throw new Error('dotPlotChart: "series" needs at least the city series');
  checkSeries(options);

  const inline = options.labelColumn !== undefined;
  const labelColumn = options.labelColumn ?? width;
  const valueWidthOf = (row: DotRow): number => {
    const value = row.values[citySeries.key];
    if (typeof value !== 'number' || !Number.isFinite(value)) return estimateTextWidth(options.missingLabel, SMALL_SIZE);
    return (
      estimateTextWidth(format(value), LABEL_SIZE, true) +
      (row.change ? estimateTextWidth(` ${row.change}`, SMALL_SIZE) : 0)
    );
  };
  const valueColumn = inline ? Math.max(0, ...options.rows.map(valueWidthOf)) + 16 : 0;
  const trackStart = (inline ? labelColumn + 12 : 0) + estimateTextWidth(format(0), SMALL_SIZE) / 2 + 10;
  const trackEnd = width - valueColumn - estimateTextWidth(format(max), SMALL_SIZE) / 2 - 10;
  const x = (value: number): number => scaleLinear(value, max, trackStart, trackEnd);
  const tickValues = ticks(max);
  const parts: string[] = [];
  let y = 0;

  for (const [index, line] of (options.header ?? []).entries()) {
    for (const wrapped of wrapText(line, width, index === 0 ? LABEL_SIZE : SMALL_SIZE, index === 0)) {
      y += LINE;
      parts.push(
        text(wrapped, { x: 0, y: y - 5, size: index === 0 ? LABEL_SIZE : SMALL_SIZE, weight: index === 0 ? 'bold' : 'normal' }),
      );
    }
  }
  if (options.header?.length) y += 8;

  const legendBlock = legend(
    options.series.map((series) => ({
      symbol: (cx: number, cy: number) => shapeAt(series.shape, `legend-${series.key}`, cx, cy),
      symbolWidth: 20,
      label: series.label,
    })),
    { x: 0, y, width, fontSize: SMALL_SIZE, lineHeight: 28 },
  );
  parts.push(legendBlock.svg);
  y += legendBlock.height + 10;

  const axisLabels = (baseline: number): string =>
    `<g class="axis" fill="${CHART_COLOURS.muted}">${tickValues
      .map((tick) => text(format(tick), { x: x(tick), y: baseline, size: SMALL_SIZE, anchor: 'middle' }))
      .join('')}</g>`;
  parts.push(axisLabels(y + SMALL_SIZE));
  y += SMALL_SIZE + 10;

  for (const row of options.rows) {
    const cityValue = row.values[citySeries.key];
    const hasValue = typeof cityValue === 'number' && Number.isFinite(cityValue);
    const valueLabel = hasValue ? format(cityValue) : '';
    const changeLabel = hasValue && row.change ? ` ${row.change}` : '';
    const valueWidth =
      estimateTextWidth(valueLabel, LABEL_SIZE, true) + estimateTextWidth(changeLabel, SMALL_SIZE);
    const lines = wrapText(row.label, inline ? labelColumn : width - valueWidth - 12, LABEL_SIZE, row.emphasis);
    // Stacked: the label line sits above the markers. Inline: beside them, on the line's height.
    const firstBaseline = inline ? y + LANE / 2 + LABEL_SIZE * 0.35 : y + LABEL_SIZE - 2;
    const rowParts: string[] = [];
    lines.forEach((line, index) => {
      rowParts.push(
        text(line, { x: 0, y: firstBaseline + index * LINE, size: LABEL_SIZE, weight: row.emphasis ? 'bold' : 'normal' }),
      );
    });
    if (hasValue) {
      // The value and its change share the label's first line, right-aligned: read without the legend.
      rowParts.push(
        `<text x="${coordinate(width)}" y="${coordinate(firstBaseline)}" text-anchor="end" class="value">` +
          `<tspan font-size="${LABEL_SIZE}" font-weight="700">${escapeXml(valueLabel)}</tspan>` +
          (changeLabel
            ? `<tspan font-size="${SMALL_SIZE}" fill="${CHART_COLOURS.muted}">${escapeXml(changeLabel)}</tspan>`
            : '') +
          '</text>',
      );
    }
    const laneTop = inline ? y : y + lines.length * LINE + 6;
    const markers = options.series
      .map((series) => ({ series, value: row.values[series.key] }))
      .filter((entry): entry is { series: DotSeries; value: number } =>
        typeof entry.value === 'number' && Number.isFinite(entry.value),
      )
      .map(({ series, value }) => ({ key: series.key, shape: series.shape, x: x(value), value }));
    // The city's dot is placed first so that it keeps lane 0; a missing city value leaves lane 0 to the others.
    const placed = assignLanes(hasValue ? markers : markers.filter((marker) => marker.key !== citySeries.key));
    const laneCount = Math.max(1, ...placed.map((marker) => marker.lane + 1));
    const lineY = laneTop + LANE / 2;
    const laneBottom = laneTop + laneCount * LANE;

    rowParts.push(
      `<g class="grid" stroke="${CHART_COLOURS.grid}" stroke-width="1">${tickValues
        .map(
          (tick) =>
            `<line x1="${coordinate(x(tick))}" x2="${coordinate(x(tick))}" y1="${coordinate(laneTop)}" y2="${coordinate(laneBottom)}"/>`,
        )
        .join('')}</g>`,
    );
    rowParts.push(
      `<line class="track" x1="${coordinate(trackStart)}" x2="${coordinate(trackEnd)}" y1="${coordinate(lineY)}" y2="${coordinate(lineY)}" stroke="${CHART_COLOURS.muted}" stroke-width="1.5"/>`,
    );
    if (!hasValue) {
      rowParts.push(
        `<g class="missing">${text(options.missingLabel, {
          x: width,
          y: firstBaseline,
          size: SMALL_SIZE,
          anchor: 'end',
          italic: true,
          fill: CHART_COLOURS.muted,
        })}</g>`,
      );
    }
    for (const marker of placed) {
      const centre = laneTop + LANE * (marker.lane + 0.5);
      if (marker.lane > 0) {
        // A moved marker keeps a thin stem to the line, so its value still reads off the axis.
        rowParts.push(
          `<line class="stem" x1="${coordinate(marker.x)}" x2="${coordinate(marker.x)}" y1="${coordinate(lineY)}" y2="${coordinate(centre)}" stroke="${CHART_COLOURS.muted}" stroke-width="1"/>`,
        );
      }
      rowParts.push(shapeAt(marker.shape, marker.key, marker.x, centre));
    }
    parts.push(`<g class="row" data-lanes="${laneCount}">${rowParts.join('')}</g>`);
    // Inline rows sit closer: each has its own label beside it, so no gap is needed to pair them.
    y = Math.max(laneBottom, inline ? y + (lines.length - 1) * LINE + LANE : 0) + (inline ? INLINE_ROW_GAP : ROW_GAP);
  }

  if (options.rows.length > 6) {
    parts.push(axisLabels(y + SMALL_SIZE - 4));
    y += SMALL_SIZE + 4;
  } else {
    y -= inline ? INLINE_ROW_GAP : ROW_GAP;
  }

  if (options.footer?.length) {
    y += 12;
    for (const line of options.footer) {
      for (const wrapped of wrapText(line, width, SMALL_SIZE)) {
        y += LINE;
        parts.push(text(wrapped, { x: 0, y: y - 5, size: SMALL_SIZE, fill: CHART_COLOURS.muted }));
      }
    }
  }

  return svgDocument({
    id: options.id,
    title: options.title,
    description: options.description,
    width,
    height: Math.ceil(y + 6),
    body: parts.join(''),
  });
}

/** Refuses series that share a shape (told apart by colour alone) and rows naming unknown series. */
function checkSeries(options: DotPlotOptions): void {
  const seen = new Map<DotShape, string>();
  for (const series of options.series) {
    const other = seen.get(series.shape);
    if (other !== undefined) {
      throw new Error(
        `dotPlotChart: series "${other}" and "${series.key}" both use the shape "${series.shape}"; ` +
          'give each series its own shape so the chart does not rely on colour alone',
      );
    }
    seen.set(series.shape, series.key);
  }
  for (const row of options.rows) {
    for (const key of Object.keys(row.values)) {
      if (!options.series.some((series) => series.key === key)) {
        throw new Error(
          `dotPlotChart: row "${row.label}" has a value for "${key}", which "series" does not describe ` +
            `(known keys: ${options.series.map((series) => series.key).join(', ')})`,
        );
      }
    }
  }
}
