import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/site.ts';

const site = useBuiltSite();

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

  it('shows an untranslated practice on the French site in English, marked as such', async () => {
    const page = await site.newPage();
    await page.goto(site.url + '/fr/practices/lisbon-yearly-intercultural-progress-report/');
    expect(await page.locator('.notice').innerText()).toContain("n'est pas encore traduite");
    expect(await page.locator('article > div').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toBe("Lisbon's yearly intercultural progress report");
    await page.goto(site.url + '/fr/practices/');
    const card = page.locator('.card', { hasText: "Lisbon's yearly intercultural progress report" });
    // The list is paginated: the card may be on another page; the badge text is what matters here.
    if ((await card.count()) > 0) expect(await card.innerText()).toContain('Disponible en anglais uniquement');
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
