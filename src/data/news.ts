/**
 * The bridge between the site's content and the feeds: the news items of each language (every
 * practice, every Index edition, every activity announced and every activity record,
 * src/lib/feeds/news-items.ts) and the list of feeds, one per city, theme, national network and
 * target group in use, and one of Index editions. Activities are placed in time for the build's
 * day (src/data/activities.ts), so their items are those announced by then.
 */
import { getActivities } from './activities.ts';
import { getSite } from './site.ts';
import { placeWords } from '../components/activities/placeWords.ts';
import { datesText, placeText } from '../lib/activity-format.ts';
import { t, type UiKey } from '../lib/i18n.ts';
import { inLanguage, LANGUAGES, type Lang } from '../lib/languages.ts';
import { cityName } from '../lib/names.ts';
import { siteConfig } from '../lib/site-config.ts';
import { urls } from '../lib/urls.ts';
import {
  activityNewsItems,
  byLastChange,
  editionNewsItem,
  newsAbout,
  practiceNewsItem,
  tagUri,
  type ActivityNewsContext,
  type NewsItem,
  type SubjectKind,
} from '../lib/feeds/news-items.ts';

/** A feed's subject: what it follows and where that is on the site. */
export interface FeedSubject {
  kind: SubjectKind | 'index';
  id: string;
  title: string;
  pagePath: string;
  items: NewsItem[];
}

const cache = new Map<Lang, Promise<NewsItem[]>>();

/** Every news item of a language, most recently changed first. */
export function newsItems(lang: Lang): Promise<NewsItem[]> {
  let items = cache.get(lang);
  if (!items) {
    items = (async () => {
      const [{ catalogue, indexResults }, activities] = await Promise.all([getSite(), getActivities()]);
      const words = placeWords(lang, catalogue);
      const context: ActivityNewsContext = {
        tagAuthority: siteConfig.feedTagAuthority,
        networksOfCity: (id) => catalogue.cityById.get(id)?.networks ?? [],
        themeLabel: (id) => inLanguage(catalogue.themeById.get(id)!.label, lang),
        activityLine: (activity) =>
          t(lang, 'activityNews.line', { type: t(lang, `activity.type.${activity.data.type}` as UiKey), dates: datesText(lang, activity), place: placeText(lang, activity, words) }),
      };
      return [
        ...catalogue.practices(lang).map((practice) => practiceNewsItem(lang, { slug: practice.slug, textLang: practice.lang, data: practice.data }, context)),
        ...indexResults.map(({ id, data }) =>
          editionNewsItem(lang, { id, city: data.city, cityName: cityName(catalogue.cityById.get(data.city)!, lang), edition: data.edition, date: data.date }, context),
        ),
        ...activities.all.flatMap((activity) => activityNewsItems(lang, activity, context, activities.now)),
      ].sort(byLastChange);
    })();
    cache.set(lang, items);
  }
  return items;
}

/** The newest date of a language's content: the date of a feed that has no entry yet. */
export async function newestContentDate(lang: Lang): Promise<string> {
  const items = await newsItems(lang);
  return items[0]?.updated ?? '1970-01-01';
}

/** Every feed of a language. */
export async function feedSubjects(lang: Lang): Promise<FeedSubject[]> {
  const { catalogue } = await getSite();
  const items = await newsItems(lang);
  const about = (kind: SubjectKind, id: string) => newsAbout(items, kind, id);
  return [
    ...catalogue.cities.map(({ id, data }) => ({ kind: 'city' as const, id, title: t(lang, 'follow.feed.city', { name: cityName(data, lang) }), pagePath: urls.city(lang, id), items: about('city', id) })),
    ...catalogue.themes.map(({ id, data }) => ({ kind: 'theme' as const, id, title: t(lang, 'follow.feed.theme', { name: inLanguage(data.label, lang) }), pagePath: urls.theme(lang, id), items: about('theme', id) })),
    ...catalogue.networks.map(({ id, data }) => ({ kind: 'network' as const, id, title: t(lang, 'follow.feed.network', { name: inLanguage(data.name, lang) }), pagePath: urls.network(lang, id), items: about('network', id) })),
    ...catalogue.targetGroupsInUse().map((group) => ({
      kind: 'for' as const,
      id: group,
      title: t(lang, 'follow.feed.targetGroup', { name: t(lang, `targetGroup.${group}` as UiKey) }),
      pagePath: urls.practicesByTargetGroup(lang, group),
      items: about('for', group),
    })),
    { kind: 'index', id: 'editions', title: t(lang, 'follow.feed.editions'), pagePath: urls.index(lang), items: items.filter((item) => item.kind === 'index-edition') },
  ];
}

/** The permanent id of a feed. */
export const feedId = (lang: Lang, kind: string, id: string) => tagUri(siteConfig.feedTagAuthority, `feed/${kind}/${id}/${lang}`);

/** Every (language, feed) pair, for the routes. */
export async function allFeeds(): Promise<{ lang: Lang; subject: FeedSubject }[]> {
  const perLanguage = await Promise.all(LANGUAGES.map(async (lang) => (await feedSubjects(lang)).map((subject) => ({ lang, subject }))));
  return perLanguage.flat();
}
