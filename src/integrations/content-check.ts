import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runContentCheck, setBuildCheck, type CheckOutcome } from '../lib/content/build-check.ts';
import { formatReport, formatWarnings } from '../lib/content/problems.ts';
import { isLang, LANGUAGES, REGISTERED_LANGUAGES } from '../lib/languages.ts';
import { handOverTranslationStatus } from '../data/translation-status.ts';

/**
 * Checks in a worker thread, so the check (about 20 s at 10,000 practices) runs on the second
 * core while Astro syncs the content. Where a worker cannot load the check's TypeScript (a Node
 * without type stripping), the check runs here, as it did before.
 */
function checkInWorker(root: string, contentDirectory: string | undefined): Promise<CheckOutcome> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./content-check-worker.ts', import.meta.url), { workerData: { root, contentDirectory } });
  } catch {
    return Promise.resolve(runContentCheck(root, contentDirectory));
  }
  return new Promise((settle) => {
    let settled = false;
    const done = (outcome: () => CheckOutcome) => {
      if (!settled) (settled = true), settle(outcome());
    };
    worker.once('message', (outcome: CheckOutcome) => done(() => outcome));
    // A worker that failed or ended without its report: the check runs here.
    worker.once('error', () => done(() => runContentCheck(root, contentDirectory)));
    worker.once('exit', () => done(() => runContentCheck(root, contentDirectory)));
  });
}

/** Prints what the check found; throws (a build) or logs (the dev server) when the content is invalid. */
function report(outcome: CheckOutcome, command: string, logger: AstroIntegrationLogger): void {
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
  logger.info(`content is valid (${fileCount} files)`);
  const unpublished = REGISTERED_LANGUAGES.filter((code) => !isLang(code));
  if (unpublished.length > 0) {
    logger.info(
      `SITE_LANGUAGES=${process.env.SITE_LANGUAGES}: publishing ${LANGUAGES.join(', ')}; not publishing ${unpublished.join(', ')} (${outcome.unpublishedFiles} files in ${unpublished.length === 1 ? 'that language' : 'those languages'} checked, not built)`,
    );
  }
  if (command === 'build' && outcome.translationStatus) handOverTranslationStatus(outcome.translationStatus);
}

/**
 * Runs the content check. A build starts it when it starts and waits for it once Astro has
 * bundled the site and before any page is rendered (the first bundle written, through a Vite
 * plugin), so the check runs beside the content sync and the bundling, and an invalid tree stops
 * the build before a page is written (nothing is published either way: atomic-publish.ts). The dev
 * server checks at once and starts anyway (so editors can keep working), printing every problem.
 * Whatever the content holds, the hook reports rather than crashes the dev server. A build hands
 * the translation status of the files it checked to the editors' page (src/data/translation-status.ts).
 */
export function contentCheck(): AstroIntegration {
  /** Waits for the build's check and reports it (once: every caller gets the same outcome). */
  let settle: (() => Promise<void>) | undefined;
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
        const pending = checkInWorker(root, contentDirectory);
        setBuildCheck(pending);
        let settled: Promise<void> | undefined;
        settle = () =>
          (settled ??= pending.then((outcome) => {
            setBuildCheck(undefined);
            report(outcome, 'build', logger);
          }));
        updateConfig({ vite: { plugins: [{ name: 'icc:content-check', writeBundle: () => settle?.() }] } });
      },
      // Whatever was or was not bundled, nothing is published before the check passed.
      'astro:build:done': async () => {
        await settle?.();
      },
    },
  };
}
