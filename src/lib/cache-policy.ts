/**
 * How long browsers and CDNs may keep each file of the built site, in one place, for every host
 * configuration made from it (the container's nginx server, `_headers`).
 *
 * The rule is about names, not types: a file whose name changes when its content changes (Astro's
 * `/_astro/` bundles, Pagefind's index, fragment and filter chunks) can be kept for a year; a
 * file that keeps its name while its content changes (every page, the feeds, the open data, the
 * editor, Pagefind's entry file that names the current chunks) must be checked again on every
 * visit, so that a publish is seen at once. Pictures, documents, cards and embedded charts keep
 * their names too, but change rarely and weigh the most: an hour.
 */
import { MEDIA_PUBLIC_PATH } from './media.ts';
import { LANGUAGES } from './schemas/fields.ts';

/** A name that changes with its content: never fetched again. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Files editors replace rarely: reused for an hour, then checked again. */
export const CACHE_HOUR = 'public, max-age=3600';
/** Pages and every other file: checked again on each visit (a cheap 304 when unchanged). */
export const CACHE_REVALIDATE = 'public, max-age=0, must-revalidate';

export interface CacheRule {
  /** A site path prefix ending in "/": the rule covers everything below it. */
  prefix: string;
  cacheControl: string;
}

/** The folders Pagefind writes content-hashed chunks into, for one language's index. */
const PAGEFIND_CHUNK_FOLDERS = ['index', 'fragment', 'filter'];

/** The rules, one per folder; a path under none of them gets CACHE_REVALIDATE. */
export function cacheRules(languages: readonly string[] = LANGUAGES): CacheRule[] {
  return [
    { prefix: '/_astro/', cacheControl: CACHE_IMMUTABLE },
    ...languages.flatMap((lang) => PAGEFIND_CHUNK_FOLDERS.map((folder) => ({ prefix: `/pagefind/${lang}/${folder}/`, cacheControl: CACHE_IMMUTABLE }))),
    ...[`${MEDIA_PUBLIC_PATH}/`, '/documents/', '/cards/', '/embed/'].map((prefix) => ({ prefix, cacheControl: CACHE_HOUR })),
  ];
}

/** The Cache-Control a site path gets: the rule with the longest matching prefix, else revalidate. */
export function cacheControlFor(path: string, rules: readonly CacheRule[] = cacheRules()): string {
  const matching = rules.filter((rule) => path.startsWith(rule.prefix)).sort((a, b) => b.prefix.length - a.prefix.length);
  return matching[0]?.cacheControl ?? CACHE_REVALIDATE;
}
