/**
 * The content check of a build, in a worker thread (src/integrations/content-check.ts starts it):
 * it reads and checks every content file on the second core while Astro syncs the content and
 * prepares the build on the first. Posts two messages: what the build reports and hands over
 * before rendering, then, once the build has said go, the comparison of the practices for
 * look-alikes (runStagedCheck).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runStagedCheck } from '../lib/content/build-check.ts';
import type { CompareMessage, WorkerMessage } from './content-check.ts';

const { root, contentDirectory, countsPath } = workerData as { root: string; contentDirectory: string | undefined; countsPath?: string };
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const { outcome, compare } = runStagedCheck(root, contentDirectory, countsPath);
post({ stage: 'checked', outcome });
// The comparison waits for the build to say go (content-check.ts): once the similar practices are
// found, with the look-alike pairs their workers scored.
parentPort!.once('message', ({ alike }: CompareMessage) => post({ stage: 'compared', lookAlikes: compare(alike) }));
