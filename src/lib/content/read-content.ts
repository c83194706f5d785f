/**
 * Reads every content file from disk the way the site does, without Astro, so that the checker
 * and the tests see exactly what editors wrote (Astro's `astro:content` is not available there).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { LANGUAGES, type Lang } from '../languages.ts';

/** "src/content/practices/en/, src/content/practices/fr/ or src/content/practices/es/" */
function languageFolders(collection: string): string {
  const folders = LANGUAGES.map((code) => `src/content/${collection}/${code}/`);
  return folders.length > 1 ? `${folders.slice(0, -1).join(', ')} or ${folders.at(-1)}` : folders[0]!;
}
import { SLUG_PATTERN, slugify } from '../slug.ts';
import type { Problem } from './problems.ts';

export type CollectionName = 'themes' | 'networks' | 'cities' | 'practices' | 'index-results' | 'pages';

/** A file as read from disk: its id (file name without extension) and raw data. */
export interface RawEntry {
  collection: CollectionName;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  id: string;
  /** For practices: the language, from the folder. */
  lang?: Lang;
  data: Record<string, unknown>;
}

interface CollectionLayout {
  extensions: readonly string[];
  /** Files sit in one folder per registered language (`en/`, `fr/`...). */
  perLanguage: boolean;
}

export const COLLECTION_LAYOUT: Record<CollectionName, CollectionLayout> = {
  themes: { extensions: ['.yaml', '.yml'], perLanguage: false },
  networks: { extensions: ['.yaml', '.yml'], perLanguage: false },
  cities: { extensions: ['.yaml', '.yml'], perLanguage: false },
  practices: { extensions: ['.md'], perLanguage: true },
  'index-results': { extensions: ['.md'], perLanguage: false },
  pages: { extensions: ['.md'], perLanguage: true },
};

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function listFiles(directory: string): string[] {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  return names
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) => {
      const path = join(directory, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

/** Parses YAML, reporting syntax errors with their line. */
function parseYaml(source: string, file: string, lineOffset: number, problems: Problem[]) {
  const document = parseDocument(source, { uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const line = (error.linePos?.[0]?.line ?? 0) + lineOffset;
      problems.push({
        file,
        field: '',
        message: `is not valid YAML near line ${line}: ${error.message.split('\n')[0]} (check indentation, and put text containing ": " in quotes)`,
      });
    }
    return undefined;
  }
  const data: unknown = document.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ file, field: '', message: 'must hold fields like "name: value"; it is empty or a list' });
    return undefined;
  }
  return data as Record<string, unknown>;
}

/**
 * Reads all collections under `contentDirectory` (default `<root>/src/content/`); file paths in
 * problems are relative to `root`. Unreadable files become problems.
 */
export function readContent(
  root: string,
  contentDirectory = join(root, 'src', 'content'),
): { entries: RawEntry[]; problems: Problem[] } {
  const entries: RawEntry[] = [];
  const problems: Problem[] = [];

  for (const [collection, layout] of Object.entries(COLLECTION_LAYOUT) as [CollectionName, CollectionLayout][]) {
    const directory = join(contentDirectory, collection);
    for (const path of listFiles(directory)) {
      const file = relative(root, path).split(sep).join('/');
      const inside = relative(directory, path).split(sep);
      const name = inside.at(-1)!;
      const extension = layout.extensions.find((candidate) => name.toLowerCase().endsWith(candidate));
      if (!extension) {
        problems.push({
          file,
          field: '',
          message: `is not read: files in src/content/${collection}/ must end in ${layout.extensions.join(' or ')}`,
        });
        continue;
      }
      let lang: Lang | undefined;
      if (layout.perLanguage) {
        const folder = inside.length === 2 ? inside[0] : undefined;
        if (!folder || !(LANGUAGES as readonly string[]).includes(folder)) {
          problems.push({
            file,
            field: '',
            message: `is not read: ${collection} go in a folder per language, ${languageFolders(collection)}`,
          });
          continue;
        }
        lang = folder as Lang;
      }
      const id = name.slice(0, -extension.length);
      if (!SLUG_PATTERN.test(id)) {
        problems.push({
          file,
          field: '',
          message: `has a file name that is not a valid id: rename it to "${slugify(id) || 'a-name'}${extension}" (lower case, hyphens, no accents or spaces)`,
        });
        continue;
      }
      const source = readFileSync(path, 'utf8');
      let data: Record<string, unknown> | undefined;
      if (extension === '.md') {
        const match = FRONT_MATTER.exec(source);
        if (!match) {
          problems.push({
            file,
            field: '',
            message: 'has no front matter: the file must start with a line "---", the fields, and another "---"',
          });
          continue;
        }
        data = parseYaml(match[1]!, file, 1, problems);
      } else {
        data = parseYaml(source.replace(/^\uFEFF/, ''), file, 0, problems);
      }
      if (data) entries.push({ collection, file, id, lang, data });
    }
  }
  return { entries, problems };
}
