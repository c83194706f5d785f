/**
 * Checks across files that no single schema can see: references to other entries, duplicates,
 * scores for themes outside an Index version, and translations that disagree.
 * Astro only logs a dangling reference and still builds, so the project checks them itself.
 */
import { isDeepStrictEqual } from 'node:util';
import { didYouMean } from '../did-you-mean.ts';
import type { City } from '../schemas/city.ts';
import type { Lang } from '../schemas/fields.ts';
import type { IndexResult } from '../schemas/index-result.ts';
import type { Network } from '../schemas/network.ts';
import { SHARED_KEYS, type Practice, type PracticeStub } from '../schemas/practice.ts';
import type { Theme } from '../schemas/theme.ts';
import type { Problem } from './problems.ts';
import type { CollectionName } from './read-content.ts';

export interface Entry<T> {
  id: string;
  file: string;
  data: T;
}

export interface PracticeEntry extends Entry<Practice | PracticeStub> {
  lang: Lang;
  stub: boolean;
}

/** Entries that passed their schema. */
export interface ValidContent {
  themes: Entry<Theme>[];
  networks: Entry<Network>[];
  cities: Entry<City>[];
  practices: PracticeEntry[];
  indexResults: Entry<IndexResult>[];
}

export interface IntegrityOptions {
  /** Every id present on disk per collection, valid or not, so a broken file is not also reported as missing. */
  idsOnDisk: Record<CollectionName, ReadonlySet<string>>;
  /** Whether `/images/...` exists under public/. */
  imageExists: (src: string) => boolean;
}

const FOLDER: Record<CollectionName, string> = {
  themes: 'src/content/themes/',
  networks: 'src/content/networks/',
  cities: 'src/content/cities/',
  practices: 'src/content/practices/en/',
  'index-results': 'src/content/index-results/',
};

const NOUN: Record<CollectionName, string> = {
  themes: 'theme',
  networks: 'national network',
  cities: 'city',
  practices: 'practice',
  'index-results': 'Index result',
};

export function checkIntegrity(content: ValidContent, options: IntegrityOptions): Problem[] {
  const problems: Problem[] = [];
  const { idsOnDisk } = options;

  const reference = (
    file: string,
    field: string,
    value: string,
    collection: CollectionName,
  ): boolean => {
    if (idsOnDisk[collection].has(value)) return true;
    problems.push({
      file,
      field,
      message: `"${value}" is not a known ${NOUN[collection]}${didYouMean(value, idsOnDisk[collection])}: known ids are the file names in ${FOLDER[collection]}`,
    });
    return false;
  };

  // Two files with one id (barcelona.yaml and barcelona.yml) would silently shadow each other.
  const allEntries: { collection: string; id: string; file: string }[] = [
    ...content.themes.map((entry) => ({ ...entry, collection: 'themes' })),
    ...content.networks.map((entry) => ({ ...entry, collection: 'networks' })),
    ...content.cities.map((entry) => ({ ...entry, collection: 'cities' })),
    ...content.practices.map((entry) => ({ ...entry, collection: `practices/${entry.lang}` })),
    ...content.indexResults.map((entry) => ({ ...entry, collection: 'index-results' })),
  ];
  const firstFileById = new Map<string, string>();
  for (const entry of allEntries) {
    const key = `${entry.collection}/${entry.id}`;
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
  const themesById = new Map(content.themes.map((theme) => [theme.id, theme.data]));
  const themeByOrder = new Map<number, string>();
  for (const theme of content.themes) {
    const other = themeByOrder.get(theme.data.order);
    if (other) {
      problems.push({
        file: theme.file,
        field: 'order',
        message: `${theme.data.order} is already used by theme "${other}": give each theme its own position`,
      });
    } else themeByOrder.set(theme.data.order, theme.id);
    if (theme.data.parent) reference(theme.file, 'parent', theme.data.parent, 'themes');
  }

  // Cities
  for (const city of content.cities) {
    city.data.networks.forEach((network, index) =>
      reference(city.file, `networks[${index}]`, network, 'networks'),
    );
  }

  // Practices
  const english = new Map<string, PracticeEntry>();
  for (const practice of content.practices) if (practice.lang === 'en') english.set(practice.id, practice);
  const practiceIds = new Set(idsOnDisk.practices);
  for (const practice of content.practices) {
    const { data, file } = practice;
    data.cities.forEach((city, index) => reference(file, `cities[${index}]`, city, 'cities'));
    data.themes.forEach((theme, index) => reference(file, `themes[${index}]`, theme, 'themes'));
    data.adaptedFrom?.forEach((slug, index) => {
      const field = `adaptedFrom[${index}]`;
      if (slug === practice.id) {
        problems.push({ file, field, message: `"${slug}" is this practice itself: name the practice it adapted` });
      } else if (!practiceIds.has(slug)) {
        problems.push({
          file,
          field,
          message: `"${slug}" is not a known practice${didYouMean(slug, practiceIds)}: use the file name of a practice in src/content/practices/en/, without .md`,
        });
      }
    });
    if (!practice.stub && 'images' in data) {
      data.images?.forEach((image, index) => {
        if (!options.imageExists(image.src)) {
          problems.push({
            file,
            field: `images[${index}].src`,
            message: `"${image.src}" does not exist: put the picture in public${image.src}`,
          });
        }
      });
    }
    if (practice.lang === 'en') {
      if (practice.stub) {
        problems.push({
          file,
          field: 'title',
          message: 'is missing: the English version of a practice must be complete (title and the five parts)',
        });
      }
      continue;
    }
    const original = english.get(practice.id);
    if (!original) {
      problems.push({
        file,
        field: '',
        message: `has no English version: every practice needs src/content/practices/en/${practice.id}.md (translations are paired by file name)`,
      });
      continue;
    }
    for (const key of SHARED_KEYS) {
      if (!isDeepStrictEqual(data[key], original.data[key])) {
        problems.push({
          file,
          field: key,
          message: `differs from the English version (${original.file}): ${key} is shared by all translations, make them identical`,
        });
      }
    }
  }

  // Index results
  for (const result of content.indexResults) {
    const { data, file } = result;
    reference(file, 'city', data.city, 'cities');
    const expectedId = `${data.city}-${data.edition}`;
    if (result.id !== expectedId) {
      problems.push({
        file,
        field: '',
        message: `must be named after its city and edition: rename it to ${expectedId}.md`,
      });
    }
    for (const themeId of Object.keys(data.scores)) {
      const field = `scores.${themeId}`;
      const theme = themesById.get(themeId);
      if (!theme) {
        if (!idsOnDisk.themes.has(themeId)) reference(file, field, themeId, 'themes');
        continue;
      }
      if (!theme.versions.includes(data.version)) {
        problems.push({
          file,
          field,
          message: `is not scored in the ${data.version} Index ("${themeId}" exists in: ${theme.versions.join(', ')}): remove the score or correct "version"`,
        });
      }
    }
    data.recommendations.forEach((recommendation, index) => {
      reference(file, `recommendations[${index}].theme`, recommendation.theme, 'themes');
    });
  }

  return problems;
}
