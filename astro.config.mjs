// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentCheck } from './src/integrations/content-check.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { LANGUAGE_REGISTRY, SOURCE_LANGUAGE } from './src/lib/languages.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://intercultural-cities.example.org',
  trailingSlash: 'always',
  // Stylesheets are always files: the Content-Security-Policy allows no inline styles.
  // concurrency: pages are written while others render (the main thread otherwise waits on disk).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Pages whose getStaticPaths() gives a cacheKey (src/data/page-keys.ts) are copied from the
  // previous build when nothing they show has changed: a one-practice edit re-renders a few pages.
  experimental: { incrementalBuild: true },
  integrations: [
    contentCheck(),
    securityHeaders(),
    mdx(),
    sitemap({
      // The editor, the editors' pages and the language chooser are not pages to find through search engines.
      filter: (page) => {
        const path = new URL(page).pathname;
        return !path.startsWith('/admin/') && !/^\/[a-z]{2,3}\/editors\//.test(path) && path !== '/';
      },
      // Alternates between the languages of the registry (src/lib/languages.ts).
      i18n: { defaultLocale: SOURCE_LANGUAGE, locales: Object.fromEntries(LANGUAGE_REGISTRY.map(({ code, locale }) => [code, locale])) },
    }),
  ],
  devToolbar: { enabled: false },
  vite: {
    server: { watch: { ignored: ['**/public/admin/**', '**/.cache/**'] } },
  },
});
