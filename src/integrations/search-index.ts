import type { AstroIntegration } from 'astro';
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { changedPages, digestOf, digestOfPages, fileDigest, openDigestCache, openOutputCache, pageIdentities, type DigestCache, type OutputCache } from '../lib/build-cache.ts';
import { indexedPart, SEARCHABLE_MARK } from '../lib/search-indexed-part.ts';
import { PUBLISHED_REGISTRY } from '../lib/languages.ts';
import { releaseMemory } from '../lib/release-memory.ts';

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

/** The figures of Pagefind's last "Total:" block in its log: what it indexed. */
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

/**
 * Builds the search index in astro:build:done with Pagefind's Node API: one index per registered
 * language (src/lib/languages.ts), in dist/pagefind/<lang>/, read by
 * src/components/search/faceted-search.ts, one language at a time, the
 * Pagefind process closed between them so the memory of one index is freed before the next,
 * and the build's garbage collected before each (src/lib/release-memory.ts).
 * Any indexing error stops the build before the site is published.
 *
 * Pagefind cannot update an index, so a language's index is kept in Astro's cacheDir with a
 * digest of the pages it was built from, Pagefind's version and this file's code
 * (src/lib/build-cache.ts): when none of them changed since, the kept index is copied instead of
 * indexing the pages again. A page counts by what its index sees of it (src/lib/search-indexed-part.ts),
 * so an edit that only changes the parts Pagefind skips on other pages (their similar practices,
 * in every language) re-indexes only the language of the edited page. Options given to Pagefind
 * from elsewhere must join that key.
 */
export function searchIndex(): AstroIntegration {
  let cache: OutputCache | undefined;
  /** Where the searchable pages of the language being indexed are linked (searchableTree). */
  let treeFolder: string | undefined;
  let version = '';
  let code: string | undefined;
  /** What the index sees of each page, by the digest of the page's bytes (see indexedPart). */
  let indexedParts: DigestCache<string> | undefined;
  return {
    name: 'icc:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        version = pagefindVersion();
        code = indexingCode();
        if (code) {
          const folder = join(fileURLToPath(config.cacheDir), 'icc-search-index');
          cache = openOutputCache(folder);
          treeFolder = join(folder, 'indexing');
          indexedParts = openDigestCache(join(folder, 'indexed-parts.json'), (value): value is string => typeof value === 'string');
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const logs = mkdtempSync(join(tmpdir(), 'icc-pagefind-'));
        try {
          for (const { code: lang, searchLanguage } of PUBLISHED_REGISTRY) {
            const started = performance.now();
            const logfile = join(logs, `${lang}.log`);
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
            try {
              // Pagefind needs about 2 GB for a language of 10,000 practices: Astro's garbage is
              // given back first (0.35 GB of 2.5 GB on the benchmark's site), not kept beside it.
              const memory = releaseMemory();
              logger.info(`${lang}: memory of the build before indexing ${gigabytes(memory.before)}, after collecting its garbage ${gigabytes(memory.after)}`);
              const { index, errors } = await pagefind.createIndex({ logfile, forceLanguage: searchLanguage });
              if (!index) throw new Error(errors.join('; '));
              const tree = pages && treeFolder ? searchableTree(site, pages, treeFolder) : undefined;
              const added = await index.addDirectory({ path: tree ?? site, glob: `${lang}/**/*.html` });
              if (added.errors.length > 0) throw new Error(added.errors.join('; '));
              if (added.page_count === 0) throw new Error(`no page matches ${lang}/**/*.html in ${site}`);
              const written = await index.writeFiles({ outputPath: output });
              if (written.errors.length > 0) throw new Error(written.errors.join('; '));
            } catch (error) {
              throw new Error(`Pagefind could not index the "${lang}" pages, nothing was published: ${error instanceof Error ? error.message : String(error)}`);
            } finally {
              await pagefind.close();
              if (treeFolder) rmSync(treeFolder, { recursive: true, force: true });
            }
            if (cache && key) cache.store(lang, key, output, pages);
            const seconds = ((performance.now() - started) / 1000).toFixed(2);
            logger.info(`${lang}: ${indexedTotals(readFileSync(logfile, 'utf8'))} indexed in ${seconds} s`);
          }
          indexedParts?.save();
        } finally {
          rmSync(logs, { recursive: true, force: true });
        }
      },
    },
  };
}
