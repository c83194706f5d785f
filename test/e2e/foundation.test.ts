import type { Page } from 'playwright-core';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { t } from '../../src/lib/i18n.ts';
import { TRANSLATION_LANGUAGES } from '../../src/lib/languages.ts';
import { practiceFacts } from '../helpers/content.ts';
import { useBuiltSite } from '../helpers/site.ts';

const site = useBuiltSite();

/**
 * Follows a list's "next page" links from `start`: the practice links of its cards, in order, and
 * the pages visited with their "Page N of M" line and rel=prev target.
 */
async function walkList(page: Page, start: string) {
  const practices: string[] = [];
  const pages: { path: string; prev: string | null; title: string }[] = [];
  let next: string | null = start;
  while (next) {
    await page.goto(site.url + next);
    const prevLink = page.locator('a[rel="prev"]');
    pages.push({ path: next, prev: (await prevLink.count()) > 0 ? await prevLink.getAttribute('href') : null, title: await page.title() });
    practices.push(...(await page.locator('.card-list .card :is(h2, h3) a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))));
    const nextLink = page.locator('a[rel="next"]');
    next = (await nextLink.count()) > 0 ? await nextLink.getAttribute('href') : null;
    if (pages.length > 100) throw new Error(`${start}: more than 100 pages, a loop?`);
  }
  return { practices, pages };
}

const practiceHref = (slug: string, lang = 'en') => `/${lang}/practices/${slug}/`;
const facts = practiceFacts();

describe('the site frame', () => {
  it.each(['/en/', '/fr/', '/en/practices/', '/fr/cities/', '/en/themes/education/'])(
    '%s has lang, a skip link first, landmarks and one h1',
    async (path) => {
      const page = await site.newPage();
      await page.goto(site.url + path);
      expect(await page.getAttribute('html', 'lang')).toBe(path.slice(1, 3));
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({
        text: document.activeElement?.textContent,
        href: document.activeElement?.getAttribute('href'),
      }));
      expect(focused.href).toBe('#main');
      expect(focused.text).toMatch(/Skip to main content|Aller au contenu principal/);
      expect(await page.locator('header').count()).toBe(1);
      expect(await page.locator('main#main').count()).toBe(1);
      expect(await page.locator('footer').count()).toBe(1);
      expect(await page.locator('nav[aria-label]').count()).toBeGreaterThanOrEqual(2);
      expect(await page.locator('h1').count()).toBe(1);
      await page.context().close();
    },
  );

  it('says on every page that the content is a demonstration', async () => {
    const page = await site.newPage();
    for (const path of ['/en/', '/fr/practices/']) {
      await page.goto(site.url + path);
      expect(await page.locator('.demo-banner').innerText()).toMatch(/Demonstration content|Contenu de démonstration/);
    }
    await page.context().close();
  });

  it('sends visitors from / to their language', async () => {
    const french = await site.newPage({ locale: 'fr-FR' });
    await french.goto(site.url + '/');
    await french.waitForURL(/\/fr\/$/);
    const english = await site.newPage({ locale: 'de-DE' });
    await english.goto(site.url + '/');
    await english.waitForURL(/\/en\/$/);
    await french.context().close();
    await english.context().close();
  });
});

describe('the language switcher', () => {
  it('goes to the French translation of a translated practice', async () => {
    const page = await site.newPage();
    await page.goto(site.url + '/en/practices/one-stop-welcome-desk-newcomers/');
    const englishTitle = await page.locator('h1').innerText();
    await page.getByRole('link', { name: 'Lire cette page en français' }).click();
    await page.waitForURL(/\/fr\/practices\/one-stop-welcome-desk-newcomers\/$/);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    const frenchTitle = await page.locator('h1').innerText();
    expect(frenchTitle).not.toBe(englishTitle);
    expect(await page.locator('.notice').count()).toBe(0);
    await page.context().close();
  });

  it('shows a practice not yet translated into a language in English there, marked as such', async () => {
    // Any language of the registry and any practice that has no file in it yet (French is complete).
    const untranslated = TRANSLATION_LANGUAGES.flatMap((lang) =>
      readdirSync('src/content/practices/en')
        .filter((name) => !existsSync(`src/content/practices/${lang}/${name}`))
        .map((name) => ({ lang, slug: name.replace(/\.md$/, '') })),
    )[0];
    expect(untranslated, 'a practice without a translation in some language').toBeDefined();
    const { lang, slug } = untranslated!;
    const title = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(`src/content/practices/en/${slug}.md`, 'utf8'))![1]!).title as string;
    const page = await site.newPage();
    await page.goto(`${site.url}/${lang}/practices/${slug}/`);
    expect(await page.locator('.notice').first().innerText()).toContain(t(lang, 'practice.englishOnlyNotice'));
    expect(await page.locator('article > .practice-head').getAttribute('lang')).toBe('en');
    expect(await page.locator('article > .practice-body').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toBe(title);
    await page.goto(`${site.url}/${lang}/practices/`);
    const card = page.locator('.card', { hasText: title });
    // The list is paginated: the card may be on another page; the badge text is what matters here.
    if ((await card.count()) > 0) expect(await card.innerText()).toContain(t(lang, 'practice.englishOnly'));
    await page.context().close();
  });
});

describe('the practice list without JavaScript', () => {
  it('reaches every practice through its pages', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    const seen = new Set<string>();
    let next: string | null = '/en/practices/';
    while (next) {
      await page.goto(site.url + next);
      for (const href of await page.locator('.card h3 a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))) {
        seen.add(href!);
      }
      const nextLink = page.locator('a[rel="next"]');
      next = (await nextLink.count()) > 0 ? await nextLink.getAttribute('href') : null;
    }
    const { readdirSync } = await import('node:fs');
    const onDisk = readdirSync('src/content/practices/en').filter((name) => name.endsWith('.md'));
    expect(seen.size).toBe(onDisk.length);
    await page.context().close();
  });
});

describe('the lists of a theme, city, network and target group without JavaScript', () => {
  const themes = [...new Set(facts.flatMap((practice) => practice.themes))].sort();

  it('shows the newest twelve practices on a theme hub and links to the full list of the theme', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    const large = themes.find((theme) => facts.filter((practice) => practice.themes.includes(theme)).length > 12)!;
    expect(large, 'the demo content has a theme with more than 12 practices').toBeDefined();
    const count = facts.filter((practice) => practice.themes.includes(large)).length;
    await page.goto(`${site.url}/en/themes/${large}/`);
    const section = page.locator('section:has(#theme-practices)');
    const shown = await section.locator('.card h3 a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    expect(shown).toHaveLength(12);
    expect(await section.innerText()).toContain(`The 12 most recent of ${count} practices.`);
    const all = section.getByRole('link', { name: new RegExp(`^All practices on .+ \\(${count}\\)$`) });
    expect(await all.getAttribute('href')).toBe(`/en/practices/theme/${large}/`);
    // The hub's twelve are the first twelve of the full list, which is newest first too.
    const { practices } = await walkList(page, `/en/practices/theme/${large}/`);
    expect(practices.slice(0, 12)).toEqual(shown);
    await page.context().close();
  });

  it('reaches every practice of every theme, exactly once, through the pages of its list', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    for (const theme of themes) {
      await page.goto(`${site.url}/fr/themes/${theme}/`);
      const start = await page.locator('#theme-practices ~ .see-all a').getAttribute('href');
      expect(start, theme).toBe(`/fr/practices/theme/${theme}/`);
      const { practices, pages } = await walkList(page, start!);
      const expected = facts.filter((practice) => practice.themes.includes(theme)).map((practice) => practiceHref(practice.slug, 'fr'));
      expect(practices.length, theme).toBe(expected.length);
      expect(new Set(practices), theme).toEqual(new Set(expected));
      expect(pages.length, theme).toBe(Math.ceil(expected.length / 24));
    }
    await page.context().close();
  });

  it('cuts a long list into linked pages of 24, each saying where it is, in both languages', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    const counts = new Map<string, number>();
    for (const id of facts.flatMap((practice) => practice.targetGroups)) counts.set(id, (counts.get(id) ?? 0) + 1);
    const [group, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    expect(count, 'the demo content has a target group with more than one page').toBeGreaterThan(24);
    const pageTotal = Math.ceil(count / 24);
    const { practices, pages } = await walkList(page, `/en/practices/for/${group}/`);
    expect(new Set(practices)).toEqual(new Set(facts.filter((practice) => practice.targetGroups.includes(group)).map((practice) => practiceHref(practice.slug))));
    expect(practices).toHaveLength(count);
    expect(pages.map((entry) => entry.path)).toEqual([`/en/practices/for/${group}/`, ...Array.from({ length: pageTotal - 1 }, (_, index) => `/en/practices/for/${group}/page/${index + 2}/`)]);
    expect(pages.map((entry) => entry.prev)).toEqual([null, ...pages.slice(0, -1).map((entry) => entry.path)]);
    expect(pages[1]!.title).toContain(`Page 2 of ${pageTotal}`);

    await page.goto(`${site.url}/en/practices/for/${group}/page/2/`);
    expect(await page.locator('nav.pagination [aria-current="page"]').innerText()).toContain('2');
    expect(await page.locator('main p').first().innerText()).toContain(`Page 2 of ${pageTotal}`);
    await page.getByRole('link', { name: 'Lire cette page en français' }).click();
    await page.waitForURL(new RegExp(`/fr/practices/for/${group}/page/2/$`));
    expect(await page.locator('main p').first().innerText()).toContain(`Page 2 sur ${pageTotal}`);
    await page.context().close();
  });

  it('links each city profile and network page to the full list of its practices', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    const city = 'lisbon';
    const ofCity = facts.filter((practice) => practice.cities.includes(city)).map((practice) => practiceHref(practice.slug));
    await page.goto(`${site.url}/en/cities/${city}/`);
    const section = page.locator('section:has(#city-practices)');
    expect(await section.locator('.card').count()).toBe(Math.min(12, ofCity.length));
    const all = section.getByRole('link', { name: `All practices from Lisbon (${ofCity.length})` });
    expect(await all.getAttribute('href')).toBe(`/en/practices/city/${city}/`);
    expect(new Set((await walkList(page, `/en/practices/city/${city}/`)).practices)).toEqual(new Set(ofCity));

    await page.goto(`${site.url}/en/networks/spain/`);
    const networkList = await page.locator('#network-practices ~ .see-all a').getAttribute('href');
    expect(networkList).toBe('/en/practices/network/spain/');
    const { practices } = await walkList(page, networkList!);
    expect(practices.length).toBeGreaterThan(0);
    expect(await page.locator('nav.breadcrumbs a').allInnerTexts()).toEqual(['Home', 'National networks', 'Spanish Network of Intercultural Cities (RECI)']);
    await page.context().close();
  });
});
