import type { AstroIntegration } from 'astro';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { changedPages, digestOf, digestOfPages, fileDigest, openDigestCache, openOutputCache, pageIdentities, type DigestCache, type OutputCache } from '../lib/build-cache.ts';
import { indexedPart, SEARCHABLE_MARK } from '../lib/search-indexed-part.ts';
import { PUBLISHED_REGISTRY } from '../lib/languages.ts';
import { releaseMemory } from '../lib/release-memory.ts';
import { buildHandoff } from '../lib/build-output.ts';

/** Pagefind's version (its package.json, beside its entry point): a new Pagefind builds a new index, even from the same pages. */
function pagefindVersion(): string {
  const candidates = [() => join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json'), () => join(process.cwd(), 'node_modules', 'pagefind', 'package.json')];
  for (const candidate of candidates) {
    try {
      return (JSON.parse(readFileSync(candidate(), 'utf8')) as { version: string }).version;
    } catch {
      // the next place
    }
  }
  throw new Error('The search index could not find the version of the pagefind package: is it installed (npm ci)?');
}

/**
 * Pagefind's executable, found as its npm package finds it (PAGEFIND_BINARY_PATH, else the
 * package of this platform), by the package's own lookup beside its entry point.
 */
async function pagefindBinary(): Promise<string> {
  const lookup = pathToFileURL(join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'resolveBinary.js')).href;
  const { resolveBinaryPath } = (await import(lookup)) as { resolveBinaryPath: (names: string[]) => string };
  return resolveBinaryPath(['pagefind_extended', 'pagefind']);
}

/** The Pagefind runs in progress, so that a stopped build can end them before removing their folder. */
const running = new Set<ChildProcess>();
/** Set once the build is being stopped: no Pagefind run starts after that. */
let stopping = false;

/**
 * Runs Pagefind's command line (faster than its Node API, which serves the same indexer through
 * a pipe: 22 against 30 s for a language of 10,000 practices here, and the same files byte for
 * byte) and resolves with its exit code and what it printed.
 */
function runPagefind(binary: string, args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    if (stopping) return reject(new Error('the build is being stopped'));
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    running.add(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.once('error', (error) => {
      running.delete(child);
      reject(error);
    });
    child.once('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, output });
    });
  });
}

/**
 * Ends the Pagefind runs in progress and waits until they have, so that nothing writes into the
 * site after a stopped build has removed it (scripts/build.ts and atomic-publish.ts on a signal).
 */
export async function stopSearchIndexing(): Promise<void> {
  stopping = true;
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('close', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}

/**
 * The digest of this file: a kept index is reused only by the same indexing code, so a change of
 * Pagefind's options here (selectors, custom records...) re-indexes every language once.
 * Undefined when the source cannot be read: the kept indexes are then not used.
 */
function indexingCode(): string | undefined {
  try {
    const files = [import.meta.url, import.meta.resolve('../lib/search-indexed-part.ts')];
    return digestOf(files.map((file) => digestOf(readFileSync(fileURLToPath(file)))).join('\n'));
  } catch {
    return undefined;
  }
}

/** The figures of Pagefind's last "Total:" block in what it printed: what it indexed. */
function indexedTotals(log: string): string {
  const total = log.slice(log.lastIndexOf('Total:'));
  const count = (what: string) => new RegExp(`Indexed (\\d+) ${what}`).exec(total)?.[1] ?? '?';
  return `${count('pages?')} pages, ${count('words?')} words, ${count('filters?')} filters`;
}

const gigabytes = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;

/** A page's identity for its language's index: whether it is searchable, and what the index sees of it. */
export function pageIdentity(html: string): string {
  return `${html.includes(SEARCHABLE_MARK) ? 'searchable' : 'skipped'} ${digestOf(indexedPart(html))}`;
}

/**
 * The searchable pages of `pages` (pageIdentities), linked (or copied, across disks) into
 * `folder` under the same paths: Pagefind drops every page without data-pagefind-body once one
 * page has it, so indexing these alone builds the same index (checked byte for byte on the
 * benchmark's corpus) without parsing the listing pages, about a quarter of a language's pages.
 * Undefined when no page is searchable: Pagefind then indexes every page, and so must see them.
 */
export function searchableTree(site: string, pages: Record<string, string>, folder: string): string | undefined {
  const searchable = Object.keys(pages).filter((file) => pages[file]!.startsWith('searchable '));
  if (searchable.length === 0) return undefined;
  rmSync(folder, { recursive: true, force: true });
  const made = new Set<string>();
  for (const file of searchable) {
    const to = join(folder, file);
    const parent = dirname(to);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    try {
      linkSync(join(site, file), to);
    } catch {
      copyFileSync(join(site, file), to);
    }
  }
  return folder;
}

/** Where the search index's messages go: Astro's logger for the integration, or the build script's. */
export interface SearchIndexLogger {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * Builds the search index of the site in `site`: one index per registered language
 * (src/lib/languages.ts), in <site>/pagefind/<lang>/, read by
 * src/components/search/faceted-search.ts, one language at a time, the
 * Pagefind process closed between them so the memory of one index is freed before the next,
 * and this process's garbage collected before each (src/lib/release-memory.ts).
 * Any indexing error throws, naming the language: the site is then not published.
 *
 * Pagefind cannot update an index, so a language's index is kept in `cacheDir` (Astro's) with a
 * digest of the pages it was built from, Pagefind's version and this file's code
 * (src/lib/build-cache.ts): when none of them changed since, the kept index is copied instead of
 * indexing the pages again. A page counts by what its index sees of it (src/lib/search-indexed-part.ts),
 * so an edit that only changes the parts Pagefind skips on other pages (their similar practices,
 * in every language) re-indexes only the language of the edited page. Options given to Pagefind
 * from elsewhere must join that key.
 */
export async function buildSearchIndexes(site: string, cacheDir: string, logger: SearchIndexLogger): Promise<void> {
  const version = pagefindVersion();
  const code = indexingCode();
  const folder = join(cacheDir, 'icc-search-index');
  const cache: OutputCache | undefined = code ? openOutputCache(folder) : undefined;
  /** Where the searchable pages of the language being indexed are linked (searchableTree). */
  const treeFolder = code ? join(folder, 'indexing') : undefined;
  /** What the index sees of each page, by the digest of the page's bytes (see indexedPart). */
  const indexedParts: DigestCache<string> | undefined = code
    ? openDigestCache(join(folder, 'indexed-parts.json'), (value): value is string => typeof value === 'string')
    : undefined;
  const binary = await pagefindBinary();
  for (const { code: lang, searchLanguage } of PUBLISHED_REGISTRY) {
    const started = performance.now();
    const output = join(site, 'pagefind', lang);
    const seen = indexedParts;
    const pages = seen && pageIdentities(site, lang, (path) => seen.get(`${code}:${fileDigest(path)}`, () => pageIdentity(readFileSync(path, 'utf8'))));
    const key = cache && pages && digestOfPages({ pagefind: version, code, glob: `${lang}/**/*.html`, forceLanguage: searchLanguage }, pages);
    if (cache && key && cache.restore(lang, key, output)) {
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      logger.info(`${lang}: no page changed for the search since the last build, its index was reused in ${seconds} s`);
      continue;
    }
    const problem = cache?.problems.get(lang);
    if (problem) logger.warn(problem);
    const before = cache?.storedInputs(lang);
    if (before && pages) {
      const changed = changedPages(before, pages);
      const named = changed.slice(0, 3).join(', ') + (changed.length > 3 ? ` and ${changed.length - 3} more` : '');
      logger.info(`${lang}: ${changed.length > 0 ? `${changed.length} page${changed.length === 1 ? '' : 's'} changed for the search since the last build (${named})` : 'the indexing settings changed'}: indexing again`);
    }
    let log = '';
    try {
      // Pagefind needs about 2 GB for a language of 10,000 practices: this process's garbage is
      // given back first (0.35 GB of 2.5 GB when Astro's build indexes), not kept beside it.
      const memory = releaseMemory();
      logger.info(`${lang}: memory of the build before indexing ${gigabytes(memory.before)}, after collecting its garbage ${gigabytes(memory.after)}`);
      const tree = pages && treeFolder ? searchableTree(site, pages, treeFolder) : undefined;
      const run = await runPagefind(binary, ['--site', tree ?? site, '--glob', `${lang}/**/*.html`, '--force-language', searchLanguage, '--output-path', output]);
      if (run.code !== 0) throw new Error(`pagefind ended with ${run.signal ?? `exit code ${run.code}`}: ${run.output.trim().split('\n').slice(-12).join('\n')}`);
      log = run.output;
      if (/Indexed 0 pages?\b/.test(log.slice(log.lastIndexOf('Total:')))) throw new Error(`no page matches ${lang}/**/*.html in ${site}`);
    } catch (error) {
      throw new Error(`Pagefind could not index the "${lang}" pages, nothing was published: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (treeFolder) rmSync(treeFolder, { recursive: true, force: true });
    }
    if (cache && key) cache.store(lang, key, output, pages);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    logger.info(`${lang}: ${indexedTotals(log)} indexed in ${seconds} s`);
  }
  indexedParts?.save();
}

/**
 * The search index of `astro build` (buildSearchIndexes), in astro:build:done, before the site is
 * published (atomic-publish.ts). When `npm run build` runs the build (scripts/build.ts), Astro's
 * process leaves the index to the script, which builds it once that process has ended: Pagefind
 * then has the memory Astro held (about 2 GB at 10,000 practices) instead of sharing the machine
 * with it.
 */
export function searchIndex(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'icc:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (buildHandoff()) {
          logger.info('the search index is built once Astro\'s process has ended (scripts/build.ts), with the memory it held');
          return;
        }
        await buildSearchIndexes(fileURLToPath(dir), cacheDir, logger);
      },
    },
  };
}
