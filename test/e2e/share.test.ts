/**
 * "Share a practice" end to end, both ways: a contributor fills in the public form without
 * JavaScript (a mailto: form, whose e-mail body is captured) and with it (each field checked with
 * the content check's messages, a look-alike noticed, the CSV row downloaded); the editor imports
 * the e-mail body and the CSV with `npm run import`; the site is built; both practices are shown.
 *
 * A browser hands a mailto: submission to the mail program; Chromium reports the address it
 * launched (with the body) on the console, which is where the test reads the e-mail.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemsFromIssues } from '../../src/lib/content/problems.ts';
import { practiceSharedShape } from '../../src/lib/schemas/practice.ts';
import { siteConfig } from '../../src/lib/site-config.ts';
import { useBuiltSite } from '../helpers/site.ts';
import { writeSmallContent } from '../helpers/small-content.ts';
import { serveDirectory } from '../helpers/static-server.ts';
import { budgetFor } from '../helpers/time-budget.ts';
import { writeBuildConfig } from '../helpers/build-config.ts';

const root = resolve(import.meta.dirname, '../..');
const work = join(root, '.cache/test-share');
const content = join(work, 'content');
const outDir = join(work, 'dist');
const run = promisify(execFile);
const site = useBuiltSite();

/**
 * Opens the share page in `lang`; `sent` collects the e-mails the browser hands to the mail
 * program (Chromium reports each mailto: it launches), as the body text.
 */
async function openShare(javaScriptEnabled: boolean, lang = 'en') {
  const page = await site.newPage({ javaScriptEnabled });
  const sent: string[] = [];
  const mailto: string[] = [];
  page.on('console', (message) => {
    const launched = /Launched external handler for '(mailto:[^']*)'/.exec(message.text());
    if (launched) {
      mailto.push(launched[1]!);
      sent.push(new URL(launched[1]!).searchParams.get('body') ?? '');
    }
  });
  const response = await page.goto(`${site.url}/${lang}/share/`);
  const html = (await response!.text());
  const action = /<form class="share-form[^>]*action="([^"]*)"/.exec(html)?.[1] ?? '';
  const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  /** Waits for the browser to hand the n-th e-mail to the mail program. */
  const mailSent = async (count: number) => {
    while (sent.length < count) await page.waitForEvent('console');
  };
  return { page, sent, mailto, mailSent, action: () => action, policy: () => policy };
}

const TEXTS = {
  markets: {
    purpose: 'Help stall holders in the covered markets talk with customers of every background.',
    stimulus: 'Two covered markets were losing customers, and stall holders of migrant background felt unwelcome.',
    process: '1. The market association met the stall holders.\n2. Volunteers ran a "welcome" training, in three languages.\n\nThe city paid EUR 12,000 a year.',
    results: 'Thirty stall holders were trained; footfall rose by a tenth in a year.',
    transferability: 'Needs a market association and a small training budget.',
  },
  festival: {
    purpose: 'Bring neighbours of the old town together around a yearly food festival on the riverside.',
    stimulus: 'A survey showed that residents of the two banks of the river rarely met.',
    process: '1. Residents proposed dishes and music.\n2. The youth service built the stands with a carpentry school.\n\nSponsors covered half of the cost.',
    results: 'Four thousand visitors came in the second year, half of them from the other bank.',
    transferability: 'Needs a public square, a team of volunteers and a permit for food stands.',
  },
};

async function fillPractice(page: Page, title: string, texts: (typeof TEXTS)['markets']) {
  await page.fill('#share-title', title);
  await page.fill('#share-cities', 'Bilbao');
  await page.fill('#share-period-start', '2019');
  await page.fill('#share-period-end', 'ongoing');
  await page.check('input[name="themes"][value="interaction"]');
  await page.check('input[name="themes"][value="public-space"]');
  await page.check('input[name="targetGroups"][value="businesses"]');
  for (const [part, text] of Object.entries(texts)) await page.fill(`#share-${part}`, text);
  await page.fill('#share-links', 'Market page https://example.org/markets');
  await page.fill('#share-contact-role', 'Markets office');
  await page.fill('#share-contact-email', 'markets@example.org');
}

const NO_JS_TITLE = 'Welcoming markets in Bilbao';
const JS_TITLE = 'A riverside food festival for both banks';
let mailBody = '';
let csvText = '';

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the share page without JavaScript', () => {
  it('is a mailto: form to the editors, allowed by the page policy, with the checklist beside it', async () => {
    const { page, action, policy } = await openShare(false);
    expect(action()).toBe(`mailto:${siteConfig.submissionsEmail}?subject=Practice%20shared%20through%20the%20website`);
    expect(policy()).toContain("form-action 'self' mailto:");
    expect(await page.getAttribute('.share-form', 'enctype')).toBe('text/plain');
    expect(await page.locator('.share-checklist li').allTextContents()).toEqual([
      'It has been running for at least a year.',
      'The context: what problem or event started it.',
      'Its objectives, in one or two sentences.',
      'The activities: steps, partners, budget and staff.',
      'Evidence of results: figures, an evaluation, what changed.',
      'What another city needs to adapt it.',
    ]);
    await page.context().close();
  });

  it('sends every field as a line of the import template', async () => {
    const { page, sent, mailto, mailSent } = await openShare(false);
    await fillPractice(page, NO_JS_TITLE, TEXTS.markets);
    await page.click('.share-form button[type="submit"]');
    await mailSent(1);
    expect(mailto[0]).toMatch(/^mailto:practices@intercultural-cities\.example\.org\?subject=Practice%20shared%20through%20the%20website&body=title%3DWelcoming/);
    mailBody = sent[0]!;
    expect(mailBody).toContain(`title=${NO_JS_TITLE}\r\n`);
    expect(mailBody).toContain('\r\nthemes=interaction\r\n');
    expect(mailBody).toContain('\r\nthemes=public-space\r\n');
    expect(mailBody).toContain('process=1. The market association met the stall holders.\r\n2. Volunteers');
    await page.context().close();
  });
});

describe('the share page with JavaScript', () => {
  it('checks a field once it is left, with the content check’s own message', async () => {
    const { page } = await openShare(true);
    await page.fill('#share-contact-email', 'markets(at)example.org');
    await page.locator('#share-contact-email').blur();
    const issues = practiceSharedShape.contact.safeParse({ email: 'markets(at)example.org' }, { reportInput: true }).error!.issues;
    const expected = problemsFromIssues('', issues, [])[0]!.message;
    await page.locator('#share-contact-email-error').waitFor({ state: 'visible' });
    expect(await page.locator('#share-contact-email-error').textContent()).toBe(expected);
    expect(expected).toMatch(/e-mail address of the contact \(found "markets\(at\)example\.org"\)$/);
    expect(await page.getAttribute('#share-contact-email', 'aria-invalid')).toBe('true');
    // Fields not yet visited show nothing.
    expect(await page.locator('#share-title-error').isHidden()).toBe(true);
    await page.context().close();
  });

  it('lists every problem on sending, sends nothing, and sends once they are fixed', async () => {
    const { page, sent, mailSent } = await openShare(true);
    await fillPractice(page, JS_TITLE, TEXTS.festival);
    await page.fill('#share-period-end', '2005');
    await page.click('.share-form button[type="submit"]');
    const summary = page.locator('[data-summary]');
    await summary.waitFor({ state: 'visible' });
    expect(await summary.locator('li').allTextContents()).toEqual(['Year it ended: must be the start year or later, or "ongoing": year the practice ended']);
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(sent).toEqual([]);

    await page.fill('#share-period-end', 'ongoing');
    const download = page.waitForEvent('download');
    await page.click('[data-download]');
    csvText = readFileSync(await (await download).path(), 'utf8');
    expect(csvText.split('\r\n')[0]).toMatch(/^\uFEFF?title,cities,period\.start,period\.end,themes,targetGroups,purpose,/);

    await page.click('.share-form button[type="submit"]');
    await mailSent(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(`title=${JS_TITLE}\r\n`);
    expect(sent[0]).toContain('process=1. Residents proposed dishes and music.\r\n2. The youth service');
    await page.context().close();
  });

  it('notices a practice that looks like a published one', async () => {
    const { page } = await openShare(true);
    await page.fill('#share-title', 'Anti-rumour agents in our city');
    await page.fill('#share-purpose', 'Train volunteers and associations to counter rumours and stereotypes about immigrants in everyday conversations.');
    await page.fill(
      '#share-process',
      'The city listed the most common rumours about migrants with local associations and wrote short answers based on data. Volunteers followed a free course to become anti-rumour agents. A network of associations, libraries and schools ran campaigns.',
    );
    await page.locator('#share-process').blur();
    await page.locator('[data-look-alike-notice]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-look-alike-notice]').textContent()).toBe(
      'This looks like Barcelona’s anti-rumour network (barcelona-anti-rumour-network): is it an adaptation? Say so in “Why it started”, or change the text to show what is different.',
    );
    await page.context().close();
  });
});

describe('what the form produced, imported and built', () => {
  let built: { url: string; close(): Promise<void> } | undefined;
  afterAll(async () => built?.close());

  it(
    'imports the e-mail body and the CSV unchanged, and the built site shows both practices',
    async () => {
      expect(mailBody, 'the test without JavaScript ran first').not.toBe('');
      expect(csvText, 'the test with JavaScript ran first').not.toBe('');
      writeSmallContent(root, content, 2);
      cpSync(join(root, 'src/content/cities/bilbao.yaml'), join(content, 'cities/bilbao.yaml'));
      writeFileSync(join(work, 'submission.txt'), mailBody);
      writeFileSync(join(work, 'submission.csv'), csvText);
      const env = { ...process.env, ICC_CONTENT_DIR: content, ICC_SKIP_CARDS: '1', ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };
      for (const file of ['submission.txt', 'submission.csv']) {
        const { stdout } = await run(process.execPath, ['scripts/import.ts', 'practices', join(work, file)], { cwd: root, env });
        expect(stdout).toMatch(/Imported 1 practice|wrote 1 file|1 file/i);
      }
      const written = readFileSync(join(content, 'practices/en/welcoming-markets-in-bilbao.md'), 'utf8');
      expect(written).toContain('cities: [bilbao]');
      expect(written).toContain('2. Volunteers ran a "welcome" training, in three languages.');

      const config = writeBuildConfig(root, work, outDir);
      await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--config', relative(root, config)], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 });

      built = await serveDirectory(outDir);
      const page = await site.newPage({ javaScriptEnabled: false });
      for (const [slug, title] of [
        ['welcoming-markets-in-bilbao', NO_JS_TITLE],
        ['a-riverside-food-festival-for-both-banks', JS_TITLE],
      ] as const) {
        await page.goto(`${built.url}/en/practices/${slug}/`);
        expect(await page.locator('h1').textContent()).toBe(title);
        expect(await page.locator('#process + .prose li').count()).toBe(2);
      }
      await page.context().close();
    },
    budgetFor(1, 600_000),
  );
});
