/**
 * The kept-pages integration (src/integrations/kept-pages.ts) run through its hooks as Astro runs
 * them: the copy starts when the config is done, Astro's prerenderer hands over the pages' paths
 * only once it has ended (so no page is copied or rendered before), and the build's end removes
 * the copies of pages the build did not generate.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keptPages } from '../../src/integrations/kept-pages.ts';
import { keptPagesFolder } from '../../src/lib/kept-pages.ts';

type Hook = (options: unknown) => void | Promise<void>;
let work = '';
afterEach(() => rmSync(work, { recursive: true, force: true }));

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
  /** What Astro's default prerenderer would give, and the prerenderer the integration makes of it (astro:build:start). */
  const gathered = [{ pathname: '/en/a/' }];
  const prerenderers: { getStaticPaths: () => Promise<unknown[]>; render: () => string }[] = [];
  const startBuild = () =>
    hook('astro:build:start')({
      logger,
      setPrerenderer: (make: (base: (typeof prerenderers)[number]) => (typeof prerenderers)[number]) =>
        prerenderers.push(make({ getStaticPaths: async () => gathered, render: () => 'rendered' })),
    });
  const config = (integrations: { name: string; hooks: Record<string, unknown> }[]) => ({
    root: pathToFileURL(`${work}/`),
    outDir: pathToFileURL(`${staging}/`),
    cacheDir: pathToFileURL(`${cacheDir}/`),
    experimental: { incrementalBuild: true },
    integrations,
  });
  const hook = (name: string) => integration.hooks[name as keyof typeof integration.hooks] as unknown as Hook;
  const updateConfig = vi.fn();
  const setup = () => hook('astro:config:setup')({ command: 'build', config: config([]), logger, updateConfig });
  return { integration, logger, prerenderers, gathered, startBuild, updateConfig, staging, config, hook, setup };
}

describe('the kept pages in a build', () => {
  it('puts the kept pages in the staging folder before the first page, and removes those the build did not generate', async () => {
    const { integration, logger, prerenderers, gathered, startBuild, updateConfig, staging, config, hook, setup } = setUp({ 'en/a/index.html': 'a', 'en/b/index.html': 'b', 'fr/a/index.html': 'a fr' });
    await setup();
    // Astro must not empty the staging folder while the copy runs.
    expect(updateConfig).toHaveBeenCalledWith({ vite: { build: { emptyOutDir: false } } });
    await hook('astro:config:done')({ config: config([integration, { name: 'later', hooks: { 'astro:build:done': () => undefined } }]) });
    await startBuild();
    expect(prerenderers).toHaveLength(1);
    // The paths Astro gathered, handed over once every kept page is in place; the rest of the prerenderer is Astro's.
    expect(await prerenderers[0]!.getStaticPaths()).toBe(gathered);
    expect(readFileSync(join(staging, 'en/b/index.html'), 'utf8')).toBe('b');
    expect(readFileSync(join(staging, 'fr/a/index.html'), 'utf8')).toBe('a fr');
    expect(prerenderers[0]!.render()).toBe('rendered');
    expect(logger.info).toHaveBeenCalledWith(expect.stringMatching(/^3 pages kept by the last build put in the staging folder in [\d.]+ s, while Astro started and gathered its pages \(3 of them read to know their digests\)$/));
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

  it('stops the build when Astro generated pages without waiting for the copy (another prerenderer replaced its own)', async () => {
    const { integration, hook, setup, config, staging } = setUp({ 'en/a/index.html': 'a' });
    await setup();
    await hook('astro:config:done')({ config: config([integration]) });
    // No astro:build:start: an adapter's prerenderer set afterwards would leave it out the same way.
    const url = (file: string) => pathToFileURL(join(staging, file));
    await expect(hook('astro:build:done')({ assets: new Map([['/[lang]/[page]', [url('en/a/index.html')]]]), pages: [], dir: url(''), logger: {} })).rejects.toThrow(
      'icc:kept-pages: Astro generated the pages without waiting for the copy of the kept pages (another integration replaced the prerenderer after it), so a page may be half copied: nothing was published. Set the other prerenderer first, or remove keptPages() from astro.config.mjs.',
    );
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
    // Astro's prerenderer is left as it is.
    const setPrerenderer = vi.fn();
    await hook('astro:build:start')({ logger: {}, setPrerenderer });
    expect(setPrerenderer).not.toHaveBeenCalled();
    // Nor does its end.
    await hook('astro:build:done')({ assets: new Map(), pages: [], logger: {} });
  });
});
