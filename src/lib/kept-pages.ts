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
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, type Dirent } from 'node:fs';
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
 * Empties `staging` as Astro would have (all but .git), copies every page kept in `cacheDir`
 * into it and returns the files copied, relative to `staging`. On a failure (a full disk, say)
 * it removes what it copied, so no half-written page is ever taken for a kept one, then throws.
 */
export function seedPages(cacheDir: string, staging: string): string[] {
  if (existsSync(staging)) for (const name of readdirSync(staging)) if (name !== '.git') rmSync(join(staging, name), { recursive: true, force: true });
  const kept = keptPagesFolder(cacheDir);
  if (!existsSync(kept)) return [];
  const files = filesUnder(kept);
  const copied: string[] = [];
  const made = new Set<string>();
  let current: string | undefined;
  try {
    for (const file of files) {
      current = file;
      const target = join(staging, file);
      const folder = dirname(target);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      try {
        copyFileSync(join(kept, file), target, constants.COPYFILE_EXCL);
      } catch (error) {
        // A file already there is not this build's to replace (nor to remove): Astro decides it.
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      copied.push(file);
    }
  } catch (error) {
    // The file being copied may be half written: it goes too, with the folders made for it.
    removePages(staging, current === undefined || copied.includes(current) ? copied : [...copied, current]);
    throw error;
  }
  return copied;
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
