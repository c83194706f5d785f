/**
 * "Adding a language is a registry entry and a translation file, nothing else": a copy of the
 * project gets one Arabic entry in src/lib/languages.ts and src/translations/ar.json, and is
 * built. The right-to-left site has its routes, its search index, hreflang from every other
 * language, and a mirrored layout (logical CSS properties and <html dir>).
 *
 * The fixture's ar.json (test/fixtures/added-language/ar.json) translates the strings of the
 * pages checked here; its other keys are filled with the English text when the copy is made,
 * because the build refuses a translation file with missing keys (test/lib/i18n.test.ts).
 * Set ICC_SCREENS_DIR to keep phone and desktop screenshots of a right-to-left page.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';

const root = resolve(import.meta.dirname, '../..');
const work = join(root, '.cache/test-added-language');
const dist = join(work, 'dist');
const run = (args: string[]) =>
  promisify(execFile)(process.execPath, args, {
    cwd: work,
    env: { ...process.env, ICC_SKIP_CARDS: '1', ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');

/** The registry entry an editor adds, and its import. */
const ENTRY = `  { code: 'ar', autonym: 'العربية', dir: 'rtl', locale: 'ar', typography: plainTypography, searchLanguage: 'ar', fallback: ['en'], strings: ar },\n`;
const IMPORT = `import ar from '../translations/ar.json' with { type: 'json' };\n`;

/** A copy of the project without the generated folders, with fewer practices to keep the build short. */
function copyProject() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  for (const part of ['src', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(root, part), join(work, part), { recursive: true });
  cpSync(join(root, 'public'), join(work, 'public'), { recursive: true, filter: (source) => !source.includes(`${join(root, 'public/admin')}`) });
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
  // Six practices that adapt no other, in every language folder.
  const practices = join(work, 'src/content/practices');
  const frontMatter = (file: string) => parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))![1]!) as { adaptedFrom?: string[] };
  const kept = new Set(
    readdirSync(join(practices, 'en'))
      .sort()
      .filter((name) => !frontMatter(join(practices, 'en', name)).adaptedFrom?.length)
      .slice(0, 6),
  );
  for (const folder of readdirSync(practices)) {
    for (const name of readdirSync(join(practices, folder))) if (!kept.has(name)) rmSync(join(practices, folder, name));
  }
  // Resources and activities keep only their links to the practices kept.
  for (const folder of ['resources', 'activities']) {
    const directory = join(work, 'src/content', folder);
    for (const name of existsSync(directory) ? readdirSync(directory) : []) {
      const file = join(directory, name);
      const data = parse(readFileSync(file, 'utf8')) as { practices?: string[] };
      if (!data.practices) continue;
      const linked = data.practices.filter((slug) => kept.has(`${slug}.md`));
      if (linked.length > 0) data.practices = linked;
      else delete data.practices;
      writeFileSync(file, stringify(data));
    }
  }
  return [...kept].map((name) => name.replace(/\.md$/, ''));
}

/** What an editor does to add Arabic: one registry entry, one translation file. */
function addArabic() {
  const registry = join(work, 'src/lib/languages.ts');
  const source = readFileSync(registry, 'utf8');
  const withImport = source.replace(/^(import en from .*\n)/m, `$1${IMPORT}`);
  const withEntry = withImport.replace(/^(\] as const satisfies)/m, `${ENTRY}$1`);
  expect(withEntry).not.toBe(withImport);
  writeFileSync(registry, withEntry);
  const english = JSON.parse(readFileSync(join(root, 'src/translations/en.json'), 'utf8')) as Record<string, string>;
  const arabic = JSON.parse(readFileSync(join(root, 'test/fixtures/added-language/ar.json'), 'utf8')) as Record<string, string>;
  writeFileSync(join(work, 'src/translations/ar.json'), JSON.stringify({ ...english, ...arabic }, null, 2));
}

let slugs: string[] = [];
beforeAll(async () => {
  slugs = copyProject();
  addArabic();
  // The search index is built inside `astro build` (src/integrations/search-index.ts).
  await run(['node_modules/astro/bin/astro.mjs', 'build']);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a language added to the registry', () => {
  it('gets every route, written right to left', () => {
    expect(html('ar')).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html('ar')).toContain('المدن متعددة الثقافات');
    for (const path of ['ar/cities/lisbon', 'ar/themes/education', 'ar/practices', `ar/practices/${slugs[0]}`, 'ar/index', 'ar/search', 'ar/programme']) {
      expect(existsSync(join(dist, path, 'index.html')), path).toBe(true);
    }
    expect(existsSync(join(dist, 'ar/rss.xml'))).toBe(true);
    // Untranslated content falls back to English, marked as such.
    expect(html(`ar/practices/${slugs[0]}`)).toContain('لم تُترجم هذه الممارسة إلى العربية بعد');
    // The English text keeps its own direction inside the right-to-left page.
    expect(html(`ar/practices/${slugs[0]}`)).toMatch(/<div class="practice-(head|body)" lang="en" dir="ltr">/);
  });

  it('is offered by every other language: hreflang, the switcher, the sitemap and the root chooser', () => {
    const english = html('en/cities/lisbon');
    expect(english).toContain('<link rel="alternate" hreflang="ar" href="https://intercultural-cities.example.org/ar/cities/lisbon/">');
    expect(english).toMatch(/<a href="\/ar\/cities\/lisbon\/" hreflang="ar" lang="ar" aria-label="اقرأ هذه الصفحة بالعربية">العربية<\/a>/);
    expect(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')).toContain('hreflang="ar" href="https://intercultural-cities.example.org/ar/cities/lisbon/"');
    expect(html('')).toMatch(/<a href="\/ar\/" lang="ar" dir="rtl" hreflang="ar">/);
  });

  it('has its own search index', () => {
    expect(existsSync(join(dist, 'pagefind/ar/pagefind.js'))).toBe(true);
    expect(html('ar/search')).toContain('data-bundle="/pagefind/ar/pagefind.js"');
  });
});

describe('the right-to-left layout', () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveDirectory(dist);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([390, 1280])('mirrors the page at %i px: the brand starts on the right and the text runs right to left', async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const box = async (path: string) => {
      await page.goto(`${server.url}/${path}/`);
      return page.evaluate(() => {
        const brand = document.querySelector('.brand')!.getBoundingClientRect();
        const lead = getComputedStyle(document.querySelector('main p')!);
        return { left: brand.left, right: brand.right, width: document.documentElement.clientWidth, scroll: document.documentElement.scrollWidth, direction: lead.direction };
      });
    };
    const ltr = await box('en/cities/lisbon');
    const rtl = await box('ar/cities/lisbon');
    expect(ltr.left).toBeLessThan(ltr.width / 2);
    expect(rtl.right).toBeGreaterThan(rtl.width / 2);
    expect(rtl.width - rtl.right).toBeCloseTo(ltr.left, 0);
    expect(rtl.direction).toBe('rtl');
    expect(rtl.scroll).toBeLessThanOrEqual(rtl.width);
    if (process.env.ICC_SCREENS_DIR) {
      mkdirSync(process.env.ICC_SCREENS_DIR, { recursive: true });
      await page.screenshot({ path: join(process.env.ICC_SCREENS_DIR, `rtl-ar-city-${width}.png`), fullPage: width < 500 ? false : true });
      await page.goto(`${server.url}/ar/`);
      await page.screenshot({ path: join(process.env.ICC_SCREENS_DIR, `rtl-ar-home-${width}.png`) });
    }
    await context.close();
  });
});
