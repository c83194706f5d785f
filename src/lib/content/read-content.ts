/**
 * Reads every content file from disk, without Astro, for the content check, the tests and the
 * site's own content loader (src/lib/content/loader.ts): all of them list files with
 * `listContentFiles` and read each with `readContentFile`, so a file the check accepts is exactly
 * a file the build publishes, read the same way.
 *
 * Every file under src/content/ is read or refused with its name and the fix: a wrong folder, a
 * wrong or upper-case extension, a name that is not an id (with a rename that never names a
 * file that already exists), a page name taken by a built-in route, a file over 1 MB, a file
 * that is not UTF-8, YAML that does not parse, invisible control characters.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { didYouMean } from '../did-you-mean.ts';
import { REGISTERED_LANGUAGES, type Lang } from '../languages.ts';
import { SLUG_PATTERN, slugify } from '../slug.ts';
import { bodyControlCharacterProblems, controlCharacterProblems } from './control-characters.ts';
import { decodeUtf8 } from './decode-text.ts';
import { parseYaml } from './parse-yaml.ts';
import { COLLECTIONS, COLLECTION_NAMES, collectionFolder, type CollectionName, type CollectionSpec } from './collections.ts';
import type { Problem } from './problems.ts';

export type { CollectionName };

/** A file as read from disk: its id (file name without extension) and raw data. */
export interface RawEntry {
  collection: CollectionName;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  id: string;
  /** For per-language collections: the language, from the folder. */
  lang?: Lang;
  data: Record<string, unknown>;
  /** For Markdown files: the text after the front matter. */
  body?: string;
  /** The line of the file where `body` starts. */
  bodyLine?: number;
}

/** Larger files are refused unread: a content file is a page of text, not a data dump. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** The routes of one language; a page (src/pages/[lang]/[page].astro) may not take their names. */
export const ROUTES_DIRECTORY = fileURLToPath(new URL('../../pages/[lang]/', import.meta.url));

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** A file that will be read: where it is and what it is called. */
export interface ContentFile {
  collection: CollectionName;
  /** Absolute path. */
  path: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** File name without extension. */
  id: string;
  lang?: Lang;
  extension: string;
}

export interface ContentListing {
  files: ContentFile[];
  /** Files that are not read, each with the fix. */
  problems: Problem[];
}

export interface ListOptions {
  /** Only these collections (the content loader lists one); otherwise every file of the folder. */
  collections?: readonly CollectionName[];
  /** Page names taken by built-in routes; derived from ROUTES_DIRECTORY by default. */
  reservedPageNames?: ReadonlySet<string>;
}

const toPosix = (path: string) => path.split(sep).join('/');

/** "a, b or c", as the messages are written in British English. */
const eitherOf = (items: string[]) => new Intl.ListFormat('en-GB', { type: 'disjunction' }).format(items);

function listFiles(directory: string): string[] {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  return names
    .filter((name) => !name.startsWith('.'))
    .sort()
    .flatMap((name) => {
      const path = join(directory, name);
      let isDirectory = false;
      try {
        isDirectory = statSync(path).isDirectory();
      } catch {
        // A broken link: listed as a file, so reading it reports the problem with its name.
      }
      return isDirectory ? listFiles(path) : [path];
    });
}

/**
 * The names of the built-in pages of one language (`cities`, `networks`, `search`...): the
 * folders and files of the route folder, except dynamic (`[page]`) and private (`_x`) ones.
 */
export function reservedPageNames(routesDirectory = ROUTES_DIRECTORY): Set<string> {
  let names: string[];
  try {
    names = readdirSync(routesDirectory);
  } catch {
    return new Set();
  }
  return new Set(
    names
      .filter((name) => !name.startsWith('[') && !name.startsWith('_') && !name.startsWith('.'))
      .map((name) => name.replace(/\.(astro|md|mdx|html|ts|js)$/, ''))
      // `rss.xml` cannot clash: a page's name is an id.
      .filter((name) => SLUG_PATTERN.test(name)),
  );
}

const folderOf = (collection: CollectionName) => collectionFolder(collection);

/** Files beside the collection folders: in src/content/ itself or in a folder that is no collection. */
function strayFiles(root: string, contentDirectory: string): Problem[] {
  const folders = COLLECTION_NAMES.map(folderOf).join(', ');
  return listFiles(contentDirectory).flatMap((path) => {
    const [top, ...rest] = relative(contentDirectory, path).split(sep);
    if (rest.length > 0 && COLLECTION_NAMES.some((name) => COLLECTIONS[name].folder === top)) return [];
    const file = toPosix(relative(root, path));
    const message =
      rest.length === 0
        ? `is not read: content files go in one of the folders ${folders}`
        : `is not read: src/content/${top}/ is not a content folder${didYouMean(top!, COLLECTION_NAMES.map((name) => COLLECTIONS[name].folder))}: content files go in one of the folders ${folders}`;
    return [{ file, field: '', message }];
  });
}

interface Candidate {
  path: string;
  file: string;
  /** Collection and language: where a name must be unique. */
  folder: string;
  lang?: Lang;
  name: string;
}

type Placement =
  | { kind: 'file'; file: ContentFile }
  | { kind: 'rename'; candidate: Candidate; extension: string }
  | { kind: 'refused'; problem: Problem };

/** Where one file stands: read as it is, to be renamed, or refused for its place or extension. */
function placeFile(root: string, directory: string, collection: CollectionName, path: string): Placement {
  const layout: CollectionSpec = COLLECTIONS[collection];
  const file = toPosix(relative(root, path));
  const refuse = (message: string): Placement => ({ kind: 'refused', problem: { file, field: '', message } });
  const inside = relative(directory, path).split(sep);
  const name = inside.at(-1)!;
  let lang: Lang | undefined;
  if (layout.perLanguage) {
    const folder = inside.length === 2 ? inside[0] : undefined;
    if (!folder || !(REGISTERED_LANGUAGES as readonly string[]).includes(folder)) {
      const folders = eitherOf(REGISTERED_LANGUAGES.map((language) => `${folderOf(collection)}${language}/`));
      return refuse(`is not read: ${collection} go in ${folders}`);
    }
    lang = folder as Lang;
  } else if (inside.length > 1) {
    return refuse(
      `is not read: files in ${folderOf(collection)} go directly in that folder, not in a sub-folder: move it to ${folderOf(collection)}${name}`,
    );
  }
  const extension = layout.extensions.find((candidate) => name.endsWith(candidate));
  const stem = extension ? name.slice(0, -extension.length) : '';
  if (extension && SLUG_PATTERN.test(stem)) {
    return { kind: 'file', file: { collection, path, file, id: stem, lang, extension } };
  }
  const caseless = layout.extensions.find((candidate) => name.toLowerCase().endsWith(candidate));
  if (!caseless) return refuse(`is not read: files in ${folderOf(collection)} must end in ${layout.extensions.join(' or ')}`);
  return { kind: 'rename', candidate: { path, file, folder: `${collection}/${lang ?? ''}`, lang, name }, extension: caseless };
}

const reservedMessage = (id: string, lang: Lang | undefined, reserved: ReadonlySet<string>) =>
  `"${id}" is the address of a built-in page of the site (/${lang}/${id}/): rename the file; these names are taken: ${[...reserved].sort().join(', ')}`;

/**
 * The fix for each misnamed file. A rename never suggests a name that is taken: by a file that
 * is read, by an earlier suggestion (both files are then duplicates, and say so) or by a route.
 */
function renameProblems(
  renames: readonly Extract<Placement, { kind: 'rename' }>[],
  files: readonly ContentFile[],
  reserved: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const taken = new Map(files.map((entry) => [`${entry.collection}/${entry.lang ?? ''}:${entry.id}`, entry.file]));
  for (const { candidate, extension } of renames) {
    const { file, name, folder, lang } = candidate;
    const problem = (message: string) => problems.push({ file, field: '', message });
    const stem = name.slice(0, -extension.length);
    const id = slugify(stem);
    if (!id) {
      problem(`has a file name that is not a valid id: rename it with lower-case letters, digits and hyphens, like "welcome-desk${extension}"`);
      continue;
    }
    const other = taken.get(`${folder}:${id}`);
    if (other) {
      problem(
        `is a duplicate of ${other}: both names become "${id}" in lower case without accents or spaces, and one address cannot show two files; keep one of them and remove the other`,
      );
    } else if (folder.startsWith('pages/') && reserved.has(id)) {
      problem(`is not read: ${reservedMessage(id, lang, reserved)}`);
    } else {
      taken.set(`${folder}:${id}`, file);
      problem(
        stem === id
          ? `is not read: its extension "${name.slice(stem.length)}" must be written in lower case: rename it to "${id}${extension}"`
          : `has a file name that is not a valid id: rename it to "${id}${extension}" (lower case, hyphens, no accents or spaces)`,
      );
    }
  }
  return problems;
}

/** The files of one collection that follow its pattern, and a problem for each one that does not. */
function listCollection(root: string, contentDirectory: string, collection: CollectionName, reserved: ReadonlySet<string>): ContentListing {
  const directory = join(contentDirectory, COLLECTIONS[collection].folder);
  const placements = listFiles(directory).map((path) => placeFile(root, directory, collection, path));
  const problems = placements.flatMap((placement) => (placement.kind === 'refused' ? [placement.problem] : []));
  let files = placements.flatMap((placement) => (placement.kind === 'file' ? [placement.file] : []));
  const renames = placements.filter((placement): placement is Extract<Placement, { kind: 'rename' }> => placement.kind === 'rename');
  problems.push(...renameProblems(renames, files, reserved));
  if (collection === 'pages') {
    for (const entry of files.filter((candidate) => reserved.has(candidate.id))) {
      problems.push({ file: entry.file, field: '', message: `is not read: ${reservedMessage(entry.id, entry.lang, reserved)}` });
    }
    files = files.filter((candidate) => !reserved.has(candidate.id));
  }
  return { files, problems };
}

/**
 * The content files under `contentDirectory` (default `<root>/src/content/`), following each
 * collection's pattern, and a problem for every other file. Paths in problems are relative to `root`.
 */
export function listContentFiles(root: string, contentDirectory = join(root, 'src', 'content'), options: ListOptions = {}): ContentListing {
  const files: ContentFile[] = [];
  const problems: Problem[] = [];
  if (!options.collections) {
    try {
      statSync(contentDirectory);
    } catch {
      return { files, problems: [{ file: toPosix(relative(root, contentDirectory)) || '.', field: '', message: 'does not exist: there is no content to read' }] };
    }
    problems.push(...strayFiles(root, contentDirectory));
  }
  const reserved = options.reservedPageNames ?? reservedPageNames();
  for (const collection of options.collections ?? COLLECTION_NAMES) {
    const listing = listCollection(root, contentDirectory, collection, reserved);
    files.push(...listing.files);
    problems.push(...listing.problems);
  }
  return { files, problems };
}

export interface ReadFile {
  /** The fields, when the file could be parsed (even if some texts are refused). */
  data?: Record<string, unknown>;
  body?: string;
  bodyLine?: number;
  /** The decoded text of the whole file. */
  source?: string;
  problems: Problem[];
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * Reads one file: size, encoding, front matter, YAML, control characters. Never throws.
 * `unchanged(source)` lets the content loader stop before parsing a file it already holds.
 */
export function readContentFile(
  { path, file, extension }: Pick<ContentFile, 'path' | 'file' | 'extension'>,
  unchanged?: (source: string) => boolean,
): ReadFile {
  const refuse = (message: string): ReadFile => ({ problems: [{ file, field: '', message }] });
  try {
    const { size } = statSync(path);
    if (size > MAX_FILE_BYTES) {
      return refuse(`is too large to be a content file (${megabytes(size)}; at most ${megabytes(MAX_FILE_BYTES)}): shorten it, or split it into several entries`);
    }
    const decoded = decodeUtf8(readFileSync(path));
    if (!decoded.ok) {
      return refuse(`is not UTF-8 (line ${decoded.line} has a character saved in another encoding, such as Latin-1 or Windows-1252): save the file as UTF-8`);
    }
    const source = decoded.text;
    if (unchanged?.(source)) return { source, problems: [] };
    let yaml = source;
    let lineOffset = 0;
    let body: string | undefined;
    let bodyLine: number | undefined;
    if (extension === '.md') {
      const match = FRONT_MATTER.exec(source);
      if (!match) {
        return refuse(
          /^---[ \t]*\r?\n/.test(source)
            ? 'has front matter that is never closed: add a line "---" after the last field'
            : 'has no front matter: the file must start with a line "---", the fields, and another "---"',
        );
      }
      yaml = match[1]!;
      lineOffset = 1;
      body = source.slice(match[0].length);
      bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1);
    }
    const parsed = parseYaml(yaml, file, lineOffset);
    const problems = [...parsed.problems];
    if (parsed.data) problems.push(...controlCharacterProblems(parsed.data, file));
    if (body !== undefined) problems.push(...bodyControlCharacterProblems(body, file, bodyLine!));
    return { data: parsed.data, body, bodyLine, source, problems };
  } catch (error) {
    return refuse(`could not be read (${error instanceof Error ? error.message : String(error)}): check that it is a readable file`);
  }
}

/**
 * Reads all collections under `contentDirectory` (default `<root>/src/content/`), or those of
 * `options.collections`; file paths in problems are relative to `root`. Files that are not read
 * become problems.
 */
export function readContent(root: string, contentDirectory = join(root, 'src', 'content'), options: ListOptions = {}): { entries: RawEntry[]; problems: Problem[] } {
  const entries: RawEntry[] = [];
  const { files, problems } = listContentFiles(root, contentDirectory, options);
  for (const contentFile of files) {
    const { collection, file, id, lang } = contentFile;
    const read = readContentFile(contentFile);
    problems.push(...read.problems);
    if (read.data) entries.push({ collection, file, id, lang, data: read.data, body: read.body, bodyLine: read.bodyLine });
  }
  return { entries, problems };
}

/** The name a file's entry has in Astro's collection: `<lang>/<id>` for per-language collections. */
export function entryId(file: Pick<ContentFile, 'id' | 'lang'>): string {
  return file.lang ? `${file.lang}/${file.id}` : file.id;
}
