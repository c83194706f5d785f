// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentCheck } from './src/integrations/content-check.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://intercultural-cities.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [contentCheck(), mdx()],
  devToolbar: { enabled: false },
  vite: {
    server: { watch: { ignored: ['**/public/admin/**'] } },
  },
});
