/**
 * A city's Index scores per policy area as horizontal bars, with comparison values (sample mean,
 * peer-group means) as shaped markers on the same 0–max track. Never a ranking: one city against
 * reference values, one row per policy area in the order the caller gives.
 */
import { legend } from './legend.ts';
import { marker, markerHalfWidth, type MarkerShape } from './shapes.ts';
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

/** One policy area: the city's score and the comparison values drawn over it. */
export interface ComparisonRow {
  /** Name of the policy area (translated). */
  label: string;
  /** The city's score, or null when the city has no score for this area. */
  value: number | null;
  /** Comparison values keyed like `markerLegend`; null ones are not drawn. */
  markers: readonly { key: string; value: number | null }[];
  /** Sets the label in bold, e.g. for the overall result above the policy areas. */
  emphasis?: boolean;
}

/** How one kind of comparison value is drawn and named. */
export interface ComparisonMarker {
  /** Key used by `ComparisonRow.markers`. */
  key: string;
  /** Legend text (translated), e.g. "Mean of all cities". */
  label: string;
  /** Shape of the marker; each kind needs its own shape. */
  shape: MarkerShape;
  /** Fill colour; defaults to the house marker palette in order. */
  colour?: string;
}

/** Input of `comparisonChart`. */
export interface ComparisonChartOptions {
  /** Unique prefix of the ids in the chart. */
  id: string;
  title: string;
  description: string;
  rows: readonly ComparisonRow[];
  markerLegend: readonly ComparisonMarker[];
  /** Legend text for the bars, e.g. the city's name. */
  valueLabel: string;
  /** Text shown in a row whose score is null, e.g. "Not assessed". */
  missingLabel: string;
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
const BAR_HEIGHT = 22;
const LANE_HEIGHT = 30;
const ROW_GAP = 16;
const MARKER_SIZE = 18;

/** Renders a horizontal bar chart of one city's scores with comparison markers, as an SVG string. */
export function comparisonChart(options: ComparisonChartOptions): string {
  const max = options.max ?? 100;
  assertPositiveMax(max, 'comparisonChart');
  const format = options.formatValue ?? defaultFormatValue;
  const width = options.width ?? 480;
  const markerKinds = resolveMarkers(options.markerLegend);

  const trackStart = estimateTextWidth(format(0), SMALL_SIZE) / 2 + 4;
  const valueReserve = estimateTextWidth(format(max), SMALL_SIZE, true) + 14;
  const trackEnd = width - valueReserve;
  const x = (value: number): number => scaleLinear(value, max, trackStart, trackEnd);
  const tickValues = ticks(max);

  const parts: string[] = [];
  let y = 0;

  const legendBlock = legend(
    [
      {
        symbol: (cx, cy) =>
          `<rect x="${coordinate(cx - 13)}" y="${coordinate(cy - 8)}" width="26" height="16" fill="${CHART_COLOURS.primary}"/>`,
        symbolWidth: 26,
        label: options.valueLabel,
      },
      ...markerKinds.map((kind) => ({
        symbol: (cx: number, cy: number) =>
          marker(kind.shape, cx, cy, { colour: kind.colour, size: MARKER_SIZE - 2 }),
        symbolWidth: 20,
        label: kind.label,
      })),
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
    const lines = wrapText(row.label, width, LABEL_SIZE, row.emphasis);
    const rowParts: string[] = [];
    lines.forEach((line, index) => {
      rowParts.push(
        text(line, {
          x: 0,
          y: y + LABEL_SIZE - 2 + index * LABEL_LINE,
          size: LABEL_SIZE,
          weight: row.emphasis ? 'bold' : 'normal',
        }),
      );
    });
    const laneTop = y + lines.length * LABEL_LINE + 4;
    const middle = laneTop + LANE_HEIGHT / 2;
    const barTop = middle - BAR_HEIGHT / 2;

    rowParts.push(
      `<rect class="track" x="${coordinate(trackStart)}" y="${coordinate(barTop)}" width="${coordinate(trackEnd - trackStart)}" height="${BAR_HEIGHT}" fill="${CHART_COLOURS.track}"/>`,
    );
    rowParts.push(
      `<g class="grid" stroke="${CHART_COLOURS.grid}" stroke-width="1">${tickValues
        .map(
          (tick) =>
            `<line x1="${coordinate(x(tick))}" x2="${coordinate(x(tick))}" y1="${coordinate(laneTop)}" y2="${coordinate(laneTop + LANE_HEIGHT)}"/>`,
        )
        .join('')}</g>`,
    );

    const drawnMarkers: { x: number; half: number }[] = [];
    const markerParts: string[] = [];
    const placed = markerKinds
      .map((kind) => ({ kind, value: row.markers.find((candidate) => candidate.key === kind.key)?.value ?? null }))
      .filter((entry): entry is { kind: Required<ComparisonMarker>; value: number } => entry.value !== null && Number.isFinite(entry.value))
      .map((entry) => ({ ...entry, x: x(entry.value) }));
    // Solid shapes at similar values would hide one another: those that touch are drawn smaller,
    // one above the other in the lane, so every comparison stays visible.
    const solid = placed.filter((entry) => entry.kind.shape !== 'line');
    const full = markerHalfWidth('diamond', MARKER_SIZE);
    const crowded = solid.filter((entry) => solid.some((other) => other !== entry && Math.abs(other.x - entry.x) < 2 * full));
    const compactSize = Math.floor(LANE_HEIGHT / Math.max(crowded.length, 1)) - 2;
    // Thin line markers go on top so a solid shape at a similar value cannot hide them.
    for (const entry of [...placed].sort((a, b) => Number(a.kind.shape === 'line') - Number(b.kind.shape === 'line'))) {
      const slot = crowded.indexOf(entry);
      const size = slot >= 0 ? compactSize : MARKER_SIZE;
      const centre = slot >= 0 ? laneTop + (LANE_HEIGHT / crowded.length) * (slot + 0.5) : middle;
      markerParts.push(marker(entry.kind.shape, entry.x, centre, { colour: entry.kind.colour, size }));
      drawnMarkers.push({ x: entry.x, half: markerHalfWidth(entry.kind.shape, size) });
    }
    for (const candidate of row.markers) {
      if (!markerKinds.some((kind) => kind.key === candidate.key)) {
        throw new Error(
          `comparisonChart: row "${row.label}" has a marker "${candidate.key}" that markerLegend does not describe ` +
            `(known keys: ${markerKinds.map((kind) => kind.key).join(', ') || 'none'})`,
        );
      }
    }

    if (row.value === null || !Number.isFinite(row.value)) {
      rowParts.push(
        `<g class="missing">${text(options.missingLabel, {
          x: trackStart + 8,
          y: middle + SMALL_SIZE * 0.35,
          size: SMALL_SIZE,
          italic: true,
          fill: CHART_COLOURS.muted,
        })}</g>`,
      );
      rowParts.push(markerParts.join(''));
    } else {
      const barEnd = x(row.value);
      rowParts.push(
        `<rect class="bar" x="${coordinate(trackStart)}" y="${coordinate(barTop)}" width="${coordinate(barEnd - trackStart)}" height="${BAR_HEIGHT}" fill="${CHART_COLOURS.primary}" data-value="${row.value}"/>`,
      );
      rowParts.push(markerParts.join(''));
      rowParts.push(valueText(format(row.value), barEnd, trackStart, middle, width, drawnMarkers));
    }

    parts.push(`<g class="row">${rowParts.join('')}</g>`);
    y = laneTop + LANE_HEIGHT + ROW_GAP;
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

/** Assigns colours to the marker kinds and refuses kinds that could only be told apart by colour. */
function resolveMarkers(kinds: readonly ComparisonMarker[]): Required<ComparisonMarker>[] {
  const seenShapes = new Map<MarkerShape, string>();
  return kinds.map((kind, index) => {
    const other = seenShapes.get(kind.shape);
    if (other !== undefined) {
      throw new Error(
        `comparisonChart: markers "${other}" and "${kind.key}" both use the shape "${kind.shape}"; ` +
          'give each comparison its own shape so the chart does not rely on colour alone',
      );
    }
    seenShapes.set(kind.shape, kind.key);
    return { ...kind, colour: kind.colour ?? MARKER_COLOURS[index % MARKER_COLOURS.length] ?? CHART_COLOURS.text };
  });
}

/**
 * Prints the score at the end of its bar, clear of the markers: just after the bar end if free,
 * else inside the bar end in white, else after the markers that sit beyond the bar end.
 */
function valueText(
  label: string,
  barEnd: number,
  trackStart: number,
  middle: number,
  width: number,
  markers: readonly { x: number; half: number }[],
): string {
  const labelWidth = estimateTextWidth(label, SMALL_SIZE, true);
  const baseline = middle + SMALL_SIZE * 0.35;
  const clear = 3;
  const overlaps = (start: number, end: number): { x: number; half: number } | undefined =>
    markers.find((m) => m.x + m.half + clear > start && m.x - m.half - clear < end);

  const outside = barEnd + 6;
  if (outside + labelWidth <= width && !overlaps(outside, outside + labelWidth)) {
    return text(label, { x: outside, y: baseline, size: SMALL_SIZE, weight: 'bold' });
  }
  const insideEnd = barEnd - 6;
  if (insideEnd - labelWidth >= trackStart + 4 && !overlaps(insideEnd - labelWidth, insideEnd)) {
    return text(label, { x: insideEnd, y: baseline, size: SMALL_SIZE, weight: 'bold', anchor: 'end', fill: '#ffffff' });
  }
  let start = outside;
  for (let attempt = 0; attempt <= markers.length; attempt += 1) {
    const hit = overlaps(start, start + labelWidth);
    if (!hit) break;
    start = hit.x + hit.half + clear + 1;
  }
  if (start + labelWidth <= width && !overlaps(start, start + labelWidth)) {
    return text(label, { x: start, y: baseline, size: SMALL_SIZE, weight: 'bold' });
  }
  return text(label, { x: width, y: baseline, size: SMALL_SIZE, weight: 'bold', anchor: 'end' });
}
