/**
 * Putting Astro's kept folder back once a build is published, when the build moved it into its
 * staging folder (src/lib/kept-pages.ts `moveKeptPages`) instead of copying it.
 *
 * A moved kept folder is the new site: after the build, the kept folder holds only the pages
 * Astro rendered in it. For the next build to find every page with a cache key in it again, the
 * other pages are put back, taken, in order of cost:
 * 1. from the kept folder itself (the pages Astro rendered in this build);
 * 2. from the site the publishing replaced (the "spare", the published site of the build before),
 *    each page whose bytes are those of the new site (most are: only what this build rendered
 *    differs). The spare is then made the kept folder, by renames, and what it holds besides
 *    (the search index, scripts, pages without a key) is removed: the publishing removed the whole
 *    spare before, so this is less work than that. Two trees take turns: the published site and
 *    the kept folder, and no page is copied;
 * 3. copied from the new site, for the pages neither has (a pipeline's build, which starts
 *    without a published site, copies them all, after publishing).
 *
 * Every page put back is checked by the digest of its bytes against the page just published, as
 * recorded when the build ended (`recordStagedPages`): a page whose file changed since it was
 * recorded, or is missing, is left out, and the next build renders it again. So the kept folder
 * never holds a page Astro would trust that is not the one it last published.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, type BigIntStats } from 'node:fs';
import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { digestOf, writeAtomically } from './build-cache.ts';
import { COPIES_IN_FLIGHT, filesUnder, identityOf, inPool, keptPagesFolder, readKeptDigests, recordedDigest, writeKeptDigests, type KeptDigests } from './kept-pages.ts';

/** The pages with a cache key of the site last staged (by path: size, modification time, inode, digest). */
export const stagedPagesFile = (cacheDir: string): string => join(cacheDir, 'icc-staged-pages.json');
/** The same, of the site last published: the spare, once the next build publishes. */
export const publishedPagesFile = (cacheDir: string): string => join(cacheDir, 'icc-published-pages.json');

const RECORD_VERSION = 1;

function readRecord(file: string): KeptDigests | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { version?: number; pages?: KeptDigests };
    return data.version === RECORD_VERSION && typeof data.pages === 'object' && data.pages !== null ? data.pages : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The files of the pages Astro recorded with a cache key in its last build (its manifest,
 * `<cacheDir>/incremental-build.json`, written before astro:build:done), as paths relative to the
 * output folder with forward slashes. Astro records them URL-encoded.
 */
export function keyedOutputFiles(cacheDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(cacheDir, 'incremental-build.json'), 'utf8')) as {
    routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }>;
  };
  const files = new Set<string>();
  for (const route of Object.values(manifest.routes ?? {})) {
    for (const { outputFile } of Object.values(route.paths ?? {})) if (typeof outputFile === 'string') files.add(decodeURIComponent(outputFile));
  }
  return [...files].sort();
}

/**
 * Records, for the kept folder of the next build, every page with a cache key in `staging` as
 * it is now: its size, modification time, inode and digest (`stagedDigest`, given the file's
 * stats, when this build knows it, else read). Call it once the pages are final (after the budget check read them); returns
 * how many were recorded. A keyed page not in the folder (the 404 pages, moved) is left out.
 */
export function recordStagedPages(cacheDir: string, staging: string, stagedDigest: (path: string, stats: BigIntStats) => string | undefined): number {
  const pages: KeptDigests = {};
  for (const file of keyedOutputFiles(cacheDir)) {
    const path = join(staging, file);
    const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
    if (!stats?.isFile()) continue;
    pages[file] = [...identityOf(stats), stagedDigest(path, stats) ?? digestOf(readFileSync(path))];
  }
  writeAtomically(stagedPagesFile(cacheDir), JSON.stringify({ version: RECORD_VERSION, pages }));
  return Object.keys(pages).length;
}

/** What refillKeptPages did. */
export interface Refill {
  /** Pages already in the kept folder (rendered by this build), moved from the spare, copied from the site. */
  kept: number;
  fromSpare: number;
  copied: number;
  /** Pages left out: changed or missing since they were recorded (the next build renders them). */
  left: number;
}

/** The name a page is copied under before it takes its own (a kept file of that name is no page: the next build removes it). */
const PART = '.icc-part';

/**
 * Makes the kept folder of `cacheDir` hold every page with a cache key of `site`, the site just
 * published, or about to be (see above); `spare`, when given, is the site it replaced, which this
 * may make the kept folder (the caller removes what is left of it). Does nothing when the build
 * recorded no pages (`recordStagedPages`). Once the site is published, `recordPublishedPages`.
 * With `published`, `site` is the site already published (and its record the published one): a
 * pipeline hands it over once deployed, as its own spare (scripts/hand-over.ts). `discard` is
 * given what the spare holds besides the pages (removed, unless told otherwise).
 */
export async function refillKeptPages(
  cacheDir: string,
  site: string,
  spare?: string,
  { published = false, discard = (path: string) => rmSync(path, { recursive: true, force: true }) }: { published?: boolean; discard?: (path: string) => void } = {},
): Promise<Refill | undefined> {
  const wanted = readRecord(published ? publishedPagesFile(cacheDir) : stagedPagesFile(cacheDir));
  if (!wanted) return undefined;
  const kept = keptPagesFolder(cacheDir);
  const keptDigests = readKeptDigests(cacheDir);
  /** The kept folder as it will be: by page, its file's identity and digest. */
  const next: KeptDigests = {};
  // 1. The kept folder: the pages this build rendered (or all of them, when it was copied, not moved).
  const stale: string[] = [];
  if (existsSync(kept)) {
    for (const file of filesUnder(kept)) {
      const identity = identityOf(statSync(join(kept, file), { bigint: true }));
      const digest = recordedDigest(keptDigests, file, identity);
      if (Object.hasOwn(wanted, file) && digest === wanted[file]![3]) next[file] = [...identity, digest];
      else stale.push(file);
    }
  }
  const refill: Refill = { kept: Object.keys(next).length, fromSpare: 0, copied: 0, left: 0 };
  let missing = Object.keys(wanted).filter((file) => !Object.hasOwn(next, file));
  if (missing.length === 0 && stale.length === 0) {
    writeKeptDigests(cacheDir, next);
    return refill;
  }
  // 2. The spare: each page still as the last build recorded it, with the bytes just published.
  const spareRecord = spare && existsSync(spare) ? readRecord(publishedPagesFile(cacheDir)) : undefined;
  const fromSpare = new Map<string, [string, string, string, string]>();
  if (spare && spareRecord) {
    for (const file of missing) {
      const recorded = Object.hasOwn(spareRecord, file) ? spareRecord[file]! : undefined;
      if (!recorded || recorded[3] !== wanted[file]![3]) continue;
      const stats = statSync(join(spare, file), { bigint: true, throwIfNoEntry: false });
      if (stats && recordedDigest(spareRecord, file, identityOf(stats)) !== undefined) fromSpare.set(file, [...identityOf(stats), recorded[3]]);
    }
  }
  if (spare && fromSpare.size > Object.keys(next).length) {
    // The spare becomes the kept folder: it keeps the pages wanted, takes the kept folder's, loses the rest.
    keepOnly(spare, new Set(fromSpare.keys()), discard);
    for (const file of Object.keys(next)) {
      mkdirSync(dirname(join(spare, file)), { recursive: true });
      renameSync(join(kept, file), join(spare, file));
    }
    rmSync(kept, { recursive: true, force: true });
    renameSync(spare, kept);
    for (const [file, entry] of fromSpare) next[file] = entry;
    refill.fromSpare = fromSpare.size;
    missing = missing.filter((file) => !fromSpare.has(file));
  } else {
    for (const file of stale) rmSync(join(kept, file), { force: true });
  }
  // 3. Copied from the site: each page still as it was recorded.
  const made = new Map<string, Promise<unknown>>();
  await inPool(missing, COPIES_IN_FLIGHT, async (file) => {
    const from = join(site, file);
    const before = await stat(from, { bigint: true }).catch(() => undefined);
    if (!before || recordedDigest(wanted, file, identityOf(before)) === undefined) {
      refill.left++;
      return;
    }
    const to = join(kept, file);
    const folder = dirname(to);
    if (!made.has(folder)) made.set(folder, mkdir(folder, { recursive: true }));
    await made.get(folder);
    // Under another name first: a build killed mid-copy leaves no half page under a name Astro trusts.
    await copyFile(from, `${to}${PART}`);
    await rename(`${to}${PART}`, to);
    next[file] = [...identityOf(await stat(to, { bigint: true })), wanted[file]![3]];
    refill.copied++;
  });
  writeKeptDigests(cacheDir, next);
  return refill;
}

/**
 * Once the staged site is published: its record becomes the published one, which the next
 * build's refill checks the site it replaces against.
 */
export function recordPublishedPages(cacheDir: string): void {
  if (existsSync(stagedPagesFile(cacheDir))) renameSync(stagedPagesFile(cacheDir), publishedPagesFile(cacheDir));
}

/** Discards (`discard`: removes) from `folder` every file not in `files` (relative paths, forward slashes), whole folders at once where it can. */
function keepOnly(folder: string, files: ReadonlySet<string>, discard: (path: string) => void): void {
  const folders = new Set<string>();
  for (const file of files) for (let parent = dirname(file); parent !== '.' && parent !== ''; parent = dirname(parent)) folders.add(parent);
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(folder, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory() ? !folders.has(path) : !files.has(path)) discard(join(folder, path));
      else if (entry.isDirectory()) walk(path);
    }
  };
  walk('');
}
