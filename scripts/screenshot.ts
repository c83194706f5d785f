/**
 * `node scripts/screenshot.ts <out-dir> <path> [<path> ...]`: screenshots built pages from dist/
 * at phone (390 px) and desktop (1280 px) widths, full page (FULL=0: first screen only; SPLIT=1:
 * the full page in parts). For reviewing what we build.
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
    if (process.env.SPLIT) {
      // Long pages in parts of 1600 px, easier to read than one very tall image.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let top = 0, part = 0; top < height; top += 1600, part++) {
        const partName = name.replace('.png', `-part${part}.png`);
        const clip = { x: 0, y: top, width, height: Math.min(1600, height - top) };
        await page.screenshot({ path: join(outDirectory, partName), fullPage: true, clip });
        console.log(join(outDirectory, partName));
      }
      continue;
    }
    await page.screenshot({ path: join(outDirectory, name), fullPage: process.env.FULL !== '0' });
    console.log(join(outDirectory, name));
  }
  await page.close();
}
await browser.close();
await server.close();
