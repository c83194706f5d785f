import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { budgetProblems, budgetSummary, weighSite } from '../lib/budgets.ts';

/**
 * Checks the page-weight budgets (src/lib/budgets.ts) over the built site in astro:build:done: a
 * page over budget stops the build, with its path and the budget it exceeds, before the site is
 * published (src/integrations/atomic-publish.ts).
 */
export function pageBudgets(): AstroIntegration {
  return {
    name: 'icc:page-budgets',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const weights = weighSite(fileURLToPath(dir));
        const problems = budgetProblems(weights);
        if (problems.length > 0) {
          throw new Error(`Page-weight budgets exceeded, nothing was published:\n${problems.join('\n')}`);
        }
        logger.info(budgetSummary(weights));
      },
    },
  };
}
