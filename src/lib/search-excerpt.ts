/**
 * Result excerpts, rebuilt by the site instead of trusted as HTML. Pagefind returns an excerpt
 * of the page's text with the matched words wrapped in <mark>; the page's text is the editors'
 * and the importers', so the site keeps only the highlight: everything but the <mark> pairs is
 * shown as text. The same marking highlights query words in texts the site has itself (the
 * teaser of a named page).
 */
import { searchWords } from './search-ranking.ts';

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references Pagefind leaves in its text ("&amp;", "&#39;", "&#x27;"). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Pagefind's excerpt as plain-text parts, marked where Pagefind put <mark>. Any other tag is
 * text, never markup; a <mark> left open marks the rest.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece !== '') parts.push({ text: decodeEntities(piece), marked });
  }
  return parts;
}

/** `text` in parts, the words that a query word starts marked (accents and case folded). */
export function markQueryWords(text: string, query: string): ExcerptPart[] {
  const wanted = searchWords(query);
  if (wanted.length === 0) return text ? [{ text, marked: false }] : [];
  const parts: ExcerptPart[] = [];
  for (const piece of text.split(/([\p{L}\p{N}]+)/u)) {
    if (piece === '') continue;
    const [word] = searchWords(piece);
    const marked = word !== undefined && /[\p{L}\p{N}]/u.test(piece[0]!) && wanted.some((query) => word.startsWith(query));
    const last = parts[parts.length - 1];
    if (last && last.marked === marked) last.text += piece;
    else parts.push({ text: piece, marked });
  }
  return parts;
}

/** Whether any part is marked: the excerpt shows at least one of the query's words. */
export function showsMatch(parts: readonly ExcerptPart[]): boolean {
  return parts.some((part) => part.marked);
}
