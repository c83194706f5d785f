/**
 * The Astro config of a test's own build: the project's config, building into `outDir` with its
 * own cache in `work`, so a test build never touches dist/ or the project's cache.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where writeBuildConfig writes the config of a test working in `work`. */
export const buildConfigFile = (work: string) => join(work, 'astro.config.mjs');

/** Writes the config (for `astro build --config`) and returns its path. */
export function writeBuildConfig(root: string, work: string, outDir: string): string {
  const config = buildConfigFile(work);
  writeFileSync(
    config,
    `import config from ${JSON.stringify(pathToFileURL(join(root, 'astro.config.mjs')).href)};\n` +
      `export default { ...config, outDir: ${JSON.stringify(outDir)}, cacheDir: ${JSON.stringify(join(work, 'astro-cache'))} };\n`,
  );
  return config;
}
