import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { create, type Font } from 'fontkitten';
import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, CardFontError, FOOTER_TOP, lineBudget, renderCard, renderCardSvg, textDirection, type CardInput } from '../../../src/lib/cards/render-card.ts';

const frame = { kicker: 'City profile', siteName: 'Intercultural Cities', footer: 'Council of Europe · Intercultural Cities programme', demoLabel: 'Demonstration content' };

/** One card per script member cities write their names in. */
const scripts: Record<string, CardInput> = {
  Cyrillic: { ...frame, title: 'Kharkiv', localTitle: 'Харків', subtitle: 'Member since 2020 · Ukraine' },
  Greek: { ...frame, title: 'Athens', localTitle: 'Αθήνα', subtitle: 'Ville membre depuis 2019 · Grèce' },
  Hangul: { ...frame, title: 'Ansan', localTitle: '안산', subtitle: 'Member since 2020 · South Korea' },
  Japanese: { ...frame, title: 'Hamamatsu', localTitle: '浜松', subtitle: 'Member since 2017 · Japan', tags: ['はままつ'] },
  Hebrew: { ...frame, title: 'Haifa', localTitle: 'חיפה', subtitle: 'Member since 2019 · Israel' },
  Arabic: { ...frame, title: 'Rabat / Marrakech', localTitle: 'الرباط / مراكش', subtitle: 'Membre depuis 2021 · Maroc' },
  Armenian: { ...frame, title: 'Yerevan', localTitle: 'Երևան', subtitle: 'Member city · Armenia' },
  Georgian: { ...frame, title: 'Tbilisi', localTitle: 'თბილისი', subtitle: 'Member city · Georgia' },
  'Latin Extended': { ...frame, kicker: 'Profil de ville', title: 'Łódź', localTitle: 'Reykjavík', subtitle: 'Membre depuis 2015 · Pologne' },
};

interface DrawnText {
  text: string;
  /** The font-family list of the element, lower-cased by satori. */
  families: string[];
  weight: number;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

/** The `<text>` elements satori lays out when fonts are not embedded: what it drew, where, in which font. */
function drawnTexts(svg: string): DrawnText[] {
  const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
  const unescape = (text: string) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map(([, tag, text]) => ({
    text: unescape(text!),
    families: attribute(tag!, 'font-family').split(','),
    weight: ({ normal: 400, bold: 700 } as Record<string, number>)[attribute(tag!, 'font-weight')] ?? Number(attribute(tag!, 'font-weight')),
    x: Number(attribute(tag!, 'x')),
    y: Number(attribute(tag!, 'y')),
    width: Number(attribute(tag!, 'width')),
    fontSize: Number(attribute(tag!, 'font-size')),
  }));
}

const fontCache = new Map<string, Font>();
function cmap(path: string): Font {
  let font = fontCache.get(path);
  if (!font) {
    const parsed = create(readFileSync(path));
    if (!('hasGlyphForCodePoint' in parsed)) throw new Error(`${path} is a collection`);
    font = parsed;
    fontCache.set(path, font);
  }
  return font;
}

describe('social cards in every script', () => {
  it.each(Object.entries(scripts))('draws every character of the %s card with a glyph from a font the card loaded', async (_script, card) => {
    const { svg, files } = await renderCardSvg(card, { embedFont: false });
    const drawn = drawnTexts(svg);
    // Arabic is drawn in its joined presentation forms, which NFKC maps back to the letters.
    expect(drawn.map((piece) => piece.text).join('').normalize('NFKC')).toContain(card.localTitle!.normalize('NFKC'));
    const missing: string[] = [];
    for (const piece of drawn) {
      // The fonts satori may draw this piece with: the loaded files of its font-family, at its weight.
      const usable = files.filter((file) => piece.families.includes(file.name.toLowerCase()) && file.weight === piece.weight);
      expect(usable.length).toBeGreaterThan(0);
      for (const character of piece.text.replace(/\s/g, '')) {
        if (!usable.some((file) => cmap(file.path).hasGlyphForCodePoint(character.codePointAt(0)!))) missing.push(`${character} in "${piece.text}" at ${piece.weight}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(scripts))('renders the %s card to a 1200×630 PNG', async (_script, card) => {
    const png = await renderCard(card);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
  });

  it('loads no CJK, Arabic or Hebrew file for a card that has none of those scripts', async () => {
    const { files } = await renderCardSvg(scripts.Cyrillic!);
    expect(new Set(files.map((file) => file.family))).toEqual(new Set(['Noto Sans']));
  });

  it('runs a right-to-left name from right to left: the first Arabic word is drawn right of the second', async () => {
    const { svg } = await renderCardSvg({ ...frame, title: 'Rabat', localTitle: 'الرباط مراكش' }, { embedFont: false });
    const drawn = drawnTexts(svg);
    const first = drawn.find((piece) => piece.text.normalize('NFKC') === 'الرباط')!;
    const second = drawn.find((piece) => piece.text.normalize('NFKC') === 'مراكش')!;
    expect(first.x).toBeGreaterThan(second.x);
    expect(second.x).toBeGreaterThanOrEqual(72);
  });

  it('refuses a character no bundled font draws, naming the card, the character and the fix', async () => {
    await expect(renderCard({ ...frame, title: 'Festival 🎉' })).rejects.toThrow(CardFontError);
    await expect(renderCard({ ...frame, title: 'Festival 🎉' })).rejects.toThrow(
      'social card "Festival 🎉": no bundled font draws "🎉" (U+1F389) in title. Remove or replace the character, or add a Noto font that has it to FONT_FAMILIES in src/lib/cards/card-fonts.ts',
    );
  });
});

describe('text direction', () => {
  it('follows the first letter, as dir="auto" does', () => {
    expect(textDirection('חיפה')).toBe('rtl');
    expect(textDirection('«الرباط» Rabat')).toBe('rtl');
    expect(textDirection('2024 Rabat الرباط')).toBe('ltr');
    expect(textDirection('…')).toBe('ltr');
  });
});

/** Pixels of a PNG, decoded by resvg from an SVG that shows it as an image. */
function pixels(png: Buffer): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}"><image href="data:image/png;base64,${png.toString('base64')}" width="${CARD_WIDTH}" height="${CARD_HEIGHT}"/></svg>`;
  return Buffer.from(new Resvg(svg).render().pixels);
}

describe('text too long for the card', () => {
  const long: CardInput = {
    ...frame,
    kicker: 'Good practice',
    title: 'An intercultural mediation service for newcomers, neighbours and public services, '.repeat(5),
    subtitle: 'Barcelona, Bilbao, Donostia / San Sebastián, Getxo, Castelló de la Plana, Fuenlabrada, Sabadell · Spain, '.repeat(3),
    tags: ['Mediation', 'Anti-rumours', 'Education and schools', 'Participation and citizenship'],
  };

  it('ends the title and the subtitle with "…" and keeps every line above the footer', async () => {
    const { svg } = await renderCardSvg(long, { embedFont: false });
    const drawn = drawnTexts(svg);
    const footer = drawn.filter((piece) => piece.y > FOOTER_TOP);
    expect(footer.map((piece) => piece.text).join('')).toBe(frame.footer);
    const above = drawn.filter((piece) => piece.y <= FOOTER_TOP);
    // A line's glyphs reach a third of the font size below its baseline at most (Noto's descent is 0.29 em).
    const low = above.filter((piece) => piece.y + piece.fontSize / 3 > FOOTER_TOP);
    expect(low).toEqual([]);
    const { titleSize } = lineBudget(long);
    const title = above.filter((piece) => piece.fontSize === titleSize);
    expect(title.at(-1)!.text).toMatch(/…$/);
    const subtitle = above.filter((piece) => piece.fontSize === 32);
    expect(subtitle.at(-1)!.text).toMatch(/…$/);
    expect(drawn.every((piece) => piece.x + piece.width <= CARD_WIDTH - 72 + 0.5)).toBe(true);
  });

  it('breaks a pasted address or an endless word inside the card, ending it with "…"', async () => {
    const unbroken: CardInput = { ...frame, title: `https://www.city.example.org/download.aspx?file=${'InterculturalStrategy2026Annex'.repeat(5)}`, subtitle: 'x'.repeat(300), tags: ['y'.repeat(200)] };
    const drawn = drawnTexts((await renderCardSvg(unbroken, { embedFont: false })).svg);
    expect(drawn.filter((piece) => piece.x + piece.width > CARD_WIDTH - 72 + 0.5).map((piece) => piece.text.slice(0, 20))).toEqual([]);
    expect(drawn.filter((piece) => piece.fontSize === 32).at(-1)!.text).toMatch(/…$/);
  });

  it('leaves the footer exactly as on a card with a short title', async () => {
    const short = pixels(await renderCard({ ...frame, kicker: 'Good practice', title: 'Anti-rumour agents', subtitle: 'Barcelona · Spain', tags: ['Mediation'] }));
    const crowded = pixels(await renderCard(long));
    const footerTop = Math.floor(FOOTER_TOP) - 2;
    const band = (image: Buffer) => image.subarray(footerTop * CARD_WIDTH * 4);
    expect(band(crowded).equals(band(short))).toBe(true);
  });

  it('gives the title up to three lines, fewer when subtitle, local name and tags need the room', () => {
    expect(lineBudget({ ...frame, title: 'Ansan' })).toMatchObject({ titleSize: 64, titleLines: 3, subtitleLines: 0 });
    expect(lineBudget(long)).toMatchObject({ titleSize: 46, subtitleLines: 1 });
    expect(lineBudget(long).titleLines).toBeGreaterThanOrEqual(2);
  });
});
