/**
 * Shared primitives for the build-time SVG charts: escaping, number formatting for coordinates,
 * the accessible document frame and the house palette. Pure functions, no DOM.
 */

/** Colours of the charts: marks keep at least 3:1 against white, text at least 4.5:1. */
export const CHART_COLOURS = {
  /** Body text: labels, values, legend. */
  text: '#1b1f24',
  /** Secondary text: axis ticks, counts, missing-value notes (5.9:1 on white). */
  muted: '#545b66',
  /** Gridlines; decorative, every value is also printed. */
  grid: '#c9cfd8',
  /** Background of a bar track from 0 to the scale maximum. */
  track: '#eef1f5',
  /** The city's own marks: bars, lines, dots. */
  primary: '#0b3a6e',
  /** Light tint of the primary colour, for filled areas that sit behind other marks. */
  primaryTint: '#cfdcec',
} as const;

/** Colours for comparison markers, in the order they are handed out (each ≥ 3:1 on white). */
export const MARKER_COLOURS: readonly string[] = ['#c2410c', '#1f6f43', '#6b7280', '#7e22ce'];

/** Escapes text for use in SVG/XML text content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => {
    switch (character) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&#39;';
    }
  });
}

/** Formats a coordinate with at most one decimal, without "-0" or trailing zeros, to keep SVGs small. */
export function coordinate(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`chart coordinate must be a finite number, got ${value}`);
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** Formats a chart value when the caller gives no locale-aware formatter: whole numbers. */
export function defaultFormatValue(value: number): string {
  return String(Math.round(value));
}

/** Turns a caller's id into a safe XML id prefix (letters, digits, "-" and "_", starting with a letter). */
export function safeId(id: string): string {
  const cleaned = id.trim().replace(/[^A-Za-z0-9_-]+/g, '-');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `chart-${cleaned}`;
}

/** The ids of one chart's root, title and description, derived from the caller's id. */
export function chartIds(id: string): { root: string; title: string; desc: string } {
  const root = safeId(id);
  return { root, title: `${root}-title`, desc: `${root}-desc` };
}

/** Options of the accessible SVG frame shared by all charts. */
export interface SvgDocumentOptions {
  /** Prefix of every id in the chart; must be unique on the page. */
  id: string;
  /** Short accessible name of the chart (already translated). */
  title: string;
  /** Longer text alternative saying what the chart shows (already translated). */
  description: string;
  /** Width of the viewBox in user units; the SVG itself scales to 100% of its container. */
  width: number;
  /** Height of the viewBox in user units. */
  height: number;
  /** The chart's drawing, already escaped. */
  body: string;
  /** `img` for a static picture; `group` when the chart holds focusable links. */
  role?: 'img' | 'group';
  /** Extra CSS, scoped by the caller to `#<root id>`. */
  style?: string;
}

/** Wraps a drawing in an `<svg>` that scales with its container and is named by its title and description. */
export function svgDocument(options: SvgDocumentOptions): string {
  const ids = chartIds(options.id);
  const role = options.role ?? 'img';
  const style = options.style ? `<style>${options.style}</style>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="${ids.root}" viewBox="0 0 ${coordinate(options.width)} ${coordinate(options.height)}"` +
    ` width="100%" role="${role}" aria-labelledby="${ids.title}" aria-describedby="${ids.desc}"` +
    ` font-family="inherit" fill="${CHART_COLOURS.text}">` +
    `<title id="${ids.title}">${escapeXml(options.title)}</title>` +
    `<desc id="${ids.desc}">${escapeXml(options.description)}</desc>` +
    style +
    options.body +
    '</svg>'
  );
}

/** Attributes of a `<text>` element. */
export interface TextOptions {
  x: number;
  y: number;
  size: number;
  anchor?: 'start' | 'middle' | 'end';
  weight?: 'normal' | 'bold';
  italic?: boolean;
  fill?: string;
  /** Paints a white outline under the glyphs so the text stays legible over lines and marks. */
  halo?: boolean;
}

/** A `<text>` element whose content is escaped. */
export function text(content: string, options: TextOptions): string {
  const attributes = [`x="${coordinate(options.x)}"`, `y="${coordinate(options.y)}"`, `font-size="${options.size}"`];
  if (options.anchor && options.anchor !== 'start') attributes.push(`text-anchor="${options.anchor}"`);
  if (options.weight === 'bold') attributes.push('font-weight="700"');
  if (options.italic) attributes.push('font-style="italic"');
  if (options.fill) attributes.push(`fill="${options.fill}"`);
  if (options.halo) {
    attributes.push('stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"');
  }
  return `<text ${attributes.join(' ')}>${escapeXml(content)}</text>`;
}

/** Maps a value on 0..max to a position on start..end, clamping out-of-range values. */
export function scaleLinear(value: number, max: number, start: number, end: number): number {
  const clamped = Math.min(Math.max(value, 0), max);
  return start + (clamped / max) * (end - start);
}

/** Evenly spaced tick values from 0 to max (inclusive), e.g. 0/25/50/75/100. */
export function ticks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, index) => (max * index) / count);
}

/** Checks that a scale maximum is usable, with a message the caller can act on. */
export function assertPositiveMax(max: number, chart: string): void {
  if (!(Number.isFinite(max) && max > 0)) {
    throw new Error(`${chart}: "max" must be a positive number (the top of the scale), got ${max}`);
  }
}
