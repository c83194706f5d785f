/** `node scripts/check-budgets.ts [dist]`: fails when a built page is over its weight budget. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { budgetProblems, weighPage, type PageWeight } from '../src/lib/budgets.ts';

const dist = process.argv[2] ?? 'dist';

function htmlFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === 'admin' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const assetSizes = new Map<string, number>();
const readAsset = (url: string) => readFileSync(join(dist, new URL(url, 'http://site/').pathname));
const weights: PageWeight[] = htmlFiles(dist).map((file) => {
  const path = `/${relative(dist, file).split(sep).join('/')}`.replace(/index\.html$/, '');
  return weighPage(path, readFileSync(file, 'utf8'), readAsset, assetSizes);
});
const problems = budgetProblems(weights);
const heaviest = (key: 'htmlAndCss' | 'javaScript') => weights.reduce((max, weight) => (weight[key] > max[key] ? weight : max));
if (problems.length > 0) {
  console.error(`Page-weight budgets exceeded:\n${problems.join('\n')}`);
  process.exit(1);
}
const html = heaviest('htmlAndCss');
const js = heaviest('javaScript');
console.log(
  `Budgets met on ${weights.length} pages. Heaviest HTML+CSS: ${html.path} (${(html.htmlAndCss / 1024).toFixed(1)} kB); ` +
    `heaviest JavaScript: ${js.path} (${(js.javaScript / 1024).toFixed(1)} kB), gzipped.`,
);
