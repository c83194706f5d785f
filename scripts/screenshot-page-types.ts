/**
 * `node scripts/screenshot-page-types.ts <out-dir> [<lang> ...]`: screenshots one built page of
 * every page type (every page route in src/pages, src/lib/page-types.ts) at 390 and 1280 px, the
 * first screen and the full page, in the languages given (English and French by default). For
 * reviewing layout before and after a change.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../test/helpers/browser.ts';
import { pageTypesIn } from '../test/helpers/page-types.ts';
import { serveDirectory } from '../test/helpers/static-server.ts';
import { isLang, LANGUAGES } from '../src/lib/languages.ts';

const [outDirectory = 'screenshots', ...requested] = process.argv.slice(2);
const languages = requested.length > 0 ? requested : [...LANGUAGES];
for (const code of languages) if (!isLang(code)) throw new Error(`"${code}" is not a registered language (src/lib/languages.ts).`);
mkdirSync(outDirectory, { recursive: true });
const server = await serveDirectory('dist');
const browser = await launchBrowser();
for (const lang of languages.filter(isLang)) {
  const samples = pageTypesIn(lang).filter((sample) => sample.paths.length > 0 && !(lang !== languages[0] && !sample.route.startsWith('[lang]')));
  for (const width of [390, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: width === 390 ? 844 : 900 } });
    for (const { route, paths } of samples) {
      const path = paths[0]!;
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      const name = `${lang}-${route.replace(/\.astro$/, '').replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root'}-${width}`;
      await page.screenshot({ path: join(outDirectory, `${name}-screen.png`) });
      await page.screenshot({ path: join(outDirectory, `${name}-full.png`), fullPage: true });
      console.log(`${join(outDirectory, name)} ${path}`);
    }
    await page.close();
  }
}
await browser.close();
await server.close();
