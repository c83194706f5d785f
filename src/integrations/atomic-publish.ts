import type { AstroIntegration } from 'astro';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterPublishing, stopKeptPagesCopy } from './kept-pages.ts';
import { stopSearchIndexing } from './search-index.ts';
import { buildFolders, buildHandoff, discardStaging, publishAndReuse, sweepAbandonedBuilds, writeHandoff, type BuildFolders } from '../lib/build-output.ts';

const NAME = 'icc:atomic-publish';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Whether process `pid` is alive (another user's process counts as alive). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * All-or-nothing builds (src/lib/build-output.ts): `astro build` writes into a staging folder
 * beside the configured outDir, and the site is published (the staging folder takes outDir's
 * place) in astro:build:done, after every other integration's checks passed: the search index,
 * the page-weight budgets, the sitemap and headers. A failed build, Ctrl-C or a kill leaves the
 * published site as it was. Must be the last integration with an astro:build:done hook; the
 * build stops at once if it is not.
 *
 * Started by `npm run build` (scripts/build.ts, which sets HANDOFF_VARIABLE), the staging folder
 * is named after the script's process, and this process hands it over instead of publishing it:
 * the script builds the search index once this process has ended, then publishes.
 */
export function atomicPublish(): AstroIntegration {
  let folders: BuildFolders | undefined;
  let cacheDir = '';
  const handoff = buildHandoff();
  const discard = () => {
    if (folders) discardStaging(folders);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    // What writes into the staging folder (a search index, the copy of the kept pages) is ended first.
    void Promise.allSettled([stopSearchIndexing(), stopKeptPagesCopy()]).then(() => {
      try {
        discard();
      } finally {
        // Die of the same signal, as the build would have without this handler.
        process.kill(process.pid, signal);
      }
    });
  };
  const release = () => {
    process.off('exit', discard);
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };

  return {
    name: NAME,
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        if (command !== 'build') return;
        release(); // A previous build in this process that failed (programmatic use) still listened.
        const output = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
        for (const message of sweepAbandonedBuilds(output, isRunning)) logger.warn(message);
        // Handed over, the folder belongs to the script, which is still running when this process ends.
        folders = buildFolders(output, handoff ? process.ppid : process.pid);
        discard();
        updateConfig({ outDir: pathToFileURL(`${folders.staging}/`) });
        process.on('exit', discard);
        for (const signal of SIGNALS) process.on(signal, onSignal);
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        if (!folders) return;
        const last = config.integrations.filter((integration) => integration.hooks['astro:build:done']).at(-1);
        if (last?.name !== NAME) {
          throw new Error(
            `${NAME} must be the last integration in astro.config.mjs: "${last?.name}" runs after it and would write into the published site. Move atomicPublish() to the end of the integrations list.`,
          );
        }
      },
      'astro:build:done': async ({ logger }) => {
        if (!folders) return;
        if (handoff) {
          writeHandoff(handoff, { folders, cacheDir });
          release();
          logger.info(`every step of Astro's process passed: the site waits in ${relative(process.cwd(), folders.staging)}/ for its search index`);
        } else {
          const published = folders;
          await publishAndReuse(published, async (replaced) => {
            release();
            logger.info(`every step passed: published ${relative(process.cwd(), published.output) || published.output}/`);
            await afterPublishing(cacheDir, published.output, logger)(replaced);
          });
        }
        folders = undefined;
      },
    },
  };
}
