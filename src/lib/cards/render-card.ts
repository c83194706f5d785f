/**
 * Social-card images (Open Graph, 1200×630 PNG) drawn with satori and rasterised with resvg.
 * Fonts come from the @fontsource/noto-sans package (Latin, Latin Extended, Cyrillic), never
 * from the network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

/** Everything a card shows; its hash is the cache key. */
export interface CardInput {
  /** Small line above the title: the kind of page, e.g. "Good practice". */
  kicker: string;
  title: string;
  /** Line under the title: place, or a short description. */
  subtitle?: string;
  /** Up to four short labels (themes). */
  tags?: string[];
  /** Name of the site in the card's language. */
  siteName: string;
  /** Footer text, e.g. the programme's name. */
  footer: string;
  /** Label shown while the site runs on demonstration content. */
  demoLabel?: string;
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const require = createRequire(import.meta.url);
const fontFile = (subset: string, weight: 400 | 700) =>
  readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`));

const SUBSETS = ['latin', 'latin-ext', 'cyrillic'] as const;
const FONT_FAMILY = SUBSETS.map((subset) => `'Noto Sans ${subset}'`).join(', ');

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
function loadFonts() {
  // One family name per subset: satori then falls back from one subset to the next per glyph.
  fonts ??= SUBSETS.flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({ name: `Noto Sans ${subset}`, data: fontFile(subset, weight), weight, style: 'normal' as const })),
  );
  return fonts;
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const box = (style: Record<string, unknown>, children?: unknown): Node => ({ type: 'div', props: { style: { display: 'flex', ...style }, children } });

function rings(): Node {
  const ring = (left: number, top: number, colour: string) =>
    box({ position: 'absolute', left, top, width: 44, height: 44, borderRadius: 999, border: `5px solid ${colour}` });
  return box({ position: 'relative', width: 80, height: 76 }, [ring(4, 6, '#ffffff'), ring(28, 6, '#ffbf47'), ring(16, 28, '#9cc3f0')]);
}

function layout(card: CardInput): Node {
  const titleSize = card.title.length > 90 ? 46 : card.title.length > 55 ? 54 : 64;
  return box(
    { width: CARD_WIDTH, height: CARD_HEIGHT, flexDirection: 'column', backgroundColor: '#0b3a6e', color: '#ffffff', fontFamily: FONT_FAMILY, padding: '56px 72px', boxSizing: 'border-box' },
    [
      box({ alignItems: 'center', gap: 20 }, [
        rings(),
        box({ fontSize: 30, fontWeight: 700 }, card.siteName),
        ...(card.demoLabel ? [box({ marginLeft: 'auto', backgroundColor: '#ffbf47', color: '#1b1f24', fontSize: 22, fontWeight: 700, padding: '6px 16px', borderRadius: 8 }, card.demoLabel)] : []),
      ]),
      box({ flexDirection: 'column', flexGrow: 1, justifyContent: 'center', gap: 18 }, [
        box({ fontSize: 28, color: '#ffbf47', fontWeight: 700, textTransform: 'uppercase', letterSpacing: 2 }, card.kicker),
        box({ fontSize: titleSize, fontWeight: 700, lineHeight: 1.15 }, card.title),
        ...(card.subtitle ? [box({ fontSize: 32, color: '#dbe7f5' }, card.subtitle)] : []),
        ...(card.tags && card.tags.length > 0
          ? [box({ flexWrap: 'wrap', gap: 12, marginTop: 6 }, card.tags.slice(0, 4).map((tag) => box({ fontSize: 24, padding: '6px 16px', borderRadius: 24, border: '2px solid #9cc3f0', color: '#ffffff' }, tag)))]
          : []),
      ]),
      box({ borderTop: '3px solid #ffbf47', paddingTop: 18, fontSize: 24, color: '#dbe7f5' }, card.footer),
    ],
  );
}

/** Renders one card to PNG bytes. */
export async function renderCard(card: CardInput): Promise<Buffer> {
  const svg = await satori(layout(card) as never, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts() });
  return new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH } }).render().asPng();
}
