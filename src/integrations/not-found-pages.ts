import type { AstroIntegration } from 'astro';
import { existsSync, renameSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES } from '../lib/languages.ts';

/**
 * Gives each language's "page not found" page the file name hosts look for: Astro writes the
 * route /<lang>/404/ to <lang>/404/index.html, and hosts that serve the nearest 404.html up the
 * folder tree (Cloudflare Pages) need <lang>/404.html. The page is moved there (its canonical and
 * language links already name /<lang>/404.html), so /<lang>/404/ does not exist. The root 404.html is Astro's own (src/pages/404.astro). A language whose page
 * is missing stops the build: every language must have one.
 */
export function notFoundPages(): AstroIntegration {
  return {
    name: 'icc:not-found-pages',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        for (const lang of LANGUAGES) {
          const built = join(root, lang, '404', 'index.html');
          if (!existsSync(built)) throw new Error(`${lang}/404/index.html was not built: src/pages/[lang]/404.astro must give every language a page`);
          renameSync(built, join(root, lang, '404.html'));
          rmdirSync(join(root, lang, '404'));
        }
        logger.info(`404 pages: /404.html and ${LANGUAGES.map((lang) => `/${lang}/404.html`).join(', ')}`);
      },
    },
  };
}
