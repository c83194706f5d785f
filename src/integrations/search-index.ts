import type { AstroIntegration } from 'astro';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { LANGUAGE_REGISTRY } from '../lib/languages.ts';

/** The figures of Pagefind's last "Total:" block in its log: what it indexed. */
function indexedTotals(log: string): string {
  const total = log.slice(log.lastIndexOf('Total:'));
  const count = (what: string) => new RegExp(`Indexed (\\d+) ${what}`).exec(total)?.[1] ?? '?';
  return `${count('pages?')} pages, ${count('words?')} words, ${count('filters?')} filters`;
}

/**
 * Builds the search index in astro:build:done with Pagefind's Node API: one index per registered
 * language (src/lib/languages.ts), in dist/pagefind/<lang>/, read by
 * src/components/search/faceted-search.ts, one language at a time, the
 * Pagefind process closed between them so the memory of one index is freed before the next.
 * Any indexing error stops the build before the site is published.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'icc:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const logs = mkdtempSync(join(tmpdir(), 'icc-pagefind-'));
        try {
          for (const { code: lang, searchLanguage } of LANGUAGE_REGISTRY) {
            const started = performance.now();
            const logfile = join(logs, `${lang}.log`);
            try {
              const { index, errors } = await pagefind.createIndex({ logfile, forceLanguage: searchLanguage });
              if (!index) throw new Error(errors.join('; '));
              const added = await index.addDirectory({ path: site, glob: `${lang}/**/*.html` });
              if (added.errors.length > 0) throw new Error(added.errors.join('; '));
              if (added.page_count === 0) throw new Error(`no page matches ${lang}/**/*.html in ${site}`);
              const written = await index.writeFiles({ outputPath: join(site, 'pagefind', lang) });
              if (written.errors.length > 0) throw new Error(written.errors.join('; '));
            } catch (error) {
              throw new Error(`Pagefind could not index the "${lang}" pages, nothing was published: ${error instanceof Error ? error.message : String(error)}`);
            } finally {
              await pagefind.close();
            }
            const seconds = ((performance.now() - started) / 1000).toFixed(2);
            logger.info(`${lang}: ${indexedTotals(readFileSync(logfile, 'utf8'))} indexed in ${seconds} s`);
          }
        } finally {
          rmSync(logs, { recursive: true, force: true });
        }
      },
    },
  };
}
