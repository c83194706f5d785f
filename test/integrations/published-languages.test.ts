/**
 * A build can publish some of the registered languages (SITE_LANGUAGES, src/lib/languages.ts):
 * `astro build` on a small content tree with every registered language but the last one. The
 * left-out language has no routes, search index, hreflang, switcher entry or sitemap address,
 * while its files are still checked: a broken one stops the build. A code that is not
 * registered stops the build before anything is written, naming it and the registered codes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGE_REGISTRY, REGISTERED_LANGUAGES, SOURCE_LANGUAGE } from '../../src/lib/languages.ts';
import { writeSmallContent } from '../helpers/small-content.ts';
import { buildConfigFile, writeBuildConfig } from '../helpers/build-config.ts';

const root = resolve(import.meta.dirname, '../..');
const work = join(root, '.cache/test-published-languages');
const content = join(work, 'content');
const outDir = join(work, 'dist');
const config = buildConfigFile(work);

const left = REGISTERED_LANGUAGES.at(-1)!;
const published = REGISTERED_LANGUAGES.filter((code) => code !== left);
const leftAutonym = LANGUAGE_REGISTRY.find(({ code }) => code === left)!.autonym;

function build(siteLanguages: string): Promise<{ code: number | null; log: string }> {
  const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--config', relative(root, config)], {
    cwd: root,
    env: {
      ...process.env,
      SITE_LANGUAGES: siteLanguages,
      ICC_CONTENT_DIR: content,
      ICC_SKIP_CARDS: '1',
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    },
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk));
  return new Promise((settle) => child.on('close', (code) => settle({ code, log })));
}

const page = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
let slugs: string[] = [];
let firstLog = '';

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  slugs = writeSmallContent(root, content);
  writeBuildConfig(root, work, outDir);
  const first = await build(published.join(','));
  firstLog = first.log;
  if (first.code !== 0) throw new Error(`The build of ${published.join(', ')} failed:\n${first.log}`);
}, 0);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe(`a build publishing ${published.join(', ')} of ${REGISTERED_LANGUAGES.join(', ')}`, () => {
  it('has the routes and search indexes of the published languages only', () => {
    for (const code of published) expect(existsSync(join(outDir, code, 'index.html')), code).toBe(true);
    expect(existsSync(join(outDir, left))).toBe(false);
    expect(readdirSync(join(outDir, 'pagefind')).sort()).toEqual([...published].sort());
  });

  it('names no left-out language in hreflang, the language switcher or the sitemap', () => {
    const practice = page(`${SOURCE_LANGUAGE}/practices/${slugs[0]}`);
    const hreflangs = [...practice.matchAll(/hreflang="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(hreflangs)).toEqual(new Set([...published, 'x-default']));
    expect(practice).not.toContain(`href="/${left}/`);
    expect(practice).not.toContain(leftAutonym);
    const sitemap = readdirSync(outDir)
      .filter((name) => name.startsWith('sitemap'))
      .map((name) => readFileSync(join(outDir, name), 'utf8'))
      .join('');
    expect(sitemap).toContain(`/${SOURCE_LANGUAGE}/`);
    expect(sitemap).not.toMatch(new RegExp(`\\.org/${left}/`));
  });

  it('says in the build log which language it left out and how many of its files it checked', () => {
    expect(firstLog).toMatch(new RegExp(`publishing ${published.join(', ')}; not publishing ${left} \\(\\d+ files? in that language checked, not built\\)`));
  });

  it(`still checks the ${left} files: a broken one stops the build and names its file and field`, async () => {
    const folder = join(content, 'practices', left);
    mkdirSync(folder, { recursive: true });
    const broken = join(folder, `${slugs[0]}.md`);
    const had = existsSync(broken) ? readFileSync(broken, 'utf8') : undefined;
    writeFileSync(broken, `---\ntitle: ""\n---\n\nText.\n`);
    try {
      const run = await build(published.join(','));
      expect(run.code).not.toBe(0);
      expect(run.log).toContain('Content is invalid, nothing was built');
      expect(run.log).toContain(`practices/${left}/${slugs[0]}.md`);
      expect(run.log).toMatch(/title/);
    } finally {
      if (had === undefined) rmSync(broken);
      else writeFileSync(broken, had);
    }
    // The site published before is still there.
    expect(existsSync(join(outDir, SOURCE_LANGUAGE, 'index.html'))).toBe(true);
  }, 0);

  it('stops before building anything when SITE_LANGUAGES names an unregistered code, saying which and what to write', async () => {
    const before = readFileSync(join(outDir, SOURCE_LANGUAGE, 'index.html'), 'utf8');
    const run = await build(`${SOURCE_LANGUAGE},xx`);
    expect(run.code).not.toBe(0);
    expect(run.log).toContain(`"xx" is not a registered language: use codes of src/lib/languages.ts (${REGISTERED_LANGUAGES.join(', ')})`);
    expect(readFileSync(join(outDir, SOURCE_LANGUAGE, 'index.html'), 'utf8')).toBe(before);
  }, 0);
});
