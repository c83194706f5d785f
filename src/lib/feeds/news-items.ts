/**
 * "News items": the one typed list that every feed, the "What's new" page and anything else that
 * follows changes is made from. A news item is one thing on the site that appears and may later
 * change (a practice, an Index edition, an activity and, once written, its record), with its permanent id, its
 * page, the dates the content gives (first published, last changed) and the subjects it belongs
 * to (cities, themes, national networks, target groups), which decide the feeds it appears in.
 *
 * Adding a kind of content to the feeds is one function here that turns an entry into a
 * NewsItem, and one line in src/data/news.ts that adds its items to the list.
 *
 * Ids are tag: URIs (RFC 4151) made from the site's tagging authority (site-config.ts) and the
 * entry's kind, id and language, never from its title or address: an edited title, a moved site
 * or a new domain keeps every id, so feed readers do not show an entry twice.
 */
import { citiesOf, type ScheduledActivity } from '../activities.ts';
import { t } from '../i18n.ts';
import { addDays, datePart } from '../local-time.ts';
import { localizedText, type Lang } from '../languages.ts';
import { markdownToPlainText } from '../markdown.ts';
import { ANNOUNCED_WEEKS_BEFORE } from '../schemas/activity.ts';
import { urls } from '../urls.ts';

/** What a news item is: an activity is announced, then (`activity-record`) its record is written. */
export type NewsKind = 'practice' | 'index-edition' | 'activity' | 'activity-record';

/** The kinds of subject a feed can follow; `for` is a target group (its address on the site). */
export const SUBJECT_KINDS = ['city', 'theme', 'network', 'for'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export type NewsSubjects = Record<SubjectKind, readonly string[]>;

export interface NewsItem {
  /** Permanent id: a tag: URI. */
  id: string;
  kind: NewsKind;
  /** Language of the feed or page the item is listed in. */
  lang: Lang;
  /** Language its text is written in (English for an untranslated practice). */
  textLang: Lang;
  title: string;
  /** One or two sentences, plain text. */
  summary: string;
  /** The item's page on the site. */
  path: string;
  /** First published, YYYY-MM-DD. */
  published: string;
  /** Last changed, YYYY-MM-DD (the publication date when it never changed). */
  updated: string;
  subjects: NewsSubjects;
  /** Labels shown as categories (themes). */
  categories: readonly string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AUTHORITY = /^[a-z0-9.-]+\.[a-z]{2,},\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * A tag: URI, `tag:<authority>,<date>:<specific>`. `authority` is "domain,date", a domain the
 * publisher held on that date (RFC 4151); `specific` names the entry.
 */
export function tagUri(authority: string, specific: string): string {
  if (!AUTHORITY.test(authority)) {
    throw new Error(`the feeds' tagging authority must be "domain,YYYY" (a domain the publisher held that year), like "intercultural-cities.example.org,2026" (found "${authority}"): set siteConfig.feedTagAuthority`);
  }
  if (!/^[A-Za-z0-9._~!$&'()*+,;=:@/?-]+$/.test(specific)) throw new Error(`a tag: URI's specific part may hold only URI characters (found "${specific}")`);
  return `tag:${authority}:${specific}`;
}

function checkDate(date: string, what: string): string {
  if (!DATE.test(date)) throw new Error(`${what} must be a date written YYYY-MM-DD (found "${date}")`);
  return date;
}

/** The practice fields a news item shows. */
export interface PracticeForNews {
  slug: string;
  textLang: Lang;
  data: {
    title: string;
    purpose: string;
    published: string;
    updated?: string;
    cities: readonly string[];
    themes: readonly string[];
    targetGroups: readonly string[];
  };
}

export interface NewsContext {
  /** siteConfig.feedTagAuthority. */
  tagAuthority: string;
  /** The national networks a city belongs to. */
  networksOfCity(cityId: string): readonly string[];
  /** A theme's label in the language of the feed. */
  themeLabel(themeId: string): string;
}

const unique = (values: Iterable<string>) => [...new Set(values)].sort();

/** A practice, as one item: published when it was first published, updated at its last update. */
export function practiceNewsItem(lang: Lang, practice: PracticeForNews, context: NewsContext): NewsItem {
  const { data } = practice;
  const published = checkDate(data.published, `practice ${practice.slug}: published`);
  const updated = data.updated ? checkDate(data.updated, `practice ${practice.slug}: updated`) : published;
  return {
    id: tagUri(context.tagAuthority, `practice/${practice.slug}/${lang}`),
    kind: 'practice',
    lang,
    textLang: practice.textLang,
    title: data.title,
    summary: data.purpose,
    path: urls.practice(lang, practice.slug),
    published,
    updated: updated > published ? updated : published,
    subjects: {
      city: unique(data.cities),
      theme: unique(data.themes),
      network: unique(data.cities.flatMap((city) => context.networksOfCity(city))),
      for: unique(data.targetGroups),
    },
    categories: data.themes.map((theme) => context.themeLabel(theme)),
  };
}

/** The Index result fields a news item shows. */
export interface EditionForNews {
  /** The result's id, `<city>-<edition>`. */
  id: string;
  city: string;
  cityName: string;
  edition: number;
  /** Date of the analytical report, YYYY-MM-DD. */
  date: string;
}

/** A new Index edition of a city: it belongs to the city's feed and its networks' feeds. */
export function editionNewsItem(lang: Lang, result: EditionForNews, context: NewsContext): NewsItem {
  const date = checkDate(result.date, `Index result ${result.id}: date`);
  const values = { city: result.cityName, edition: result.edition };
  return {
    id: tagUri(context.tagAuthority, `index-result/${result.id}/${lang}`),
    kind: 'index-edition',
    lang,
    textLang: lang,
    title: t(lang, 'follow.item.edition', values),
    summary: t(lang, 'follow.item.editionSummary', values),
    path: urls.indexResult(lang, result.id),
    published: date,
    updated: date,
    subjects: { city: [result.city], theme: [], network: unique(context.networksOfCity(result.city)), for: [] },
    categories: [],
  };
}

export interface ActivityNewsContext extends NewsContext {
  /** The activity's kind, dates and place as its lists show them: "Study visit · 14–15 May 2025 · Getxo". */
  activityLine(activity: ScheduledActivity): string;
}

/** The day an activity counts as announced: `announced`, or ANNOUNCED_WEEKS_BEFORE weeks before its (local) start day. */
export function announcedOn(activity: Pick<ScheduledActivity, 'data'>): string {
  return activity.data.announced ?? addDays(datePart(activity.data.start), -7 * ANNOUNCED_WEEKS_BEFORE);
}

/**
 * An activity as news: one item when it is announced, and one more when its record is written,
 * dated the day it ended (records carry no date of their own; the records feed dates them so too).
 * Each is listed only once its day has come at `now` (the build's instant): a demonstration
 * activity's dates, moved with the build day (activities.ts), would otherwise announce it ahead
 * of time. Ids carry the activity's file name only, never a date, so they stay the same however
 * the demonstration dates move.
 */
export function activityNewsItems(lang: Lang, activity: ScheduledActivity, context: ActivityNewsContext, now: Date): NewsItem[] {
  const { data } = activity;
  const today = now.toISOString().slice(0, 10);
  const announced = checkDate(announcedOn(activity), `activity ${activity.id}: announced`);
  const ended = datePart(data.end);
  const title = localizedText(data.title, lang);
  const cities = citiesOf(data);
  const subjects: NewsSubjects = {
    city: unique(cities),
    theme: unique(data.themes),
    network: unique([...(data.networks ?? []), ...cities.flatMap((city) => context.networksOfCity(city))]),
    for: [],
  };
  const shared = { lang, textLang: title.lang, path: urls.activity(lang, activity.id), subjects, categories: data.themes.map((theme) => context.themeLabel(theme)) };
  const line = context.activityLine(activity);
  const items: NewsItem[] = [];
  if (announced <= today) {
    items.push({
      ...shared,
      id: tagUri(context.tagAuthority, `activity/${activity.id}/${lang}`),
      kind: 'activity',
      title: title.text,
      summary: `${line}. ${markdownToPlainText(localizedText(data.description, lang).text)}`,
      published: announced,
      updated: announced,
    });
  }
  if (data.record && ended <= today && activity.endsAt.getTime() <= now.getTime()) {
    const summary = localizedText(data.record.summary, lang);
    items.push({
      ...shared,
      id: tagUri(context.tagAuthority, `activity-record/${activity.id}/${lang}`),
      kind: 'activity-record',
      textLang: summary.lang,
      title: t(lang, 'activityNews.record', { title: title.text }),
      summary: `${line}. ${markdownToPlainText(summary.text)}`,
      published: ended,
      updated: ended,
    });
  }
  return items;
}

/** Most recently changed first; ties by id, so the order never depends on input order. */
export function byLastChange(a: NewsItem, b: NewsItem): number {
  return b.updated.localeCompare(a.updated) || b.published.localeCompare(a.published) || a.id.localeCompare(b.id);
}

/** The items of one subject (a city's, a theme's...), most recently changed first. */
export function newsAbout(items: readonly NewsItem[], kind: SubjectKind, id: string): NewsItem[] {
  return items.filter((item) => item.subjects[kind].includes(id)).sort(byLastChange);
}
