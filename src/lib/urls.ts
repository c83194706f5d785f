/** Every URL of the site is built here, so routes change in one place. */
import { pagePath } from './pagination.ts';
import { isLang, type Lang } from './languages.ts';

export const urls = {
  home: (lang: Lang) => `/${lang}/`,
  practices: (lang: Lang, page = 1) => pagePath(`/${lang}/practices/`, page),
  practice: (lang: Lang, slug: string) => `/${lang}/practices/${slug}/`,
  // The full, paginated lists of practices of one country, target group, theme, city or network.
  practicesByCountry: (lang: Lang, code: string, page = 1) => pagePath(`/${lang}/practices/country/${code.toLowerCase()}/`, page),
  practicesByTargetGroup: (lang: Lang, group: string, page = 1) => pagePath(`/${lang}/practices/for/${group}/`, page),
  practicesByTheme: (lang: Lang, theme: string, page = 1) => pagePath(`/${lang}/practices/theme/${theme}/`, page),
  practicesByCity: (lang: Lang, city: string, page = 1) => pagePath(`/${lang}/practices/city/${city}/`, page),
  practicesByNetwork: (lang: Lang, network: string, page = 1) => pagePath(`/${lang}/practices/network/${network}/`, page),
  methods: (lang: Lang) => `/${lang}/methods/`,
  method: (lang: Lang, id: string) => `/${lang}/methods/${id}/`,
  // The resource library: every resource, and one page per kind, theme, language or year.
  resources: (lang: Lang) => `/${lang}/resources/`,
  resourcesBy: (lang: Lang, facet: string, value: string) => `/${lang}/resources/${facet}/${value}/`,
  /** A resource has no page of its own: it is an anchor in the library. */
  resource: (lang: Lang, id: string) => `/${lang}/resources/#${id}`,
  // The network's activities: the list, one page per type, theme, city or year, one page each,
  // the calendars (iCalendar) and the feed of records (Atom).
  activities: (lang: Lang) => `/${lang}/activities/`,
  activitiesBy: (lang: Lang, facet: string, value: string) => `/${lang}/activities/${facet}/${value}/`,
  activity: (lang: Lang, id: string) => `/${lang}/activities/${id}/`,
  activityIcs: (lang: Lang, id: string) => `/${lang}/activities/${id}.ics`,
  /** `scope` is "all" or "<theme|city|network>/<id>". */
  activityCalendar: (lang: Lang, scope: string) => `/${lang}/calendars/${scope}.ics`,
  activityRecordsFeed: (lang: Lang) => `/${lang}/activities/records.atom`,
  cities: (lang: Lang) => `/${lang}/cities/`,
  city: (lang: Lang, id: string) => `/${lang}/cities/${id}/`,
  themes: (lang: Lang) => `/${lang}/themes/`,
  theme: (lang: Lang, id: string) => `/${lang}/themes/${id}/`,
  network: (lang: Lang, id: string) => `/${lang}/networks/${id}/`,
  networks: (lang: Lang) => `/${lang}/networks/`,
  index: (lang: Lang) => `/${lang}/index/`,
  indexResult: (lang: Lang, id: string) => `/${lang}/index/${id}/`,
  compare: (lang: Lang) => `/${lang}/index/compare/`,
  /** The compare view with these cities chosen (the island reads ?city=…&city=…). */
  compareCities: (lang: Lang, cityIds: readonly string[]) =>
    `/${lang}/index/compare/?${cityIds.map((id) => `city=${encodeURIComponent(id)}`).join('&')}`,
  /** A city's printable dossier (at most two A4 pages). */
  dossier: (lang: Lang, id: string) => `/${lang}/cities/${id}/dossier/`,
  /** The embeddable chart of a city's latest edition, as SVG or PNG. */
  embedChart: (lang: Lang, id: string, format: 'svg' | 'png') => `/embed/${lang}/${id}.${format}`,
  search: (lang: Lang) => `/${lang}/search/`,
  programme: (lang: Lang) => `/${lang}/programme/`,
  joining: (lang: Lang) => `/${lang}/joining/`,
  share: (lang: Lang) => `/${lang}/share/`,
  shareSimilar: (lang: Lang) => `/${lang}/share/similar.json`,
  accessibility: (lang: Lang) => `/${lang}/accessibility/`,
  data: (lang: Lang) => `/${lang}/data/`,
  rss: (lang: Lang) => `/${lang}/rss.xml`,
  /** The legal notice and privacy page (src/content/pages/<lang>/legal.md). */
  legal: (lang: Lang) => `/${lang}/legal/`,
  /** The page served for an address that has no page, in one language (hosts that look for the nearest 404.html). */
  notFound: (lang: Lang) => `/${lang}/404.html`,
  /** New and updated content, month by month. */
  whatsNew: (lang: Lang) => `/${lang}/whats-new/`,
  /** A feed of one subject (src/lib/feeds/feed-subjects.ts), as Atom or JSON Feed. */
  feed: (lang: Lang, kind: string, id: string, format: 'atom' | 'json') => `/${lang}/feeds/${kind}/${id}.${format === 'atom' ? 'xml' : 'json'}`,
  // Partner organisations, lists of practices by a coded fact, and "practices from cities like mine".
  organisations: (lang: Lang) => `/${lang}/organisations/`,
  organisation: (lang: Lang, id: string) => `/${lang}/organisations/${id}/`,
  practicesByFact: (lang: Lang, facet: string, value: string, page = 1) => pagePath(`/${lang}/practices/${facet}/${value}/`, page),
  practicesLikeMine: (lang: Lang, band?: string) => `/${lang}/cities-like-mine/${band ? `${band}/` : ''}`,
};

/**
 * The same page in another language: every page of a language lives under its prefix
 * (/fr/cities/ → /es/cities/). A path outside the language folders is returned unchanged.
 */
export function pathInLanguage(path: string, lang: Lang): string {
  const [, first, ...rest] = path.split('/');
  return isLang(first) ? ['', lang, ...rest].join('/') : path;
}
