import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomically } from '../lib/build-cache.ts';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { nearestState, parseNearestState, similarityCode, termCountsPath, textDigest, unusable, type NearestState, type NearestUpdate } from '../lib/nearest-cache.ts';
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
 * Whether the lists the previous build kept at `statePath` can be updated to these documents
 * (nearest-cache.ts `updateNearestLists` would not score them all again): same settings and
 * practices, as many practices in each language, and at most a quarter of them edited. A word
 * whose weight shifted may still make the update score them all: the lists are the same either way.
 */
function listsUpdatable(statePath: string | undefined, documents: NearestRequest['documents'], digests: readonly string[], settings: string): boolean {
  const previous = statePath && existsSync(statePath) ? parseNearestState(readFileSync(statePath, 'utf8')) : undefined;
  const perLanguage: Partial<Record<Lang, { documents: number }>> = {};
  for (const document of documents) {
    for (const lang of Object.keys(document.texts) as Lang[]) if (document.texts[lang]) (perLanguage[lang] ??= { documents: 0 }).documents++;
  }
  const slugs = documents.map((document) => document.slug);
  if (!previous || unusable(previous, settings, slugs, perLanguage) !== undefined) return false;
  return digests.filter((digest, index) => digest !== previous.digests[index]).length <= documents.length / 4;
}

/**
 * Every list of the request, updated from the lists kept in `statePath` by the previous build
 * when they can be; the new lists are kept there. Each worker builds the whole model: scoring
 * every list is what needs both cores, so two workers (half the practices each) score them, and
 * one alone updates them (the other core is the build's; at 10,000 practices one worker updated
 * them in 8.0-8.9 s against 8.9-13.8 s for two, and the build holds one model fewer). Each worker
 * makes the look-alike files of its share of the languages; then the last scores the model's
 * look-alike pairs: `alike` is given them (undefined if it failed).
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
  const shares: Pick<WorkerRequest, 'from' | 'to' | 'indexLanguages' | 'withVocabularies' | 'withPairs'>[] = listsUpdatable(statePath, documents, digests, settings)
    ? [{ from: 0, to: documents.length, indexLanguages: languages, withVocabularies: true, withPairs: true }]
    : [
        { from: 0, to: half, indexLanguages: languages.filter((_, index) => index % 2 === 1), withVocabularies: true },
        { from: half, to: documents.length, indexLanguages: languages.filter((_, index) => index % 2 === 0), withPairs: true },
      ];
  const workers = shares.map((share) => nearestInWorker({ ...common, ...share }));
  void workers.at(-1)!.pairs.then(alike, () => alike?.(undefined));
  const replies = await Promise.all(workers.map((worker) => worker.reply));
  const first = replies[0]!;
  const lists = replies.flatMap((reply) => reply.lists);
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
  const workersSaid = replies.length === 1 ? 'one worker' : `${replies.length} workers`;
  if (replies.every((reply) => reply.how.kind === 'updated')) {
    const rescored = replies.reduce((sum, reply) => sum + (reply.how.kind === 'updated' ? reply.how.rescored : 0), 0);
    const changed = how.kind === 'updated' ? how.changed : 0;
    logger?.info(
      `similar practices: ${changed} of ${slugs.length} practices changed since the last build; ${rescored} lists scored again, the other ${slugs.length - rescored} updated (${terms}), in ${seconds} s (${workersSaid})`,
    );
  } else {
    logger?.info(`similar practices: every list scored (${how.kind === 'scored' ? how.reason : 'another worker could not update'}; ${terms}), ${slugs.length} practices in ${seconds} s (${workersSaid})`);
  }
  // The page code asks for the lists in the order of its slugs.
  const bySlug = new Map(slugs.map((slug, index) => [slug, lists[index]!]));
  return { lists: request.slugs.map((slug) => bySlug.get(slug) ?? []), indexes: Object.assign({}, ...replies.map((reply) => reply.indexes)) };
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
