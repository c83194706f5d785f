import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDigestCache } from '../lib/build-cache.ts';
import { budgetProblems, budgetSummary, isPageFacts, weighSite } from '../lib/budgets.ts';

/**
 * Checks the page-weight budgets (src/lib/budgets.ts) over the built site in astro:build:done: a
 * page over budget stops the build, with its path and the budget it exceeds, before the site is
 * published (src/integrations/atomic-publish.ts). What is measured of each page (gzipped size,
 * stylesheets, scripts) is kept in Astro's cacheDir by a digest of its bytes
 * (src/lib/build-cache.ts): a rebuild gzips only the pages that changed.
 */
export function pageBudgets(): AstroIntegration {
  let cacheFile: string | undefined;
  return {
    name: 'icc:page-budgets',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheFile = join(fileURLToPath(config.cacheDir), 'icc-page-weights.json');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const facts = openDigestCache(cacheFile, isPageFacts);
        if (facts.problem) logger.warn(facts.problem);
        const tally = { read: 0 };
        const weights = await weighSite(fileURLToPath(dir), facts, tally);
        const problems = budgetProblems(weights);
        if (problems.length > 0) {
          throw new Error(`Page-weight budgets exceeded, nothing was published:\n${problems.join('\n')}`);
        }
        facts.save();
        logger.info(budgetSummary(weights));
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        const unread = weights.length - tally.read;
        logger.info(
          `budgets checked in ${seconds} s (${facts.misses} pages gzipped, the other ${facts.hits} weighed by an earlier build; ${unread} of those not read, kept unchanged from it)`,
        );
      },
    },
  };
}
