/**
 * The feeds: /<lang>/feeds/<kind>/<id>.xml (Atom 1.0) and .json (JSON Feed 1.1), one per city,
 * theme, national network and target group, and /<lang>/feeds/index/editions.* for new Index
 * editions (src/data/news.ts lists them, src/lib/feeds/ writes them).
 */
import type { APIRoute } from 'astro';
import { allFeeds, feedId, newestContentDate, type FeedSubject } from '../../../../data/news.ts';
import { getSite } from '../../../../data/site.ts';
import { atomFeed, feedEntries, jsonFeed } from '../../../../lib/feeds/feed-documents.ts';
import { t } from '../../../../lib/i18n.ts';
import { LANGUAGES, type Lang } from '../../../../lib/languages.ts';
import { inputsKey } from '../../../../lib/page-key.ts';
import { withPageKeys } from '../../../../lib/paths.ts';
import { urls } from '../../../../lib/urls.ts';

export async function getStaticPaths() {
  // A feed is written from its subject (title, the entries it holds) and the language's newest content
  // date: reused while they, the content other than the practices and the build's day hold (src/lib/page-key.ts).
  const { practiceFreeDailyKey } = await getSite();
  const newest = new Map(await Promise.all(LANGUAGES.map(async (lang) => [lang, await newestContentDate(lang)] as const)));
  return withPageKeys(
    (await allFeeds()).flatMap(({ lang, subject }) =>
      (['atom', 'json'] as const).map((format) => ({
        params: { lang, kind: subject.kind, file: `${subject.id}.${format === 'atom' ? 'xml' : 'json'}` },
        props: { subject, format },
      })),
    ),
    ({ params: { lang }, props: { subject, format } }) => inputsKey(practiceFreeDailyKey, [format, { ...subject, items: feedEntries(subject) }, newest.get(lang)]),
  );
}

export const GET: APIRoute<{ subject: FeedSubject; format: 'atom' | 'json' }> = async ({ params, props, site }) => {
  const lang = params.lang as Lang;
  const { subject, format } = props;
  const document = {
    id: feedId(lang, subject.kind, subject.id),
    lang,
    title: subject.title,
    subtitle: t(lang, 'follow.feed.subtitle'),
    site: site!,
    pagePath: subject.pagePath,
    atomPath: urls.feed(lang, subject.kind, subject.id, 'atom'),
    jsonPath: urls.feed(lang, subject.kind, subject.id, 'json'),
    items: subject.items,
    emptyUpdated: await newestContentDate(lang),
  };
  return format === 'atom'
    ? new Response(atomFeed(document), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } })
    : new Response(jsonFeed(document), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
