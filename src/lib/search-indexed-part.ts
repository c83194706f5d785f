/**
 * What of a built page can change its search index: the page without the parts Pagefind skips
 * (`data-pagefind-ignore`), so that a page whose only change is in such a part (its similar
 * practices, its "last changed" line, the people to ask) does not make a language's index be
 * built again. A skipped part is left out only when nothing in it could reach the index by
 * another way: no `data-pagefind-*` attribute (filters, metadata and sort keys are read even in
 * a skipped part), no `<h1>` or `<img>` (Pagefind's default title and image). Such a part leaves
 * nothing, so a page where it appears or goes (a similar-practices list that fills or empties)
 * indexes the same: Pagefind keeps no anchor from it either (both checked against Pagefind's
 * output in the tests). Anything this cannot read for certain (a part that does not close) is
 * kept whole: the page then counts as changed, which only costs an index build.
 */

/** What marks a searchable page: Pagefind indexes only the pages with it, once one page has it. */
export const SEARCHABLE_MARK = 'data-pagefind-body';

/** The start tag of an element Pagefind skips. */
const SKIPPED_START = /<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>/g;
/** What in a skipped part could still reach the index (a skipped part inside it is skipped too). */
const REACHES_INDEX = /data-pagefind-(?!ignore\b)|<h1\b|<img\b/i;

/** Where the element whose start tag ends at `from` closes: the closing tag's start and end, or undefined. */
function closing(html: string, name: string, from: number): { start: number; end: number } | undefined {
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  tags.lastIndex = from;
  let depth = 1;
  for (let match; (match = tags.exec(html)); ) {
    if (match[1]) depth--;
    else if (!match[0].endsWith('/>')) depth++;
    if (depth === 0) return { start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

/** The page as its search index sees it (see above); equal for two pages that index the same. */
export function indexedPart(html: string): string {
  let result = '';
  let kept = 0;
  SKIPPED_START.lastIndex = 0;
  for (let match; (match = SKIPPED_START.exec(html)); ) {
    const innerStart = match.index + match[0].length;
    const end = closing(html, match[1]!, innerStart);
    if (!end) continue;
    const inner = html.slice(innerStart, end.start);
    if (REACHES_INDEX.test(inner)) continue;
    result += html.slice(kept, match.index);
    kept = end.end;
    SKIPPED_START.lastIndex = end.end;
  }
  return result + html.slice(kept);
}
