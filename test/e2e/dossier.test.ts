import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { comparisonBaseline } from '../../src/lib/index-baseline.ts';
import { latestResultByCity } from '../../src/lib/index-stats.ts';
import { LANGUAGES } from '../../src/lib/schemas/fields.ts';
import { useBuiltSite } from '../helpers/site.ts';

const site = useBuiltSite();
const { content } = checkContent('.');
const results = content['index-results'].map(({ id, data }) => ({ id, data }));
const latest = latestResultByCity(results);

/** Pages of a PDF as Chromium writes it: one "/Type /Page" object per page ("/Pages" is the tree). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

/** A4 width less the dossier's 14 mm side margins, in CSS pixels (96 per inch). */
const PRINTABLE_WIDTH = Math.floor(((210 - 28) / 25.4) * 96);

describe('the printable dossier', () => {
  it('prints every city’s dossier, in every language, on at most two A4 pages with nothing overflowing the page width', async () => {
    const page = await site.newPage({ javaScriptEnabled: false, width: PRINTABLE_WIDTH });
    await page.emulateMedia({ media: 'print' });
    const report: string[] = [];
    for (const lang of LANGUAGES) {
      for (const cityId of [...latest.keys()].sort()) {
        const path = `/${lang}/cities/${cityId}/dossier/`;
        await page.goto(site.url + path);
        const pages = pdfPageCount(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
        const overflowing = await page.evaluate(() => {
          const main = document.querySelector('main')!.getBoundingClientRect();
          return [...document.querySelectorAll('main *')]
            .filter((element) => {
              const box = element.getBoundingClientRect();
              return box.width > 0 && (box.right > main.right + 1 || box.left < main.left - 1);
            })
            .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
            .slice(0, 3);
        });
        const tooWide = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
        if (pages < 1 || pages > 2 || overflowing.length > 0 || tooWide) {
          report.push(`${path}: ${pages} pages; overflowing: ${overflowing.join(', ') || 'none'}; page scrolls sideways: ${tooWide}`);
        }
      }
    }
    expect(report).toEqual([]);
    await page.context().close();
  });

  it('shows the overall score and the average of the named baseline from the content files', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/en/cities/bilbao/dossier/`);
    const bilbao = latest.get('bilbao')!;
    const baseline = comparisonBaseline(bilbao, results);
    const overall = await page.locator('.dossier-overall').innerText();
    expect(overall).toContain(`${bilbao.data.overall}%`);
    expect(overall).toContain(`Average of the comparison: ${Math.round(baseline.statistics.overall!.mean)}%.`);
    expect(await page.locator('.chart-baseline').innerText()).toBe(
      `Compared with the ${baseline.statistics.cityCount} cities whose latest result is from the 2019 Index or later.`,
    );
    await page.context().close();
  });

  it('writes every link of the dossier out as a numbered footnote', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/fr/cities/bilbao/dossier/`);
    const footnotes = await page.locator('.footnotes li').allInnerTexts();
    const linked = await page.locator('.dossier-learn a, .dossier-peers a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    expect(linked.length).toBeGreaterThan(0);
    for (const path of linked) expect(footnotes.some((note) => new URL(note).pathname === path)).toBe(true);
    await page.context().close();
  });
});
