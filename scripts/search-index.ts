/**
 * Builds the search index: one Pagefind bundle per registered language (src/lib/languages.ts),
 * /pagefind/<code>/, from that language's pages only. One run per language keeps the indexing
 * memory to one language's pages, and a page searches only its language's index.
 * Usage: node scripts/search-index.ts [site folder, default dist]
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { LANGUAGE_REGISTRY } from '../src/lib/languages.ts';

const site = process.argv[2] ?? 'dist';
// The package exports only its Node API; its command line is the `pagefind` bin, run with this Node.
const pagefind = join(import.meta.dirname, '../node_modules/pagefind/lib/runner/bin.cjs');

for (const { code, searchLanguage } of LANGUAGE_REGISTRY) {
  execFileSync(
    process.execPath,
    [pagefind, '--site', site, '--glob', `${code}/**/*.html`, '--output-subdir', `pagefind/${code}`, '--force-language', searchLanguage],
    { stdio: 'inherit' },
  );
}
