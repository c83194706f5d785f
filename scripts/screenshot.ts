/**
 * `node scripts/screenshot.ts <out-dir> <path> [<path> ...]`: screenshots built pages from dist/
 * at phone (390 px) and desktop (1280 px) widths, full page. For reviewing what we build.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../test/helpers/browser.ts';
import { serveDirectory } from '../test/helpers/static-server.ts';

const [outDirectory = 'screenshots', ...paths] = process.argv.slice(2);
mkdirSync(outDirectory, { recursive: true });
const server = await serveDirectory('dist');
const browser = await launchBrowser();
for (const width of [390, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const path of paths) {
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root'}-${width}.png`;
    await page.screenshot({ path: join(outDirectory, name), fullPage: process.env.FULL !== '0' });
    console.log(join(outDirectory, name));
  }
  await page.close();
}
await browser.close();
await server.close();
