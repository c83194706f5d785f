/** Shared set-up for browser tests: the built site in dist/, served locally, and a Chromium. */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveDirectory, type StaticServer } from './static-server.ts';
import { BROWSER_ACTION_MS } from './time-budget.ts';

export interface SiteContext {
  url: string;
  browser: Browser;
  newPage(options?: { javaScriptEnabled?: boolean; width?: number; locale?: string }): Promise<Page>;
  /** A browser context whose actions wait as long as a busy machine needs (not Playwright's 30 s). */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/** Starts a server over dist/ and a browser for the current test file. */
export function useBuiltSite(): SiteContext {
  let server: StaticServer;
  const context = {} as SiteContext;
  beforeAll(async () => {
    if (!existsSync('dist/en/index.html')) {
      throw new Error('dist/ has no built site: run "npm run build" first (npm test does it for you).');
    }
    server = await serveDirectory('dist');
    context.url = server.url;
    context.browser = await launchBrowser();
    context.newContext = async (options = {}) => {
      const browserContext = await context.browser.newContext(options);
      browserContext.setDefaultTimeout(BROWSER_ACTION_MS);
      browserContext.setDefaultNavigationTimeout(BROWSER_ACTION_MS);
      return browserContext;
    };
    context.newPage = async ({ javaScriptEnabled = true, width = 1280, locale = 'en-GB' } = {}) => {
      const browserContext = await context.newContext({
        javaScriptEnabled,
        locale,
        viewport: { width, height: 900 },
      });
      return browserContext.newPage();
    };
  });
  afterAll(async () => {
    await context.browser?.close();
    await server?.close();
  });
  return context;
}
