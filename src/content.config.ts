import { defineCollection } from 'astro:content';
import { contentLoader } from './lib/content/loader.ts';
import { citySchema } from './lib/schemas/city.ts';
import { indexResultSchema } from './lib/schemas/index-result.ts';
import { networkSchema } from './lib/schemas/network.ts';
import { pageSchema } from './lib/schemas/page.ts';
import { practiceEntrySchema } from './lib/schemas/practice.ts';
import { themeSchema } from './lib/schemas/theme.ts';

// Schemas live in src/lib/schemas/. The loader lists and parses files with the content check's
// own functions (src/lib/content/read-content.ts), so the site publishes exactly the files
// `npm run check:content` accepts; the check also covers what Astro does not (references,
// translations, duplicates). Practice and page ids are "<lang>/<slug>": translations share the
// file name. ICC_CONTENT_DIR points the build at another content tree (the scale benchmark's corpus).
const contentDirectory = process.env.ICC_CONTENT_DIR ?? './src/content';

export const collections = {
  themes: defineCollection({ loader: contentLoader('themes', contentDirectory), schema: themeSchema }),
  networks: defineCollection({ loader: contentLoader('networks', contentDirectory), schema: networkSchema }),
  cities: defineCollection({ loader: contentLoader('cities', contentDirectory), schema: citySchema }),
  practices: defineCollection({ loader: contentLoader('practices', contentDirectory), schema: practiceEntrySchema }),
  pages: defineCollection({ loader: contentLoader('pages', contentDirectory), schema: pageSchema }),
  indexResults: defineCollection({ loader: contentLoader('index-results', contentDirectory), schema: indexResultSchema }),
};
