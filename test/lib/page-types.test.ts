import { describe, expect, it } from 'vitest';
import { pageRoute, pageTypeSamples, routeOf } from '../../src/lib/page-types.ts';

const ROUTES = [
  'index.astro',
  '[lang]/index.astro',
  '[lang]/[page].astro',
  '[lang]/cities/index.astro',
  '[lang]/cities/[city].astro',
  '[lang]/cities/[city]/dossier.astro',
  '[lang]/practices/page/[page].astro',
  '[lang]/practices/[slug].astro',
  '[lang]/practices/[facet]/[value]/[...page].astro',
  '[lang]/rss.xml.ts',
  'data/[file].ts',
  '[lang]/_helpers/thing.astro',
];
const routes = ROUTES.map(pageRoute).filter((route) => route !== undefined);

describe('page routes', () => {
  it('takes pages (.astro) only, not endpoints or "_" helpers', () => {
    expect(routes.map((route) => route.file)).toEqual(ROUTES.slice(0, 9));
  });

  it.each([
    ['/', 'index.astro'],
    ['/en/', '[lang]/index.astro'],
    ['/fr/joining/', '[lang]/[page].astro'],
    ['/en/cities/', '[lang]/cities/index.astro'],
    ['/en/cities/oslo/', '[lang]/cities/[city].astro'],
    ['/en/cities/oslo/dossier/', '[lang]/cities/[city]/dossier.astro'],
    ['/en/practices/page/2/', '[lang]/practices/page/[page].astro'],
    ['/en/practices/welcome-desk/', '[lang]/practices/[slug].astro'],
    ['/en/practices/theme/education/', '[lang]/practices/[facet]/[value]/[...page].astro'],
    ['/en/practices/theme/education/page/2/', '[lang]/practices/[facet]/[value]/[...page].astro'],
  ])('serves %s from %s, the most specific route, as Astro does', (path, file) => {
    expect(routeOf(path, routes)?.file).toBe(file);
  });

  it('finds no route for a path none matches', () => {
    expect(routeOf('/en/404.html', [pageRoute('[lang]/404.astro')!, pageRoute('[lang]/[page].astro')!])?.file).toBe('[lang]/404.astro');
    expect(routeOf('/en/cities/oslo/dossier/extra/', routes)).toBeUndefined();
  });

  it('refuses a segment mixing text and a parameter, naming the file', () => {
    expect(() => pageRoute('[lang]/v[version].astro')).toThrow('Route [lang]/v[version].astro: a segment mixing text and [params] ("v[version]") is not supported by page-types.ts.');
  });
});

describe('pageTypeSamples', () => {
  const paths = ['/', '/en/', '/en/cities/', '/en/cities/a/', '/en/cities/b/', '/en/cities/c/', '/en/cities/d/', '/en/cities/e/'];

  it('spreads the samples over the pages of a route (first, between, last)', () => {
    const cities = pageTypeSamples(ROUTES, paths, 3).find((sample) => sample.route === '[lang]/cities/[city].astro');
    expect(cities?.paths).toEqual(['/en/cities/a/', '/en/cities/c/', '/en/cities/e/']);
  });

  it('lists a route with no built page with no paths, so a check can fail on it', () => {
    const dossier = pageTypeSamples(ROUTES, paths).find((sample) => sample.route === '[lang]/cities/[city]/dossier.astro');
    expect(dossier?.paths).toEqual([]);
  });
});
