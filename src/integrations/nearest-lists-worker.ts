/**
 * A worker thread of the similar practices (src/integrations/nearest-lists.ts starts two): builds
 * the similarity model of the documents it is given and posts the nearest lists of its share of
 * the practices, updated from the previous build's lists when they can be (src/lib/nearest-cache.ts),
 * with the share page's look-alike file of its share of the languages; then (one of the two) the
 * model's look-alike pairs, for the content check (nearest-lists.ts `AlikeFound`), so that the
 * check builds no model of its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { writeAtomically } from '../lib/build-cache.ts';
import { documentsDigest, keptTermCounts, parseNearestState, readTermCounts, updateNearestLists, vocabulariesOf } from '../lib/nearest-cache.ts';
import { alikePairs, buildSimilarity, LOOK_ALIKE_THRESHOLD, similarityIndex } from '../lib/similarity.ts';
import type { WorkerPairs, WorkerRequest, WorkerReply } from './nearest-lists.ts';

const request = workerData as WorkerRequest;
const digest = request.withPairs ? documentsDigest(request.documents) : '';
const model = postLists();
// The lists first, for the pages wait for them; the content check waits for the pairs. One
// worker scores them all, so that the other's model is freed as soon as its lists are posted.
if (request.withPairs) {
  // The pairs need the model alone: the texts (workerData, held to the worker's end) are let go.
  request.documents = [];
  const pairs: WorkerPairs = { pairs: alikePairs(model, LOOK_ALIKE_THRESHOLD), digest };
  parentPort!.postMessage(pairs);
}

/** Posts the lists and look-alike files; returns the model alone, so that nothing else of them is held while the pairs are scored. */
function postLists() {
  const { model: built, terms, countsProblem } = modelFromKeptCounts();
  const previous = request.statePath && existsSync(request.statePath) ? parseNearestState(readFileSync(request.statePath, 'utf8')) : undefined;
  const update = updateNearestLists(built, request.documents, request.digests, request, previous);
  const indexes = Object.fromEntries(request.indexLanguages.map((lang) => [lang, similarityIndex(built, request.documents, lang) ?? null]));
  const reply: WorkerReply = {
    ...update,
    indexes,
    vocabularies: request.withVocabularies ? vocabulariesOf(built) : undefined,
    terms,
    countsProblem,
  };
  parentPort!.postMessage(reply);
  return built;
}

/**
 * The model, built with the term counts the previous build kept, which are written for the next
 * one at once: neither they nor the previous ones are held while the lists are found.
 */
function modelFromKeptCounts() {
  // The worker that sends the vocabularies also keeps the term counts for the next build.
  const keepsCounts = Boolean(request.withVocabularies && request.countsPath);
  const counts = keptTermCounts(readTermCounts(request.countsPath), request.countsSettings, { keep: keepsCounts });
  const built = buildSimilarity(request.documents, counts.counter);
  let problem: string | undefined;
  if (keepsCounts && counts.changed()) {
    try {
      writeAtomically(request.countsPath!, JSON.stringify(counts.state()));
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
  }
  return { model: built, terms: counts.tally(), countsProblem: problem };
}
