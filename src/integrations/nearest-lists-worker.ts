/**
 * The second thread of the similar practices (src/integrations/nearest-lists.ts starts it): builds
 * the similarity model of the documents it is given and posts the nearest lists of its slugs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { nearestLists, type NearestRequest } from '../lib/nearest-lists.ts';
import { buildSimilarity } from '../lib/similarity.ts';

const request = workerData as NearestRequest;
parentPort!.postMessage(nearestLists(buildSimilarity(request.documents), request));
