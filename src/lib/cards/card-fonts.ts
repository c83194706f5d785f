/**
 * Which fonts a social card needs. Member cities write their names in Latin, Cyrillic, Greek,
 * Hangul, Japanese, Hebrew and Arabic (and Armenian and Georgian may come); the Noto families from @fontsource draw all of them, but
 * the CJK ones come as ~120 subset files per weight, so a card loads only the subset files that
 * hold its characters: each package's unicode.json (the unicode-range of its @font-face rules)
 * names the candidate file for a character, and that file's own character map (cmap) has the last
 * word, so a range that promises more than the file holds never leaves an empty box (tofu).
 * A character no family draws is reported, never silently dropped.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkitten';

export type FontWeight = 400 | 700;

/** A piece of card text drawn at one weight; `field` names it in error messages. */
export interface CardText {
  field: string;
  text: string;
  weight: FontWeight;
}

/** A font as satori takes it. */
export interface CardFont {
  name: string;
  data: Buffer;
  weight: FontWeight;
  style: 'normal';
}

/** One subset file of one family, at one weight. */
export interface FontFile {
  /** Unique name given to satori, e.g. "Noto Sans JP 103". */
  name: string;
  family: string;
  subset: string;
  weight: FontWeight;
  /** Absolute path of the .woff file (satori reads WOFF, not WOFF2). */
  path: string;
}

export interface MissingGlyph {
  field: string;
  character: string;
  /** "U+1F642" */
  codePoint: string;
}

export interface FontChoice {
  /** The files the card needs, in fallback order. */
  files: FontFile[];
  fonts: CardFont[];
  /** CSS font-family value listing `files` in fallback order. */
  fontFamily: string;
  missing: MissingGlyph[];
}

/** Families in fallback order; Noto Sans first, so Latin, Greek and Cyrillic come from it. */
export const FONT_FAMILIES = [
  { family: 'Noto Sans', package: '@fontsource/noto-sans' },
  { family: 'Noto Sans Arabic', package: '@fontsource/noto-sans-arabic' },
  { family: 'Noto Sans Hebrew', package: '@fontsource/noto-sans-hebrew' },
  // Council of Europe member states with scripts of their own.
  { family: 'Noto Sans Armenian', package: '@fontsource/noto-sans-armenian' },
  { family: 'Noto Sans Georgian', package: '@fontsource/noto-sans-georgian' },
  { family: 'Noto Sans JP', package: '@fontsource/noto-sans-jp' },
  { family: 'Noto Sans KR', package: '@fontsource/noto-sans-kr' },
] as const;

type CodeRange = readonly [number, number];

/** Parses a CSS unicode-range value ("U+0000-00FF,U+0131,U+4??") into inclusive ranges. */
export function parseUnicodeRange(value: string): CodeRange[] {
  return value.split(',').map((part) => {
    const match = /^\s*U\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?\s*$/i.exec(part);
    const first = match?.[1];
    const last = match?.[2];
    if (!first || (last && first.includes('?'))) throw new Error(`"${part.trim()}" is not a unicode-range item like U+0400-045F or U+4??`);
    if (first.includes('?')) return [parseInt(first.replaceAll('?', '0'), 16), parseInt(first.replaceAll('?', 'f'), 16)] as const;
    return [parseInt(first, 16), parseInt(last ?? first, 16)] as const;
  });
}

const require = createRequire(import.meta.url);

interface Subset {
  family: string;
  packageName: string;
  subset: string;
  ranges: CodeRange[];
}

let subsets: Subset[] | undefined;
/** Every subset of every family, in fallback order, read once from the packages' unicode.json. */
function allSubsets(): Subset[] {
  subsets ??= FONT_FAMILIES.flatMap(({ family, package: packageName }) => {
    const ranges = JSON.parse(readFileSync(require.resolve(`${packageName}/unicode.json`), 'utf8')) as Record<string, string>;
    // "latin" first inside a family: the common case is then found at once.
    const keys = Object.keys(ranges).sort((a, b) => Number(b === 'latin') - Number(a === 'latin'));
    return keys.map((key) => ({ family, packageName, subset: key.replace(/^\[(\d+)\]$/, '$1'), ranges: parseUnicodeRange(ranges[key]!) }));
  });
  return subsets;
}

const inRanges = (ranges: CodeRange[], codePoint: number) => ranges.some(([first, last]) => codePoint >= first && codePoint <= last);

const fileCache = new Map<string, { data: Buffer; font: Font }>();
function readFont(path: string) {
  let entry = fileCache.get(path);
  if (!entry) {
    const data = readFileSync(path);
    const font = create(data);
    if (!('hasGlyphForCodePoint' in font)) throw new Error(`${path} is a font collection, not a single font`);
    entry = { data, font };
    fileCache.set(path, entry);
  }
  return entry;
}

function fileOf(subset: Subset, weight: FontWeight): FontFile {
  const id = subset.packageName.replace('@fontsource/', '');
  return {
    name: `${subset.family} ${subset.subset}`,
    family: subset.family,
    subset: subset.subset,
    weight,
    path: require.resolve(`${subset.packageName}/files/${id}-${subset.subset}-${weight}-normal.woff`),
  };
}

/** Characters that draw nothing (controls, joiners, variation selectors) need no glyph. */
const INVISIBLE = /[\p{Cc}\p{Default_Ignorable_Code_Point}]/u;

/**
 * Han characters are shared by Japanese and Korean but drawn differently: a card with Hangul
 * and no kana takes them from Noto Sans KR, any other card from Noto Sans JP.
 */
function familyOrder(texts: CardText[]): string[] {
  const all = texts.map((piece) => piece.text).join('');
  const korean = /\p{Script=Hangul}/u.test(all) && !/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(all);
  const order: string[] = FONT_FAMILIES.map(({ family }) => family);
  return korean ? [...order.filter((family) => family !== 'Noto Sans JP'), 'Noto Sans JP'] : order;
}

/** The fonts that draw every character of `texts`, and the characters none of them draws. */
export function chooseFonts(texts: CardText[]): FontChoice {
  const order = familyOrder(texts);
  const candidates = [...allSubsets()].sort((a, b) => order.indexOf(a.family) - order.indexOf(b.family));
  const chosen = new Map<string, FontFile>();
  const missing: MissingGlyph[] = [];
  const seen = new Set<string>();
  for (const { field, text, weight } of texts) {
    for (const character of new Set(text)) {
      if (INVISIBLE.test(character) || seen.has(`${weight}:${character}`)) continue;
      seen.add(`${weight}:${character}`);
      const codePoint = character.codePointAt(0)!;
      const subset = candidates.find((candidate) => inRanges(candidate.ranges, codePoint) && readFont(fileOf(candidate, weight).path).font.hasGlyphForCodePoint(codePoint));
      if (!subset) {
        missing.push({ field, character, codePoint: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}` });
        continue;
      }
      const file = fileOf(subset, weight);
      chosen.set(file.path, file);
    }
  }
  // Fallback order: family order first, then the order of subsets inside a family.
  const files = [...chosen.values()].sort((a, b) => candidates.findIndex((s) => s.family === a.family && s.subset === a.subset) - candidates.findIndex((s) => s.family === b.family && s.subset === b.subset));
  const names = [...new Set(files.map((file) => file.name))];
  return { files, fonts: satoriFonts(files), fontFamily: names.map((name) => `'${name}'`).join(', '), missing };
}

const fontSets = new Map<string, CardFont[]>();
/** One array per set of files, so satori, which keeps parsed fonts per array, parses each set once. */
function satoriFonts(files: FontFile[]): CardFont[] {
  const key = files.map((file) => `${file.path}`).join('\n');
  let fonts = fontSets.get(key);
  if (!fonts) {
    fonts = files.map((file) => ({ name: file.name, data: readFont(file.path).data, weight: file.weight, style: 'normal' as const }));
    fontSets.set(key, fonts);
  }
  return fonts;
}

const drawable = new Map<string, boolean>();
/** The characters of `text` that no bundled font draws, each once (for the content check). */
export function undrawableCharacters(text: string): MissingGlyph[] {
  const missing: MissingGlyph[] = [];
  for (const character of new Set(text)) {
    let known = drawable.get(character);
    if (known === undefined) {
      known = chooseFonts([{ field: '', text: character, weight: 400 }]).missing.length === 0;
      drawable.set(character, known);
    }
    if (!known) missing.push({ field: '', character, codePoint: `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` });
  }
  return missing;
}
