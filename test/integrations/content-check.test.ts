import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { contentCheck } from '../../src/integrations/content-check.ts';
import { contentTree } from '../helpers/content-tree.ts';
import { HOSTILE_TREE } from '../fixtures/hostile-content.ts';

type Hook = (options: unknown) => void | Promise<void>;

/**
 * Runs the hooks as Astro does: a build starts the check (in a worker) at config setup and
 * reports it once the site is bundled (the Vite plugin's writeBundle, before any page is
 * rendered), and again before publishing (build done); the dev server checks at config setup.
 */
function runSetup(root: string, command: 'build' | 'dev') {
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const { hooks } = contentCheck();
  const plugins: { writeBundle: () => Promise<void> }[] = [];
  const updateConfig = (config: { vite?: { plugins?: typeof plugins } }) => plugins.push(...(config.vite?.plugins ?? []));
  const run = async () => {
    await (hooks['astro:config:setup'] as unknown as Hook)({ config: { root: pathToFileURL(`${resolve(root)}/`) }, command, logger, updateConfig });
    if (command !== 'build') return;
    expect(plugins).toHaveLength(1);
    await plugins[0]!.writeBundle();
    await (hooks['astro:build:done'] as unknown as Hook)({ logger });
  };
  return { run, logger };
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
    expect(logger.info).toHaveBeenCalledWith(expect.stringMatching(/^content is valid \(\d+ files\)$/));
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
