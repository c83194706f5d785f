import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { contentLoader } from '../../../src/lib/content/loader.ts';
import { listContentFiles } from '../../../src/lib/content/read-content.ts';
import { networkSchema } from '../../../src/lib/schemas/network.ts';
import { NETWORK_YAML, contentTree } from '../../helpers/content-tree.ts';
import { HOSTILE_TREE } from '../../fixtures/hostile-content.ts';

interface Stored {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  filePath?: string;
  digest?: string | number;
}

/** The parts of Astro's loader context the loader uses, with a Map as the store. */
function fakeContext(root: string, options: { watch: boolean }) {
  const entries = new Map<string, Stored>();
  const watcher = Object.assign(new EventEmitter(), { add: vi.fn() });
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const context = {
    config: { root: pathToFileURL(`${root}/`) },
    logger,
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: Stored) => (entries.set(entry.id, entry), true),
      keys: () => [...entries.keys()],
      has: (id: string) => entries.has(id),
      delete: (id: string) => void entries.delete(id),
    },
    // As Astro does: the collection's schema validates the data, and a refusal throws.
    parseData: async ({ data }: { data: Record<string, unknown> }) => networkSchema.parse(data),
    generateDigest: (text: string) => createHash('sha1').update(text).digest('hex'),
    watcher: options.watch ? watcher : undefined,
  };
  return { context: context as unknown as LoaderContext, entries, logger, watcher };
}

const tree = contentTree(HOSTILE_TREE);
afterAll(tree.remove);

describe('contentLoader', () => {
  it('loads exactly the files the content check lists, with the ids Astro pages use', async () => {
    const root = process.cwd();
    const { context, entries } = fakeContext(root, { watch: false });
    context.parseData = async ({ data }) => data;
    await contentLoader('practices', './src/content').load(context);
    const listed = listContentFiles(root, undefined, { collections: ['practices'] }).files;
    expect([...entries.keys()].sort()).toEqual(listed.map((file) => `${file.lang}/${file.id}`).sort());
    expect(entries.get('en/advisory-council-elected-migrant-members')?.filePath).toBe(
      'src/content/practices/en/advisory-council-elected-migrant-members.md',
    );
  });

  it('stops a build on a refused file, naming it', async () => {
    const { context } = fakeContext(tree.root, { watch: false });
    await expect(contentLoader('networks', 'src/content').load(context)).rejects.toThrow(
      /^Content is invalid, nothing was built\.\n[\s\S]*src\/content\/networks\/deep\.yaml: is nested too deeply/,
    );
  });

  it('in the dev server, reports refused files, keeps the valid ones and never throws', async () => {
    const { context, entries, logger } = fakeContext(tree.root, { watch: true });
    await contentLoader('networks', 'src/content').load(context);
    expect([...entries.keys()].sort()).toEqual(['bom-crlf', 'spain']);
    const warning = String(logger.warn.mock.calls[0]![0]);
    expect(warning).toMatch(/^\d+ problems in networks; those files are not shown until fixed:\n/);
    expect(warning).toContain('src/content/networks/latin1.yaml: is not UTF-8 (line 3');
    expect(warning).toContain('src/content/networks/http-site.yaml: ');
  });

  it('does not parse again a stored file whose text has not changed since the last build', async () => {
    const { context, entries } = fakeContext(tree.root, { watch: true });
    const parseData = vi.spyOn(context, 'parseData');
    await contentLoader('networks', 'src/content').load(context);
    expect(parseData).toHaveBeenCalled();
    parseData.mockClear();
    await contentLoader('networks', 'src/content').load(context);
    // Only the file the schema refused (and that was therefore not stored) is tried again.
    expect(parseData.mock.calls.map(([options]) => options.filePath)).toEqual([expect.stringMatching(/\/http-site\.yaml$/)]);
    expect([...entries.keys()].sort()).toEqual(['bom-crlf', 'spain']);
  });

  it('after an edit that breaks a file, keeps its last valid version and says why', async () => {
    const edited = contentTree({ 'src/content/networks/spain.yaml': NETWORK_YAML });
    try {
      const { context, entries, logger, watcher } = fakeContext(edited.root, { watch: true });
      await contentLoader('networks', 'src/content').load(context);
      const path = join(edited.root, 'src/content/networks/spain.yaml');
      writeFileSync(path, 'country: "ES\n');
      watcher.emit('change', path);
      await vi.waitFor(() => expect(logger.error).toHaveBeenCalledTimes(2));
      expect(logger.error.mock.calls.map((call) => String(call[0]))).toEqual([
        'src/content/networks/spain.yaml: is not valid YAML at line 1, column 10: the text in quotes that starts here is never closed: add the closing " at the end of the text (or remove the opening one)',
        'src/content/networks/spain.yaml is not reloaded: the site shows its last valid version until it is fixed',
      ]);
      expect(entries.get('spain')?.data.country).toBe('ES');

      writeFileSync(path, NETWORK_YAML.replace('ES', 'PT'));
      watcher.emit('change', path);
      await vi.waitFor(() => expect(entries.get('spain')?.data.country).toBe('PT'));

      rmSync(path);
      watcher.emit('unlink', path);
      expect(entries.has('spain')).toBe(false);
    } finally {
      edited.remove();
    }
  });
});
