import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { knownDigest, rememberDigest } from '../lib/build-cache.ts';
import { moveKeptPages, recordKeptDigests, sweepPages, unseedPages, type SeededPage } from '../lib/kept-pages.ts';
import { recordPublishedPages, recordStagedPages, refillKeptPages, stagedPagesFile } from '../lib/kept-pages-refill.ts';
import type { ReuseReplaced } from '../lib/build-output.ts';

/** What the copying worker posts (src/integrations/kept-pages-worker.ts). */
export type SeedReply = { pages: SeededPage[]; read: number; digestsProblem?: string; ms: number } | { problem: string };

const NAME = 'icc:kept-pages';

/** The copying workers running, for a stopped build (stopKeptPagesCopy). */
const copying = new Set<Worker>();

/**
 * Ends the copy of the kept pages in progress and waits until it has, so that nothing writes
 * into the staging folder while a stopped build removes it (atomic-publish.ts on a signal; a
 * folder written to while it is removed cannot be removed).
 */
export async function stopKeptPagesCopy(): Promise<void> {
  await Promise.all([...copying].map((worker) => worker.terminate()));
}

/**
 * Puts the kept pages in the staging folder: moved there in one rename when it can
 * (moveKeptPages: `moved` lists them), else copied, and their digests taken, in a worker;
 * resolves with what it posted. When the worker cannot start or fails, no page it may have
 * copied is kept (it may be half written); moved pages are whole, and stay.
 */
function seedInWorker(cacheDir: string, staging: string): { seeded: Promise<SeedReply>; ref(): void; moved?: string[] } {
  const moved = moveKeptPages(cacheDir, staging);
  const unseed = () => {
    if (!moved) unseedPages(cacheDir, staging);
  };
  let worker: Worker;
  try {
    worker = new Worker(new URL('./kept-pages-worker.ts', import.meta.url), { workerData: { cacheDir, staging, moved } });
  } catch (error) {
    unseed();
    return { seeded: Promise.resolve({ problem: error instanceof Error ? error.message : String(error) }), ref: () => undefined, moved };
  }
  // Until the build waits for it, the copy keeps no build alive (a build that failed meanwhile ends).
  worker.unref();
  copying.add(worker);
  worker.once('exit', () => copying.delete(worker));
  let replied = false;
  const seeded = new Promise<SeedReply>((settle) => {
    worker.once('message', (reply: SeedReply) => {
      replied = true;
      settle(reply);
    });
    // A worker that ended without its reply may have left a half-copied page: none is kept.
    const ended = (problem: string) => {
      if (replied) return;
      unseed();
      settle({ problem });
    };
    worker.once('error', (error) => ended(error.message));
    worker.once('exit', (code) => ended(`the copying worker ended (code ${code})`));
  });
  return { seeded, ref: () => worker.ref(), moved };
}

/**
 * Puts the pages Astro's incremental build kept into the staging folder (moved there, else
 * copied, while Astro starts), so that Astro finds each unchanged page in place instead of
 * copying it on the main thread, and removes, once the site is generated, the seeded pages this
 * build did not generate (see src/lib/kept-pages.ts). Must be the first integration with an astro:build:done hook: the
 * others (budgets, search index, publishing) read the folder after it is swept.
 */
export function keptPages(): AstroIntegration {
  let seed: ReturnType<typeof seedInWorker> | undefined;
  let staging = '';
  let logger: AstroIntegrationLogger | undefined;
  let reported: Promise<string[]> | undefined;
  /** The files copied, once the copy is done (reported once); their digests are remembered for the checks after Astro's step. */
  const copied = () =>
    (reported ??= (async () => {
      if (!seed) return [];
      seed.ref();
      const reply = await seed.seeded;
      if ('problem' in reply && seed.moved) {
        logger?.warn(`the digests of the ${seed.moved.length} pages moved into the staging folder could not be taken (${reply.problem}): the checks read them`);
        return seed.moved;
      }
      if ('problem' in reply) {
        logger?.warn(`the pages kept by the last build could not be put in the staging folder (${reply.problem}): Astro copies them itself`);
        return [];
      }
      for (const page of reply.pages) rememberDigest(join(staging, page.file), page);
      if (reply.digestsProblem) logger?.warn(`the digests of the kept pages could not be kept for the next build (${reply.digestsProblem}): it will read every kept page once`);
      if (reply.pages.length > 0) {
        const how = seed.moved ? 'moved there in one rename' : 'copied';
        logger?.info(`${reply.pages.length} pages kept by the last build put in the staging folder (${how}) in ${(reply.ms / 1000).toFixed(1)} s, while Astro started (${reply.read} of them read to know their digests)`);
      }
      return reply.pages.map((page) => page.file);
    })());
  return {
    name: NAME,
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger: integrationLogger }) => {
        if (command !== 'build' || !config.experimental.incrementalBuild) return;
        logger = integrationLogger;
        updateConfig({
          vite: {
            // Astro would empty outDir when it starts bundling, while the copy runs: the worker
            // empties it first instead (src/lib/kept-pages.ts, seedPages).
            build: { emptyOutDir: false },
            // Before the first page is rendered: the first bundle written.
            plugins: [{ name: NAME, writeBundle: async () => void (await copied()) }],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        // A build with the incremental build on (config:setup said so).
        if (!logger) return;
        const first = config.integrations.find((integration) => integration.hooks['astro:build:done']);
        if (first?.name !== NAME) {
          throw new Error(`${NAME} must come before "${first?.name}" in astro.config.mjs: it removes the copies of pages no longer built before any other integration reads the folder. Move keptPages() to the start of the integrations list.`);
        }
        staging = fileURLToPath(config.outDir);
        seed = seedInWorker(fileURLToPath(config.cacheDir), staging);
      },
      'astro:build:done': async ({ assets }) => {
        const files = await copied();
        if (files.length === 0) return;
        const generated = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) generated.add(relative(staging, fileURLToPath(url)).split(sep).join('/'));
        const stale = sweepPages(staging, files, generated);
        if (stale.length > 0) logger?.info(`${stale.length} kept ${stale.length === 1 ? 'page is' : 'pages are'} no longer built: removed (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', …' : ''})`);
      },
    },
  };
}

/**
 * Keeps, for the next build's seed of the kept pages, the digests of the pages Astro rendered in
 * this build (src/lib/kept-pages.ts `recordKeptDigests`), so that the seed reads none of them
 * again, and records the pages with a cache key as they are staged, against which the kept
 * folder is put back once they are published (src/lib/kept-pages-refill.ts `recordStagedPages`).
 * Put it after pageBudgets(), which reads every page: a digest this build does not know is read
 * here, so its place changes the speed, never a page.
 */
export function keptPageDigests(): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'icc:kept-page-digests',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!config.experimental.incrementalBuild) return;
        refillSkipped(); // A value it does not understand stops the build here, before anything is built.
        cacheDir = fileURLToPath(config.cacheDir);
        // Written again when this build ends: a record of an earlier build that did not publish is not this site's.
        rmSync(stagedPagesFile(cacheDir), { force: true });
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!cacheDir) return;
        const site = fileURLToPath(dir);
        try {
          const added = recordKeptDigests(cacheDir, site, knownDigest);
          if (added > 0) logger.info(`digests of ${added} pages Astro kept in this build recorded, for the next build's copy`);
        } catch (error) {
          logger.warn(`the digests of the kept pages could not be recorded (${error instanceof Error ? error.message : String(error)}): the next build reads those pages once`);
        }
        try {
          const recorded = recordStagedPages(cacheDir, site, knownDigest);
          logger.info(`${recorded} pages with a cache key recorded, to be kept for the next build once the site is published`);
        } catch (error) {
          logger.warn(`the pages of this build could not be recorded (${error instanceof Error ? error.message : String(error)}): the next build renders again the pages its kept folder lacks`);
        }
      },
    },
  };
}

/**
 * Puts back in the kept folder the pages this build did not render, for the next build
 * (src/lib/kept-pages-refill.ts): from `replaced`, the site the publishing replaced, when there
 * is one, else copied from `site` (the published site, or the staging folder once its pages are
 * final). Never fails: a failure is told, and the next build renders again the pages its kept
 * folder lacks.
 */
export async function refillKeptFolder(cacheDir: string, site: string, logger: { info(message: string): void; warn(message: string): void }, replaced?: string): Promise<void> {
  const started = performance.now();
  try {
    const refill = await refillKeptPages(cacheDir, site, replaced);
    if (!refill || refill.fromSpare + refill.copied + refill.left === 0) return;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const left = refill.left > 0 ? `, ${refill.left} left out (changed since the build recorded them: the next build renders them)` : '';
    logger.info(`kept pages put back for the next build in ${seconds} s: ${refill.kept} rendered by this build, ${refill.fromSpare} taken from the site it replaced, ${refill.copied} copied from the site${left}`);
  } catch (error) {
    logger.warn(`the kept pages could not all be put back for the next build (${error instanceof Error ? error.message : String(error)}): it renders again the pages its kept folder lacks`);
  }
}

/**
 * What a build does once published (src/lib/build-output.ts `publishAndReuse`): the kept folder's
 * refill, from the site the publishing replaced, then the new site's record becomes the
 * published one. `refilled`: a refill already run before publishing (scripts/build.ts, when
 * there was no published site to take pages from), waited for instead.
 */
export function afterPublishing(cacheDir: string, site: string, logger: { info(message: string): void; warn(message: string): void }, refilled?: Promise<void>): ReuseReplaced {
  return async (replaced) => {
    if (refillSkipped()) logger.info(`the kept pages are not put back (${REFILL_VARIABLE}=skip): the pipeline hands the published site over once deployed (npm run build:hand-over), or keeps no cache`);
    else await (refilled ?? refillKeptFolder(cacheDir, site, logger, replaced));
    recordPublishedPages(cacheDir);
  };
}

/**
 * Set to `skip` by a pipeline that hands its published site over to the next build once it has
 * deployed it (`npm run build:hand-over`, scripts/hand-over.ts), or that keeps no cache (a
 * preview): the build then puts no kept page back itself.
 */
export const REFILL_VARIABLE = 'ICC_REFILL_KEPT_PAGES';

/** Whether this build leaves the kept folder's refill to the pipeline (REFILL_VARIABLE). */
export function refillSkipped(environment: NodeJS.ProcessEnv = process.env): boolean {
  const value = environment[REFILL_VARIABLE];
  if (value === undefined || value === '') return false;
  if (value === 'skip') return true;
  throw new Error(`${REFILL_VARIABLE}=${value} is not understood: set it to "skip" (the pipeline runs npm run build:hand-over after deploying), or leave it unset.`);
}
