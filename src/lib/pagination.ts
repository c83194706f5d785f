/**
 * Splitting long lists of practices into pages. Every list of the site that can grow with the
 * catalogue (all practices, a theme, a city, a country, a target group, a network) is cut into
 * pages of PRACTICES_PER_PAGE, newest first; pages that only preview a list show PRACTICES_PREVIEW.
 */

/** Practices on one page of a list. */
export const PRACTICES_PER_PAGE = 24;

/** Practices a theme, city or network page shows before linking to the full list. */
export const PRACTICES_PREVIEW = 12;

/** The pages 1..n of a list of `total` items: an empty list still has one (empty) page. */
export function pageCount(total: number, perPage: number): number {
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError(`perPage must be a whole number of 1 or more (found ${perPage})`);
  return Math.max(1, Math.ceil(Math.max(0, total) / perPage));
}

export interface PageOfList<T> {
  /** The items on this page, in list order. */
  items: T[];
  /** This page, 1-based. */
  page: number;
  /** Number of pages of the list. */
  pages: number;
  /** Number of items in the whole list. */
  total: number;
}

/** Page `page` (1-based) of `list`; a page outside 1..pages is an error, not an empty page. */
export function pageOf<T>(list: readonly T[], page: number, perPage: number = PRACTICES_PER_PAGE): PageOfList<T> {
  const pages = pageCount(list.length, perPage);
  if (!Number.isInteger(page) || page < 1 || page > pages) {
    throw new RangeError(`page ${page} does not exist: the list of ${list.length} has pages 1 to ${pages}`);
  }
  return { items: list.slice((page - 1) * perPage, page * perPage), page, pages, total: list.length };
}

/**
 * The URL of page `page` of a list whose first page is `base` (ending with "/"): page 1 is the
 * base itself, later pages are `<base>page/<n>/`, as /en/practices/page/2/.
 */
export function pagePath(base: string, page: number): string {
  return page <= 1 ? base : `${base}page/${page}/`;
}

/** The value of a `[...page]` rest parameter for page `page`: none for page 1 (the list's own URL), "page/<n>" after it. */
export function pageParam(page: number): string | undefined {
  return page <= 1 ? undefined : `page/${page}`;
}

/**
 * The page numbers a pagination bar shows: the first and last pages, and `around` pages either
 * side of the current one, with 'gap' where numbers are left out. The bar keeps the same size at
 * 400 pages as at 10; every page stays reachable page by page through "next".
 */
export function pageLinks(page: number, pages: number, around = 2): (number | 'gap')[] {
  const shown = new Set([1, pages]);
  for (let number = page - around; number <= page + around; number++) if (number >= 1 && number <= pages) shown.add(number);
  const links: (number | 'gap')[] = [];
  let previous = 0;
  for (const number of [...shown].sort((a, b) => a - b)) {
    // A gap of a single page shows that page rather than an ellipsis.
    if (number === previous + 2) links.push(previous + 1);
    else if (number > previous + 2) links.push('gap');
    links.push(number);
    previous = number;
  }
  return links;
}
