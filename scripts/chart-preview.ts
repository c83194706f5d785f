/**
 * `node scripts/chart-preview.ts [out-dir]`: renders every chart builder of src/lib/charts with the
 * demonstration content into /tmp/chart-preview.html, then screenshots it with Chromium at phone
 * (390 px) and desktop (1280 px) widths. Also reports each SVG's size, the smallest rendered font
 * size and any overlapping text, so layout problems show up without looking at every picture.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { comparisonChart } from '../src/lib/charts/comparison-chart.ts';
import { distributionChart } from '../src/lib/charts/distribution-chart.ts';
import { progressChart } from '../src/lib/charts/progress-chart.ts';
import { worldMap } from '../src/lib/charts/world-map.ts';
import { launchBrowser } from '../test/helpers/browser.ts';

const outDirectory = process.argv[2] ?? '/tmp/chart-preview';
mkdirSync(outDirectory, { recursive: true });
const content = 'src/content';

interface Theme { slug: string; order: number; label: { en: string; fr: string } }
interface City { slug: string; name: string; lat: number; lon: number; population: number; country: string }
interface Result { city: string; edition: number; version: string; overall: number; scores: Record<string, number> }

const themes: Theme[] = readdirSync(join(content, 'themes'))
  .map((file) => ({ slug: file.replace(/\.yaml$/, ''), ...parse(readFileSync(join(content, 'themes', file), 'utf8')) }))
  .sort((a, b) => a.order - b.order);
const cities: City[] = readdirSync(join(content, 'cities')).map((file) => ({
  slug: file.replace(/\.yaml$/, ''),
  ...parse(readFileSync(join(content, 'cities', file), 'utf8')),
}));
const results: Result[] = readdirSync(join(content, 'index-results'))
  .filter((file) => file.endsWith('.md'))
  .map((file) => parse(readFileSync(join(content, 'index-results', file), 'utf8').split('---')[1] ?? ''));

const latest = new Map<string, Result>();
for (const result of results) {
  const current = latest.get(result.city);
  if (!current || current.edition < result.edition) latest.set(result.city, result);
}
const current2019 = [...latest.values()].filter((result) => result.version === '2019');
const mean = (values: number[]): number | null =>
  values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
const quantile = (sorted: number[], q: number): number => {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (position - low);
};
const population = new Map(cities.map((city) => [city.slug, city.population]));
const coreThemes = themes.filter((theme) => theme.slug !== 'governance');

const figures: { name: string; heading: string; svg: string; wide?: boolean }[] = [];

// 1. Comparison: Barcelona 2024 against the sample and large cities.
const city = latest.get('barcelona');
if (!city) throw new Error('demo content lacks Barcelona');
const large = current2019.filter((result) => (population.get(result.city) ?? 0) >= 200_000);
for (const lang of ['en', 'fr'] as const) {
  const format = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format;
  figures.push({
    name: `comparison-${lang}`,
    heading: lang === 'en' ? 'Comparison (English)' : 'Comparaison (français)',
    svg: comparisonChart({
      id: `comparison-${lang}`,
      title: lang === 'en' ? 'Barcelona 2024 by policy area' : 'Barcelone 2024 par domaine',
      description: 'Bars show the city; markers show averages.',
      valueLabel: 'Barcelona',
      missingLabel: lang === 'en' ? 'Not assessed' : 'Non évalué',
      formatValue: format,
      markerLegend: [
        { key: 'sample', label: lang === 'en' ? `Mean of ${current2019.length} cities` : `Moyenne de ${current2019.length} villes`, shape: 'line' },
        { key: 'large', label: lang === 'en' ? 'Cities over 200,000' : 'Villes de plus de 200 000 hab.', shape: 'diamond' },
      ],
      rows: [
        { label: lang === 'en' ? 'Overall' : 'Global', value: city.overall, emphasis: true, markers: [
          { key: 'sample', value: mean(current2019.map((r) => r.overall)) },
          { key: 'large', value: mean(large.map((r) => r.overall)) },
        ] },
        ...coreThemes.map((theme) => ({
          label: theme.label[lang],
          value: theme.slug === 'interaction' ? null : (city.scores[theme.slug] ?? null),
          markers: [
            { key: 'sample', value: mean(current2019.flatMap((r) => r.scores[theme.slug] ?? [])) },
            { key: 'large', value: mean(large.flatMap((r) => r.scores[theme.slug] ?? [])) },
          ],
        })),
      ],
    }),
  });
}

// 2. Progress: Barcelona's editions, with areas that older editions did not assess.
const barcelona = results.filter((result) => result.city === 'barcelona').sort((a, b) => a.edition - b.edition);
figures.push({
  name: 'progress',
  heading: 'Progress',
  svg: progressChart({
    id: 'progress',
    title: 'Barcelona across editions',
    description: 'One panel per area.',
    editions: barcelona.map((result) => String(result.edition)),
    missingLabel: 'No data',
    series: [
      { label: 'Overall', values: barcelona.map((result) => result.overall), emphasis: true },
      ...coreThemes.slice(0, 9).map((theme) => ({
        label: theme.label.en,
        values: barcelona.map((result, index) =>
          theme.slug === 'education' && index === 1 ? null : (result.scores[theme.slug] ?? null),
        ),
      })),
    ],
  }),
});

// 3. Distribution across the 2019-version sample.
figures.push({
  name: 'distribution',
  heading: 'Distribution',
  svg: distributionChart({
    id: 'distribution',
    title: 'How results spread',
    description: 'Box plots per area.',
    labels: { median: 'Median', quartiles: 'Middle half of cities', mean: 'Mean', range: 'Lowest to highest', values: 'One city', n: 'N' },
    missingLabel: 'No results yet',
    rows: coreThemes.slice(0, 8).map((theme) => {
      const values = current2019.flatMap((result) => result.scores[theme.slug] ?? []);
      const sorted = [...values].sort((a, b) => a - b);
      return {
        label: theme.label.en,
        values,
        stats: {
          n: values.length,
          median: quantile(sorted, 0.5),
          q1: quantile(sorted, 0.25),
          q3: quantile(sorted, 0.75),
          min: sorted[0] ?? 0,
          max: sorted[sorted.length - 1] ?? 0,
          mean: mean(values) ?? 0,
        },
      };
    }),
  }),
});

// 4. Maps: every demo city, then only the European ones.
const points = cities.map((c) => ({ label: `${c.name} <${c.country}>`, href: `/en/cities/${c.slug}/`, lat: c.lat, lon: c.lon }));
figures.push({ name: 'map-world', heading: 'Map (all cities)', wide: true, svg: worldMap({ id: 'map-world', title: 'Member cities', description: 'Dots link to city pages.', points }) });
const europe = points.filter((p) => p.lon > -25 && p.lon < 45 && p.lat > 34);
figures.push({ name: 'map-europe', heading: 'Map (Europe)', wide: true, svg: worldMap({ id: 'map-europe', title: 'European member cities', description: 'Dots link to city pages.', points: europe }) });
const one = points.filter((p) => p.href.includes('/bilbao/'));
figures.push({ name: 'map-phone', heading: 'Map (phone layout: narrower viewBox, bigger dots)', svg: worldMap({ id: 'map-phone', title: 'European member cities', description: 'Dots link to city pages.', points: europe, width: 480, height: 420, pointRadius: 6 }) });
figures.push({ name: 'map-one', heading: 'Map (one city)', wide: true, svg: worldMap({ id: 'map-one', title: 'Bilbao', description: 'One dot.', points: one, width: 640, height: 400 }) });

for (const figure of figures) {
  const links = figure.svg.match(/<a /g)?.length ?? 0;
  console.log(`${figure.name}: ${Buffer.byteLength(figure.svg)} bytes${links ? ` (${links} points)` : ''}`);
}

const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chart preview</title><style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff}
main{padding:16px;max-width:1200px;margin:auto}
figure{margin:0 0 40px;max-width:36rem}
figure.wide{max-width:none}
h2{font-size:1.25rem;margin:0 0 12px}
</style></head><body><main>${figures
  .map((f) => `<figure class="${f.wide ? 'wide' : ''}" id="fig-${f.name}"><h2>${f.heading}</h2>${f.svg}</figure>`)
  .join('\n')}</main></body></html>`;
writeFileSync('/tmp/chart-preview.html', html);
console.log('/tmp/chart-preview.html');

const browser = await launchBrowser();
for (const width of [390, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto('file:///tmp/chart-preview.html');
  const report = await page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll('svg')) {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const texts = [...svg.querySelectorAll('text')];
      const minFont = Math.min(...texts.map((t) => Number(t.getAttribute('font-size')) * scale));
      const boxes = texts.map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }));
      const overlaps: string[] = [];
      boxes.forEach((a, i) =>
        boxes.slice(i + 1).forEach((b) => {
          const ix = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const iy = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (ix > 1 && iy > 1) overlaps.push(`"${a.text}" × "${b.text}"`);
        }),
      );
      const overflow = boxes.filter((b) => b.box.right > svg.getBoundingClientRect().right + 1 || b.box.left < svg.getBoundingClientRect().left - 1).map((b) => b.text);
      out.push(`${svg.id}: ${Math.round(svg.getBoundingClientRect().width)}×${Math.round(svg.getBoundingClientRect().height)} px, min font ${texts.length ? minFont.toFixed(1) : '-'} px, overlaps: ${overlaps.join('; ') || 'none'}, outside: ${overflow.join('; ') || 'none'}`);
    }
    return out;
  });
  console.log(`--- ${width} px\n${report.join('\n')}`);
  const fullPath = `/tmp/chart-preview-${width}.png`;
  await page.screenshot({ path: fullPath, fullPage: true });
  console.log(fullPath);
  for (const figure of figures) {
    const path = join(outDirectory, `${figure.name}-${width}.png`);
    await page.locator(`#fig-${figure.name}`).screenshot({ path });
  }
  await page.close();
}
await browser.close();
