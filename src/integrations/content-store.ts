import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The module through which Astro's build code reads the content layer's store (astro/dist/content/consts.js). */
const STORE_MODULE = '\0astro:data-layer-content';
/** Where a build keeps the store: Astro's cacheDir, one JSON file (the default collectionStorage). */
const STORE_FILE = 'data-store.json';
/** The store's path, for the build's code: the integration and that code are separate module instances. */
const STORE_PATH = Symbol.for('icc.content-store.path');
type WithStorePath = typeof globalThis & { [STORE_PATH]?: string };

/**
 * The build's code, reading the store when it is first imported. Its text does not depend on the
 * content or on the folder, so the incremental build's hash of the code is the same after an edit.
 */
export const STORE_MODULE_CODE = `import { readFileSync } from 'node:fs';
const path = globalThis[Symbol.for(${JSON.stringify(STORE_PATH.description)})];
if (typeof path !== 'string') throw new Error('icc:content-store: the content store was imported outside the build that wrote it');
export default JSON.parse(readFileSync(path, 'utf8'));
`;

/**
 * Astro bundles the content layer's store (every entry of every collection) into the build's code
 * as one string literal, `export default JSON.parse("…")`. V8 compiles a string literal of that
 * size in a time that grows faster than its length: at 10,000 practices in three languages (a
 * 96 MB store) importing that module took 13.5 s of the main thread before the first page, against
 * 0.9 s to read and parse the same file; and the bundler parsed the 99 MB module too. In a build,
 * this plugin gives the module a few lines that read the file Astro has just written: the same
 * JSON, parsed by the same JSON.parse (ImmutableDataStore.fromModule takes it as before). The dev
 * server keeps Astro's module, and a store kept another way (experimental.collectionStorage) is
 * left to Astro.
 */
export function contentStore(): AstroIntegration {
  return {
    name: 'icc:content-store',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build' || (config.experimental.collectionStorage ?? 'single-file') !== 'single-file') return;
        const path = fileURLToPath(new URL(STORE_FILE, config.cacheDir));
        (globalThis as WithStorePath)[STORE_PATH] = path;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'icc:content-store',
                enforce: 'pre',
                load: {
                  // Before Astro's own plugin, which is also an early one and would answer first.
                  order: 'pre',
                  filter: { id: new RegExp(`^${STORE_MODULE}$`) },
                  // Astro writes the store when it syncs the content, before bundling; without one
                  // (no content) its own module says so.
                  handler: (id: string) => (id === STORE_MODULE && existsSync(path) ? { code: STORE_MODULE_CODE, map: { mappings: '' } } : null),
                },
              },
            ],
          },
        });
      },
      'astro:build:done': () => {
        delete (globalThis as WithStorePath)[STORE_PATH];
      },
    },
  };
}
