/** A legend that flows its entries into as many lines as the chart width needs. */
import { estimateTextWidth } from './text-layout.ts';
import { text } from './svg.ts';

/** One legend entry: a symbol drawn by the chart and its (already translated) label. */
export interface LegendEntry {
  /** Draws the symbol centred on (x, y). */
  symbol: (x: number, y: number) => string;
  /** Width the symbol needs, in user units. */
  symbolWidth: number;
  label: string;
}

/** Layout of the legend. */
export interface LegendOptions {
  x: number;
  /** Top of the legend. */
  y: number;
  /** Width available for the legend. */
  width: number;
  fontSize: number;
  lineHeight: number;
}

/** Draws the legend and says how tall it turned out. */
export function legend(entries: readonly LegendEntry[], options: LegendOptions): { svg: string; height: number } {
  const gapAfterSymbol = 8;
  const gapBetweenEntries = 22;
  let x = options.x;
  let line = 0;
  const parts: string[] = [];
  for (const entry of entries) {
    const entryWidth =
      entry.symbolWidth + gapAfterSymbol + estimateTextWidth(entry.label, options.fontSize);
    if (x > options.x && x + entryWidth > options.x + options.width) {
      line += 1;
      x = options.x;
    }
    const middle = options.y + line * options.lineHeight + options.lineHeight / 2;
    parts.push(
      `<g>${entry.symbol(x + entry.symbolWidth / 2, middle)}` +
        text(entry.label, {
          x: x + entry.symbolWidth + gapAfterSymbol,
          y: middle + options.fontSize * 0.35,
          size: options.fontSize,
        }) +
        '</g>',
    );
    x += entryWidth + gapBetweenEntries;
  }
  const height = entries.length > 0 ? (line + 1) * options.lineHeight : 0;
  return { svg: parts.length > 0 ? `<g class="legend">${parts.join('')}</g>` : '', height };
}
