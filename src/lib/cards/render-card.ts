/**
 * Social-card images (Open Graph, 1200×630 PNG) drawn with satori and rasterised with resvg.
 * Fonts come from the @fontsource Noto packages, never from the network, and a card loads only
 * the subset files its characters need (card-fonts.ts). Every text has a fixed line height and a
 * line budget, so a text too long for the card ends with "…" instead of running over the footer;
 * the title gets the lines the other texts leave. Right-to-left names (Arabic, Hebrew) keep their
 * own direction inside the left-aligned card.
 */
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { arabicPresentationForms } from './arabic-forms.ts';
import { chooseFonts, type CardText } from './card-fonts.ts';

/** Everything a card shows; its hash is the cache key. */
export interface CardInput {
  /** Small line above the title: the kind of page, e.g. "Good practice". */
  kicker: string;
  title: string;
  /** The title as written locally, when it differs (a city's local name: 안산시, Λεμεσός). */
  localTitle?: string;
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

const PADDING_X = 72;
const PADDING_Y = 56;
const HEADER_HEIGHT = 76;
const FOOTER = { border: 3, padding: 18, fontSize: 24, lineHeight: 1.3 };
/** Top of the footer's rule: nothing else is drawn below it. */
export const FOOTER_TOP = CARD_HEIGHT - PADDING_Y - (FOOTER.border + FOOTER.padding + FOOTER.fontSize * FOOTER.lineHeight);
/** Height between header and footer, where kicker, title, subtitle and tags share the lines. */
const MIDDLE_HEIGHT = FOOTER_TOP - PADDING_Y - HEADER_HEIGHT;
const GAP = 18;
const BREATHING = 24;
const KICKER = { fontSize: 28, lineHeight: 1.25 };
const LOCAL_TITLE = { fontSize: 40, lineHeight: 1.25 };
const SUBTITLE = { fontSize: 32, lineHeight: 1.3, maxLines: 2 };
const TAGS = { fontSize: 24, lineHeight: 1.25, padding: 6, border: 2, marginTop: 6 };
const TITLE = { lineHeight: 1.15, maxLines: 3 };
const ELLIPSIS = '…';

type Node = { type: string; props: { style?: Record<string, unknown>; dir?: 'ltr' | 'rtl'; children?: unknown } };
const box = (style: Record<string, unknown>, children?: unknown): Node => ({ type: 'div', props: { style: { display: 'flex', ...style }, children } });

const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;

/** Base direction of a text from its first letter, as `dir="auto"` does (Unicode bidi P2–P3). */
export function textDirection(text: string): 'ltr' | 'rtl' {
  const first = /\p{L}/u.exec(text)?.[0];
  return first && RTL_SCRIPT.test(first) ? 'rtl' : 'ltr';
}

/**
 * A block of text that keeps to `lines` lines and ends with "…" when it needs more. An RTL text
 * runs right to left but stays aligned with the rest of the card.
 */
function text(content: string, style: Record<string, unknown>, lines: number): Node {
  const direction = textDirection(content);
  // satori 0.63 draws HarfBuzz's vertical mark offsets upside down: Arabic letters go in as
  // their joined forms, which carry their dots (arabic-forms.ts), and vowel marks, the only
  // marks left, stay where the font draws them by default rather than flipped below the line.
  const arabic = /\p{Script=Arabic}/u.test(content);
  return {
    type: 'div',
    props: {
      dir: direction,
      style: { display: 'block', textAlign: 'left', lineClamp: lines, textOverflow: 'ellipsis', overflowWrap: 'anywhere', maxWidth: '100%', ...(arabic ? { fontFeatureSettings: '"mark" 0, "mkmk" 0' } : {}), ...style },
      children: arabic ? arabicPresentationForms(content) : content,
    },
  };
}

function rings(): Node {
  const ring = (left: number, top: number, colour: string) =>
    box({ position: 'absolute', left, top, width: 44, height: 44, borderRadius: 999, border: `5px solid ${colour}` });
  return box({ position: 'relative', width: 80, height: HEADER_HEIGHT }, [ring(4, 6, '#ffffff'), ring(28, 6, '#ffbf47'), ring(16, 28, '#9cc3f0')]);
}

const lineHeight = (font: { fontSize: number; lineHeight: number }) => font.fontSize * font.lineHeight;

/** How many lines title and subtitle get: the title takes what the other parts leave, up to 3. */
export function lineBudget(card: CardInput): { titleSize: number; titleLines: number; subtitleLines: number } {
  const titleSize = card.title.length > 90 ? 46 : card.title.length > 55 ? 54 : 64;
  const parts = [lineHeight(KICKER)];
  if (card.localTitle) parts.push(lineHeight(LOCAL_TITLE));
  if (card.subtitle) parts.push(lineHeight(SUBTITLE));
  if (card.tags && card.tags.length > 0) parts.push(TAGS.marginTop + lineHeight(TAGS) + 2 * (TAGS.padding + TAGS.border));
  // BREATHING keeps the middle block clear of header and footer when it is full.
  const fixed = parts.reduce((sum, height) => sum + height, 0) + GAP * parts.length + BREATHING;
  const titleLine = titleSize * TITLE.lineHeight;
  const titleLines = Math.max(1, Math.min(TITLE.maxLines, Math.floor((MIDDLE_HEIGHT - fixed) / titleLine)));
  const left = MIDDLE_HEIGHT - fixed - titleLines * titleLine;
  const subtitleLines = card.subtitle ? Math.min(SUBTITLE.maxLines, 1 + Math.floor(left / lineHeight(SUBTITLE))) : 0;
  return { titleSize, titleLines, subtitleLines };
}

/** Every text of the card with the weight it is drawn at: what the fonts must cover. */
export function cardTexts(card: CardInput): CardText[] {
  const texts: CardText[] = [
    { field: 'siteName', text: card.siteName, weight: 700 },
    // The kicker is drawn in capitals; the ellipsis may end any clamped text.
    { field: 'kicker', text: `${card.kicker}${card.kicker.toUpperCase()}${ELLIPSIS}`, weight: 700 },
    { field: 'title', text: `${card.title}${ELLIPSIS}`, weight: 700 },
    { field: 'footer', text: `${card.footer}${ELLIPSIS}`, weight: 400 },
  ];
  if (card.demoLabel) texts.push({ field: 'demoLabel', text: card.demoLabel, weight: 700 });
  if (card.localTitle) texts.push({ field: 'localTitle', text: `${card.localTitle}${ELLIPSIS}`, weight: 400 });
  if (card.subtitle) texts.push({ field: 'subtitle', text: `${card.subtitle}${ELLIPSIS}`, weight: 400 });
  for (const tag of card.tags?.slice(0, 4) ?? []) texts.push({ field: 'tags', text: `${tag}${ELLIPSIS}`, weight: 400 });
  // The Arabic forms drawn are characters of their own.
  return texts.map((piece) => ({ ...piece, text: `${piece.text}${arabicPresentationForms(piece.text)}` }));
}

function layout(card: CardInput, fontFamily: string): Node {
  const { titleSize, titleLines, subtitleLines } = lineBudget(card);
  const tags = card.tags?.slice(0, 4) ?? [];
  return box(
    { width: CARD_WIDTH, height: CARD_HEIGHT, flexDirection: 'column', backgroundColor: '#0b3a6e', color: '#ffffff', fontFamily, padding: `${PADDING_Y}px ${PADDING_X}px`, boxSizing: 'border-box' },
    [
      box({ alignItems: 'center', gap: 20, height: HEADER_HEIGHT, flexShrink: 0 }, [
        rings(),
        text(card.siteName, { fontSize: 30, fontWeight: 700, lineHeight: 1.25, flexShrink: 1 }, 1),
        ...(card.demoLabel ? [box({ marginLeft: 'auto', flexShrink: 0, backgroundColor: '#ffbf47', color: '#1b1f24', fontSize: 22, fontWeight: 700, padding: '6px 16px', borderRadius: 8 }, card.demoLabel)] : []),
      ]),
      box({ flexDirection: 'column', height: MIDDLE_HEIGHT, flexShrink: 0, justifyContent: 'center', gap: GAP, overflow: 'hidden' }, [
        text(card.kicker, { ...KICKER, color: '#ffbf47', fontWeight: 700, textTransform: 'uppercase', letterSpacing: 2 }, 1),
        text(card.title, { fontSize: titleSize, fontWeight: 700, lineHeight: TITLE.lineHeight }, titleLines),
        ...(card.localTitle ? [text(card.localTitle, { ...LOCAL_TITLE, color: '#dbe7f5' }, 1)] : []),
        ...(card.subtitle ? [text(card.subtitle, { fontSize: SUBTITLE.fontSize, lineHeight: SUBTITLE.lineHeight, color: '#dbe7f5' }, subtitleLines)] : []),
        ...(tags.length > 0
          ? [box({ gap: 12, marginTop: TAGS.marginTop, flexShrink: 0, overflow: 'hidden' }, tags.map((tag) => box({ flexShrink: 1, minWidth: 0, padding: `${TAGS.padding}px 16px`, borderRadius: 24, border: `${TAGS.border}px solid #9cc3f0` }, [text(tag, { fontSize: TAGS.fontSize, lineHeight: TAGS.lineHeight, whiteSpace: 'nowrap' }, 1)])))]
          : []),
      ]),
      box({ borderTop: `${FOOTER.border}px solid #ffbf47`, paddingTop: FOOTER.padding, flexShrink: 0 }, [text(card.footer, { fontSize: FOOTER.fontSize, lineHeight: FOOTER.lineHeight, color: '#dbe7f5' }, 1)]),
    ],
  );
}

/** A card's text has a character that no bundled font draws. */
export class CardFontError extends Error {}

/**
 * The card as SVG, and the font files it loaded. With `embedFont: false` the texts stay `<text>`
 * elements, which tests read to check where each line landed.
 */
export async function renderCardSvg(card: CardInput, options: { embedFont?: boolean } = {}) {
  const choice = chooseFonts(cardTexts(card));
  if (choice.missing.length > 0) {
    const list = choice.missing.map(({ field, character, codePoint }) => `"${character}" (${codePoint}) in ${field}`).join(', ');
    throw new CardFontError(
      `social card "${card.title}": no bundled font draws ${list}. Remove or replace the character, or add a Noto font that has it to FONT_FAMILIES in src/lib/cards/card-fonts.ts`,
    );
  }
  const svg = await satori(layout(card, choice.fontFamily) as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: choice.fonts, embedFont: options.embedFont ?? true });
  return { svg, files: choice.files };
}

/** Renders one card to PNG bytes. */
export async function renderCard(card: CardInput): Promise<Buffer> {
  const { svg } = await renderCardSvg(card);
  return new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH } }).render().asPng();
}
