/**
 * The bridge between Astro's content collections and the pure code in src/lib: loads every
 * collection once per build and builds the indexes that all pages share.
 */
import { getCollection } from 'astro:content';
import { buildCatalogue, type Catalogue } from '../lib/catalogue.ts';
import type { Lang } from '../lib/schemas/fields.ts';
import type { Practice } from '../lib/schemas/practice.ts';
import type { IndexResult } from '../lib/schemas/index-result.ts';

export interface Site {
  catalogue: Catalogue;
  indexResults: { id: string; data: IndexResult }[];
}

let site: Promise<Site> | undefined;

async function load(): Promise<Site> {
  const [themes, networks, cities, practiceEntries, indexResults] = await Promise.all([
    getCollection('themes'),
    getCollection('networks'),
    getCollection('cities'),
    getCollection('practices'),
    getCollection('indexResults'),
  ]);
  const practices = practiceEntries
    // Translation stubs written by the CMS hold no title: skipped, the English text is shown.
    .filter((entry): entry is typeof entry & { data: Practice } => 'title' in entry.data)
    .map((entry) => {
      const [lang, slug] = entry.id.split('/') as [Lang, string];
      return { id: slug, lang, data: entry.data };
    });
  return {
    catalogue: buildCatalogue({ themes, networks, cities, practices }),
    indexResults: indexResults.map(({ id, data }) => ({ id, data })),
  };
}

/** Everything the pages need, computed once per build. */
export function getSite(): Promise<Site> {
  site ??= load();
  return site;
}
