/**
 * The build's code reads the content store from the file Astro wrote (src/integrations/content-store.ts)
 * instead of a module holding it as one string literal: the same JSON, and only in a build.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { contentStore, STORE_MODULE_CODE } from '../../src/integrations/content-store.ts';

const work = mkdtempSync(join(tmpdir(), 'icc-content-store-'));
const STORE_PATH = Symbol.for('icc.content-store.path');
afterAll(() => {
  delete (globalThis as Record<symbol, unknown>)[STORE_PATH];
  rmSync(work, { recursive: true, force: true });
});

type LoadHook = { order: string; filter: { id: RegExp }; handler: (id: string) => { code: string } | null };
/** The Vite plugin the integration adds for `command`, if any. */
function pluginFor(command: 'build' | 'dev', cacheDir: string, collectionStorage?: string): { name: string; load: LoadHook } | undefined {
  let plugins: { name: string; load: LoadHook }[] = [];
  const setup = contentStore().hooks['astro:config:setup'] as (options: unknown) => void;
  setup({
    command,
    config: { cacheDir: pathToFileURL(`${cacheDir}/`), experimental: { collectionStorage } },
    updateConfig: (update: { vite: { plugins: typeof plugins } }) => (plugins = update.vite.plugins),
  });
  return plugins[0];
}

describe('content store of a build', () => {
  const store = [{ practices: 2 }, 'Intercultural café', 'Café interculturel — “quoted”, \\ back-slashed'];
  const cacheDir = join(work, 'cache');

  it('gives the store module code that reads the file Astro wrote, before Astro’s own plugin answers', () => {
    rmSync(cacheDir, { recursive: true, force: true });
    const plugin = pluginFor('build', cacheDir)!;
    expect(plugin.load.order).toBe('pre');
    expect(plugin.load.filter.id.test('\0astro:data-layer-content')).toBe(true);
    expect(plugin.load.filter.id.test('astro:content')).toBe(false);
    // No store written (a site without content): Astro's own module answers.
    expect(plugin.load.handler('\0astro:data-layer-content')).toBeNull();
  });

  it('reads the same JSON as the string literal Astro would bundle', async () => {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, 'data-store.json'), JSON.stringify(store));
    const plugin = pluginFor('build', cacheDir)!;
    const loaded = plugin.load.handler('\0astro:data-layer-content');
    expect(loaded?.code).toBe(STORE_MODULE_CODE);
    // The code does not name the folder or the content: the incremental build's code hash stays.
    expect(STORE_MODULE_CODE).not.toContain(cacheDir);
    const module = join(work, 'store.mjs');
    writeFileSync(module, loaded!.code);
    const { default: data } = await import(pathToFileURL(module).href);
    expect(data).toEqual(JSON.parse(JSON.stringify(store)));
  });

  it('says so when the store module runs outside the build that wrote the store', async () => {
    const integration: AstroIntegration = contentStore();
    (integration.hooks['astro:build:done'] as () => void)();
    const module = join(work, 'outside.mjs');
    writeFileSync(module, STORE_MODULE_CODE);
    await expect(import(pathToFileURL(module).href)).rejects.toThrow('the content store was imported outside the build that wrote it');
  });

  it('leaves the dev server and a chunked store to Astro', () => {
    expect(pluginFor('dev', cacheDir)).toBeUndefined();
    expect(pluginFor('build', cacheDir, 'chunked')).toBeUndefined();
    expect(pluginFor('build', cacheDir, 'single-file')).toBeDefined();
  });
});
