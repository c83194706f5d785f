import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { LANGUAGES } from './lib/languages.ts';
import { citySchema } from './lib/schemas/city.ts';
import { indexResultSchema } from './lib/schemas/index-result.ts';
import { networkSchema } from './lib/schemas/network.ts';
import { pageSchema } from './lib/schemas/page.ts';
import { practiceEntrySchema } from './lib/schemas/practice.ts';
import { themeSchema } from './lib/schemas/theme.ts';

// Schemas live in src/lib/schemas/; `npm run check:content` validates the same files with them
// and also checks what Astro does not (references, translations, duplicates).
// ICC_CONTENT_DIR points the build at another content tree (the scale benchmark's corpus).
const contentDirectory = process.env.ICC_CONTENT_DIR ?? './src/content';
const yamlFiles = (collection: string) => glob({ pattern: '*.{yaml,yml}', base: `${contentDirectory}/${collection}` });
// One folder per registered language (src/lib/languages.ts): "{en,fr,es}/*.md".
const perLanguageFiles = LANGUAGES.length > 1 ? `{${LANGUAGES.join(',')}}/*.md` : `${LANGUAGES[0]}/*.md`;

export const collections = {
  themes: defineCollection({ loader: yamlFiles('themes'), schema: themeSchema }),
  networks: defineCollection({ loader: yamlFiles('networks'), schema: networkSchema }),
  cities: defineCollection({ loader: yamlFiles('cities'), schema: citySchema }),
  practices: defineCollection({
    // Ids are "<lang>/<slug>": translations share the file name.
    loader: glob({ pattern: perLanguageFiles, base: `${contentDirectory}/practices` }),
    schema: practiceEntrySchema,
  }),
  pages: defineCollection({
    loader: glob({ pattern: perLanguageFiles, base: `${contentDirectory}/pages` }),
    schema: pageSchema,
  }),
  indexResults: defineCollection({
    loader: glob({ pattern: '*.md', base: `${contentDirectory}/index-results` }),
    schema: indexResultSchema,
  }),
};
