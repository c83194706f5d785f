/**
 * Estimates text widths and wraps labels for SVG, where text neither measures nor wraps itself.
 * Estimates err on the wide side so labels keep clear of one another in any common sans-serif.
 */

/**
 * Width of one character in em, by rough class. Measured on DejaVu Sans, the widest common
 * fallback of the site's system-ui stack (Arial/Liberation Sans run about 10% narrower).
 */
function characterWidth(character: string): number {
  if (/[\s.,:;'’|!ilIjtf()\[\]]/.test(character)) return 0.33;
  if (/[mwMW@]/.test(character)) return 0.93;
  if (/[A-Z]/.test(character)) return 0.7;
  if (/[0-9]/.test(character)) return 0.64;
  return 0.61;
}

/** Estimated rendered width of a text in user units at a font size (bold adds about 10%). */
export function estimateTextWidth(content: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const character of content) ems += characterWidth(character);
  return ems * fontSize * (bold ? 1.1 : 1);
}

/**
 * Splits a text into lines no wider than maxWidth, breaking at ordinary spaces only: no-break
 * spaces (French "200 000", "15 %", "N = 12") hold their words together. A single long word keeps
 * its own line.
 */
export function wrapText(content: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const words = content.trim().split(/[ \t\r\n]+/).filter((word) => word.length > 0);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && estimateTextWidth(candidate, fontSize, bold) > maxWidth) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines.length > 0 ? lines : [''];
}
