/**
 * File names of entries created in the CMS. Decap's own slug rules differ from the project's
 * (it drops apostrophes: "l'école" → "lecole"; it keeps "_" and "~", which are not valid ids),
 * so the admin computes the name with the project's `slugify` and hands it to Decap through the
 * `_slug` field (see collections.ts), after making sure no existing file has it.
 */
import { SOURCE_LANGUAGE } from '../languages.ts';
import { countryName } from '../countries.ts';
import { slugify } from '../slug.ts';
import type { CmsCollectionName } from './collections.ts';

type Data = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The text a new entry's file name is made from. */
export function slugSource(collection: CmsCollectionName, data: Data): string {
  const localized = (key: string) => text((data[key] as Data | undefined)?.en);
  switch (collection) {
    case 'practices':
    case 'pages':
      return text(data.title);
    case 'cities':
    case 'methods':
    case 'organisations':
      return text(data.name);
    case 'resources':
    case 'activities':
      return localized('title');
    case 'themes':
      return localized('label');
    case 'networks':
      // National networks are named after their country, like the existing ones (spain, italy).
      return typeof data.country === 'string' && data.country ? countryName(data.country, SOURCE_LANGUAGE) : localized('name');
    case 'index-results':
      return `${text(data.city)}-${String(data.edition ?? '')}`;
  }
}

/** The file name (without extension) for a new entry; empty when the text has no Latin letters or digits. */
export function entrySlug(collection: CmsCollectionName, data: Data): string {
  return slugify(slugSource(collection, data));
}

/** `base`, or `base-2`, `base-3`... : the first name `isTaken` says is free. */
export async function uniqueSlug(base: string, isTaken: (slug: string) => boolean | Promise<boolean>): Promise<string> {
  if (!(await isTaken(base))) return base;
  for (let suffix = 2; suffix < 1000; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new Error(`Too many entries are named "${base}": choose a more specific title`);
}

/** Every file an entry with this name would occupy (all language folders for translated collections). */
export function entryFiles(folder: string, extension: string, slug: string, languages?: readonly string[]): string[] {
  return languages ? languages.map((lang) => `${folder}/${lang}/${slug}.${extension}`) : [`${folder}/${slug}.${extension}`];
}
