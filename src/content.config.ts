import { defineCollection } from 'astro:content';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from './lib/content/collections.ts';
import { contentLoader } from './lib/content/loader.ts';

// Every collection, its folder, files and schema come from the registry in
// src/lib/content/collections.ts. The loader lists and parses files with the content check's own
// functions (src/lib/content/read-content.ts), so the site publishes exactly the files
// `npm run check:content` accepts; the check also covers what Astro does not (references,
// translations, duplicates). Per-language ids are "<lang>/<slug>": translations share the file
// name. ICC_CONTENT_DIR points the build at another content tree (the scale benchmark's corpus).
const contentDirectory = process.env.ICC_CONTENT_DIR ?? './src/content';

export const collections = Object.fromEntries(
  COLLECTION_NAMES.map((name) => [name, defineCollection({ loader: contentLoader(name, contentDirectory), schema: COLLECTIONS[name].schema })]),
  // Astro types each collection's entries from its schema's type.
) as { [N in CollectionName]: Omit<ReturnType<typeof defineCollection>, 'schema'> & { schema: (typeof COLLECTIONS)[N]['schema'] } };
