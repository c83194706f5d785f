/**
 * Caches that let a rebuild skip the work of the checks after Astro's step on pages whose bytes
 * did not change: what the page-weight budgets measure of each built page and the search
 * index of each language (Pagefind cannot update an index, but an index built from exactly the
 * same pages is the same index). Both are keyed by the content of the built files, never by
 * dates or paths alone, so a changed page always counts as changed. A cache that is missing,
 * unreadable, from another version or incomplete is ignored: the work is done again.
 * The caches live in Astro's cacheDir (.cache/astro, set in astro.config.mjs), which a pipeline keeps
 * between runs like Astro's own incremental build cache.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

const CACHE_VERSION = 1;

/** The SHA-1 of some bytes, hex: a file's identity in the caches. */
export const digestOf = (content: string | Buffer) => createHash('sha1').update(content).digest('hex');

/** Every file under `directory` whose name ends with `extension`, as sorted paths relative to it with `/`. */
export function filesUnder(directory: string, extension: string): string[] {
  if (!existsSync(directory)) return [];
  const found: string[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith(extension)) found.push(relative(directory, path).split(sep).join('/'));
    }
  };
  visit(directory);
  return found.sort();
}

/** Reads a cache file's JSON, or undefined (with the reason) when it is missing, corrupt or of another version. */
function readCacheFile<T extends { version: number }>(file: string): { data?: T; problem?: string } {
  if (!existsSync(file)) return {};
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as T;
    if (typeof data !== 'object' || data === null || data.version !== CACHE_VERSION) return { problem: `${file} is from another version of the cache: ignored` };
    return { data };
  } catch (error) {
    return { problem: `${file} could not be read (${error instanceof Error ? error.message : String(error)}): ignored` };
  }
}

/** Writes a file whole or not at all (a temporary file renamed into place). */
export function writeAtomically(file: string, content: string) {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

// ---------------------------------------------------------------------------------------------
// Digests of built files

const fileDigests = new Map<string, { size: bigint; mtime: bigint; digest: string }>();

/**
 * A file's bytes and their digest. The digest is remembered with the file's size and modification
 * time (nanoseconds), so a later step of the same build that only needs the digest of an untouched
 * file (fileDigest) does not read it again.
 */
export function readWithDigest(path: string): { content: Buffer; digest: string } {
  const { size, mtimeNs } = statSync(path, { bigint: true });
  const content = readFileSync(path);
  const digest = digestOf(content);
  fileDigests.set(path, { size, mtime: mtimeNs, digest });
  return { content, digest };
}

/** What is known of a file just written: the digest of the bytes written, and its size and modification time (nanoseconds) once written. */
export interface WrittenFile {
  digest: string;
  size: bigint;
  mtimeNs: bigint;
}

/**
 * Remembers the digest of a file another thread has just written (the kept pages' copy,
 * src/lib/kept-pages.ts), so that the steps after Astro's (budgets, search index) take the digest
 * of a page still as it was copied from a stat, without reading it. A file written over later
 * has another modification time (or size), and is read again.
 */
export function rememberDigest(path: string, { digest, size, mtimeNs }: WrittenFile): void {
  fileDigests.set(path, { size, mtime: mtimeNs, digest });
}

/**
 * A file's digest when this build read or wrote it and it has not changed since (same size and
 * modification time), else undefined. `stats`: the file's, when the caller has just taken them.
 */
export function knownDigest(path: string, stats?: Pick<BigIntStats, 'size' | 'mtimeNs'>): string | undefined {
  const known = fileDigests.get(path);
  if (!known) return undefined;
  const { size, mtimeNs } = stats ?? statSync(path, { bigint: true });
  return size === known.size && mtimeNs === known.mtime ? known.digest : undefined;
}

/** A file's digest, read and hashed again only when its size or modification time changed. */
export function fileDigest(path: string): string {
  return knownDigest(path) ?? readWithDigest(path).digest;
}

// ---------------------------------------------------------------------------------------------
// Facts about built pages, by digest

export interface DigestCache<T> {
  /** The value for bytes of this digest: from the cache when an earlier build computed it, else `compute()`. */
  get(digest: string, compute: () => T): T;
  /** Whether `get` would find a value for this digest without computing it. */
  has(digest: string): boolean;
  /** Writes the values computed or reused by this build (older ones are dropped). */
  save(): void;
  readonly hits: number;
  readonly misses: number;
  /** Why the stored cache was ignored, if it was. */
  readonly problem?: string;
}

interface DigestCacheFile {
  version: number;
  values: Record<string, unknown>;
}

/**
 * A cache of values computed from some bytes, keyed by the bytes' digest, stored in `file` (no
 * file: in memory only). `isValid` checks each stored value: one that fails is computed again.
 */
export function openDigestCache<T>(file: string | undefined, isValid: (value: unknown) => value is T): DigestCache<T> {
  const { data, problem } = file ? readCacheFile<DigestCacheFile>(file) : {};
  const stored = typeof data?.values === 'object' && data.values !== null ? data.values : {};
  const used = new Map<string, T>();
  let hits = 0;
  let misses = 0;
  return {
    has(digest) {
      return used.has(digest) || isValid(Object.hasOwn(stored, digest) ? stored[digest] : undefined);
    },
    get(digest, compute) {
      let value = used.get(digest);
      if (value === undefined) {
        const previous = Object.hasOwn(stored, digest) ? stored[digest] : undefined;
        if (isValid(previous)) {
          value = previous;
          hits++;
        } else {
          value = compute();
          misses++;
        }
        used.set(digest, value);
      } else hits++;
      return value;
    },
    save() {
      if (file) writeAtomically(file, JSON.stringify({ version: CACHE_VERSION, values: Object.fromEntries(used) } satisfies DigestCacheFile));
    },
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    problem,
  };
}

// ---------------------------------------------------------------------------------------------
// Search index output, per language

/**
 * The pages a search index is built from: every `.html` file under `site/<folder>/` (relative to
 * `site`, with `/`) and `identify(path)` of it (by default the digest of its bytes). Their
 * identity with the indexer's settings is digestOfPages.
 */
export function pageIdentities(site: string, folder: string, identify: (path: string) => string = fileDigest): Record<string, string> {
  const root = join(site, folder);
  return Object.fromEntries(filesUnder(root, '.html').map((file) => [`${folder}/${file}`, identify(join(root, file))]));
}

/** The digest of some pages' identities (pageIdentities) and of the settings they are indexed with. */
export function digestOfPages(settings: unknown, pages: Record<string, string>): string {
  const hash = createHash('sha1').update(JSON.stringify(settings)).update('\n');
  for (const [file, identity] of Object.entries(pages)) hash.update(`${file}\0${identity}\n`);
  return hash.digest('hex');
}

/** The pages whose identity differs between two builds (added, removed or changed), sorted. */
export function changedPages(before: Record<string, string> | undefined, after: Record<string, string>): string[] {
  if (!before) return Object.keys(after);
  const changed = Object.keys(after).filter((file) => before[file] !== after[file]);
  const removed = Object.keys(before).filter((file) => !Object.hasOwn(after, file));
  return [...changed, ...removed].sort();
}

interface OutputManifest {
  version: number;
  key: string;
  /** Every file of the stored output and its size, to notice a stored copy that lost files. */
  files: Record<string, number>;
  /** What the output was made from (for example each page and its identity), to say what changed since. */
  inputs?: Record<string, string>;
}

export interface OutputCache {
  /**
   * Copies the output stored under `name` into `target` when it was stored with the same `key`
   * and is complete; returns whether it did (false: do the work, then store()).
   */
  restore(name: string, key: string, target: string): boolean;
  /** Stores a copy of `source` under `name` for `key` (made from `inputs`), replacing what was stored before. */
  store(name: string, key: string, source: string, inputs?: Record<string, string>): void;
  /** The inputs the output stored under `name` was made from, when they were stored. */
  storedInputs(name: string): Record<string, string> | undefined;
  /** Why a stored output was not used, by name (for the build log). */
  readonly problems: ReadonlyMap<string, string>;
}

/** Stored outputs of a build step (one folder per name) under `directory`. */
export function openOutputCache(directory: string): OutputCache {
  const problems = new Map<string, string>();
  const folders = (name: string) => ({ manifest: join(directory, name, 'manifest.json'), files: join(directory, name, 'files') });
  return {
    restore(name, key, target) {
      const { manifest, files } = folders(name);
      const { data, problem } = readCacheFile<OutputManifest>(manifest);
      if (problem) problems.set(name, problem);
      if (!data || data.key !== key || typeof data.files !== 'object' || data.files === null) return false;
      const listed = Object.entries(data.files);
      const complete =
        listed.length > 0 &&
        listed.every(([file, size]) => {
          const path = join(files, file);
          return existsSync(path) && statSync(path).size === size;
        });
      if (!complete) {
        problems.set(name, `the stored copy in ${join(directory, name)} is incomplete: ignored`);
        return false;
      }
      rmSync(target, { recursive: true, force: true });
      cpSync(files, target, { recursive: true });
      return true;
    },
    storedInputs(name) {
      const inputs = readCacheFile<OutputManifest>(folders(name).manifest).data?.inputs;
      return typeof inputs === 'object' && inputs !== null ? inputs : undefined;
    },
    store(name, key, source, inputs) {
      const { manifest, files } = folders(name);
      // The manifest goes first and comes back last: a copy interrupted half-way is never taken for a whole one.
      rmSync(manifest, { force: true });
      rmSync(files, { recursive: true, force: true });
      mkdirSync(dirname(files), { recursive: true });
      cpSync(source, files, { recursive: true });
      const sizes = Object.fromEntries(filesUnder(files, '').map((file) => [file, statSync(join(files, file)).size]));
      writeAtomically(manifest, JSON.stringify({ version: CACHE_VERSION, key, files: sizes, inputs } satisfies OutputManifest));
    },
    problems,
  };
}
