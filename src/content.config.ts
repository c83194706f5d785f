import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { COLLECTIONS, COLLECTION_NAMES, collectionPattern, type CollectionName } from './lib/content/collections.ts';
import { LANGUAGES } from './lib/schemas/fields.ts';

// Every collection, its folder, files and schema come from the registry in
// src/lib/content/collections.ts; `npm run check:content` reads the same files with the same
// schemas and also checks what Astro does not (references, translations, duplicates).
// ICC_CONTENT_DIR points the build at another content tree (the scale benchmark's corpus).
const contentDirectory = process.env.ICC_CONTENT_DIR ?? './src/content';

export const collections = Object.fromEntries(
  COLLECTION_NAMES.map((name) => [
    name,
    defineCollection({
      // Per-language collections have ids "<lang>/<slug>": translations share the file name.
      loader: glob({ pattern: collectionPattern(name, LANGUAGES), base: `${contentDirectory}/${COLLECTIONS[name].folder}` }),
      schema: COLLECTIONS[name].schema,
    }),
  ]),
  // Astro types each collection's entries from its schema's type.
) as { [N in CollectionName]: Omit<ReturnType<typeof defineCollection>, 'schema'> & { schema: (typeof COLLECTIONS)[N]['schema'] } };
