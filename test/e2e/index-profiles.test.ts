import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { latestResultByCity, sampleStatistics } from '../../src/lib/index-stats.ts';
import { useBuiltSite } from '../helpers/site.ts';

const site = useBuiltSite();
const { content } = checkContent('.');
const results = content['index-results'].map(({ id, data }) => ({ id, data }));
const latest = latestResultByCity(results);
const sample = sampleStatistics([...latest.values()]);

describe('a city profile', () => {
  it('shows the latest overall score from the content file against the sample average, with N and the edition', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/en/cities/lisbon/`);
    const lisbon = latest.get('lisbon')!.data;
    expect(await page.locator('.overall-score strong').innerText()).toBe(`${lisbon.overall}%`);
    const overallLine = await page.locator('.overall').innerText();
    expect(overallLine).toContain(`Average of the ${sample.cityCount} cities with results on this site: ${Math.round(sample.overall!.mean)}%`);
    expect(await page.locator('.edition-line').innerText()).toContain(`Edition ${lisbon.edition}`);
    expect(await page.locator('.demo-scores').innerText()).toContain('Illustrative scores');
    await page.context().close();
  });

  it('draws the comparison chart at build time with a data table beside it', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/en/cities/lisbon/`);
    const chart = page.locator('section:has(#index-results) svg[role="img"]').first();
    expect(await chart.getAttribute('aria-labelledby')).toBeTruthy();
    expect(await page.locator('section:has(#index-results) svg title').first().textContent()).toContain('Lisbon: Index scores by policy area');
    await page.locator('section:has(#index-results) details summary').click();
    const rows = page.locator('section:has(#index-results) details table tbody tr');
    const commitment = rows.filter({ hasText: 'Commitment' });
    const lisbon = latest.get('lisbon')!.data;
    expect((await commitment.locator('td').first().innerText()).trim()).toBe(String(lisbon.scores.commitment));
    expect(await page.locator('section:has(#index-results) details thead').innerText()).toContain(`All cities (N = ${sample.cityCount})`);
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
  it('has a static map with a link per city and the same cities as a list', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/en/cities/`);
    const mapLinks = await page.locator('#map-world a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(new Set(mapLinks).size).toBe(content.cities.length);
    const listLinks = await page.locator('.columns').first().locator('a').count();
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

  it('sets the overall score of a summary beside the average of the sample as it stood at that edition', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/en/index/lisbon-2023/`);
    const snapshot = [...latestResultByCity(results.filter((result) => result.data.edition <= 2023)).values()];
    const overall = sampleStatistics(snapshot).overall!;
    expect(await page.locator('.overall').innerText()).toContain(
      `Average of the ${overall.n} cities in the sample at this edition: ${Math.round(overall.mean)}%.`,
    );
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

  it('explains how to compare without JavaScript', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/en/index/compare/`);
    expect(await page.locator('noscript').count()).toBeGreaterThan(0);
    expect(await page.locator('body').innerText()).toContain('open the city profiles');
    await page.context().close();
  });
});
