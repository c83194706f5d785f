/**
 * A small, valid content tree cut from src/content for tests that build the site several times:
 * every theme, network, page and method, a few practices (with their translations), their cities and
 * those cities' Index results. Cut at test time, so it follows the schemas as they change.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { formatReport } from '../../src/lib/content/problems.ts';
import { REGISTERED_LANGUAGES } from '../../src/lib/languages.ts';

const frontMatter = (file: string) => parse(readFileSync(file, 'utf8').split(/^---$/m)[1]!) as Record<string, unknown>;

/** Writes the tree into `target` (a content directory for ICC_CONTENT_DIR); returns the practice slugs. */
export function writeSmallContent(root: string, target: string, practiceCount = 4): string[] {
  const source = join(root, 'src/content');
  // Methods and organisations too: practices name them. Resources and activities are left out (they name
  // practices the tree does not hold).
  for (const collection of ['themes', 'networks', 'pages', 'methods', 'organisations']) cpSync(join(source, collection), join(target, collection), { recursive: true });
  const slugs = readdirSync(join(source, 'practices/en'))
    .filter((name) => name.endsWith('.md') && !frontMatter(join(source, 'practices/en', name)).adaptedFrom)
    .sort()
    .slice(0, practiceCount)
    .map((name) => name.replace(/\.md$/, ''));
  const cities = new Set<string>();
  for (const slug of slugs) {
    for (const city of frontMatter(join(source, 'practices/en', `${slug}.md`)).cities as string[]) cities.add(city);
    for (const lang of REGISTERED_LANGUAGES) {
      const file = join(source, 'practices', lang, `${slug}.md`);
      mkdirSync(join(target, 'practices', lang), { recursive: true });
      if (existsSync(file)) cpSync(file, join(target, 'practices', lang, `${slug}.md`));
    }
  }
  mkdirSync(join(target, 'cities'), { recursive: true });
  mkdirSync(join(target, 'index-results'), { recursive: true });
  for (const name of readdirSync(join(source, 'cities'))) {
    if (cities.has(name.replace(/\.ya?ml$/, ''))) cpSync(join(source, 'cities', name), join(target, 'cities', name));
  }
  for (const name of readdirSync(join(source, 'index-results'))) {
    if (cities.has(name.replace(/-\d{4}\.md$/, ''))) cpSync(join(source, 'index-results', name), join(target, 'index-results', name));
  }
  const { problems } = checkContent(root, target);
  if (problems.length > 0) throw new Error(`The small content tree cut from src/content is invalid:\n${formatReport(problems)}`);
  return slugs;
}
