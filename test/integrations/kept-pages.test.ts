/**
 * The kept-pages integration (src/integrations/kept-pages.ts) run through its hooks as Astro runs
 * them: the copy starts when the config is done, the first bundle written waits for it, and the
 * build's end removes the copies of pages the build did not generate.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
/** When set, no worker thread can start (as on a machine out of memory or threads). */
const noWorker = vi.hoisted(() => ({ on: false }));
vi.mock('node:worker_threads', async (original) => {
  const threads = await original<typeof import('node:worker_threads')>();
  class Worker extends threads.Worker {
    constructor(...args: ConstructorParameters<typeof threads.Worker>) {
      if (noWorker.on) throw new Error('no thread available');
      super(...args);
    }
  }
  return { ...threads, default: { ...threads, Worker }, Worker };
});
import { keptPages } from '../../src/integrations/kept-pages.ts';
import { keptPagesFolder } from '../../src/lib/kept-pages.ts';

type Hook = (options: unknown) => void | Promise<void>;
let work = '';
afterEach(() => {
  noWorker.on = false;
  rmSync(work, { recursive: true, force: true });
});

function setUp(kept: Record<string, string>) {
  work = mkdtempSync(join(tmpdir(), 'icc-kept-pages-hooks-'));
  const cacheDir = join(work, 'cache');
  for (const [file, text] of Object.entries(kept)) {
    mkdirSync(dirname(join(keptPagesFolder(cacheDir), file)), { recursive: true });
    writeFileSync(join(keptPagesFolder(cacheDir), file), text);
  }
  const staging = join(work, 'staging');
  mkdirSync(staging);
  const integration = keptPages();
  const logger = { info: vi.fn(), warn: vi.fn() };
  const plugins: { writeBundle: () => Promise<void> }[] = [];
  const config = (integrations: { name: string; hooks: Record<string, unknown> }[]) => ({
    root: pathToFileURL(`${work}/`),
    outDir: pathToFileURL(`${staging}/`),
    cacheDir: pathToFileURL(`${cacheDir}/`),
    experimental: { incrementalBuild: true },
    integrations,
  });
  const hook = (name: string) => integration.hooks[name as keyof typeof integration.hooks] as unknown as Hook;
  const setup = () => hook('astro:config:setup')({ command: 'build', config: config([]), logger, updateConfig: (update: { vite: { plugins: typeof plugins } }) => plugins.push(...update.vite.plugins) });
  return { integration, logger, plugins, staging, config, hook, setup };
}

describe('the kept pages in a build', () => {
  it('puts the kept pages in the staging folder before the first page, and removes those the build did not generate', async () => {
    const { integration, logger, plugins, staging, config, hook, setup } = setUp({ 'en/a/index.html': 'a', 'en/b/index.html': 'b', 'fr/a/index.html': 'a fr' });
    await setup();
    expect(plugins).toHaveLength(1);
    await hook('astro:config:done')({ config: config([integration, { name: 'later', hooks: { 'astro:build:done': () => undefined } }]) });
    await plugins[0]!.writeBundle();
    expect(readFileSync(join(staging, 'en/b/index.html'), 'utf8')).toBe('b');
    expect(logger.info).toHaveBeenCalledWith(expect.stringMatching(/^3 pages kept by the last build put in the staging folder \(moved there in one rename\) in [\d.]+ s, while Astro started \(3 of them read to know their digests\)$/));
    // Astro generated en/a (copied) and en/c (rendered); en/b and the French page are gone from the site.
    writeFileSync(join(staging, 'en/c.html'), 'c');
    const url = (file: string) => pathToFileURL(join(staging, file));
    await hook('astro:build:done')({ assets: new Map([['/[lang]/[page]', [url('en/a/index.html'), url('en/c.html')]]]), pages: [], dir: url(''), logger });
    expect(existsSync(join(staging, 'en/b'))).toBe(false);
    expect(existsSync(join(staging, 'fr'))).toBe(false);
    expect(readFileSync(join(staging, 'en/a/index.html'), 'utf8')).toBe('a');
    expect(readFileSync(join(staging, 'en/c.html'), 'utf8')).toBe('c');
    expect(logger.info).toHaveBeenCalledWith('2 kept pages are no longer built: removed (en/b/index.html, fr/a/index.html)');
  });

  it('keeps the pages it moved when their digests cannot be taken, and still removes those the build did not generate', async () => {
    const { integration, logger, plugins, staging, config, hook, setup } = setUp({ 'en/a/index.html': 'a', 'en/b/index.html': 'b' });
    noWorker.on = true;
    await setup();
    await hook('astro:config:done')({ config: config([integration]) });
    await plugins[0]!.writeBundle();
    expect(logger.warn).toHaveBeenCalledWith('the digests of the 2 pages moved into the staging folder could not be taken (no thread available): the checks read them');
    expect(readFileSync(join(staging, 'en/a/index.html'), 'utf8')).toBe('a');
    const url = (file: string) => pathToFileURL(join(staging, file));
    await hook('astro:build:done')({ assets: new Map([['/[lang]/[page]', [url('en/a/index.html')]]]), pages: [], dir: url(''), logger });
    expect(existsSync(join(staging, 'en/b'))).toBe(false);
    expect(readFileSync(join(staging, 'en/a/index.html'), 'utf8')).toBe('a');
  });

  it('stops the build when an integration that reads the site runs its build:done before it', async () => {
    const { integration, config, hook, setup } = setUp({});
    await setup();
    const budgets = { name: 'icc:page-budgets', hooks: { 'astro:build:done': () => undefined } };
    expect(() => hook('astro:config:done')({ config: config([budgets, integration]) })).toThrow(
      'icc:kept-pages must come before "icc:page-budgets" in astro.config.mjs: it removes the copies of pages no longer built before any other integration reads the folder. Move keptPages() to the start of the integrations list.',
    );
  });

  it('does nothing in the dev server, nor without the incremental build', async () => {
    const { hook } = setUp({ 'en/a/index.html': 'a' });
    const updateConfig = vi.fn();
    await hook('astro:config:setup')({ command: 'dev', config: { experimental: { incrementalBuild: true } }, logger: {}, updateConfig });
    await hook('astro:config:setup')({ command: 'build', config: { experimental: {} }, logger: {}, updateConfig });
    expect(updateConfig).not.toHaveBeenCalled();
    // Nor does its end.
    await hook('astro:build:done')({ assets: new Map(), pages: [], logger: {} });
  });
});
