/**
 * The pages Astro's incremental build keeps (experimental.incrementalBuild: a copy of every page
 * with a cacheKey, in `<cacheDir>/dist/`), put into a build's staging folder before Astro renders.
 *
 * Why: a build writes into an empty staging folder (src/lib/build-output.ts), so Astro copies
 * every unchanged page from its cache one by one while it renders the changed ones: for each,
 * two existence checks, a mkdir and a copy, on the main thread's turn. At 10,000 practices that
 * was about 18 s of a 29 s rendering step after a one-practice edit. A page already in the
 * output folder is one existence check ("(cached)" in Astro's log, instead of "(restored)"). So a
 * build copies the whole kept folder into its staging folder while Astro starts, syncs the
 * content and bundles (in a worker thread), and waits for the copy before the first page. Astro
 * would empty the folder when it starts bundling, in the middle of the copy: the copy empties
 * it first instead, and Astro is told not to (vite.build.emptyOutDir: false).
 *
 * Astro still decides every page: a page that changed is rendered and written over its copy. A
 * page no longer built (a practice removed, a language no longer published) has a copy that
 * Astro does not know of, so once Astro has generated the site, every copy Astro did not generate
 * is removed (`sweepPages`), before any check reads the folder and before it is published.
 */
import { constants, existsSync, readdirSync, rmdirSync, rmSync, type Dirent } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/** Where Astro keeps the pages it may reuse (astro/dist/core/build/incremental.js, INCREMENTAL_OUTPUT_DIR). */
export const keptPagesFolder = (cacheDir: string): string => join(cacheDir, 'dist');

/** The files under `folder`, as paths relative to it with forward slashes, in a stable order. */
function filesUnder(folder: string): string[] {
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
const COPIES_IN_FLIGHT = 16;

/**
 * Empties `staging` as Astro would have (all but .git), copies every page kept in `cacheDir`
 * into it and resolves with the files copied, relative to `staging`. On a failure (a full disk,
 * say) it lets the copies in flight end, removes what it copied, so no half-written page is ever
 * taken for a kept one, then rejects with the first failure.
 */
export async function seedPages(cacheDir: string, staging: string): Promise<string[]> {
  if (existsSync(staging)) for (const name of readdirSync(staging)) if (name !== '.git') rmSync(join(staging, name), { recursive: true, force: true });
  const kept = keptPagesFolder(cacheDir);
  if (!existsSync(kept)) return [];
  const files = filesUnder(kept);
  const copied = new Set<string>();
  /** Files whose copy failed part-way: they may be half written. */
  const broken: string[] = [];
  const made = new Map<string, Promise<unknown>>();
  let next = 0;
  let failure: { error: unknown } | undefined;
  const copyNext = async (): Promise<void> => {
    while (!failure && next < files.length) {
      const file = files[next++]!;
      const target = join(staging, file);
      const folder = dirname(target);
      try {
        // One mkdir per folder, which the copies into it wait for.
        if (!made.has(folder)) made.set(folder, mkdir(folder, { recursive: true }));
        await made.get(folder);
        await copyFile(join(kept, file), target, constants.COPYFILE_EXCL);
        copied.add(file);
      } catch (error) {
        // A file already there is not this build's to replace (nor to remove): Astro decides it.
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        broken.push(file);
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(COPIES_IN_FLIGHT, files.length) }, copyNext));
  if (failure) {
    removePages(staging, [...copied, ...broken]);
    throw failure.error;
  }
  // In the order of `files`, whatever order the copies ended in.
  return files.filter((file) => copied.has(file));
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
