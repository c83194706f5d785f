import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { termCountsPath } from '../lib/nearest-cache.ts';
import { listsFound, type AlikeFound } from '../lib/nearest-lists.ts';
import { runContentCheck, runStagedCheck, setBuildCheck, withLookAlikes, type CheckOutcome, type LookAlikeOutcome } from '../lib/content/build-check.ts';
import { formatReport, formatWarnings } from '../lib/content/problems.ts';
import { isLang, LANGUAGES, REGISTERED_LANGUAGES } from '../lib/languages.ts';
import { handOverTranslationStatus } from '../data/translation-status.ts';

/** What the check's worker posts (src/integrations/content-check-worker.ts): its two stages, in order. */
export type WorkerMessage = { stage: 'checked'; outcome: CheckOutcome } | { stage: 'compared'; lookAlikes: LookAlikeOutcome };

/** What the check's worker is told when it may compare: the build's look-alike pairs, if it has them. */
export interface CompareMessage {
  compare: true;
  alike?: AlikeFound;
}

/** The two stages of a build's check (runStagedCheck), as they come. */
interface StagedCheck {
  checked: Promise<CheckOutcome>;
  /** Starts the comparison (once; later calls do nothing), taking the build's look-alike pairs if they are its model's. */
  start(alike?: AlikeFound): void;
  /** The comparison, started if it was not. */
  compared(): Promise<LookAlikeOutcome>;
}

/**
 * Checks in a worker thread, so the check (about 20 s at 10,000 practices) runs on the second
 * core while Astro syncs the content, bundles and renders. Its comparison of the practices waits
 * for `start()`. Where a worker cannot load the check's TypeScript (a Node without type
 * stripping), or fails, the check runs here, as it did before.
 */
function checkInWorker(root: string, contentDirectory: string | undefined, countsPath: string): StagedCheck {
  let here: ReturnType<typeof runStagedCheck> | undefined;
  const inThread = () => (here ??= runStagedCheck(root, contentDirectory, countsPath));
  let worker: Worker;
  try {
    worker = new Worker(new URL('./content-check-worker.ts', import.meta.url), { workerData: { root, contentDirectory, countsPath } });
  } catch {
    let comparison: Promise<LookAlikeOutcome> | undefined;
    const compared = (alike?: AlikeFound) => (comparison ??= Promise.resolve().then(() => inThread().compare(alike)));
    return { checked: Promise.resolve(inThread().outcome), start: (alike) => void compared(alike), compared: () => compared() };
  }
  let checked: ((outcome: CheckOutcome) => void) | undefined;
  let settleCompared: ((lookAlikes: LookAlikeOutcome) => void) | undefined;
  const comparison = new Promise<LookAlikeOutcome>((settle) => (settleCompared = settle));
  let started = false;
  const start = (alike?: AlikeFound) => {
    if (started) return;
    started = true;
    worker.postMessage({ compare: true, alike } satisfies CompareMessage);
  };
  worker.on('message', (message: WorkerMessage) => {
    if (message.stage === 'checked') {
      checked?.(message.outcome);
      checked = undefined;
      // Until the build waits for the comparison, the worker waiting for its go keeps no build alive.
      worker.unref();
    } else {
      settleCompared?.(message.lookAlikes);
      settleCompared = undefined;
    }
  });
  // A worker that failed or ended without its reports: what is missing runs here.
  const failed = () => {
    checked?.(inThread().outcome);
    settleCompared?.(inThread().compare());
    checked = settleCompared = undefined;
  };
  worker.once('error', failed);
  worker.once('exit', failed);
  return {
    checked: new Promise((settle) => (checked = settle)),
    start,
    compared: () => {
      worker.ref();
      start();
      return comparison;
    },
  };
}

/**
 * Prints what the check found; throws (a build) or logs (the dev server) when the content is
 * invalid. `still` says what of the check is still running, for the line of valid content.
 */
function report(outcome: CheckOutcome, command: string, logger: AstroIntegrationLogger, still = ''): void {
  if (!outcome.ran) {
    // checkContent turns every file's failure into a problem; this is the last safety net.
    const message = `The content check could not run: ${outcome.message}`;
    if (command === 'build') throw new Error(`${message}\nNothing was built.`);
    logger.error(message);
    return;
  }
  const { problems, warnings, fileCount } = outcome;
  if (warnings.length > 0) logger.warn(formatWarnings(warnings));
  if (problems.length > 0) {
    const text = formatReport(problems);
    if (command === 'build') throw new Error(`Content is invalid, nothing was built.\n${text}`);
    logger.error(text);
    return;
  }
  logger.info(`content is valid (${fileCount} files)${still}`);
  const unpublished = REGISTERED_LANGUAGES.filter((code) => !isLang(code));
  if (unpublished.length > 0) {
    logger.info(
      `SITE_LANGUAGES=${process.env.SITE_LANGUAGES}: publishing ${LANGUAGES.join(', ')}; not publishing ${unpublished.join(', ')} (${outcome.unpublishedFiles} files in ${unpublished.length === 1 ? 'that language' : 'those languages'} checked, not built)`,
    );
  }
  if (command === 'build' && outcome.translationStatus) handOverTranslationStatus(outcome.translationStatus);
}

/**
 * Runs the content check. A build starts it when it starts, in two stages (runStagedCheck): it
 * waits for the first once Astro has bundled the site and before any page is rendered (the first
 * bundle written, through a Vite plugin), so an invalid tree stops the build before a page is
 * written; the comparison of the practices for look-alikes goes on beside the rendering, from the
 * moment the similar practices are found (src/lib/nearest-lists.ts `listsFound`), taking the
 * pairs their workers scored when their model is of the same texts (a model of its own else), and is
 * waited for before publishing (a near-identical pair stops the build then: nothing is published
 * either way, atomic-publish.ts). An invalid tree is reported whole, look-alikes included. The dev
 * server checks at once and starts anyway (so editors can keep working), printing every problem.
 * Whatever the content holds, the hook reports rather than crashes the dev server. A build hands
 * the translation status of the files it checked to the editors' page (src/data/translation-status.ts).
 */
export function contentCheck(): AstroIntegration {
  /** Wait for the build's first stage, then for the comparison, and report them (once each: every caller gets the same outcome). */
  let settleChecked: (() => Promise<void>) | undefined;
  let settleCompared: (() => Promise<void>) | undefined;
  return {
    name: 'icc:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger, updateConfig }) => {
        const root = fileURLToPath(config.root);
        const contentDirectory = process.env.ICC_CONTENT_DIR ? resolve(root, process.env.ICC_CONTENT_DIR) : undefined;
        if (command !== 'build') {
          report(runContentCheck(root, contentDirectory), command, logger);
          return;
        }
        // The comparison takes each unchanged text's term counts from the previous build's similar practices.
        const staged = checkInWorker(root, contentDirectory, termCountsPath(fileURLToPath(config.cacheDir)));
        // The comparison starts once the similar practices are found, taking the look-alike pairs
        // their workers scored in the same model, or when the build waits for it.
        void listsFound().then(staged.start);
        // The content loader, refusing a file, reports what the whole check found.
        setBuildCheck(async () => withLookAlikes(await staged.checked, await staged.compared()));
        let checked: Promise<void> | undefined;
        let compared: Promise<void> | undefined;
        settleChecked = () =>
          (checked ??= staged.checked.then(async (outcome) => {
            if (!outcome.ran || outcome.problems.length > 0) {
              setBuildCheck(undefined);
              report(withLookAlikes(outcome, await staged.compared()), 'build', logger);
            }
            report(outcome, 'build', logger, '; the practices are compared for look-alikes while the pages render');
          }));
        settleCompared = () =>
          (compared ??= settleChecked!().then(async () => {
            const { problems, warnings, terms, taken } = await staged.compared();
            setBuildCheck(undefined);
            if (warnings.length > 0) logger.warn(formatWarnings(warnings));
            if (problems.length > 0) throw new Error(`Content is invalid, nothing was published.\n${formatReport(problems)}`);
            const how = taken
              ? " (the pairs scored by the similar practices' workers, in a model of the same texts)"
              : terms && terms.kept > 0
                ? ` (terms counted in ${terms.counted} of ${terms.counted + terms.kept} texts, the others taken from the counts of the similar practices)`
                : '';
            logger.info(`practices compared: no two are nearly identical${how}`);
          }));
        updateConfig({ vite: { plugins: [{ name: 'icc:content-check', writeBundle: () => settleChecked?.() }] } });
      },
      // Whatever was or was not bundled, nothing is published before the whole check passed.
      'astro:build:done': async () => {
        await settleCompared?.();
      },
    },
  };
}
