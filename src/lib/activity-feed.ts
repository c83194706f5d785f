/**
 * The Atom feed (RFC 4287) of activity records: each past activity whose record is written, most
 * recent first, with its summary and outcomes. Written with the `feed` package, which escapes and
 * formats the XML. An entry's date is the end of the activity (records carry no date of their
 * own); its id is the activity page's address, the same on every build.
 */
import { Feed } from 'feed';
import type { ScheduledActivity } from './activities.ts';
import { inLanguage } from './languages.ts';
import { renderMarkdown } from './markdown.ts';
import type { Lang } from './schemas/fields.ts';

export interface FeedContext {
  lang: Lang;
  /** The site's address (https://host/). */
  site: string;
  title: string;
  /** The feed's own address and the activities page, from the site's root. */
  feedPath: string;
  listPath: string;
  pageOf: (id: string) => string;
  /** The build instant: the feed's date when it has no entry. */
  now: Date;
  /** The words before the outcomes ("Outcomes"). */
  outcomesHeading: string;
}

export const FEED_SIZE = 50;

export function recordsFeed(records: readonly ScheduledActivity[], context: FeedContext): string {
  const { lang, site } = context;
  const entries = records.filter((activity) => activity.data.record).slice(0, FEED_SIZE);
  const feed = new Feed({
    title: context.title,
    id: new URL(context.feedPath, site).href,
    link: new URL(context.listPath, site).href,
    language: lang,
    updated: entries[0]?.endsAt ?? context.now,
    copyright: 'Council of Europe',
    feedLinks: { atom: new URL(context.feedPath, site).href },
  });
  for (const activity of entries) {
    const record = activity.data.record!;
    const link = new URL(context.pageOf(activity.id), site).href;
    const outcomes = record.outcomes ? `<h2>${context.outcomesHeading}</h2>${renderMarkdown(inLanguage(record.outcomes, lang))}` : '';
    feed.addItem({
      title: inLanguage(activity.data.title, lang),
      id: link,
      link,
      date: activity.endsAt,
      description: inLanguage(record.summary, lang),
      content: renderMarkdown(inLanguage(record.summary, lang)) + outcomes,
    });
  }
  return feed.atom1();
}
