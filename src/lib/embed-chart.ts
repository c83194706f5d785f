/**
 * The embeddable chart of a city's latest Index edition: the profile's dot plot made to travel
 * alone, as an SVG file and as a PNG for slides. Out of its page it has no heading, legend or
 * notes around it, so it carries them itself: the city, the edition and Index version, the named
 * baseline (in the legend), the demonstration notice while the site runs on illustrative scores,
 * and the caption that the Index is not a ranking. Fonts are the site's Noto Sans, read from the
 * @fontsource package (never the network), so the PNG looks the same on every machine.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { woffToSfnt } from './charts/woff-to-sfnt.ts';
import { translator, type UiKey } from './i18n.ts';
import { profileChartSvg, type ProfileChart } from './profile-chart.ts';
import type { Lang } from './schemas/fields.ts';

/** Width of the embedded chart in user units and in SVG pixels. */
export const EMBED_WIDTH = 900;
/** Margin around the chart in the standalone file, in user units. */
export const EMBED_PADDING = 24;

const FONT_FAMILY = 'Noto Sans, Arial, sans-serif';

/** What the embedded chart says around the plot. */
export interface EmbedChartInput {
  lang: Lang;
  model: ProfileChart;
  cityId: string;
  cityName: string;
  edition: number;
  /** The page the chart comes from, printed as its source. */
  sourceUrl: string;
  /** The demonstration notice, when the site shows illustrative scores. */
  demoNotice?: string;
}

/** A standalone SVG document with the header, the plot and the caption. */
export function embedChartSvg(input: EmbedChartInput): string {
  const t = translator(input.lang);
  const { model } = input;
  const svg = profileChartSvg(input.lang, model, {
    id: `embed-${input.cityId}`,
    width: EMBED_WIDTH,
    labelColumn: 300,
    header: [
      t('embed.header', {
        city: input.cityName,
        edition: input.edition,
        version: t(`version.${model.baseline.version}` as UiKey),
      }),
      model.comparedWith,
    ],
    footer: [
      t('index.notRanking'),
      ...(input.demoNotice ? [input.demoNotice] : []),
      ...(model.change ? [t('index.changeNote', { edition: model.change.previousEdition })] : []),
      ...(model.change?.versionChanged ? [t('index.versionChangeNote')] : []),
      t('dossier.source', { url: input.sourceUrl }),
    ],
  });
  const height = Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(svg)![1]);
  const padding = EMBED_PADDING;
  // A file on its own needs a size, a background and a real font family (the page's is inherited).
  return svg
    .replace(
      /viewBox="0 0 ([\d.]+) ([\d.]+)" width="100%"/,
      `viewBox="${-padding} ${-padding} ${EMBED_WIDTH + 2 * padding} ${height + 2 * padding}" width="${EMBED_WIDTH + 2 * padding}" height="${height + 2 * padding}"`,
    )
    .replace('font-family="inherit"', `font-family="${FONT_FAMILY}"`)
    .replace(
      '</desc>',
      `</desc><rect x="${-padding}" y="${-padding}" width="${EMBED_WIDTH + 2 * padding}" height="${height + 2 * padding}" fill="#ffffff"/>`,
    );
}

/** Where the fonts unpacked for resvg are written: it reads font files, and its types take paths. */
const FONT_DIRECTORY = '.cache/embed-fonts';

let fonts: string[] | undefined;
/** Paths of TrueType copies of the site's Noto Sans (regular and bold, Latin and Latin Extended). */
function fontFiles(): string[] {
  const require = createRequire(import.meta.url);
  // City names and UI strings on the chart are Latin script (Łódź, Reykjavík need latin-ext).
  fonts ??= ['latin', 'latin-ext'].flatMap((subset) =>
    [400, 700].map((weight) => {
      const name = `noto-sans-${subset}-${weight}-normal`;
      const path = join(FONT_DIRECTORY, `${name}.ttf`);
      if (!existsSync(path)) {
        mkdirSync(FONT_DIRECTORY, { recursive: true });
        writeFileSync(path, woffToSfnt(readFileSync(require.resolve(`@fontsource/noto-sans/files/${name}.woff`))));
      }
      return path;
    }),
  );
  return fonts;
}

/**
 * The PNG of an embeddable SVG at the SVG's own size (948 px wide, taller than a 1080p slide, so
 * a projector never shows it enlarged), drawn with the bundled fonts. Twice the size took four
 * times as long (about 1 s a chart on a shared 2-core machine) for no gain on a slide.
 */
export function embedChartPng(svg: string): Buffer {
  return new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: 'Noto Sans' },
  })
    .render()
    .asPng();
}

/**
 * The PNG of `svg`, read from `directory` when an earlier build drew the same SVG: the SVG holds
 * every input of the picture, so its hash is the key (about 0.3 s saved per chart and language).
 */
export function cachedEmbedChartPng(svg: string, directory: string): Buffer {
  const key = createHash('sha256').update(svg).digest('hex').slice(0, 32);
  const path = join(directory, `${key}.png`);
  if (existsSync(path)) return readFileSync(path);
  const png = embedChartPng(svg);
  mkdirSync(directory, { recursive: true });
  writeFileSync(path, png);
  return png;
}
