/**
 * html-validate over many pages, split across worker threads (one per core, at most four), so
 * the check over every built page takes the time of its share on each core rather than of all
 * pages on one.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ConfigData } from 'html-validate';

export async function validatePages(pages: readonly { path: string; file: string }[], config: ConfigData): Promise<string[]> {
  const workers = Math.max(1, Math.min(availableParallelism(), 4, pages.length));
  const shares = Array.from({ length: workers }, (_, share) => pages.filter((_, index) => index % workers === share));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<string[]>((resolve, reject) => {
          const worker = new Worker(new URL('./validate-html.worker.ts', import.meta.url), { workerData: { pages: share, config } });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`html-validate worker exited with ${code}`)));
        }),
    ),
  );
  // In page order, as a single loop would report them.
  const order = new Map(pages.map((page, index) => [page.path, index]));
  return results.flat().sort((a, b) => (order.get(a.split(':')[0]!) ?? 0) - (order.get(b.split(':')[0]!) ?? 0));
}
