import type { AstroIntegration } from 'astro';
import { Worker } from 'node:worker_threads';
import { setNearestHelper, type NearestList, type NearestRequest } from '../lib/nearest-lists.ts';

/**
 * Scores nearest lists in a worker thread (src/integrations/nearest-lists-worker.ts). Rejects when
 * the worker cannot start, fails or ends without its lists: the caller then scores them itself.
 */
export function nearestInWorker(request: NearestRequest): Promise<NearestList[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./nearest-lists-worker.ts', import.meta.url), { workerData: request });
    worker.once('message', (lists: NearestList[]) => {
      resolve(lists);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the nearest-lists worker ended (code ${code}) without its lists`)));
  });
}

/**
 * A build scores half of the similar-practice lists on the second core (src/lib/nearest-lists.ts):
 * at 10,000 practices they are the largest part of the data the practice pages need before the
 * first page is rendered. The dev server scores one page's list when it is asked for.
 */
export function nearestLists(): AstroIntegration {
  return {
    name: 'icc:nearest-lists',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') setNearestHelper(nearestInWorker);
      },
      'astro:build:done': () => setNearestHelper(undefined),
    },
  };
}
