import type { AstroIntegration } from 'astro';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES } from '../lib/languages.ts';

/**
 * Gives each language's "page not found" page the file name hosts look for: Astro writes the
 * route /<lang>/404/ to <lang>/404/index.html, and hosts that serve the nearest 404.html up the
 * folder tree (Cloudflare Pages), or are told to (hosting/nginx.conf, .htaccess), need
 * <lang>/404.html. The root 404.html is Astro's own (src/pages/404.astro). A language whose page
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
          copyFileSync(built, join(root, lang, '404.html'));
        }
        logger.info(`404 pages: /404.html and ${LANGUAGES.map((lang) => `/${lang}/404.html`).join(', ')}`);
      },
    },
  };
}
