/**
 * The pages Astro's incremental build keeps (experimental.incrementalBuild: a copy of every page
 * with a cacheKey, in `<cacheDir>/dist/`), put into a build's staging folder before Astro renders.
 *
 * Why: a build writes into an empty staging folder (src/lib/build-output.ts), so Astro copies
 * every unchanged page from its cache one by one while it renders the changed ones: for each,
 * two existence checks, a mkdir and a copy, on the main thread's turn. At 10,000 practices that
 * was about 18 s of a 29 s rendering step after a one-practice edit. A page already in the
 * output folder is one existence check ("(cached)" in Astro's log, instead of "(restored)").
 *
 * So a build makes the kept folder its staging folder, in one rename, when the build starts
 * (`moveKeptPages`); the kept folder is put back once the site is published, mostly by renames
 * too (src/lib/kept-pages-refill.ts). Where it cannot be moved (the staging folder holds
 * something, or the cache is on another disk), the kept folder is copied into the staging folder
 * while Astro starts, syncs the content and bundles, in a worker thread (`seedPages`). Either way
 * the first bundle waits for it, before the first page. Astro would empty the folder when it
 * starts bundling: the copy empties it first instead, and Astro is told not to
 * (vite.build.emptyOutDir: false).
 *
 * The seed says, of each page, the digest of its bytes and the file's size and modification
 * time: the checks after Astro's step take the digest of a page still as it was seeded from a
 * stat (build-cache.ts `rememberDigest`), instead of reading 1.5 GB again at 10,000 practices in
 * three languages. Astro writes no page before the seed has ended (the first bundle waits for
 * it), so a page it writes over a seeded one has a later modification time. The digests
 * themselves are kept between builds by the kept file's identity (`keptDigestsFile`; a rename
 * keeps it), so the seed reads only the kept pages whose digest no build recorded.
 *
 * Astro still decides every page: a page that changed is rendered and written over its seeded
 * file. A page no longer built (a practice removed, a language no longer published) has a seeded
 * file that Astro does not know of, so once Astro has generated the site, every seeded file
 * Astro did not generate is removed (`sweepPages`), before any check reads the folder and before
 * it is published.
 */
import { constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, type BigIntStats, type Dirent } from 'node:fs';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { digestOf, writeAtomically, type WrittenFile } from './build-cache.ts';

/** Where Astro keeps the pages it may reuse (astro/dist/core/build/incremental.js, INCREMENTAL_OUTPUT_DIR). */
export const keptPagesFolder = (cacheDir: string): string => join(cacheDir, 'dist');

/** The files under `folder`, as paths relative to it with forward slashes, in a stable order. */
export function filesUnder(folder: string): string[] {
  return (readdirSync(folder, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * How many copies are in flight at once. Each page is a folder and a file, and on a virtual disk
 * that metadata costs more than the bytes; copies queued on libuv's thread pool overlap it. On
 * the benchmark machine, the 47,475 pages of the three-language corpus took a median of 31 s at
 * sixteen at a time against 49 s one after the other (four runs each, spread 18–38 s and 25–83 s).
 */
export const COPIES_IN_FLIGHT = 16;

/** A page copied into the staging folder: its path relative to it (forward slashes) and what build-cache.ts needs to trust its digest. */
export interface SeededPage extends WrittenFile {
  file: string;
}

/**
 * Where the copy keeps, for the next build, the digest of each kept page with the kept file's
 * size, modification time and inode: a kept file that still has all three is not read again.
 * Astro writes a kept file only when it renders its page, which changes its modification time.
 */
export const keptDigestsFile = (cacheDir: string): string => join(cacheDir, 'icc-kept-pages.json');

const DIGESTS_VERSION = 1;
/** By page: [size, modification time in nanoseconds, inode, digest]. */
export type KeptDigests = Record<string, [string, string, string, string]>;

/** A kept file's identity in the kept digests: its size, modification time and inode. */
export const identityOf = ({ size, mtimeNs, ino }: BigIntStats): [string, string, string] => [String(size), String(mtimeNs), String(ino)];

/** The digest recorded for a kept file, when it still has the identity it was recorded with. */
export function recordedDigest(recorded: KeptDigests, file: string, identity: readonly string[]): string | undefined {
  const known = Object.hasOwn(recorded, file) ? recorded[file]! : undefined;
  return known && identity.every((part, index) => part === known[index]) ? known[3] : undefined;
}

export function writeKeptDigests(cacheDir: string, pages: KeptDigests): void {
  writeAtomically(keptDigestsFile(cacheDir), JSON.stringify({ version: DIGESTS_VERSION, pages }));
}

export function readKeptDigests(cacheDir: string): KeptDigests {
  try {
    const data = JSON.parse(readFileSync(keptDigestsFile(cacheDir), 'utf8')) as { version?: number; pages?: KeptDigests };
    return data.version === DIGESTS_VERSION && typeof data.pages === 'object' && data.pages !== null ? data.pages : {};
  } catch {
    // None yet, or unreadable: every kept page is read once.
    return {};
  }
}

/**
 * Makes the kept folder the staging folder, in one rename, when it can: the staging folder does
 * not exist (or is empty) and both are on one disk. Returns the files moved, in the order of their
 * paths, or undefined when nothing was moved (the pages are then copied: `seedPages`). The kept
 * folder is then gone: Astro writes the pages it renders into a new one, and the published site
 * puts the others back once it is published (src/lib/kept-pages-refill.ts).
 *
 * Why: copying 31,650 pages took 17-19 s of every rebuild on the benchmark machine (each file
 * and folder made costs about 0.5-1 ms of the kernel's time there); a rename costs nothing.
 */
export function moveKeptPages(cacheDir: string, staging: string): string[] | undefined {
  const kept = keptPagesFolder(cacheDir);
  if (!existsSync(kept)) return undefined;
  try {
    // Only an empty staging folder is replaced (one with .git in it is not).
    if (existsSync(staging)) rmdirSync(staging);
    mkdirSync(dirname(staging), { recursive: true });
    renameSync(kept, staging);
  } catch {
    return undefined;
  }
  return filesUnder(staging);
}

/** Runs `each` over `items`, `inFlight` at a time; stops starting new ones after the first failure, which it rejects with once those in flight have ended. */
export async function inPool<T>(items: readonly T[], inFlight: number, each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++]!;
      try {
        await each(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, worker));
  if (failure) throw failure.error;
}

/**
 * The pages `moveKeptPages` moved into `staging`, each with the digest of its bytes: from the
 * kept digests when the file has the identity they were recorded with (a rename keeps it), else
 * read and hashed; `read` says how many were read.
 */
export async function digestMovedPages(cacheDir: string, staging: string, files: readonly string[]): Promise<{ pages: SeededPage[]; read: number }> {
  const recorded = readKeptDigests(cacheDir);
  const pages = new Map<string, SeededPage>();
  let read = 0;
  await inPool(files, COPIES_IN_FLIGHT, async (file) => {
    const path = join(staging, file);
    const stats = await stat(path, { bigint: true });
    let digest = recordedDigest(recorded, file, identityOf(stats));
    if (digest === undefined) {
      read++;
      digest = digestOf(await readFile(path));
    }
    pages.set(file, { file, digest, size: stats.size, mtimeNs: stats.mtimeNs });
  });
  return { pages: files.map((file) => pages.get(file)!), read };
}

/**
 * Empties `staging` as Astro would have (all but .git), copies every page kept in `cacheDir`
 * into it and resolves with the pages copied (in the order of their paths), each with the digest
 * of its bytes: kept from an earlier copy when the kept file has not changed since, else read and
 * hashed. Nothing writes the kept folder while the copy runs (Astro writes it when it renders).
 * The digests are kept for the next build; `read` says how many pages were read to hash them, and
 * `digestsProblem` why the digests could not be kept. On a
 * failure (a full disk, say) it lets the copies in flight end, removes what it copied, so no
 * half-written page is ever taken for a kept one, then rejects with the first failure.
 */
export async function seedPages(cacheDir: string, staging: string): Promise<{ pages: SeededPage[]; read: number; digestsProblem?: string }> {
  if (existsSync(staging)) for (const name of readdirSync(staging)) if (name !== '.git') rmSync(join(staging, name), { recursive: true, force: true });
  const kept = keptPagesFolder(cacheDir);
  if (!existsSync(kept)) return { pages: [], read: 0 };
  const files = filesUnder(kept);
  const before = readKeptDigests(cacheDir);
  const after: KeptDigests = {};
  const copied = new Map<string, SeededPage>();
  let read = 0;
  /** Files whose copy failed part-way: they may be half written. */
  const broken: string[] = [];
  const made = new Map<string, Promise<unknown>>();
  try {
    await inPool(files, COPIES_IN_FLIGHT, async (file) => {
      const source = join(kept, file);
      const target = join(staging, file);
      const folder = dirname(target);
      try {
        // One mkdir per folder, which the copies into it wait for.
        if (!made.has(folder)) made.set(folder, mkdir(folder, { recursive: true }));
        const [stats] = await Promise.all([stat(source, { bigint: true }), made.get(folder)]);
        const identity = identityOf(stats);
        let digest = recordedDigest(before, file, identity);
        if (digest === undefined) {
          read++;
          digest = digestOf(await readFile(source));
        }
        await copyFile(source, target, constants.COPYFILE_EXCL);
        const written = await stat(target, { bigint: true });
        copied.set(file, { file, digest, size: written.size, mtimeNs: written.mtimeNs });
        after[file] = [...identity, digest];
      } catch (error) {
        // A file already there is not this build's to replace (nor to remove): Astro decides it.
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
        broken.push(file);
        throw error;
      }
    });
  } catch (error) {
    removePages(staging, [...copied.keys(), ...broken]);
    throw error;
  }
  let digestsProblem: string | undefined;
  try {
    writeKeptDigests(cacheDir, after);
  } catch (error) {
    digestsProblem = error instanceof Error ? error.message : String(error);
  }
  // In the order of `files`, whatever order the copies ended in.
  return { pages: files.flatMap((file) => copied.get(file) ?? []), read, digestsProblem };
}

/**
 * Adds to the kept digests (`keptDigestsFile`) the kept files written since they were recorded:
 * Astro's copies of the pages it rendered in this build. Astro writes a page and its kept copy
 * from the same bytes, so the digest of the page, when this build knows it (`stagedDigest`,
 * build-cache.ts `knownDigest`: the budget check read every HTML page) and the sizes agree, is
 * the copy's; any other kept file is read and hashed. So the next build's copy reads no kept page,
 * the first rebuild after a cold build included. Call it once the checks have read the pages;
 * returns how many files were added.
 */
export function recordKeptDigests(cacheDir: string, staging: string, stagedDigest: (path: string) => string | undefined): number {
  const kept = keptPagesFolder(cacheDir);
  if (!existsSync(kept)) return 0;
  const before = readKeptDigests(cacheDir);
  const after: KeptDigests = {};
  let added = 0;
  for (const file of filesUnder(kept)) {
    const stats = statSync(join(kept, file), { bigint: true });
    const identity = identityOf(stats);
    const recorded = recordedDigest(before, file, identity);
    if (recorded !== undefined) {
      after[file] = [...identity, recorded];
      continue;
    }
    const page = join(staging, file);
    const vouched = statSync(page, { bigint: true, throwIfNoEntry: false })?.size === stats.size ? stagedDigest(page) : undefined;
    // A file the checks did not read (a feed, a chart, a calendar: few and small) is hashed here.
    after[file] = [...identity, vouched ?? digestOf(readFileSync(join(kept, file)))];
    added++;
  }
  if (added > 0 || Object.keys(after).length !== Object.keys(before).length) writeKeptDigests(cacheDir, after);
  return added;
}

/**
 * Removes the copied files that Astro did not generate (`generated`: paths relative to `staging`,
 * forward slashes) and the folders they leave empty; returns the files removed.
 */
export function sweepPages(staging: string, copied: readonly string[], generated: ReadonlySet<string>): string[] {
  const stale = copied.filter((file) => !generated.has(file));
  removePages(staging, stale);
  return stale;
}

/**
 * Removes from `staging` every file that `seedPages` may have copied there: after a copy that
 * stopped without saying what it copied (its worker ended), before Astro renders a page.
 */
export function unseedPages(cacheDir: string, staging: string): void {
  const kept = keptPagesFolder(cacheDir);
  if (existsSync(kept)) removePages(staging, filesUnder(kept));
}

function removePages(staging: string, files: readonly string[]): void {
  const folders = new Set<string>();
  for (const file of files) {
    rmSync(join(staging, file), { force: true });
    for (let folder = dirname(file); folder !== '.' && folder !== ''; folder = dirname(folder)) folders.add(folder);
  }
  // Deepest first; a folder that still holds something stays.
  for (const folder of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    try {
      rmdirSync(join(staging, folder));
    } catch {
      // Not empty, or already gone.
    }
  }
}
