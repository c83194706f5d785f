import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { comparisonBaseline } from '../../src/lib/index-baseline.ts';
import { latestResultByCity, sampleStatistics } from '../../src/lib/index-stats.ts';
import { useBuiltSite } from '../helpers/site.ts';

const site = useBuiltSite();
const { content } = checkContent('.');
const results = content['index-results'].map(({ id, data }) => ({ id, data }));
const latest = latestResultByCity(results);
const sample = sampleStatistics([...latest.values()]);
const baselineOf = (cityId: string) => comparisonBaseline(latest.get(cityId)!, results).statistics;

describe('a city profile', () => {
  it('shows the latest overall score from the content file against the sample average, with N and the edition', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/en/cities/lisbon/`);
    const lisbon = latest.get('lisbon')!.data;
    expect(await page.locator('.overall-score strong').innerText()).toBe(`${lisbon.overall}%`);
    const overallLine = await page.locator('.overall').innerText();
    expect(overallLine).toContain(`Average of the comparison: ${Math.round(baselineOf('lisbon').overall!.mean)}%.`);
    expect(await page.locator('.edition-line').innerText()).toContain(`Edition ${lisbon.edition}`);
    expect(await page.locator('.demo-scores').innerText()).toContain('Illustrative scores');
    await page.context().close();
  });

  it('draws the comparison chart at build time with a data table beside it', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/en/cities/lisbon/`);
    const chart = page.locator('section:has(#scores-by-area) svg[role="img"]').first();
    expect(await chart.getAttribute('aria-labelledby')).toBeTruthy();
    expect(await page.locator('section:has(#scores-by-area) svg title').first().textContent()).toContain('Lisbon: Index scores by policy area');
    // At 1280 px the table is shown beside the chart, without its fold.
    const table = page.locator('section:has(#scores-by-area) details table');
    expect(await table.isVisible()).toBe(true);
    const chartBox = (await chart.boundingBox())!;
    const tableBox = (await table.boundingBox())!;
    expect(tableBox.x).toBeGreaterThan(chartBox.x + chartBox.width);
    expect(tableBox.y).toBeLessThan(chartBox.y + chartBox.height);
    const rows = page.locator('section:has(#scores-by-area) details table tbody tr');
    const commitment = rows.filter({ hasText: 'Commitment' });
    const lisbon = latest.get('lisbon')!.data;
    expect((await commitment.locator('td').first().innerText()).trim()).toBe(String(lisbon.scores.commitment));
    expect(await page.locator('section:has(#scores-by-area) details thead').innerText()).toContain(`Comparison cities (N = ${baselineOf('lisbon').cityCount})`);
    await page.context().close();
  });

  it('shows progress over time with gaps, not zeros, for themes missing in an edition', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/en/cities/lisbon/`);
    await page.locator('#progress ~ details summary, section:has(#progress) details summary').first().click();
    const lensRow = page.locator('section:has(#progress) table tbody tr', { hasText: 'The intercultural lens' });
    const cells = await lensRow.locator('td').allInnerTexts();
    expect(cells[0]).toBe('No data');
    expect(cells).not.toContain('0');
    await page.context().close();
  });

  it('points each of the three weakest themes to practices from strong cities, with the reason', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/en/cities/lisbon/`);
    const themes = page.locator('section:has(#learn-from) .learn-theme');
    expect(await themes.count()).toBe(3);
    const reason = await themes.first().locator('.reason').first().innerText();
    expect(reason).toMatch(/^.+ scores \d+ in .+, sample average \d+$/);
    expect(await themes.first().locator('a[href^="/en/practices/"]').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('says so when a city has no Index result yet', async () => {
    const withoutResults = content.cities.find((city) => !latest.has(city.id))!;
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/fr/cities/${withoutResults.id}/`);
    expect(await page.locator('#index-results').locator('..').innerText()).toContain("n'a pas encore de résultat");
    await page.context().close();
  });

  it('ships no JavaScript', async () => {
    const page = await site.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    await page.goto(`${site.url}/en/cities/bilbao/`, { waitUntil: 'networkidle' });
    expect(scripts).toEqual([]);
    await page.context().close();
  });
});

describe('the city directory', () => {
  it('has a static map with a link per city and the same cities in a table', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/en/cities/`);
    const mapLinks = await page.locator('#map-world a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(new Set(mapLinks).size).toBe(content.cities.length);
    const listLinks = await page.locator('.city-table tbody th a').count();
    expect(listLinks).toBe(content.cities.length);
    await page.context().close();
  });
});

describe('the Index overview and summaries', () => {
  it('states the sample and shows distributions, not a ranking', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/en/index/`);
    expect(await page.locator('section:has(#sample)').innerText()).toContain(`${sample.cityCount} cities have Index results on this site, from ${results.length} reports`);
    const svg = await page.locator('#sample-distribution').innerHTML();
    // No city name appears in the distribution chart.
    for (const city of ['Lisbon', 'Oslo', 'Bilbao']) expect(svg).not.toContain(city);
    await page.context().close();
  });

  it('shows a summary with recommendations linked to practices on each theme', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/fr/index/lisbon-2023/`);
    expect(await page.locator('h1').innerText()).toBe('Lisbonne\u00A0: Index des cités interculturelles 2023');
    expect(await page.locator('#recommendations ~ .learn-theme a[href^="/fr/themes/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('a[href="/fr/cities/lisbon/"]').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('names one baseline for a result, the same on its summary and on the city profile, and explains the other counts once', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    const bilbao = latest.get('bilbao')!;
    const baseline = baselineOf('bilbao');
    const named = `Compared with the ${baseline.cityCount} cities whose latest result is from the 2019 Index or later.`;
    for (const path of ['/en/index/bilbao-2022/', '/en/cities/bilbao/']) {
      await page.goto(site.url + path);
      expect(await page.locator('.chart-baseline').innerText()).toBe(named);
      expect(await page.locator('.overall').innerText()).toContain(`Average of the comparison: ${Math.round(baseline.overall!.mean)}%.`);
      const notes = await page.locator('.chart figcaption').innerText();
      expect(notes).toContain(`compared Bilbao with the ${bilbao.data.sampleSize} cities assessed by the programme at the time; this site holds results for ${sample.cityCount} cities.`);
      expect(notes).toContain(`The ${sample.cityCount - baseline.cityCount} cities whose results are all from the other Index version are left out of the averages`);
      // The old wordings that gave three different Ns for one result are gone.
      const body = await page.locator('main').innerText();
      expect(body).not.toContain('cities with results on this site:');
      expect(body).not.toContain('in the sample at this edition');
    }
    await page.context().close();
  });
});

describe('a profile with two editions', () => {
  it('prints each area’s change since the previous edition on the chart and notes the version change', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/en/cities/bilbao/`);
    const [before, now] = results.filter((result) => result.data.city === 'bilbao');
    const values = await page.locator('section:has(#scores-by-area) svg text.value').allTextContents();
    expect(values[0]).toBe(`${now!.data.overall} +${now!.data.overall - before!.data.overall}`);
    expect(values).toContain(`${now!.data.scores['anti-discrimination']} new`);
    const notes = await page.locator('section:has(#scores-by-area) figcaption').innerText();
    expect(notes).toContain(`the change in points since the ${before!.data.edition} edition`);
    expect(notes).toContain('The Index was revised in 2019, between the two editions');
    await page.context().close();
  });
});

describe('peer cities', () => {
  it('names peers close in size with the reason, never Mexico City for Bilbao, and links to compare them', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/en/cities/bilbao/`);
    const items = await page.locator('.peer-list li').allInnerTexts();
    expect(items.length).toBeGreaterThan(0);
    expect(items.join('\n')).not.toContain('Mexico City');
    for (const item of items) expect(item).toMatch(/^.+: [\d,]+ inhabitants \((about the same size|[\d.]+× (larger|smaller))\), .+; scores on average \d+ points apart over \d+ policy areas$/);
    const compare = await page.locator('section:has(#peers) a.button-secondary').getAttribute('href');
    const peerIds = await page.locator('.peer-list a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!.split('/')[3]));
    expect(compare).toBe(`/en/index/compare/?${['bilbao', ...peerIds.slice(0, 3)].map((id) => `city=${id}`).join('&')}`);
    await page.context().close();
  });
});

describe('the embeddable chart', () => {
  it('serves an SVG and a PNG per city that carry the city, edition, baseline and the not-a-ranking caption, with a snippet on the profile', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/fr/cities/bilbao/`);
    const snippet = await page.locator('.embed-chart pre').innerText();
    expect(snippet).toMatch(/^<a href="https:\/\/[^"]+\/fr\/cities\/bilbao\/"><img src="https:\/\/[^"]+\/embed\/fr\/bilbao\.svg" alt="Bilbao\u00A0: Index des Cités interculturelles 2022 [^"]+" width="688"/);
    const svg = await (await fetch(`${site.url}/embed/fr/bilbao.svg`)).text();
    for (const part of ['Bilbao · Index des Cités interculturelles 2022', 'Comparaison avec les', "n'est pas un classement", 'Scores fictifs']) {
      expect(svg.replaceAll('&#39;', "'")).toContain(part);
    }
    const png = Buffer.from(await (await fetch(`${site.url}/embed/en/bilbao.png`)).arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(948);
    await page.context().close();
  });
});

describe('compare cities', () => {
  it('shows the chosen cities side by side and keeps the choice in the URL', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/en/index/compare/`);
    await page.getByLabel('City 1').selectOption('bilbao');
    await page.getByLabel('City 2').selectOption('oslo');
    await page.waitForFunction(() => location.search === '?city=bilbao&city=oslo');
    const table = page.locator('city-compare table');
    await table.waitFor();
    const overall = table.locator('tbody tr').first();
    const cells = await overall.locator('td').allInnerTexts();
    expect(cells).toEqual([String(latest.get('bilbao')!.data.overall), String(latest.get('oslo')!.data.overall)]);
    expect(await page.locator('city-compare svg').count()).toBe(1);

    const fresh = await site.newPage();
    await fresh.goto(`${site.url}/en/index/compare/?city=bilbao&city=oslo`);
    await fresh.locator('city-compare table').waitFor();
    expect(await fresh.getByLabel('City 2').inputValue()).toBe('oslo');
    await page.context().close();
    await fresh.context().close();
  });

  it('fits the open-data field tables into a 390 px screen, with no sideways scrolling', async () => {
    const page = await site.newPage({ width: 390 });
    await page.goto(`${site.url}/fr/data/`);
    const tables = await page.locator('.field-table').evaluateAll((elements) =>
      elements.map((table) => ({ width: table.getBoundingClientRect().width, room: table.parentElement!.clientWidth })),
    );
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const table of tables) expect(table.width).toBeLessThanOrEqual(table.room);
    await page.context().close();
  });

  it.each([
    ['the compare table', '/en/index/compare/?city=bilbao&city=donostia-san-sebastian&city=sabadell&city=amadora', 'city-compare .table-scroll'],
    ['the table of member cities', '/fr/cities/', '.table-scroll'],
  ])('keeps %s usable at 390 px: the first column stays put and every column can be scrolled into view', async (_, path, selector) => {
    const page = await site.newPage({ width: 390 });
    await page.goto(site.url + path);
    const scroller = page.locator(selector).first();
    await scroller.waitFor();
    const geometry = await scroller.evaluate((element) => {
      const first = () => element.querySelector('tbody th')!.getBoundingClientRect().left;
      const lastCell = () => element.querySelector('tbody tr td:last-child')!.getBoundingClientRect();
      const before = first();
      element.scrollLeft = element.scrollWidth;
      const frame = element.getBoundingClientRect();
      return {
        scrolls: element.scrollWidth > element.clientWidth,
        firstMoved: Math.abs(first() - before),
        lastVisible: lastCell().right <= frame.right + 1 && lastCell().left >= frame.left,
        cue: getComputedStyle(element).backgroundImage.includes('gradient'),
        // Row names stay readable: the sticky column is never squeezed to a letter a line.
        firstColumnWide: element.querySelector('tbody th')!.getBoundingClientRect().width >= 100,
      };
    });
    expect(geometry).toEqual({ scrolls: true, firstMoved: 0, lastVisible: true, cue: true, firstColumnWide: true });
    expect(await page.locator('.scroll-hint').first().isVisible()).toBe(true);
    await page.context().close();
  });

  it('explains how to compare without JavaScript', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/en/index/compare/`);
    expect(await page.locator('noscript').count()).toBeGreaterThan(0);
    expect(await page.locator('body').innerText()).toContain('open the city profiles');
    await page.context().close();
  });
});
