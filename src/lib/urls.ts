/** Every URL of the site is built here, so routes change in one place. */
import type { Lang } from './schemas/fields.ts';

export const PRACTICES_PER_PAGE = 24;

export const urls = {
  home: (lang: Lang) => `/${lang}/`,
  practices: (lang: Lang, page = 1) => (page <= 1 ? `/${lang}/practices/` : `/${lang}/practices/page/${page}/`),
  practice: (lang: Lang, slug: string) => `/${lang}/practices/${slug}/`,
  practicesByCountry: (lang: Lang, code: string) => `/${lang}/practices/country/${code.toLowerCase()}/`,
  practicesByTargetGroup: (lang: Lang, group: string) => `/${lang}/practices/for/${group}/`,
  cities: (lang: Lang) => `/${lang}/cities/`,
  city: (lang: Lang, id: string) => `/${lang}/cities/${id}/`,
  themes: (lang: Lang) => `/${lang}/themes/`,
  theme: (lang: Lang, id: string) => `/${lang}/themes/${id}/`,
  network: (lang: Lang, id: string) => `/${lang}/networks/${id}/`,
  networks: (lang: Lang) => `/${lang}/networks/`,
  index: (lang: Lang) => `/${lang}/index/`,
  indexResult: (lang: Lang, id: string) => `/${lang}/index/${id}/`,
  compare: (lang: Lang) => `/${lang}/index/compare/`,
  search: (lang: Lang) => `/${lang}/search/`,
  programme: (lang: Lang) => `/${lang}/programme/`,
  joining: (lang: Lang) => `/${lang}/joining/`,
  accessibility: (lang: Lang) => `/${lang}/accessibility/`,
  data: (lang: Lang) => `/${lang}/data/`,
  rss: (lang: Lang) => `/${lang}/rss.xml`,
};
