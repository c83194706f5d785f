/**
 * A worker thread of the similar practices (src/integrations/nearest-lists.ts starts two): builds
 * the similarity model of the documents it is given and posts the nearest lists of its share of
 * the practices, updated from the previous build's lists when they can be (src/lib/nearest-cache.ts),
 * with the share page's look-alike file of its share of the languages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { writeAtomically } from '../lib/build-cache.ts';
import { keptTermCounts, parseNearestState, readTermCounts, updateNearestLists, vocabulariesOf } from '../lib/nearest-cache.ts';
import { buildSimilarity, similarityIndex } from '../lib/similarity.ts';
import type { WorkerRequest, WorkerReply } from './nearest-lists.ts';

const request = workerData as WorkerRequest;
const counts = keptTermCounts(readTermCounts(request.countsPath), request.countsSettings);
const model = buildSimilarity(request.documents, counts.counter);
const previous = request.statePath && existsSync(request.statePath) ? parseNearestState(readFileSync(request.statePath, 'utf8')) : undefined;
const update = updateNearestLists(model, request.documents, request.digests, request, previous);
const indexes = Object.fromEntries(request.indexLanguages.map((lang) => [lang, similarityIndex(model, request.documents, lang) ?? null]));
// The worker that sends the vocabularies also keeps the term counts for the next build.
let countsProblem: string | undefined;
if (request.withVocabularies && request.countsPath && counts.changed()) {
  try {
    writeAtomically(request.countsPath, JSON.stringify(counts.state()));
  } catch (error) {
    countsProblem = error instanceof Error ? error.message : String(error);
  }
}
const reply: WorkerReply = {
  ...update,
  indexes,
  vocabularies: request.withVocabularies ? vocabulariesOf(model) : undefined,
  terms: counts.tally(),
  countsProblem,
};
parentPort!.postMessage(reply);
