/**
 * The pages Astro kept, put into the staging folder (src/lib/kept-pages.ts) in a worker thread:
 * their copy, or the digests of the pages already moved there, while Astro's main thread starts,
 * syncs the content and bundles.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { digestMovedPages, seedPages } from '../lib/kept-pages.ts';
import type { SeedReply } from './kept-pages.ts';

/** `moved`: the pages moveKeptPages already moved into the staging folder (only their digests are wanted); else the pages are copied. */
const { cacheDir, staging, moved } = workerData as { cacheDir: string; staging: string; moved?: string[] };
const started = performance.now();
let reply: SeedReply;
try {
  const seeded = moved ? await digestMovedPages(cacheDir, staging, moved) : await seedPages(cacheDir, staging);
  reply = { ...seeded, ms: performance.now() - started };
} catch (error) {
  reply = { problem: error instanceof Error ? error.message : String(error) };
}
parentPort!.postMessage(reply);
