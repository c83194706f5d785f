/**
 * Marker shapes for comparison values. Every marker differs by shape as well as colour, so a
 * chart reads in greyscale, and carries a white outline so it stays visible over a dark bar.
 */
import { coordinate } from './svg.ts';

/** The shapes a comparison marker can take. */
export type MarkerShape = 'line' | 'diamond' | 'triangle' | 'circle';

/** Every marker shape, in the order they are handed out when a caller does not choose. */
export const MARKER_SHAPES: readonly MarkerShape[] = ['line', 'diamond', 'triangle', 'circle'];

/** Drawing options of one marker. */
export interface MarkerOptions {
  /** Fill colour (≥ 3:1 against white). */
  colour: string;
  /** Height of the marker in user units; other dimensions follow. */
  size?: number;
  /** Colour of the outline that separates the marker from what lies under it. */
  outline?: string;
}

function points(pairs: readonly (readonly [number, number])[]): string {
  return pairs.map(([x, y]) => `${coordinate(x)},${coordinate(y)}`).join(' ');
}

/** One marker of the given shape centred on (x, y); `data-shape` names the shape for tests and styling. */
export function marker(shape: MarkerShape, x: number, y: number, options: MarkerOptions): string {
  const size = options.size ?? 18;
  const outline = options.outline ?? '#ffffff';
  const paint = `fill="${options.colour}" stroke="${outline}" stroke-width="1.5" data-shape="${shape}"`;
  const half = size / 2;
  switch (shape) {
    case 'line':
      return `<rect x="${coordinate(x - 2.5)}" y="${coordinate(y - half - 3)}" width="5" height="${coordinate(size + 6)}" ${paint}/>`;
    case 'diamond':
      return `<polygon points="${points([
        [x, y - half - 1],
        [x + half + 1, y],
        [x, y + half + 1],
        [x - half - 1, y],
      ])}" ${paint}/>`;
    case 'triangle':
      return `<polygon points="${points([
        [x, y - half - 1],
        [x + half + 1, y + half * 0.8],
        [x - half - 1, y + half * 0.8],
      ])}" ${paint}/>`;
    case 'circle':
      return `<circle cx="${coordinate(x)}" cy="${coordinate(y)}" r="${coordinate(half * 0.8)}" ${paint}/>`;
  }
}

/** Horizontal half-extent of a marker, used to keep printed values clear of it. */
export function markerHalfWidth(shape: MarkerShape, size = 18): number {
  return shape === 'line' ? 4 : size / 2 + 2;
}
