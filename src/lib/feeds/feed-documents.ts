/**
 * Writes a feed of news items (news-items.ts) as Atom 1.0 (RFC 4287) and as JSON Feed 1.1.
 *
 * Atom is written by the `feed` package (npm), which builds the XML with xml-js: escaping and
 * well-formedness are a solved problem we do not hand-roll. Its JSON output is JSON Feed 1.0
 * (no `language`, `authors`), so the JSON Feed 1.1 document is built here: it is plain JSON, and
 * JSON.stringify already makes it well-formed.
 *
 * Every date comes from the content: an entry's `published` and `updated`, and the feed's
 * `updated` is its newest entry's (or, for an empty feed, the date the caller gives: the newest
 * content of the site), so rebuilding unchanged content writes identical files.
 */
import { Feed } from 'feed';
import type { Lang } from '../languages.ts';
import { byLastChange, type NewsItem } from './news-items.ts';

export interface FeedDocument {
  /** Permanent id of the feed: a tag: URI. */
  id: string;
  lang: Lang;
  title: string;
  subtitle: string;
  /** The site's address (Astro's `site`). */
  site: string | URL;
  /** The page the feed follows (a city's profile...). */
  pagePath: string;
  atomPath: string;
  jsonPath: string;
  /** Most recent first; at most `limit` are written. */
  items: readonly NewsItem[];
  /** The feed's date when it has no entry, YYYY-MM-DD. */
  emptyUpdated: string;
  limit?: number;
}

/** How many entries a feed holds: the most recently changed ones. */
export const FEED_LIMIT = 50;

const dateTime = (date: string) => new Date(`${date}T00:00:00Z`);
const absolute = (path: string, site: string | URL) => new URL(path, site).href;

/** Text for a `type="html"` Atom element: the feed package puts it in CDATA as HTML. */
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The entries a feed holds: its `limit` most recently changed items. */
export function feedEntries(document: Pick<FeedDocument, 'items' | 'limit'>): NewsItem[] {
  return [...document.items].sort(byLastChange).slice(0, document.limit ?? FEED_LIMIT);
}

function feedUpdated(items: readonly NewsItem[], emptyUpdated: string): string {
  return items.reduce((latest, item) => (item.updated > latest ? item.updated : latest), items.length ? items[0]!.updated : emptyUpdated);
}

/** The feed as an Atom 1.0 document. */
export function atomFeed(document: FeedDocument): string {
  const items = feedEntries(document);
  const feed = new Feed({
    id: document.id,
    title: document.title,
    description: document.subtitle,
    language: document.lang,
    link: absolute(document.pagePath, document.site),
    feedLinks: { atom: absolute(document.atomPath, document.site), json: absolute(document.jsonPath, document.site) },
    updated: dateTime(feedUpdated(items, document.emptyUpdated)),
    generator: false,
  });
  for (const item of items) {
    feed.addItem({
      id: item.id,
      title: html(item.title),
      link: absolute(item.path, document.site),
      description: html(item.summary),
      date: dateTime(item.updated),
      published: dateTime(item.published),
      category: item.categories.map((name) => ({ name, term: name })),
    });
  }
  // Atom has no language element: the feed's language is xml:lang on its root (RFC 4287 §2).
  return feed.atom1().replace('<feed xmlns="http://www.w3.org/2005/Atom">', `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${document.lang}">`);
}

/** The fields of a JSON Feed 1.1 item this site writes (https://www.jsonfeed.org/version/1.1/). */
export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_text: string;
  summary: string;
  date_published: string;
  date_modified: string;
  language: string;
  tags?: string[];
}

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  description: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  items: JsonFeedItem[];
}

/** The feed as a JSON Feed 1.1 document. */
export function jsonFeed(document: FeedDocument): string {
  const feed: JsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: document.title,
    description: document.subtitle,
    home_page_url: absolute(document.pagePath, document.site),
    feed_url: absolute(document.jsonPath, document.site),
    language: document.lang,
    items: feedEntries(document).map((item) => ({
      id: item.id,
      url: absolute(item.path, document.site),
      title: item.title,
      content_text: item.summary,
      summary: item.summary,
      date_published: dateTime(item.published).toISOString(),
      date_modified: dateTime(item.updated).toISOString(),
      language: item.textLang,
      ...(item.categories.length ? { tags: [...item.categories] } : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
