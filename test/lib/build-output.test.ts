import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildFolders,
  buildHandoff,
  discardStaging,
  finishHandedOverBuild,
  HANDOFF_VARIABLE,
  publishStaging,
  readHandoff,
  sweepAbandonedBuilds,
  writeHandoff,
} from '../../src/lib/build-output.ts';

let parent: string;
let output: string;
const write = (folder: string, file: string, text: string) => {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, file), text);
};
const nothingRuns = () => false;

beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'icc-build-output-'));
  output = join(parent, 'dist');
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

describe('build folders', () => {
  it('stages a build beside the published folder, named after it and the process', () => {
    expect(buildFolders('/site/dist', 4242)).toEqual({
      output: '/site/dist',
      staging: '/site/.dist-building-4242',
      replaced: '/site/.dist-replaced-4242',
    });
  });
});

describe('publishing', () => {
  it('replaces the published site by the staged one and removes the old one', () => {
    const folders = buildFolders(output, 1);
    write(output, 'index.html', 'old');
    write(folders.staging, 'index.html', 'new');
    publishStaging(folders);
    expect(readFileSync(join(output, 'index.html'), 'utf8')).toBe('new');
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('publishes a first build when nothing was published yet', () => {
    const folders = buildFolders(output, 1);
    write(folders.staging, 'index.html', 'first');
    publishStaging(folders);
    expect(readFileSync(join(output, 'index.html'), 'utf8')).toBe('first');
  });

  it('refuses to publish a build whose folder is missing, leaving the published site', () => {
    write(output, 'index.html', 'old');
    const folders = buildFolders(output, 1);
    expect(() => publishStaging(folders)).toThrow(`Nothing to publish: the build's folder ${folders.staging} does not exist.`);
    expect(readFileSync(join(output, 'index.html'), 'utf8')).toBe('old');
  });

  it('discards a staged build without touching the published site', () => {
    const folders = buildFolders(output, 1);
    write(output, 'index.html', 'old');
    write(folders.staging, 'index.html', 'half');
    discardStaging(folders);
    expect(readdirSync(parent)).toEqual(['dist']);
  });
});

describe('sweeping what killed builds left', () => {
  it('removes the staging folders of builds that no longer run, and keeps those of running builds', () => {
    write(output, 'index.html', 'published');
    write(join(parent, '.dist-building-100'), 'index.html', 'half');
    write(join(parent, '.dist-building-200'), 'index.html', 'running');
    const messages = sweepAbandonedBuilds(output, (pid) => pid === 200);
    expect(messages).toEqual(['removed .dist-building-100, left by a build that did not finish']);
    expect(readdirSync(parent).sort()).toEqual(['.dist-building-200', 'dist']);
  });

  it('puts back the published site when a build was killed between its two renames', () => {
    write(join(parent, '.dist-replaced-100'), 'index.html', 'published');
    write(join(parent, '.dist-building-100'), 'index.html', 'new');
    const messages = sweepAbandonedBuilds(output, nothingRuns);
    expect(messages).toEqual([
      `put back ${output}, which a build killed while publishing had set aside as .dist-replaced-100`,
      'removed .dist-building-100, left by a build that did not finish',
    ]);
    expect(readFileSync(join(output, 'index.html'), 'utf8')).toBe('published');
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('removes a replaced site left behind when the new one was already published', () => {
    write(output, 'index.html', 'new');
    write(join(parent, '.dist-replaced-100'), 'index.html', 'old');
    expect(sweepAbandonedBuilds(output, nothingRuns)).toEqual(['removed .dist-replaced-100, left by a build that did not finish']);
    expect(readFileSync(join(output, 'index.html'), 'utf8')).toBe('new');
  });

  it('leaves alone folders of other outputs and names that only look alike', () => {
    for (const name of ['.dist2-building-100', '.dist-building-abc', 'dist-building-100', '.dist-building-100.bak']) write(join(parent, name), 'x', 'x');
    expect(sweepAbandonedBuilds(output, nothingRuns)).toEqual([]);
    expect(readdirSync(parent)).toHaveLength(4);
  });

  it('does nothing when the output folder has no parent yet', () => {
    expect(sweepAbandonedBuilds(join(parent, 'missing', 'dist'), nothingRuns)).toEqual([]);
    expect(existsSync(join(parent, 'missing'))).toBe(false);
  });
});

describe('a build handed over by Astro\'s process (scripts/build.ts)', () => {
  it('is handed over only when the build script asked for it', () => {
    expect(buildHandoff({})).toBeUndefined();
    expect(buildHandoff({ [HANDOFF_VARIABLE]: '' })).toBeUndefined();
    expect(buildHandoff({ [HANDOFF_VARIABLE]: '/tmp/icc-build-1.json' })).toBe('/tmp/icc-build-1.json');
  });

  it('reads back the folders and the cache Astro\'s process wrote, leaving no temporary file', () => {
    const file = join(parent, 'handoff.json');
    const handoff = { folders: buildFolders(output, 7), cacheDir: join(parent, 'cache') };
    writeHandoff(file, handoff);
    expect(readHandoff(file)).toEqual(handoff);
    expect(readdirSync(parent)).toEqual(['handoff.json']);
  });

  it('says what to fix when Astro\'s process handed nothing over, or something else', () => {
    const file = join(parent, 'handoff.json');
    expect(() => readHandoff(file)).toThrow(`astro build ended without handing over its site (${file} was not written): is atomicPublish() still the last integration in astro.config.mjs?`);
    writeFileSync(file, JSON.stringify({ folders: { staging: 1 } }));
    expect(() => readHandoff(file)).toThrow(`${file} is not the hand-off of an astro build: its site cannot be published.`);
  });

  it('publishes the staged site once its last step has succeeded', async () => {
    const folders = buildFolders(output, 8);
    write(output, 'index.html', 'old');
    write(folders.staging, 'index.html', 'new');
    const seen: string[] = [];
    await finishHandedOverBuild({ folders, cacheDir: parent }, async (staging) => {
      seen.push(staging);
      // The step runs on the staged site, before it is published.
      expect(readFileSync(join(output, 'index.html'), 'utf8')).toBe('old');
      write(join(staging, 'pagefind'), 'pagefind.js', 'index');
    });
    expect(seen).toEqual([folders.staging]);
    expect(readFileSync(join(output, 'pagefind', 'pagefind.js'), 'utf8')).toBe('index');
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('removes the staged site and leaves the published one when its last step fails', async () => {
    const folders = buildFolders(output, 9);
    write(output, 'index.html', 'old');
    write(folders.staging, 'index.html', 'new');
    const failing = finishHandedOverBuild({ folders, cacheDir: parent }, async () => {
      throw new Error('Pagefind could not index the "en" pages, nothing was published: no page matches en/**/*.html');
    });
    await expect(failing).rejects.toThrow('Pagefind could not index the "en" pages, nothing was published');
    expect(readFileSync(join(output, 'index.html'), 'utf8')).toBe('old');
    expect(existsSync(folders.staging)).toBe(false);
    expect(readdirSync(parent)).toEqual(['dist']);
  });
});
