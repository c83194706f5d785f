/**
 * `npm run build:hand-over [site] [cache]`: in a pipeline, once the published site (`dist/`) has
 * been deployed (uploaded), makes it the kept folder of Astro's incremental build for the next
 * run, by renames (src/lib/kept-pages-refill.ts), so that the next run finds every page it may
 * keep without a page copied. Run it after the upload, in a build run with
 * ICC_REFILL_KEPT_PAGES=skip (which then puts no kept page back itself), before the pipeline
 * saves its cache. On a laptop there is nothing to run: the build puts the kept pages back
 * itself, from the site it replaces.
 *
 * `dist/` is gone afterwards: what the kept folder does not take (the search index, scripts,
 * pages without a cache key) is moved, not removed, to `<site>-rest/` beside it, which the
 * pipeline's machine throws away with the rest (removing 20,000 files there would only cost
 * time). Arguments: the published site (default `dist`) and Astro's cache folder (default
 * `.cache/astro`, astro.config.mjs `cacheDir`).
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { refillKeptPages } from '../src/lib/kept-pages-refill.ts';

const site = resolve(process.argv[2] ?? 'dist');
const cacheDir = resolve(process.argv[3] ?? '.cache/astro');
const rest = `${site}-rest`;
const started = performance.now();
if (!existsSync(site)) {
  console.error(`[hand-over] ${relative(process.cwd(), site)}/ does not exist: there is no published site to hand over (run npm run build first).`);
  process.exit(1);
}
rmSync(rest, { recursive: true, force: true });
mkdirSync(rest, { recursive: true });
let discarded = 0;
const refill = await refillKeptPages(cacheDir, site, site, { published: true, discard: (path) => renameSync(path, `${rest}/${discarded++}`) });
if (existsSync(site)) renameSync(site, `${rest}/${discarded++}`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const where = `${relative(process.cwd(), rest)}/`;
if (!refill) {
  console.log(`[hand-over] no record of the published site's pages in ${relative(process.cwd(), cacheDir)}/ (the build ran without the incremental build): the kept folder is as the build left it; the site was moved to ${where} (${seconds} s)`);
} else {
  const left = refill.left > 0 ? `; ${refill.left} left out (changed since the build recorded them: the next build renders them)` : '';
  console.log(`[hand-over] the published site is the kept folder of the next build, in ${seconds} s: ${refill.fromSpare} pages taken from it, ${refill.kept} already kept, ${refill.copied} copied${left}; the rest moved to ${where}`);
}
