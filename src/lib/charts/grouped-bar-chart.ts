/**
 * Side-by-side bars for two to four cities per policy area (the compare page). Each city has its
 * own fill pattern as well as its own colour, and every bar carries its number, so the chart
 * reads without colour.
 */
import { legend } from './legend.ts';
import { CHART_COLOURS, assertPositiveMax, coordinate, defaultFormatValue, safeId, scaleLinear, svgDocument, text, ticks } from './svg.ts';
import { wrapText } from './text-layout.ts';

/** One policy area: a label and one value per series (null: not assessed). */
export interface GroupedBarRow {
  label: string;
  values: readonly (number | null)[];
}

export interface GroupedBarChartOptions {
  id: string;
  title: string;
  description: string;
  /** Series names (city names), in the order of `values`. At most four. */
  series: readonly string[];
  rows: readonly GroupedBarRow[];
  /** Text drawn where a value is null. */
  missingLabel: string;
  max?: number;
  formatValue?: (value: number) => string;
  width?: number;
}

const SERIES_COLOURS = ['#0b3a6e', '#c2410c', '#1f6f43', '#5b2a86'];
const LABEL_SIZE = 17;
// 17 units stay at 12 px or more when the 480-unit chart is drawn in a 360 px phone column.
const VALUE_SIZE = 17;
const BAR_HEIGHT = 18;
const BAR_GAP = 4;
const ROW_GAP = 18;

/** Pattern fills: solid, diagonal hatching, dots, cross-hatching. */
function patterns(root: string): string {
  const [navy, orange, green, purple] = SERIES_COLOURS;
  return (
    '<defs>' +
    `<pattern id="${root}-p1" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#fff"/><rect width="4" height="8" fill="${orange}"/></pattern>` +
    `<pattern id="${root}-p2" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/><circle cx="3" cy="3" r="2" fill="${green}"/></pattern>` +
    `<pattern id="${root}-p3" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${purple}"/><path d="M0 4h8M4 0v8" stroke="#fff" stroke-width="1.5"/></pattern>` +
    '</defs>' +
    `<!-- series 0 is solid ${navy} -->`
  );
}

function fill(root: string, index: number): string {
  return index === 0 ? SERIES_COLOURS[0]! : `url(#${root}-p${index})`;
}

/** Renders grouped horizontal bars as an SVG string. */
export function groupedBarChart(options: GroupedBarChartOptions): string {
  const max = options.max ?? 100;
  assertPositiveMax(max, 'groupedBarChart');
  if (options.series.length === 0 || options.series.length > 4) {
    throw new Error(`groupedBarChart: give one to four series, got ${options.series.length}`);
  }
  const format = options.formatValue ?? defaultFormatValue;
  const width = options.width ?? 480;
  const root = safeId(options.id);
  const trackStart = 4;
  const trackEnd = width - 44;
  const x = (value: number) => scaleLinear(value, max, trackStart, trackEnd);

  const parts: string[] = [patterns(root)];
  const key = legend(
    options.series.map((name, index) => ({
      symbol: (cx: number, cy: number) =>
        `<rect x="${coordinate(cx - 10)}" y="${coordinate(cy - 8)}" width="20" height="16" fill="${fill(root, index)}" stroke="${SERIES_COLOURS[index]}" stroke-width="1.5"/>`,
      symbolWidth: 20,
      label: name,
    })),
    { x: 0, y: 0, width, fontSize: LABEL_SIZE, lineHeight: 28 },
  );
  parts.push(key.svg);
  let y = key.height + 12;

  const axis = (top: number) =>
    ticks(max).map((tick) => text(format(tick), { x: x(tick), y: top, size: VALUE_SIZE, anchor: 'middle', fill: CHART_COLOURS.muted })).join('');
  parts.push(axis(y + VALUE_SIZE));
  y += VALUE_SIZE + 10;

  for (const row of options.rows) {
    const lines = wrapText(row.label, width, LABEL_SIZE, true);
    lines.forEach((line, index) => parts.push(text(line, { x: 0, y: y + LABEL_SIZE + index * (LABEL_SIZE + 4), size: LABEL_SIZE, weight: 'bold' })));
    y += lines.length * (LABEL_SIZE + 4) + 6;
    const groupHeight = options.series.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
    for (const tick of ticks(max)) {
      parts.push(`<line x1="${coordinate(x(tick))}" x2="${coordinate(x(tick))}" y1="${coordinate(y - 2)}" y2="${coordinate(y + groupHeight + 2)}" stroke="${CHART_COLOURS.grid}" stroke-width="1"/>`);
    }
    options.series.forEach((_, index) => {
      const top = y + index * (BAR_HEIGHT + BAR_GAP);
      const value = row.values[index] ?? null;
      if (value === null) {
        parts.push(text(options.missingLabel, { x: trackStart + 4, y: top + BAR_HEIGHT - 3, size: VALUE_SIZE, italic: true, fill: CHART_COLOURS.muted }));
        return;
      }
      const end = x(value);
      parts.push(
        `<rect x="${coordinate(trackStart)}" y="${coordinate(top)}" width="${coordinate(Math.max(end - trackStart, 0))}" height="${BAR_HEIGHT}" fill="${fill(root, index)}" stroke="${SERIES_COLOURS[index]}" stroke-width="1.5"/>`,
        text(format(value), { x: end + 5, y: top + BAR_HEIGHT - 3, size: VALUE_SIZE, weight: 'bold' }),
      );
    });
    y += groupHeight + ROW_GAP;
  }
  return svgDocument({ id: options.id, title: options.title, description: options.description, width, height: y, body: parts.join('') });
}
