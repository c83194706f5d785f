/**
 * `node scripts/check-budgets.ts [dist]`: fails when a built page is over its weight budget.
 * `astro build` runs the same check before it publishes (src/integrations/page-budgets.ts); this
 * command checks a site built elsewhere, or dist/ again.
 */
import { budgetProblems, budgetSummary, weighSite } from '../src/lib/budgets.ts';

const weights = await weighSite(process.argv[2] ?? 'dist');
const problems = budgetProblems(weights);
if (problems.length > 0) {
  console.error(`Page-weight budgets exceeded:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(budgetSummary(weights));
