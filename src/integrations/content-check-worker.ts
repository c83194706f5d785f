/**
 * The content check of a build, in a worker thread (src/integrations/content-check.ts starts it):
 * it reads and checks every content file on the second core while Astro syncs the content and
 * prepares the build on the first. Posts one message: what the build reports and hands over.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runContentCheck } from '../lib/content/build-check.ts';

const { root, contentDirectory } = workerData as { root: string; contentDirectory: string | undefined };
parentPort!.postMessage(runContentCheck(root, contentDirectory));
