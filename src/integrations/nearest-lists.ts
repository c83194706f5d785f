import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { join } from 'node:path';
import { writeAtomically } from '../lib/build-cache.ts';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { nearestState, similarityCode, termCountsPath, textDigest, type NearestState, type NearestUpdate } from '../lib/nearest-cache.ts';
import type { Lang } from '../lib/languages.ts';
import { forgetListsFound, markListsFound, setNearestHelper, type AlikeFound, type NearestFound, type NearestRequest } from '../lib/nearest-lists.ts';

/** What a worker is asked (src/integrations/nearest-lists-worker.ts). */
export interface WorkerRequest extends Omit<NearestRequest, 'slugs' | 'languages'> {
  digests: string[];
  settings: string;
  /** Its share of the practices: slugs[from..to). */
  from: number;
  to: number;
  /** The previous build's lists (nearest-cache.ts), if any. */
  statePath?: string;
  /** The term counts kept by the previous build (nearest-cache.ts `TermCountState`), if any, and what they must have been counted by. */
  countsPath?: string;
  countsSettings: string;
  /** Its share of the languages whose look-alike file (`similarityIndex`) to send back. */
  indexLanguages: Lang[];
  /** Whether to send back the model's vocabularies (one worker does, for the next build's state). */
  withVocabularies?: boolean;
  /** Whether to score, after its lists, the model's look-alike pairs (`alikePairs`) and send them with the documents' digest. */
  withPairs?: boolean;
}

export interface WorkerReply extends NearestUpdate {
  indexes: NearestFound['indexes'];
  vocabularies?: NearestState['vocabularies'];
  /** How many texts the worker counted the terms of, and how many it took from the previous build. */
  terms: { counted: number; kept: number };
  /** Why the term counts could not be kept for the next build, if they could not. */
  countsProblem?: string;
}

/** What the worker asked for the pairs posts after its reply. */
export type WorkerPairs = AlikeFound;

/**
 * Runs one worker: its lists, then the pairs if asked. Each rejects when the worker cannot start,
 * fails or ends without it: the caller then scores the lists itself, and the content check
 * compares the practices with a model of its own.
 */
export function nearestInWorker(request: WorkerRequest): { reply: Promise<WorkerReply>; pairs: Promise<WorkerPairs> } {
  const reply = Promise.withResolvers<WorkerReply>();
  const pairs = Promise.withResolvers<WorkerPairs>();
  // Whoever waits for the lists alone is not told twice that the worker failed.
  pairs.promise.catch(() => undefined);
  const failed = (error: unknown) => {
    reply.reject(error);
    pairs.reject(error);
  };
  try {
    const worker = new Worker(new URL('./nearest-lists-worker.ts', import.meta.url), { workerData: request });
    let replied = false;
    worker.on('message', (message: WorkerReply | WorkerPairs) => {
      if (!replied) {
        replied = true;
        reply.resolve(message as WorkerReply);
        if (request.withPairs) return;
        pairs.reject(new Error('the worker was not asked for the pairs'));
      } else pairs.resolve(message as WorkerPairs);
      void worker.terminate();
    });
    worker.once('error', failed);
    worker.once('exit', (code) => failed(new Error(`the nearest-lists worker ended (code ${code}) without its ${replied ? 'look-alike pairs' : 'lists'}`)));
  } catch (error) {
    failed(error);
  }
  return { reply: reply.promise, pairs: pairs.promise };
}

/**
 * Every list of the request, found by two workers (half the practices each), updated from the
 * lists kept in `statePath` by the previous build when they can be; the new lists are kept there.
 * Each worker also makes the look-alike files of half the languages. Then the second scores the
 * model's look-alike pairs: `alike` is given them (undefined if it failed).
 */
export async function nearestListsOnBothCores(
  request: NearestRequest,
  { statePath, countsPath }: { statePath?: string; countsPath?: string },
  logger?: AstroIntegrationLogger,
  alike?: (found: AlikeFound | undefined) => void,
): Promise<NearestFound> {
  const started = performance.now();
  const { documents, limit, minimum, languages } = request;
  const digests = documents.map(textDigest);
  const code = similarityCode();
  const settings = JSON.stringify({ limit, minimum, code });
  const half = Math.ceil(documents.length / 2);
  const common = { documents, limit, minimum, digests, settings, statePath, countsPath, countsSettings: code };
  // The first worker also sends back the vocabularies, so it makes the smaller share of the files.
  const [one, two] = [
    nearestInWorker({ ...common, from: 0, to: half, indexLanguages: languages.filter((_, index) => index % 2 === 1), withVocabularies: true }),
    nearestInWorker({ ...common, from: half, to: documents.length, indexLanguages: languages.filter((_, index) => index % 2 === 0), withPairs: true }),
  ];
  void two.pairs.then(alike, () => alike?.(undefined));
  const [first, second] = await Promise.all([one.reply, two.reply]);
  const lists = [...first.lists, ...second.lists];
  const slugs = documents.map((document) => document.slug);
  if (first.countsProblem) logger?.warn(`the term counts of the similar practices could not be kept for the next build (${first.countsProblem}): it will count them all again`);
  if (statePath) {
    try {
      writeAtomically(statePath, JSON.stringify(nearestState(slugs, digests, settings, first.vocabularies ?? {}, lists)));
    } catch (error) {
      logger?.warn(`the similar practices could not be kept for the next build (${error instanceof Error ? error.message : String(error)}): it will score them all again`);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { counted, kept } = first.terms;
  const terms = kept === 0 ? 'terms of every text counted' : counted === 0 ? 'terms of every text kept' : `terms counted in ${counted} of ${counted + kept} texts, the others kept`;
  const how = first.how;
  if (how.kind === 'updated' && second.how.kind === 'updated') {
    const rescored = how.rescored + second.how.rescored;
    logger?.info(
      `similar practices: ${how.changed} of ${slugs.length} practices changed since the last build; ${rescored} lists scored again, the other ${slugs.length - rescored} updated (${terms}), in ${seconds} s`,
    );
  } else {
    logger?.info(`similar practices: every list scored (${how.kind === 'scored' ? how.reason : 'another worker could not update'}; ${terms}), ${slugs.length} practices in ${seconds} s`);
  }
  // The page code asks for the lists in the order of its slugs.
  const bySlug = new Map(slugs.map((slug, index) => [slug, lists[index]!]));
  return { lists: request.slugs.map((slug) => bySlug.get(slug) ?? []), indexes: { ...first.indexes, ...second.indexes } };
}

/**
 * A build finds the similar-practice lists of every practice page on both cores, updating the
 * previous build's lists (kept in Astro's cacheDir) after an edit instead of scoring them all
 * (src/lib/nearest-cache.ts): at 10,000 practices they are most of the data the practice pages
 * need before the first page is rendered. The same workers make the share page's look-alike
 * files, so that the build thread never builds a model of its own, and then score the model's
 * look-alike pairs, which the content check takes (src/lib/nearest-lists.ts `listsFound`). The
 * dev server scores one page's list when asked.
 */
export function nearestLists(): AstroIntegration {
  let paths: { statePath?: string; countsPath?: string } = {};
  let logger: AstroIntegrationLogger | undefined;
  return {
    name: 'icc:nearest-lists',
    hooks: {
      'astro:config:setup': ({ command, logger: integrationLogger }) => {
        if (command !== 'build') return;
        logger = integrationLogger;
        setNearestHelper((request) => nearestListsOnBothCores(request, paths, logger, markListsFound));
      },
      'astro:config:done': ({ config }) => {
        const cacheDir = fileURLToPath(config.cacheDir);
        paths = { statePath: join(cacheDir, 'icc-similar-practices', 'lists.json'), countsPath: termCountsPath(cacheDir) };
      },
      'astro:build:done': () => {
        setNearestHelper(undefined);
        forgetListsFound();
      },
    },
  };
}
