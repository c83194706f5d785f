/** Page types of the built site: every page route in src/pages with sample paths from dist/. */
import { readdirSync } from 'node:fs';
import { LANGUAGES, type Lang } from '../../src/lib/languages.ts';
import { pageTypeSamples, type PageTypeSample } from '../../src/lib/page-types.ts';
import { htmlPaths } from './dist.ts';

/** Route files under src/pages, relative to it ("[lang]/cities/[city].astro"). */
export function routeFiles(): string[] {
  return readdirSync('src/pages', { recursive: true, encoding: 'utf8' }).map((file) => file.replaceAll('\\', '/')).sort();
}

/**
 * Sample pages of every route in one language (pages outside the language folders, like the
 * language chooser, count for every language).
 */
export function pageTypesIn(lang: Lang, perRoute = 1, paths: readonly string[] = htmlPaths()): PageTypeSample[] {
  const inLanguage = paths.filter((path) => path.startsWith(`/${lang}/`) || !LANGUAGES.some((code) => path.startsWith(`/${code}/`)));
  return pageTypeSamples(routeFiles(), inLanguage, perRoute);
}
