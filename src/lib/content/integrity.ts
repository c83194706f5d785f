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
import { sharedPart } from '../schemas/practice.ts';
import { pdfProblem, type StoredFile } from '../documents.ts';
import { INDEX_VERSIONS } from '../schemas/theme.ts';
import type { Problem } from './problems.ts';
import { COLLECTIONS, COLLECTION_NAMES, collectionFolder, referencedValues, type CollectionName, type CollectionSpec } from './collections.ts';
import type { RawEntry } from './read-content.ts';

export interface IntegrityOptions {
  /** Whether `/images/...` exists under public/. */
  imageExists: (src: string) => boolean;
  /** Size and first bytes of a file under public/ (`/documents/x.pdf`), or undefined when it does not exist. */
  publicFile?: (path: string) => StoredFile | undefined;
}

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
  const known = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, ids(name)])) as Record<CollectionName, Set<string>>;

  // Every reference the registry declares must name an existing entry.
  for (const { collection, file, data } of entries) {
    for (const { path, collection: target } of COLLECTIONS[collection].references) {
      for (const [field, value] of referencedValues(data, path)) {
        if (known[target].has(value)) continue;
        const folder = collectionFolder(target, COLLECTIONS[target].perLanguage ? SOURCE_LANGUAGE : undefined);
        problems.push({
          file,
          field,
          message: `"${value}" is not a known ${COLLECTIONS[target].noun}${didYouMean(value, known[target])}: known ids are the file names in ${folder}`,
        });
      }
    }
  }

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
  }

  // Practices
  const practices = of('practices');
  for (const practice of practices) {
    const { id, file, data } = practice;
    for (const [index, slug] of stringsOf(data.adaptedFrom)) {
      if (slug === id) problems.push({ file, field: `adaptedFrom[${index}]`, message: `"${slug}" is this practice itself: name the practice it adapted` });
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
  }

  // Per-language collections with stubs: the English version is complete, every translation has
  // one, and the shared fields are identical in every language.
  for (const name of COLLECTION_NAMES) {
    const spec: CollectionSpec = COLLECTIONS[name];
    if (!spec.translations || !spec.isStub) continue;
    const entriesOf = of(name);
    const englishById = new Map(entriesOf.filter((entry) => entry.lang === SOURCE_LANGUAGE).map((entry) => [entry.id, entry]));
    for (const { id, file, data, lang } of entriesOf) {
      if (lang === SOURCE_LANGUAGE) {
        if (spec.isStub(data)) {
          problems.push({
            file,
            field: Object.keys(spec.completeSchema?.shape ?? {}).find((key) => !spec.translations!.sharedKeys.includes(key)) ?? '',
            message: `is missing: the English version of a ${spec.noun} must be complete (${spec.translations.complete})`,
          });
        }
        continue;
      }
      const original = englishById.get(id);
      if (!original) {
        problems.push({
          file,
          field: '',
          message: `has no English version: every ${spec.noun} needs ${collectionFolder(name, SOURCE_LANGUAGE)}${id}${spec.extensions[0]} (translations are paired by file name)`,
        });
        continue;
      }
      for (const key of spec.translations.sharedKeys) {
        if (key === 'contact') {
          // The contact's name and role are translated; its e-mail address and web page are shared.
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
  }

  // Resources: a PDF stored with the site must be a real PDF of a reasonable size.
  for (const { file, data } of of('resources')) {
    if (typeof data.file !== 'string' || !/^\/documents\/.+\.pdf$/i.test(data.file) || !options.publicFile) continue;
    const problem = pdfProblem(data.file, options.publicFile(data.file));
    if (problem) problems.push({ file, field: 'file', message: problem });
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
    if (typeof data.city === 'string' && typeof data.edition === 'number') {
      const expectedId = `${data.city}-${data.edition}`;
      if (id !== expectedId) {
        // Never suggest a name that is taken: then the city or the edition is what is wrong.
        const taken = of('index-results').find((other) => other.id === expectedId);
        problems.push({
          file,
          field: '',
          message: taken
            ? `must be named after its city and edition (${expectedId}.md), but ${taken.file} exists: correct "city" or "edition", or merge the two files`
            : `must be named after its city and edition: rename it to ${expectedId}.md`,
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
        if (versions && version && !versions.includes(version)) {
          problems.push({
            file,
            field,
            message: `is not scored in the ${version} Index ("${themeId}" exists in: ${versions.join(', ')}): remove the score or correct "version"`,
          });
        }
      }
    }
  }

  return problems;
}
