import { describe, expect, it } from 'vitest';
import { pageCount, pageLinks, pageOf, pageParam, pagePath } from '../../src/lib/pagination.ts';
import { perLanguagePages } from '../../src/lib/paths.ts';
import { LANGUAGES } from '../../src/lib/languages.ts';

const list = (length: number) => Array.from({ length }, (_, index) => index + 1);

describe('pageCount', () => {
  it.each([
    [0, 24, 1],
    [1, 24, 1],
    [24, 24, 1],
    [25, 24, 2],
    [48, 24, 2],
    [49, 24, 3],
    [10_000, 24, 417],
  ])('counts %i items in pages of %i as %i pages', (total, perPage, pages) => {
    expect(pageCount(total, perPage)).toBe(pages);
  });

  it.each([0, -3, 2.5, NaN])('refuses a page size of %s', (perPage) => {
    expect(() => pageCount(10, perPage)).toThrow(`perPage must be a whole number of 1 or more (found ${perPage})`);
  });
});

describe('pageOf', () => {
  it('cuts a list into full pages and a shorter last page, in list order', () => {
    const items = list(50);
    expect(pageOf(items, 1, 24)).toEqual({ items: list(24), page: 1, pages: 3, total: 50 });
    expect(pageOf(items, 2, 24).items).toEqual(list(48).slice(24));
    expect(pageOf(items, 3, 24).items).toEqual([49, 50]);
  });

  it('puts every item on exactly one page', () => {
    const items = list(97);
    const { pages } = pageOf(items, 1, 10);
    const joined = Array.from({ length: pages }, (_, index) => pageOf(items, index + 1, 10).items).flat();
    expect(joined).toEqual(items);
  });

  it('gives an empty list one empty page', () => {
    expect(pageOf([], 1, 24)).toEqual({ items: [], page: 1, pages: 1, total: 0 });
  });

  it('gives a list of exactly one page no second page', () => {
    expect(pageOf(list(24), 1, 24).pages).toBe(1);
    expect(() => pageOf(list(24), 2, 24)).toThrow('page 2 does not exist: the list of 24 has pages 1 to 1');
  });

  it.each([0, -1, 4, 1.5])('refuses page %s of a three-page list', (page) => {
    expect(() => pageOf(list(50), page, 24)).toThrow(`page ${page} does not exist: the list of 50 has pages 1 to 3`);
  });
});

describe('page URLs', () => {
  it('keeps page 1 at the list URL and puts later pages under page/<n>/', () => {
    expect(pagePath('/en/practices/theme/education/', 1)).toBe('/en/practices/theme/education/');
    expect(pagePath('/en/practices/theme/education/', 2)).toBe('/en/practices/theme/education/page/2/');
  });

  it('names later pages in the [...page] route parameter, and page 1 not at all', () => {
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(7)).toBe('page/7');
  });
});

describe('pageLinks', () => {
  it('shows every page of a short list', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(3, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps the first, the last and two pages either side of the current one in a long list', () => {
    expect(pageLinks(1, 417)).toEqual([1, 2, 3, 'gap', 417]);
    expect(pageLinks(200, 417)).toEqual([1, 'gap', 198, 199, 200, 201, 202, 'gap', 417]);
    expect(pageLinks(417, 417)).toEqual([1, 'gap', 415, 416, 417]);
  });

  it('shows a single left-out page instead of a gap', () => {
    expect(pageLinks(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pageLinks(6, 12)).toEqual([1, 'gap', 4, 5, 6, 7, 8, 'gap', 12]);
  });
});

describe('perLanguagePages', () => {
  it('makes one static path per language, list and page, page 1 without a page parameter', () => {
    const paths = perLanguagePages(
      (lang) => [
        { params: { theme: 'education' }, total: lang === 'en' ? 25 : 3 },
        { params: { theme: 'media' }, total: 0 },
      ],
      24,
    );
    expect(paths).toEqual([
      { params: { theme: 'education', lang: 'en', page: undefined }, props: { page: 1 } },
      { params: { theme: 'education', lang: 'en', page: 'page/2' }, props: { page: 2 } },
      { params: { theme: 'media', lang: 'en', page: undefined }, props: { page: 1 } },
      ...LANGUAGES.slice(1).flatMap((lang) => [
        { params: { theme: 'education', lang, page: undefined }, props: { page: 1 } },
        { params: { theme: 'media', lang, page: undefined }, props: { page: 1 } },
      ]),
    ]);
  });
});
