/**
 * The new content types where they belong, read from the built site (no browser): activities in
 * What's new and the feeds, on the national network pages, organisations in the search, and one
 * open-data dataset per collection the registry publishes.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { readdirSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/lib/content/collections.ts';
import { LANGUAGES } from '../../src/lib/languages.ts';
import { fileFor, readPage } from '../helpers/dist.ts';

const dom = (path: string) => parse(readPage(path));
const activityIds = readdirSync('src/content/activities').map((file) => file.replace(/\.ya?ml$/, ''));
const organisationIds = readdirSync('src/content/organisations').map((file) => file.replace(/\.ya?ml$/, ''));

describe("activities in What's new and the feeds", () => {
  it.each(LANGUAGES)("in %s, What's new lists activities and records, each linking to a built activity page", (lang) => {
    const links = dom(`/${lang}/whats-new/`).querySelectorAll('ul.whats-new a').map((a) => a.getAttribute('href')!);
    const activities = links.filter((href) => href.startsWith(`/${lang}/activities/`));
    expect(activities.length).toBeGreaterThan(5);
    for (const href of activities) expect(fileFor(href), href).toBeDefined();
  });

  it('puts a city\'s activities in its feed, with stable ids naming the activity file', () => {
    const feed = parseFeed(readPage('/en/feeds/city/getxo.xml'));
    const activities = feed.items.filter((item) => item.url?.includes('/en/activities/'));
    expect(activities.length).toBeGreaterThan(0);
    for (const item of activities) expect(item.id).toMatch(new RegExp(`^tag:[^:]+:activity(-record)?/(${activityIds.join('|')})/en$`));
  });
});

describe('national network pages', () => {
  it.each(LANGUAGES)('in %s, list the activities of the network and its cities, linking to built pages', (lang) => {
    const section = dom(`/${lang}/networks/spain/`).querySelector('section[aria-labelledby="network-activities"]');
    expect(section).not.toBeNull();
    const hrefs = section!.querySelectorAll('a').map((a) => a.getAttribute('href')!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href).toMatch(new RegExp(`^/${lang}/activities/`));
      expect(fileFor(href), href).toBeDefined();
    }
  });
});

describe('organisation pages in the search', () => {
  it('are indexed with the organisation page type, their list of practices left out', () => {
    for (const id of organisationIds) {
      const html = readPage(`/en/organisations/${id}/`);
      expect(html, id).toContain('data-pagefind-body');
      expect([...html.matchAll(/data-pagefind-filter="type:([a-z-]+)"/g)].map((match) => match[1])).toEqual(['organisation']);
      expect(parse(html).querySelector('section[aria-labelledby="organisation-practices"]')!.hasAttribute('data-pagefind-ignore')).toBe(true);
    }
  });
});

describe('open data', () => {
  const published = Object.entries(COLLECTIONS).flatMap(([name, spec]) => (spec.openData === false ? [] : [name]));

  it('has the three files of every collection the registry publishes, each listed on the data page', () => {
    expect(published).toEqual(expect.arrayContaining(['activities', 'organisations', 'practices', 'cities', 'index-results', 'methods', 'resources']));
    const listed = dom('/en/data/').querySelectorAll('a[download]').map((a) => a.getAttribute('href'));
    for (const name of published) {
      for (const extension of ['json', 'csv', 'schema.json']) {
        expect(fileFor(`/data/${name}.${extension}`), `${name}.${extension}`).toBeDefined();
        expect(listed).toContain(`/data/${name}.${extension}`);
      }
    }
  });

  it.each(['activities', 'organisations'])('publishes every %s entry, in JSON and CSV, with its address on the site', (name) => {
    const ids = (name === 'activities' ? activityIds : organisationIds).sort();
    const file = JSON.parse(readPage(`/data/${name}.json`)) as { $schema: string; records: { id: string; url: Record<string, string> }[] };
    expect(file.$schema).toMatch(new RegExp(`/data/${name}\\.schema\\.json$`));
    expect(file.records.map((record) => record.id)).toEqual(ids);
    for (const record of file.records) expect(fileFor(new URL(record.url.fr!).pathname), record.url.fr).toBeDefined();
    const rows = parseCsv(readPage(`/data/${name}.csv`), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.id)).toEqual(ids);
    expect(rows[0]).toHaveProperty('url_en');
  });
});
