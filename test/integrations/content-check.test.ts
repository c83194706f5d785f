import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Worker } from 'node:worker_threads';
import { contentCheck } from '../../src/integrations/content-check.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { similarityDocuments } from '../../src/lib/content/look-alikes.ts';
import { documentsDigest } from '../../src/lib/nearest-cache.ts';
import { forgetListsFound, markListsFound } from '../../src/lib/nearest-lists.ts';
import { alikePairs, buildSimilarity } from '../../src/lib/similarity.ts';
import { contentTree } from '../helpers/content-tree.ts';
import { HOSTILE_TREE } from '../fixtures/hostile-content.ts';

type Hook = (options: unknown) => void | Promise<void>;

/**
 * Runs the hooks as Astro does: a build starts the check (in a worker) at config setup and
 * reports it once the site is bundled (the Vite plugin's writeBundle, before any page is
 * rendered), and again before publishing (build done); the dev server checks at config setup.
 */
function runSetup(root: string, command: 'build' | 'dev', whileRendering?: () => Promise<void>) {
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const progress = { bundled: false };
  const { hooks } = contentCheck();
  const plugins: { writeBundle: () => Promise<void> }[] = [];
  const updateConfig = (config: { vite?: { plugins?: typeof plugins } }) => plugins.push(...(config.vite?.plugins ?? []));
  const run = async () => {
    await (hooks['astro:config:setup'] as unknown as Hook)({
      config: { root: pathToFileURL(`${resolve(root)}/`), cacheDir: pathToFileURL(`${mkdtempSync(join(tmpdir(), 'icc-check-cache-'))}/`) },
      command,
      logger,
      updateConfig,
    });
    if (command !== 'build') return;
    expect(plugins).toHaveLength(1);
    await plugins[0]!.writeBundle();
    progress.bundled = true;
    await whileRendering?.();
    await (hooks['astro:build:done'] as unknown as Hook)({ logger });
  };
  return { run, logger, progress };
}

describe('the content check in the Astro build', () => {
  it('stops a build of invalid content before anything is written, listing every problem', async () => {
    const { run } = runSetup('test/fixtures/broken-content', 'build');
    await expect(run()).rejects.toThrowError(/Content is invalid, nothing was built\.\n[\s\S]*cities\[1\] "bilbaoo" is not a known city[\s\S]*problems in 10 files/);
  });

  it('lets the dev server start on invalid content but prints the problems', async () => {
    const { run, logger } = runSetup('test/fixtures/broken-content', 'dev');
    await expect(run()).resolves.toBeUndefined();
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('scores.education must be 100 or less'));
  });

  it('lets a valid content tree build', async () => {
    const { run, logger } = runSetup('.', 'build');
    await expect(run()).resolves.toBeUndefined();
    expect(logger.info).toHaveBeenCalledWith(expect.stringMatching(/^content is valid \(\d+ files\); the practices are compared for look-alikes while the pages render$/));
    expect(logger.info).toHaveBeenCalledWith('practices compared: no two are nearly identical');
  });

  it('compares the practices once the similar practices are found, not while their workers build the same model', async () => {
    const posted = vi.spyOn(Worker.prototype, 'postMessage');
    try {
      const { run, logger } = runSetup('.', 'build', async () => {
        expect(posted).not.toHaveBeenCalled();
        markListsFound();
        await new Promise((settle) => setImmediate(settle));
        expect(posted).toHaveBeenCalledWith({ compare: true, alike: undefined });
      });
      await expect(run()).resolves.toBeUndefined();
      expect(posted).toHaveBeenCalledTimes(1);
      expect(logger.info).toHaveBeenCalledWith('practices compared: no two are nearly identical');
    } finally {
      posted.mockRestore();
      forgetListsFound();
    }
  });

  it('takes the look-alike pairs the similar practices scored in a model of the same texts', async () => {
    try {
      const documents = similarityDocuments(checkContent(process.cwd(), undefined, { lookAlikes: false }).content.practices);
      const { run, logger } = runSetup('.', 'build', async () => markListsFound({ digest: documentsDigest(documents), pairs: alikePairs(buildSimilarity(documents)) }));
      await expect(run()).resolves.toBeUndefined();
      expect(logger.info).toHaveBeenCalledWith("practices compared: no two are nearly identical (the pairs scored by the similar practices' workers, in a model of the same texts)");
    } finally {
      forgetListsFound();
    }
  });

  it('lets the pages of a tree whose only fault is two nearly identical practices render, and stops the build before publishing', async () => {
    const content = mkdtempSync(join(tmpdir(), 'icc-near-identical-'));
    const saved = process.env.ICC_CONTENT_DIR;
    try {
      cpSync('src/content', content, { recursive: true });
      const practices = join(content, 'practices', 'en');
      const first = readdirSync(practices).filter((name) => name.endsWith('.md')).sort()[0]!;
      const copy = readFileSync(join(practices, first), 'utf8').replace(/^title: .*$/m, 'title: The same practice once more');
      writeFileSync(join(practices, 'the-same-practice-once-more.md'), copy);
      process.env.ICC_CONTENT_DIR = content;
      // The pairs of the content before the copy (no look-alikes) are not the copy's: they are not taken.
      const before = similarityDocuments(checkContent(process.cwd(), undefined, { lookAlikes: false }).content.practices);
      const { run, progress } = runSetup('.', 'build', async () => markListsFound({ digest: documentsDigest(before), pairs: [] }));
      await expect(run()).rejects.toThrow(
        new RegExp(`^Content is invalid, nothing was published\\.\\n[^\\n]*practices/en/the-same-practice-once-more\\.md: is nearly identical to .*\\(${first.replace('.md', '')}, `),
      );
      // The first stage passed: the pages were rendered, into the staging folder, while the practices were compared.
      expect(progress.bundled).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.ICC_CONTENT_DIR;
      else process.env.ICC_CONTENT_DIR = saved;
      rmSync(content, { recursive: true, force: true });
      forgetListsFound();
    }
  });

  describe('on hostile and unreadable files', () => {
    const tree = contentTree(HOSTILE_TREE);
    afterAll(tree.remove);

    it('keeps the dev server running and reports every file, without a stack trace', async () => {
      const { run, logger } = runSetup(tree.root, 'dev');
      await expect(run()).resolves.toBeUndefined();
      expect(logger.error).toHaveBeenCalledTimes(1);
      const report = String(logger.error.mock.calls[0]![0]);
      expect(report).toContain('src/content/networks/billion-laughs.yaml: is not valid YAML: it repeats aliases');
      expect(report).toContain('src/content/networks/deep.yaml: is nested too deeply');
      expect(report).toContain('src/content/networks/latin1.yaml: is not UTF-8 (line 3');
      expect(report).toMatch(/\d+ problems in 27 files\. Fix them/);
      expect(report).not.toMatch(/\n\s+at /);
    });

    it('stops a build with the same report', async () => {
      const { run } = runSetup(tree.root, 'build');
      await expect(run()).rejects.toThrow(/^Content is invalid, nothing was built\.\n[\s\S]*src\/content\/networks\/huge\.yaml: is too large/);
    });
  });
});
