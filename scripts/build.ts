/**
 * `npm run build`'s build: `astro build` in a process of its own, then the search index and the
 * publishing in this one, once Astro's process has ended.
 *
 * Why: Pagefind needs about 2 GB to index a language of 10,000 practices, and Astro's process
 * holds about 2 GB at the end of its build (most of it outside the garbage collector's reach).
 * Indexed inside `astro build`, both are in memory at once (4.5 GB on the benchmark); here
 * Astro's memory is given back before Pagefind starts.
 *
 * Nothing else changes: `astro build` checks the content and the budgets and stages the site as
 * always (src/integrations/atomic-publish.ts), hands the staging folder over instead of publishing
 * it, and this script indexes it (src/integrations/search-index.ts, the same code) and publishes
 * it only when that succeeds. A failure, Ctrl-C or a kill at any point leaves the published site
 * as it was. Then the pages Astro kept, which the build moved into its staging folder, are put
 * back in Astro's cache for the next build (src/integrations/kept-pages.ts `afterPublishing`).
 * Arguments go to `astro build` (for example `--config`). `astro build` run alone still
 * does the whole build in its own process.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildSearchIndexes, stopSearchIndexing, type SearchIndexLogger } from '../src/integrations/search-index.ts';
import { afterPublishing, refillKeptFolder, refillSkipped } from '../src/integrations/kept-pages.ts';
import { discardStaging, finishHandedOverBuild, HANDOFF_VARIABLE, readHandoff, type BuildFolders } from '../src/lib/build-output.ts';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const ASTRO = join(import.meta.dirname, '..', 'node_modules', 'astro', 'bin', 'astro.mjs');

/** Lines in the form of Astro's log ("12:00:00 [name] message"), so that one log reads as one build. */
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
function logger(name: string): SearchIndexLogger & { error(message: string): void } {
  const stamp = () => time.format(new Date());
  return {
    info: (message) => console.log(`${stamp()} [${name}] ${message}`),
    warn: (message) => console.warn(`${stamp()} [WARN] [${name}] ${message}`),
    error: (message) => console.error(`${stamp()} [ERROR] [${name}] ${message}`),
  };
}
const build = logger('build');

const handoffFile = join(tmpdir(), `icc-build-${process.pid}.json`);
/** The staging folder, once Astro's process has handed it over (removed if this process is stopped). */
let handedOver: BuildFolders | undefined;
/** Removes the hand-off and, unless it was published, the site it handed over (even if not read yet). */
const cleanUp = () => {
  if (!handedOver && existsSync(handoffFile)) {
    try {
      handedOver = readHandoff(handoffFile).folders;
    } catch {
      // Not a whole hand-off: Astro's process was stopped before it handed anything over.
    }
  }
  rmSync(handoffFile, { force: true });
  if (handedOver) discardStaging(handedOver);
};
process.on('exit', cleanUp);

const astro = spawn(process.execPath, [ASTRO, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, [HANDOFF_VARIABLE]: handoffFile },
});
// A stop while Astro runs is passed on to it (it removes its own staging folder); a stop after
// it ended ends Pagefind, then removes the handed-over folder. Either way this process then dies
// of the same signal.
const dieOf = async (signal: NodeJS.Signals) => {
  for (const each of SIGNALS) process.removeAllListeners(each);
  await stopSearchIndexing();
  cleanUp();
  process.kill(process.pid, signal);
};
let stoppedBy: NodeJS.Signals | undefined;
for (const signal of SIGNALS) {
  process.on(signal, () => {
    stoppedBy = signal;
    if (astro.exitCode === null && astro.signalCode === null) astro.kill(signal);
    else void dieOf(signal);
  });
}

const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => astro.on('exit', (code, signal) => resolve({ code, signal })));
if (stoppedBy) await dieOf(stoppedBy);
if (ended.code !== 0) {
  if (ended.signal) build.error(`astro build was stopped by ${ended.signal}: nothing was published`);
  cleanUp();
  process.exit(ended.code ?? 1);
}

try {
  const handoff = readHandoff(handoffFile);
  handedOver = handoff.folders;
  build.info(`Astro's process has ended: its memory is free for the search index`);
  const { folders, cacheDir } = handoff;
  const keptPagesLog = logger('icc:kept-pages');
  // Without a published site to take them from (a pipeline's build), the pages Astro did not
  // render are copied back into its kept folder while the search index is built, from the
  // staging folder, whose pages are final once Astro's process has ended.
  const refilled = existsSync(folders.output) || refillSkipped() ? undefined : refillKeptFolder(cacheDir, folders.staging, keptPagesLog);
  await finishHandedOverBuild(
    handoff,
    async (staging) => {
      // The staging folder is removed when the index fails: only once the copies from it have ended.
      const [indexed] = await Promise.allSettled([buildSearchIndexes(staging, cacheDir, logger('icc:search-index')), refilled]);
      if (indexed.status === 'rejected') throw indexed.reason;
    },
    async (replaced) => {
      // Published: nothing of the handed-over folder is left to remove on a stop.
      handedOver = undefined;
      logger('icc:atomic-publish').info(`every step passed: published ${relative(process.cwd(), folders.output) || folders.output}/`);
      await afterPublishing(cacheDir, folders.output, keptPagesLog, refilled)(replaced);
    },
  );
  handedOver = undefined;
} catch (error) {
  // A stop ends Pagefind, which fails the indexing: the stop is the news, not that failure.
  if (!stoppedBy) build.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
