/**
 * Gives the memory of a finished build phase back to the system before a memory-hungry child
 * process starts (Pagefind: about 2 GB while it writes a language's index of 10,000 practices).
 *
 * V8 frees garbage only when it next needs room, and keeps the freed pages until its memory
 * reducer runs, 8 s after a collection that nothing else follows: a process idle while a child
 * works keeps them all along. A "last resort" collection (V8's own, for when memory runs out)
 * frees everything unreachable and returns the freed pages at once. Measured on the benchmark's
 * two-language site: Astro's process held 2.55 GB when the pages were built, 2.19 GB after
 * the collection; the rest is live data and memory outside V8's heap, which this cannot reach.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

let collect: Collect | undefined;

/** Collects the garbage of this process and returns the freed memory to the system; the resident set sizes before and after, in bytes. */
export function releaseMemory(): { before: number; after: number } {
  const before = process.memoryUsage.rss();
  try {
    if (!collect) {
      // The collector's function exists only when V8 exposes it; a new context made after the
      // flag is set has it (the flag has no other effect).
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as Collect;
    }
    collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  } catch {
    // A runtime without the collector's function: the memory is then freed when V8 decides.
  }
  return { before, after: process.memoryUsage.rss() };
}
