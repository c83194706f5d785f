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
/** The PNG is drawn at twice that width, sharp on a projector. */
export const EMBED_PNG_WIDTH = EMBED_WIDTH * 2;

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
  const padding = 24;
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

let fonts: Uint8Array[] | undefined;
function fontBuffers(): Uint8Array[] {
  const require = createRequire(import.meta.url);
  fonts ??= ['latin', 'latin-ext', 'cyrillic'].flatMap((subset) =>
    [400, 700].map(
      (weight) =>
        new Uint8Array(
          woffToSfnt(
            readFileSync(
              require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`),
            ),
          ),
        ),
    ),
  );
  return fonts;
}

/** The PNG of an embeddable SVG, drawn with the bundled fonts at twice the SVG's size. */
export function embedChartPng(svg: string): Buffer {
  // resvg-js 2.6 ignores `fitTo` once `fontBuffers` is given (the PNG came out at 1x), so the
  // SVG's own width and height are doubled instead; the viewBox keeps every coordinate.
  const scaled = svg.replace(
    /^(<svg[^>]*?) width="([\d.]+)" height="([\d.]+)"/,
    (_, start: string, width: string, height: string) =>
      `${start} width="${EMBED_PNG_WIDTH}" height="${(Number(height) * EMBED_PNG_WIDTH) / Number(width)}"`,
  );
  return new Resvg(scaled, {
    font: { loadSystemFonts: false, fontBuffers: fontBuffers(), defaultFontFamily: 'Noto Sans' },
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
