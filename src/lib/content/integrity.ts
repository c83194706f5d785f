/**
 * Checks across files that no single schema can see: references to other entries, duplicates,
 * scores for themes outside an Index version, and translations that disagree.
 * Astro only logs a dangling reference and still builds, so the project checks them itself.
 *
 * The checks read the raw data of every file, including files that failed their schema, so an
 * editor sees every problem of a file at once rather than one layer at a time.
 */
import { isDeepStrictEqual } from 'node:util';
import { didYouMean } from '../did-you-mean.ts';
import { SOURCE_LANGUAGE } from '../languages.ts';
import { SHARED_KEYS, isPracticeStub, sharedPart } from '../schemas/practice.ts';
import { INDEX_VERSIONS } from '../schemas/theme.ts';
import type { Problem } from './problems.ts';
import type { CollectionName, RawEntry } from './read-content.ts';

export interface IntegrityOptions {
  /** Whether `/images/...` exists under public/. */
  imageExists: (src: string) => boolean;
}

const FOLDER: Record<CollectionName, string> = {
  themes: 'src/content/themes/',
  networks: 'src/content/networks/',
  cities: 'src/content/cities/',
  practices: 'src/content/practices/en/',
  'index-results': 'src/content/index-results/',
  pages: 'src/content/pages/en/',
};

const NOUN: Record<CollectionName, string> = {
  themes: 'theme',
  networks: 'national network',
  cities: 'city',
  practices: 'practice',
  'index-results': 'Index result',
  pages: 'page',
};

/** The strings of a list field, with their positions; other values are the schema's business. */
function stringsOf(value: unknown): [number, string][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) => (typeof item === 'string' ? [[index, item] as [number, string]] : []));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function checkIntegrity(entries: readonly RawEntry[], options: IntegrityOptions): Problem[] {
  const problems: Problem[] = [];
  const of = (collection: CollectionName) => entries.filter((entry) => entry.collection === collection);
  const ids = (collection: CollectionName) => new Set(of(collection).map((entry) => entry.id));
  const known: Record<CollectionName, Set<string>> = {
    themes: ids('themes'),
    networks: ids('networks'),
    cities: ids('cities'),
    practices: ids('practices'),
    'index-results': ids('index-results'),
    pages: ids('pages'),
  };

  const reference = (file: string, field: string, value: string, collection: CollectionName) => {
    if (known[collection].has(value)) return;
    problems.push({
      file,
      field,
      message: `"${value}" is not a known ${NOUN[collection]}${didYouMean(value, known[collection])}: known ids are the file names in ${FOLDER[collection]}`,
    });
  };

  // Two files with one id (barcelona.yaml and barcelona.yml) would silently shadow each other.
  const firstFileById = new Map<string, string>();
  for (const entry of entries) {
    const key = `${entry.collection}/${entry.lang ?? ''}/${entry.id}`;
    const first = firstFileById.get(key);
    if (first) {
      problems.push({
        file: entry.file,
        field: '',
        message: `has the same id "${entry.id}" as ${first}: rename or remove one of them`,
      });
    } else firstFileById.set(key, entry.file);
  }

  // Themes
  const themeVersions = new Map<string, string[]>();
  const themeByOrder = new Map<unknown, string>();
  for (const { id, file, data } of of('themes')) {
    themeVersions.set(id, stringsOf(data.versions).map(([, version]) => version));
    if (typeof data.order === 'number') {
      const other = themeByOrder.get(data.order);
      if (other) {
        problems.push({
          file,
          field: 'order',
          message: `${data.order} is already used by theme "${other}": give each theme its own position`,
        });
      } else themeByOrder.set(data.order, id);
    }
    if (typeof data.parent === 'string') reference(file, 'parent', data.parent, 'themes');
  }

  // Cities
  for (const { file, data } of of('cities')) {
    for (const [index, network] of stringsOf(data.networks)) {
      reference(file, `networks[${index}]`, network, 'networks');
    }
  }

  // Practices
  const practices = of('practices');
  const english = new Map(practices.filter((entry) => entry.lang === SOURCE_LANGUAGE).map((entry) => [entry.id, entry]));
  for (const practice of practices) {
    const { id, file, data } = practice;
    for (const [index, city] of stringsOf(data.cities)) reference(file, `cities[${index}]`, city, 'cities');
    for (const [index, theme] of stringsOf(data.themes)) reference(file, `themes[${index}]`, theme, 'themes');
    for (const [index, slug] of stringsOf(data.adaptedFrom)) {
      const field = `adaptedFrom[${index}]`;
      if (slug === id) {
        problems.push({ file, field, message: `"${slug}" is this practice itself: name the practice it adapted` });
      } else reference(file, field, slug, 'practices');
    }
    if (Array.isArray(data.images)) {
      data.images.forEach((image, index) => {
        if (isRecord(image) && typeof image.src === 'string' && image.src.startsWith('/images/') && !options.imageExists(image.src)) {
          problems.push({
            file,
            field: `images[${index}].src`,
            message: `"${image.src}" does not exist: put the picture in public${image.src}`,
          });
        }
      });
    }
    if (practice.lang === SOURCE_LANGUAGE) {
      if (isPracticeStub(data)) {
        problems.push({
          file,
          field: 'title',
          message: 'is missing: the English version of a practice must be complete (title and the five parts)',
        });
      }
      continue;
    }
    const original = english.get(id);
    if (!original) {
      problems.push({
        file,
        field: '',
        message: `has no English version: every practice needs src/content/practices/${SOURCE_LANGUAGE}/${id}.md (translations are paired by file name)`,
      });
      continue;
    }
    for (const key of SHARED_KEYS) {
      if (key === 'contact') {
        // The name and role are translated; the e-mail address and web page are shared.
        const sharedContact = (value: unknown) => {
          const part = sharedPart(key, value);
          return isRecord(part) ? part : {};
        };
        const own = sharedContact(data[key]);
        const english = sharedContact(original.data[key]);
        for (const part of [...new Set([...Object.keys(english), ...Object.keys(own)])]) {
          if (!isDeepStrictEqual(own[part], english[part])) {
            problems.push({
              file,
              field: `contact.${part}`,
              message: `differs from the English version (${original.file}): the contact's ${part} is shared by all translations (only its name and role are translated), make them identical`,
            });
          }
        }
      } else if (!isDeepStrictEqual(data[key], original.data[key])) {
        problems.push({
          file,
          field: key,
          message: `differs from the English version (${original.file}): ${key} is shared by all translations, make them identical`,
        });
      }
    }
  }

  // Pages: every page is written in English first; a language without its version shows the English.
  const pages = of('pages');
  for (const page of pages) {
    if (page.lang === SOURCE_LANGUAGE) continue;
    if (!pages.some((candidate) => candidate.id === page.id && candidate.lang === SOURCE_LANGUAGE)) {
      problems.push({
        file: page.file,
        field: '',
        message: `has no English version: add src/content/pages/${SOURCE_LANGUAGE}/${page.id}.md (pages are paired by file name)`,
      });
    }
  }

  // Index results
  const editionsSeen = new Map<string, string>();
  for (const { id, file, data } of of('index-results')) {
    if (typeof data.city === 'string') reference(file, 'city', data.city, 'cities');
    if (typeof data.city === 'string' && typeof data.edition === 'number') {
      const expectedId = `${data.city}-${data.edition}`;
      if (id !== expectedId) {
        problems.push({
          file,
          field: '',
          message: `must be named after its city and edition: rename it to ${expectedId}.md`,
        });
      }
      const other = editionsSeen.get(expectedId);
      if (other) {
        problems.push({ file, field: 'edition', message: `${data.edition} for "${data.city}" is already in ${other}: one file per city and edition` });
      } else editionsSeen.set(expectedId, file);
    }
    const version = (INDEX_VERSIONS as readonly unknown[]).includes(data.version) ? String(data.version) : undefined;
    if (isRecord(data.scores)) {
      for (const themeId of Object.keys(data.scores)) {
        const field = `scores.${themeId}`;
        const versions = themeVersions.get(themeId);
        if (!versions) reference(file, field, themeId, 'themes');
        else if (version && !versions.includes(version)) {
          problems.push({
            file,
            field,
            message: `is not scored in the ${version} Index ("${themeId}" exists in: ${versions.join(', ')}): remove the score or correct "version"`,
          });
        }
      }
    }
    if (Array.isArray(data.recommendations)) {
      data.recommendations.forEach((recommendation, index) => {
        if (isRecord(recommendation) && typeof recommendation.theme === 'string') {
          reference(file, `recommendations[${index}].theme`, recommendation.theme, 'themes');
        }
      });
    }
  }

  return problems;
}
