/** The built site's activity calendars and feeds, read with real parsers (reads dist/, no browser). */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/lib/languages.ts';
import { parseCalendar } from '../helpers/icalendar.ts';

const dist = 'dist';
if (!existsSync(join(dist, 'en/index.html'))) throw new Error('dist/ has no built site: run "npm run build" first.');

function filesUnder(directory: string, ending: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path, ending) : name.endsWith(ending) ? [path] : [];
  });
}
const activityIds = readdirSync('src/content/activities').map((name) => name.replace(/\.ya?ml$/, ''));
const calendars = LANGUAGES.flatMap((lang) => [...filesUnder(join(dist, lang, 'calendars'), '.ics'), ...filesUnder(join(dist, lang, 'activities'), '.ics')]);

describe('every calendar of the built site', () => {
  it('exists for every activity, theme, city and network in every language', () => {
    const perLanguage = 1 + readdirSync('src/content/themes').length + readdirSync('src/content/cities').length + readdirSync('src/content/networks').length;
    expect(calendars).toHaveLength(LANGUAGES.length * (perLanguage + activityIds.length));
  });

  it.each(calendars)('%s parses, with unique UIDs, UTC times and an end after the start', (file) => {
    const { name, events } = parseCalendar(readFileSync(file, 'utf8'));
    expect(name).not.toBe('');
    const uids = events.map((event) => event.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const event of events) {
      expect(event.uid).toMatch(/^activity-[a-z0-9-]+@[a-z0-9.-]+$/);
      expect(activityIds).toContain(event.uid.replace(/^activity-/, '').replace(/@.*/, ''));
      expect(event.zone).toBe('UTC');
      expect(event.end.getTime()).toBeGreaterThan(event.start.getTime());
    }
  });

  it.each(LANGUAGES)('all.ics in %s holds every activity once, at the time its page shows', (lang) => {
    const { events } = parseCalendar(readFileSync(join(dist, lang, 'calendars/all.ics'), 'utf8'));
    expect(events.map((event) => event.uid.replace(/^activity-/, '').replace(/@.*/, '')).sort()).toEqual([...activityIds].sort());
    for (const event of events) {
      const id = event.uid.replace(/^activity-/, '').replace(/@.*/, '');
      const page = readFileSync(join(dist, lang, 'activities', id, 'index.html'), 'utf8');
      const shown = /<p class="lead"[^>]*><time datetime="([^"]+)"/.exec(page)?.[1];
      expect(shown, id).toBe(event.start.toISOString().replace(/\.000Z$/, 'Z'));
      expect(event.url).toMatch(new RegExp(`/${lang}/activities/${id}/$`));
    }
  });

  it('gives an activity the same UID in every language and every calendar it is in', () => {
    const uidsByFile = calendars.map((file) => parseCalendar(readFileSync(file, 'utf8')).events.map((event) => event.uid));
    const all = new Set(uidsByFile.flat());
    expect(all.size).toBe(activityIds.length);
  });
});

describe('the Atom feed of activity records', () => {
  const parser = new XMLParser({ ignoreAttributes: false });
  it.each(LANGUAGES)('parses in %s, newest record first, each entry linking its activity page', (lang) => {
    const xml = readFileSync(join(dist, lang, 'activities/records.atom'), 'utf8');
    const { feed } = parser.parse(xml) as { feed: { '@_xmlns': string; entry: { id: string; updated: string; title: unknown }[] } };
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    const entries = Array.isArray(feed.entry) ? feed.entry : [feed.entry];
    expect(entries.length).toBeGreaterThan(0);
    const dates = entries.map((entry) => Date.parse(entry.updated));
    expect(dates.every((date) => !Number.isNaN(date))).toBe(true);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    for (const entry of entries) {
      const id = new URL(entry.id).pathname.split('/').at(-2)!;
      expect(activityIds).toContain(id);
      expect(new URL(entry.id).pathname).toBe(`/${lang}/activities/${id}/`);
    }
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
  });
});

describe('the activity pages', () => {
  it.each(LANGUAGES)('are indexed in %s as activities, with their themes and cities as filters', (lang) => {
    const page = readFileSync(join(dist, lang, 'activities/study-visit-getxo-anti-rumour-2025/index.html'), 'utf8');
    expect(page).toContain('data-pagefind-filter="type:activity"');
    expect(page).toContain('data-pagefind-filter="theme:anti-discrimination"');
    expect(page).toContain('data-pagefind-filter="city:getxo"');
  });
});
