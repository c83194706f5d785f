/** The built site's sharing and open-data outputs (reads dist/, no browser needed). */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_REGISTRY } from '../../src/lib/languages.ts';

const dist = 'dist';
if (!existsSync(join(dist, 'en/index.html'))) throw new Error('dist/ has no built site: run "npm run build" first.');

/** Every HTML page of the public site (admin excluded). */
function htmlPages(directory = dist): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === 'admin' || name === 'pagefind' || name === '_astro' ? [] : htmlPages(path);
    return name.endsWith('.html') ? [path] : [];
  });
}
const pages = htmlPages().filter((path) => path !== join(dist, 'index.html') && path !== join(dist, '404.html'));
const meta = (html: string, attribute: string, name: string) =>
  new RegExp(`<meta ${attribute}="${name}" content="([^"]*)"`).exec(html)?.[1];
const link = (html: string, rel: string, hreflang?: string) =>
  new RegExp(`<link rel="${rel}"${hreflang ? ` hreflang="${hreflang}"` : ''} href="([^"]*)"`).exec(html)?.[1];
/** Every hreflang alternate of a page but x-default: language → address. */
const alternates = (html: string) =>
  new Map([...html.matchAll(/<link rel="alternate" hreflang="([a-z]{2,3})" href="([^"]*)"/g)].map((match) => [match[1]!, match[2]!]));
const pathOf = (file: string) => `/${file.slice(dist.length + 1).replace(/index\.html$/, '')}`;

describe('every public page', () => {
  it('has a canonical URL, hreflang alternates that point at each other, and a card image that exists', () => {
    expect(pages.length).toBeGreaterThan(300);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const path = pathOf(file);
      const canonical = link(html, 'canonical');
      expect(canonical, file).toBeDefined();
      expect(new URL(canonical!).pathname).toBe(path);
      const lang = path.split('/')[1]!;
      const own = alternates(html);
      // English exists for every page; a page shown in English for want of a translation lists
      // the languages it is written in, not itself.
      expect(own.has('en'), file).toBe(true);
      if (own.has(lang)) expect(own.get(lang)).toBe(canonical);
      for (const [code, href] of own) {
        const alternate = new URL(href).pathname;
        // A folder's page, or a file such as /fr/404.html.
        const alternateFile = alternate.endsWith('/') ? join(dist, alternate, 'index.html') : join(dist, alternate);
        expect(existsSync(alternateFile), `${path} → ${alternate}`).toBe(true);
        const back = alternates(readFileSync(alternateFile, 'utf8'));
        expect(back.get(code), `${alternate} lists itself`).toBe(href);
        if (own.has(lang)) expect(back.get(lang), `${alternate} → ${path}`).toBe(canonical);
      }
      const image = meta(html, 'property', 'og:image');
      expect(image, file).toBeDefined();
      expect(existsSync(join(dist, new URL(image!).pathname)), `${path} card ${image}`).toBe(true);
      expect(meta(html, 'property', 'og:title')).toBeTruthy();
      expect(meta(html, 'name', 'twitter:card')).toBe('summary_large_image');
    }
  });

  it('gives practices, cities, themes and networks their own cards', () => {
    const card = (path: string) => meta(readFileSync(join(dist, path, 'index.html'), 'utf8'), 'property', 'og:image');
    expect(card('/fr/practices/one-stop-welcome-desk-newcomers/')).toMatch(/\/cards\/fr\/practice\/one-stop-welcome-desk-newcomers\.png$/);
    expect(card('/en/cities/bilbao/')).toMatch(/\/cards\/en\/city\/bilbao\.png$/);
    expect(card('/en/themes/language/')).toMatch(/\/cards\/en\/theme\/language\.png$/);
    expect(card('/fr/networks/spain/')).toMatch(/\/cards\/fr\/network\/spain\.png$/);
  });
});

describe('the sitemap', () => {
  const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
  const listed = new Set([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname));

  it('lists every public page and no admin or editors\' page', () => {
    const forEditors = (file: string) => readFileSync(file, 'utf8').includes('<meta name="robots" content="noindex">');
    // Kept out of search engines: the editors' pages and the pages not found.
    expect(pages.filter(forEditors).map(pathOf).sort()).toEqual(LANGUAGE_REGISTRY.flatMap(({ code }) => [`/${code}/404.html`, `/${code}/editors/translations/`]).sort());
    for (const file of pages.filter((file) => !forEditors(file))) expect(listed.has(pathOf(file)), pathOf(file)).toBe(true);
    expect([...listed].filter((path) => path.startsWith('/admin') || path.includes('/editors/'))).toEqual([]);
  });

  it('pairs languages with hreflang alternates', () => {
    expect(sitemap).toContain('hreflang="fr-FR"');
  });

  it('is announced in robots.txt, which keeps crawlers out of the admin', () => {
    const robots = readFileSync(join(dist, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/Disallow: \/admin\//);
    expect(robots).toMatch(/^Sitemap: https:\/\/[^/]+\/sitemap-index\.xml$/m);
  });
});

describe('the RSS feeds', () => {
  it.each(LANGUAGE_REGISTRY.map(({ code, locale }) => [code, locale]))('%s is well-formed XML listing the newest practices first', async (lang, locale) => {
    const xml = readFileSync(join(dist, lang, 'rss.xml'), 'utf8');
    const { XMLValidator } = await import('fast-xml-parser');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain(`<language>${locale!.toLowerCase()}</language>`);
    const items = [...xml.matchAll(/<item>[\s\S]*?<pubDate>([^<]+)<\/pubDate>/g)].map((match) => Date.parse(match[1]!));
    expect(items.length).toBeGreaterThan(10);
    expect([...items].sort((a, b) => b - a)).toEqual(items);
    expect(xml).toMatch(new RegExp(`<link>https?://[^<]+/${lang}/practices/[a-z0-9-]+/</link>`));
  });
});

describe('open data', () => {
  const validator = () => new Ajv2020({ allErrors: true, strict: false, validateFormats: false });

  it.each(['practices', 'cities', 'index-results'])('%s.json validates against its JSON Schema', (name) => {
    const schema = JSON.parse(readFileSync(join(dist, 'data', `${name}.schema.json`), 'utf8'));
    const data = JSON.parse(readFileSync(join(dist, 'data', `${name}.json`), 'utf8'));
    const validate = validator().compile(schema);
    const valid = validate(data);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(data.records.length).toBeGreaterThan(20);
    expect(data.demonstration).toBe(true);
    expect(new Set(data.records.map((record: { id: string }) => record.id)).size).toBe(data.records.length);
  });

  it.each([
    ['methods', 12],
    ['resources', 25],
  ])('%s.json validates against its JSON Schema and holds the demonstration set', (name, least) => {
    const schema = JSON.parse(readFileSync(join(dist, 'data', `${name}.schema.json`), 'utf8'));
    const data = JSON.parse(readFileSync(join(dist, 'data', `${name}.json`), 'utf8'));
    const validate = validator().compile(schema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.records.length).toBeGreaterThanOrEqual(least);
    expect(readFileSync(join(dist, 'data', `${name}.csv`), 'utf8').split('\n')[0]).toMatch(/^\uFEFF?id,/);
  });

  it('publishes each method with the practices that apply it, and practices with their methods', () => {
    const methods = JSON.parse(readFileSync(join(dist, 'data', 'methods.json'), 'utf8')).records;
    const antiRumour = methods.find((record: { id: string }) => record.id === 'anti-rumour-strategy');
    expect(antiRumour).toMatchObject({ budget: 'low', translations: { en: { name: 'Anti-rumour strategy' }, fr: { name: 'Stratégie anti-rumeurs' } } });
    expect(antiRumour.practices).toContain('barcelona-anti-rumour-network');
    const practices = JSON.parse(readFileSync(join(dist, 'data', 'practices.json'), 'utf8')).records;
    const barcelona = practices.find((record: { id: string }) => record.id === 'barcelona-anti-rumour-network');
    expect(barcelona.methods).toEqual(['anti-rumour-strategy']);
    expect(barcelona.translations.en.methods).toBeUndefined();
  });

  it('rejects a record that breaks the schema', () => {
    const schema = JSON.parse(readFileSync(join(dist, 'data', 'index-results.schema.json'), 'utf8'));
    const data = JSON.parse(readFileSync(join(dist, 'data', 'index-results.json'), 'utf8'));
    data.records[0].overall = 130;
    expect(validator().compile(schema)(data)).toBe(false);
  });

  /** A text as the CSV holds it: with an apostrophe before a leading = + - @ TAB or CR (OWASP CSV injection). */
  const asCsvText = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

  it('neutralises every text cell a spreadsheet would run as a formula, in every CSV', () => {
    let neutralised = 0;
    for (const name of ['practices', 'cities', 'index-results']) {
      const rows = parse(readFileSync(join(dist, 'data', `${name}.csv`)), { bom: true }) as string[][];
      for (const cell of rows.flat()) {
        // A number may be negative (a longitude); any other cell starting with = + - @ TAB CR is neutralised.
        if (/^-\d+(?:\.\d+)?$/.test(cell)) continue;
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        if (/^'[=+\-@\t\r]/.test(cell)) neutralised++;
      }
    }
    // The demonstration practices have Markdown lists ("- item") at the start of some texts.
    expect(neutralised).toBeGreaterThan(0);
  });

  it('parses the practices CSV back to the same records', () => {
    const { records } = JSON.parse(readFileSync(join(dist, 'data', 'practices.json'), 'utf8'));
    const rows = parse(readFileSync(join(dist, 'data', 'practices.csv')), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(records.length);
    const split = (cell: string) => (cell === '' ? [] : cell.split('; '));
    rows.forEach((row, index) => {
      const record = records[index];
      expect(row.id).toBe(record.id);
      expect(split(row.cities!)).toEqual(record.cities);
      expect(split(row.themes!)).toEqual(record.themes);
      expect(split(row.methods!)).toEqual(record.methods ?? []);
      expect(split(row.targetGroups!)).toEqual(record.targetGroups);
      expect(row.start).toBe(String(record.period.start));
      expect(row.end).toBe(String(record.period.end));
      expect(row.title_en).toBe(asCsvText(record.translations.en.title));
      expect(row.process_en).toBe(asCsvText(record.translations.en.process));
      expect(row.title_fr).toBe(asCsvText(record.translations.fr?.title ?? ''));
    });
  });

  it('parses the cities and Index CSVs back to the same records', () => {
    const cities = JSON.parse(readFileSync(join(dist, 'data', 'cities.json'), 'utf8')).records;
    const cityRows = parse(readFileSync(join(dist, 'data', 'cities.csv')), { columns: true, bom: true }) as Record<string, string>[];
    cityRows.forEach((row, index) => {
      expect(row.id).toBe(cities[index].id);
      expect(Number(row.population)).toBe(cities[index].population);
      expect(row.profile_fr).toBe(asCsvText(cities[index].profile.fr));
      expect(row.name).toBe(asCsvText(cities[index].name));
    });
    const results = JSON.parse(readFileSync(join(dist, 'data', 'index-results.json'), 'utf8')).records;
    const resultRows = parse(readFileSync(join(dist, 'data', 'index-results.csv')), { columns: true, bom: true }) as Record<string, string>[];
    resultRows.forEach((row, index) => {
      const record = results[index];
      expect(row.id).toBe(record.id);
      expect(Number(row.overall)).toBe(record.overall);
      for (const [theme, score] of Object.entries(record.scores)) expect(Number(row[`score_${theme}`])).toBe(score);
      if (record.version === '2019') expect(row.score_governance).toBe('');
    });
  });
});
