import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSizeCache } from '../lib/build-cache.ts';
import { budgetProblems, budgetSummary, weighSite } from '../lib/budgets.ts';

/**
 * Checks the page-weight budgets (src/lib/budgets.ts) over the built site in astro:build:done: a
 * page over budget stops the build, with its path and the budget it exceeds, before the site is
 * published (src/integrations/atomic-publish.ts). The gzipped size of each page is kept in
 * Astro's cacheDir by a digest of its bytes (src/lib/build-cache.ts): a rebuild gzips only the
 * pages that changed.
 */
export function pageBudgets(): AstroIntegration {
  let cacheFile: string | undefined;
  return {
    name: 'icc:page-budgets',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheFile = join(fileURLToPath(config.cacheDir), 'icc-page-sizes.json');
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const sizes = openSizeCache(cacheFile);
        if (sizes.problem) logger.warn(sizes.problem);
        const weights = weighSite(fileURLToPath(dir), sizes);
        const problems = budgetProblems(weights);
        if (problems.length > 0) {
          throw new Error(`Page-weight budgets exceeded, nothing was published:\n${problems.join('\n')}`);
        }
        sizes.save();
        logger.info(budgetSummary(weights));
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger.info(`budgets checked in ${seconds} s (${sizes.misses} pages gzipped, ${sizes.hits} unchanged since the last build)`);
      },
    },
  };
}
