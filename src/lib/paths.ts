/** Helpers for getStaticPaths: one page per language, and one per page of a paginated list. */
import { pageCount, pageParam, PRACTICES_PER_PAGE } from './pagination.ts';
import { LANGUAGES, type Lang } from './schemas/fields.ts';

export function perLanguage<T>(make: (lang: Lang) => T[]): T[] {
  return LANGUAGES.flatMap(make);
}

/** One list of a paginated route: its own route parameters and how many items it holds. */
export interface PagedList<P extends Record<string, string>> {
  params: P;
  total: number;
}

/**
 * Static paths of a route ending in `[...page]`, for every language, list and page: page 1 at the
 * list's own URL, the next ones under `page/<n>/`. The page number is handed to the page as a prop.
 */
export function perLanguagePages<P extends Record<string, string>>(
  lists: (lang: Lang) => PagedList<P>[],
  perPage: number = PRACTICES_PER_PAGE,
) {
  return perLanguage((lang) =>
    lists(lang).flatMap(({ params, total }) =>
      Array.from({ length: pageCount(total, perPage) }, (_, index) => ({
        params: { ...params, lang, page: pageParam(index + 1) },
        props: { page: index + 1 },
      })),
    ),
  );
}

/**
 * The same static paths, each with a `cacheKey` for Astro's incremental build
 * (src/lib/page-key.ts): a path whose key did not change since the last build is copied from it.
 */
export function withCacheKey<T extends object>(cacheKey: string, paths: readonly T[]): (T & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey }));
}

/**
 * The same static paths, each with its own `cacheKey` (src/lib/page-key.ts): for pages that show
 * different parts of the content, so that an edit renders again only the pages that show it.
 */
export function withPageKeys<T extends { params: { lang: Lang } }>(paths: readonly T[], keyOf: (path: T) => string): (T & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: keyOf(path) }));
}
