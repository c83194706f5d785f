/**
 * The copy of the pages Astro kept into the staging folder (src/lib/kept-pages.ts), in a worker
 * thread: it runs while Astro's main thread starts, syncs the content and bundles.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { seedPages } from '../lib/kept-pages.ts';
import type { SeedReply } from './kept-pages.ts';

const { cacheDir, staging } = workerData as { cacheDir: string; staging: string };
const started = performance.now();
let reply: SeedReply;
try {
  reply = { ...(await seedPages(cacheDir, staging)), ms: performance.now() - started };
} catch (error) {
  reply = { problem: error instanceof Error ? error.message : String(error) };
}
parentPort!.postMessage(reply);
