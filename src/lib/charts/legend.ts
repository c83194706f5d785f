/** A legend that flows its entries into as many lines as the chart width needs. */
import { estimateTextWidth, wrapText } from './text-layout.ts';
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
  /** Distance between the lines of one wrapped label: closer than between entries, so it reads as one. */
  const wrappedLine = Math.round(options.fontSize * 1.25);
  let x = options.x;
  /** Top of the current legend line. */
  let top = options.y;
  /** Height of the current legend line (grows when a label wraps). */
  let lineHeight = options.lineHeight;
  const parts: string[] = [];
  for (const entry of entries) {
    // A label too long for the chart wraps under itself, on a legend line of its own.
    const labelRoom = options.width - entry.symbolWidth - gapAfterSymbol;
    const lines = wrapText(entry.label, labelRoom, options.fontSize);
    const labelWidth = Math.max(...lines.map((content) => estimateTextWidth(content, options.fontSize)));
    const entryWidth = entry.symbolWidth + gapAfterSymbol + labelWidth;
    if (x > options.x && (lines.length > 1 || x + entryWidth > options.x + options.width)) {
      top += lineHeight;
      lineHeight = options.lineHeight;
      x = options.x;
    }
    const middle = top + options.lineHeight / 2;
    parts.push(
      `<g>${entry.symbol(x + entry.symbolWidth / 2, middle)}` +
        lines
          .map((content, index) =>
            text(content, {
              x: x + entry.symbolWidth + gapAfterSymbol,
              y: middle + options.fontSize * 0.35 + index * wrappedLine,
              size: options.fontSize,
            }),
          )
          .join('') +
        '</g>',
    );
    if (lines.length > 1) {
      // Nothing shares the line of a wrapped label.
      lineHeight = options.lineHeight + (lines.length - 1) * wrappedLine;
      x = options.x + options.width;
    } else {
      x += entryWidth + gapBetweenEntries;
    }
  }
  const height = entries.length > 0 ? top + lineHeight - options.y : 0;
  return { svg: parts.length > 0 ? `<g class="legend">${parts.join('')}</g>` : '', height };
}
