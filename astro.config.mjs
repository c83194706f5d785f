// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentCheck } from './src/integrations/content-check.ts';
import { keptPageDigests, keptPages } from './src/integrations/kept-pages.ts';
import { contentStore } from './src/integrations/content-store.ts';
import { nearestLists } from './src/integrations/nearest-lists.ts';
import { siteMap } from './src/integrations/sitemap.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { pageBudgets } from './src/integrations/page-budgets.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { atomicPublish } from './src/integrations/atomic-publish.ts';
import { notFoundPages } from './src/integrations/not-found-pages.ts';
import { noUiStringsInBrowser } from './src/integrations/browser-strings.ts';
import { siteAddress } from './src/lib/site-address.ts';

// Served at the root of its domain only: a SITE_URL with a path stops the build, saying why.
const site = siteAddress(process.env.SITE_URL);

export default defineConfig({
  site,
  // Outside node_modules, which `npm ci` empties: pipelines keep every build cache in one folder, .cache/.
  cacheDir: './.cache/astro',
  trailingSlash: 'always',
  // Stylesheets are always files: the Content-Security-Policy allows no inline styles.
  // concurrency: pages are written while others render (the main thread otherwise waits on disk).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Pages whose getStaticPaths() gives a cacheKey (src/data/page-keys.ts) are copied from the
  // previous build when nothing they show has changed: a one-practice edit re-renders a few pages.
  experimental: { incrementalBuild: true },
  integrations: [
    // Astro's kept pages are copied into the staging folder while it starts (src/lib/kept-pages.ts);
    // first: the copies of pages no longer built are removed before any integration reads the folder.
    keptPages(),
    contentCheck(),
    // The build's code reads the content store from its file instead of compiling it as one huge string.
    contentStore(),
    // The similar practices of every practice page: found on both cores, kept and updated between builds.
    nearestLists(),
    securityHeaders(),
    mdx(),
    // Every listed page with its versions in the other published languages (src/integrations/sitemap.ts).
    siteMap(site),
    // `astro build` is the whole build: it checks the budgets, indexes the pages for search, and
    // only then publishes the site into outDir (built in a staging folder until then); under
    // `npm run build` (scripts/build.ts) it hands the staging folder over instead, and the script
    // indexes and publishes once Astro's process has ended. Keep atomicPublish() last: the build
    // refuses to run if an integration's build:done comes after it.
    notFoundPages(),
    pageBudgets(),
    // After the budgets, which read every page: the next build's copy of the kept pages reads none it can trust.
    keptPageDigests(),
    searchIndex(),
    atomicPublish(),
  ],
  devToolbar: { enabled: false },
  vite: {
    // cors: false: the dev server answers no other origin (Vite's default lets any localhost page
    // read its files, and public/admin/config.*.yml holds the secret of an `npm run cms` run).
    server: { cors: false, watch: { ignored: ['**/public/admin/**', '**/.cache/**'] } },
    // Astro inlines a script smaller than this limit into the page, which the Content-Security-Policy
    // (no inline scripts) then blocks: a small island would silently never run. Scripts stay files.
    build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) },
    plugins: [noUiStringsInBrowser()],
  },
});
