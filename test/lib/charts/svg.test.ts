import { describe, expect, it } from 'vitest';
import { chartIds, coordinate, escapeXml, safeId, svgDocument, text } from '../../../src/lib/charts/svg.ts';
import { estimateTextWidth, wrapText } from '../../../src/lib/charts/text-layout.ts';
import { HOSTILE, expectAccessibleFrame, parseSvg, texts } from './svg-test-helpers.ts';

describe('escapeXml', () => {
  it.each([
    ['<script>', '&lt;script&gt;'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['say "hi"', 'say &quot;hi&quot;'],
    ["l'école", 'l&#39;école'],
    ['&amp;', '&amp;amp;'],
  ])('escapes %s', (raw, escaped) => {
    expect(escapeXml(raw)).toBe(escaped);
  });
});

describe('coordinate', () => {
  it.each([
    [12.345, '12.3'],
    [12.36, '12.4'],
    [7, '7'],
    [-0.04, '0'],
    [-3.25, '-3.2'],
  ])('rounds %d to one decimal as %s', (value, written) => {
    expect(coordinate(value)).toBe(written);
  });

  it('refuses NaN, so a broken computation never reaches the SVG', () => {
    expect(() => coordinate(Number.NaN)).toThrow('chart coordinate must be a finite number, got NaN');
  });
});

describe('chart ids', () => {
  it('derives title and description ids from the caller id', () => {
    expect(chartIds('scores-bilbao')).toEqual({
      root: 'scores-bilbao',
      title: 'scores-bilbao-title',
      desc: 'scores-bilbao-desc',
    });
  });

  it('turns an unsafe id into a valid XML id', () => {
    expect(safeId('2024 résultats "x"')).toBe('chart-2024-r-sultats-x-');
    expect(safeId('a<b>')).toBe('a-b-');
  });
});

describe('svgDocument', () => {
  it('names the picture by its title and description and escapes both', () => {
    const svg = svgDocument({ id: 'demo', title: HOSTILE, description: HOSTILE, width: 480, height: 100, body: '' });
    expect(svg).not.toContain('<script');
    expectAccessibleFrame(svg, 'demo', { title: HOSTILE, description: HOSTILE });
  });

  it('escapes text content written through text()', () => {
    const svg = svgDocument({
      id: 'demo',
      title: 't',
      description: 'd',
      width: 480,
      height: 100,
      body: text(HOSTILE, { x: 0, y: 10, size: 17 }),
    });
    expect(texts(parseSvg(svg))).toEqual([HOSTILE]);
  });
});

describe('wrapText', () => {
  it('keeps a short label on one line', () => {
    expect(wrapText('Language', 400, 18)).toEqual(['Language']);
  });

  it('breaks a long label at spaces into lines that fit', () => {
    const label = 'Intelligence et compétences interculturelles dans les services municipaux';
    const lines = wrapText(label, 240, 18);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(label);
    for (const line of lines) expect(estimateTextWidth(line, 18)).toBeLessThanOrEqual(240);
  });

  it('keeps a single word longer than the width on its own line rather than splitting it', () => {
    expect(wrapText('Antidiskrimineringsarbeid ok', 60, 18)).toEqual(['Antidiskrimineringsarbeid', 'ok']);
  });

  it('never breaks at a no-break space and keeps it as it is', () => {
    const label = 'Moyenne des villes de 200\u202f000 habitants ou plus (N\u00a0=\u00a012)';
    const lines = wrapText(label, 120, 18);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines).toContain('200\u202f000');
    expect(lines.at(-1)).toMatch(/\(N\u00a0=\u00a012\)$/);
    expect(lines.join(' ')).toBe(label);
  });
});
