/**
 * Starts Decap CMS with the project's rules (bundled by scripts/cms/prepare-admin.ts into
 * public/admin/admin.js):
 *   - the interface language follows ?lang=, the last choice, or the browser (any registered language);
 *   - files are read and written by the project's formats (no empty fields, stable YAML;
 *     Markdown paragraphs written on several lines are shown on one, as on the page);
 *   - before saving, the entry is checked with the content schemas, and a new entry gets its file
 *     name from the project's slugify, made unique against the files that already exist;
 *   - practices preview with the site's stylesheet and page structure;
 *   - with `npm run cms`, every request to the local content server carries this run's secret
 *     (from the generated config; the server refuses requests without it);
 *   - an entry nobody edited does not open as "Unsaved changes" (unchanged-reports.ts);
 *   - pictures are PNG, JPEG, WebP, AVIF or GIF only (the upload button refuses anything else);
 *   - inside a frame it does not start (where the host cannot send frame-ancestors: GitHub Pages).
 */
import { parse } from 'yaml';
import { SLUG_FIELD, type CmsCollectionName } from '../src/lib/cms/collections.ts';
import { checkCmsEntry } from '../src/lib/cms/entry-check.ts';
import { entryFiles, entrySlug, uniqueSlug } from '../src/lib/cms/entry-slug.ts';
import { createCmsFormats, markdownFieldsByFormat } from '../src/lib/cms/formats.ts';
import type { CmsConfig } from '../src/lib/cms/generate-config.ts';
import { ADMIN_TEXT, type CmsLocale } from '../src/lib/cms/labels.ts';
import { LOCALE_STORAGE_KEY, chooseLocale } from '../src/lib/cms/locale.ts';
import { t } from '../src/lib/i18n.ts';
import { REGISTERED_LANGUAGES, REGISTERED_TRANSLATION_LANGUAGES, language } from '../src/lib/languages.ts';
import type { PreviewLookups } from '../src/lib/cms/practice-preview.ts';
import { EDITOR_TOKEN_HEADER } from '../src/lib/cms/backend.ts';
import { fileExists, type RepositoryAccess } from '../src/lib/cms/remote-files.ts';
import { RASTER_ACCEPT, rasterTypeForName } from '../src/lib/media.ts';
import type { ImmutableMap } from './decap.d.ts';
import { registerPagePreview, registerPracticePreview } from './preview.ts';
import { dropUnchangedReports } from './unchanged-reports.ts';

/** The local content server and this run's secret, once the config is read. */
let localServer: { url: string; token: string } | undefined;

/** Adds the secret to requests for the local content server, and to no other. */
function sendSecretToLocalServer() {
  const original = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const target = input instanceof Request ? input.url : String(input);
    if (!localServer || (target !== localServer.url && !target.startsWith(`${localServer.url}/`) && !target.startsWith(`${localServer.url}?`))) {
      return original(input, init);
    }
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set(EDITOR_TOKEN_HEADER, localServer.token);
    return original(input, { ...init, headers });
  };
}

/**
 * The browser's file picker offers raster images only, and a file of another type chosen anyway
 * (dropped, or "all files") is stopped before Decap reads it. The content check and the local
 * server check again, by content.
 */
function acceptRasterImagesOnly(locale: CmsLocale) {
  const narrow = (root: ParentNode) => {
    for (const input of root.querySelectorAll<HTMLInputElement>('input[type="file"]')) {
      if (input.accept !== RASTER_ACCEPT) input.accept = RASTER_ACCEPT;
    }
  };
  new MutationObserver(() => narrow(document)).observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener(
    'change',
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files) return;
      const refused = [...input.files].filter((file) => !rasterTypeForName(file.name));
      if (refused.length === 0) return;
      event.stopImmediatePropagation();
      input.value = '';
      window.alert(`${ADMIN_TEXT.imageTypes[locale]} (${refused.map((file) => file.name).join(', ')})`);
    },
    true,
  );
}

/**
 * Decap labels its "New" button "＋ Practice" with a fullwidth plus (U+FF0B), which the fonts of
 * most machines lack (an empty box): it is replaced with the plus sign every font has.
 */
function plusSignEveryFontHas() {
  const fix = () => {
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href*="/new"]')) {
      for (const node of link.childNodes) {
        if (node.nodeType === Node.TEXT_NODE && node.textContent?.includes('\uFF0B')) node.textContent = node.textContent.replaceAll('\uFF0B', '+');
      }
    }
  };
  new MutationObserver(fix).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}

function storedLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null;
  }
}

function pickLocale(): CmsLocale {
  const url = new URL(location.href);
  const requested = url.searchParams.get('lang');
  const locale = chooseLocale({ requested, stored: storedLocale(), browser: navigator.languages });
  if (requested) {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Private browsing: the choice lasts for this page only.
    }
    url.searchParams.delete('lang');
    history.replaceState(null, '', url);
  }
  return locale;
}

async function fetchText(path: string): Promise<string> {
  const response = await fetch(path, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
  return response.text();
}

function addLanguageSwitch(locale: CmsLocale) {
  // One link per other language, named in that language.
  const nav = document.createElement('nav');
  nav.className = 'icc-language-switch';
  nav.setAttribute('aria-label', t(locale, 'lang.switcherLabel'));
  for (const code of REGISTERED_LANGUAGES.filter((candidate) => candidate !== locale)) {
    const link = document.createElement('a');
    const url = new URL(location.href);
    url.searchParams.set('lang', code);
    link.href = url.toString();
    link.lang = code;
    link.hreflang = code;
    link.dir = language(code).dir;
    link.textContent = language(code).autonym;
    link.setAttribute('aria-label', ADMIN_TEXT.switchLanguageLabel[code]);
    nav.append(link);
  }
  document.body.append(nav);
  // Only on lists and the dashboard: in the editor it would cover the form, and switching would
  // reload the page and lose unsaved changes.
  const update = () => {
    nav.hidden = /\/(new|entries)\b/.test(location.hash);
  };
  window.addEventListener('hashchange', update);
  update();
}

function showNotice(locale: CmsLocale, config: CmsConfig) {
  const local = ['localhost', '127.0.0.1'].includes(location.hostname);
  const notice = document.createElement('main');
  notice.className = 'icc-notice';
  const heading = document.createElement('h1');
  heading.textContent = ADMIN_TEXT.serverDownTitle[locale];
  const explanation = document.createElement('p');
  explanation.textContent = ADMIN_TEXT.serverDown[locale];
  const command = document.createElement('pre');
  command.textContent = 'npm run cms';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = ADMIN_TEXT.reload[locale];
  reload.addEventListener('click', () => location.reload());
  notice.append(heading, explanation, command);
  if (!local && config.backend.name === 'proxy') {
    const remote = document.createElement('p');
    remote.textContent = ADMIN_TEXT.noGitBackend[locale];
    notice.append(remote);
  }
  notice.append(reload);
  document.body.append(notice);
}

async function localServerAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'info' }),
    });
    return response.ok;
  } catch {
    return false;
  }
}

function repositoryAccess(config: CmsConfig): RepositoryAccess {
  let user: { backendName?: string; token?: string } = {};
  try {
    user = JSON.parse(localStorage.getItem('decap-cms-user') ?? '{}') ?? {};
  } catch {
    // No stored session: the backend named in the config is the one in use.
  }
  const backend = config.backend as { name: string; repo?: string; branch?: string; api_root?: string };
  return {
    backendName: user.backendName ?? backend.name,
    token: user.token,
    repo: backend.repo,
    branch: backend.branch ?? 'main',
    apiRoot: backend.api_root,
    localUrl: config.local_backend.url,
  };
}

function beforeSave(config: CmsConfig, locale: CmsLocale) {
  return async ({ entry }: { entry: ImmutableMap }) => {
    const collectionName = entry.get('collection') as CmsCollectionName;
    const collection = config.collections.find((candidate) => candidate.name === collectionName);
    const data = entry.get('data') as ImmutableMap;
    if (!collection) return undefined;
    const translations = Object.fromEntries(
      REGISTERED_TRANSLATION_LANGUAGES.map((code) => [code, (entry.getIn(['i18n', code, 'data']) as ImmutableMap | undefined)?.toJS()]),
    );
    const problems = checkCmsEntry(collectionName, data.toJS(), translations, locale);
    if (problems.length > 0) throw new Error(`${ADMIN_TEXT.notSaved[locale]} ${problems.join(' · ')}`);
    if (!entry.get('newRecord') || !collection.slug.includes(SLUG_FIELD)) return undefined;

    const base = entrySlug(collectionName, data.toJS());
    if (!base) throw new Error(ADMIN_TEXT.noSlug[locale]);
    const access = repositoryAccess(config);
    const languages = collection.i18n ? config.i18n.locales : undefined;
    const slug = await uniqueSlug(base, async (candidate) => {
      const files = entryFiles(collection.folder, collection.extension, candidate, languages);
      const found = await Promise.all(files.map((file) => fileExists(file, access)));
      return found.some(Boolean);
    });
    return data.set(SLUG_FIELD, slug);
  };
}

function showFramedNotice(locale: CmsLocale) {
  const notice = document.createElement('main');
  notice.className = 'icc-notice';
  const heading = document.createElement('h1');
  heading.textContent = ADMIN_TEXT.framedTitle[locale];
  const explanation = document.createElement('p');
  explanation.textContent = ADMIN_TEXT.framed[locale];
  notice.append(heading, explanation);
  document.body.append(notice);
}

async function start() {
  const locale = pickLocale();
  document.documentElement.lang = locale;
  document.documentElement.dir = language(locale).dir;
  document.title = ADMIN_TEXT.title[locale];
  // Another site could frame the editor and trick a signed-in editor into clicks. Hosts that send
  // frame-ancestors prevent this; GitHub Pages cannot send headers, so the editor refuses itself.
  if (window.top !== window.self) {
    showFramedNotice(locale);
    return;
  }
  acceptRasterImagesOnly(locale);
  plusSignEveryFontHas();
  const cms = window.CMS;
  const [configText, lookupsText] = await Promise.all([fetchText(`config.${locale}.yml`), fetchText('lookups.json')]);
  const config = parse(configText) as CmsConfig;
  const { token, ...localBackend } = config.local_backend;
  if (token) localServer = { url: localBackend.url, token };
  const lookups = JSON.parse(lookupsText) as PreviewLookups;

  for (const [name, format] of Object.entries(createCmsFormats(500, markdownFieldsByFormat(config.collections)))) cms.registerCustomFormat(name, format.extension, format);
  cms.registerPreviewStyle('site.css');
  cms.registerPreviewStyle('preview.css');
  registerPracticePreview(cms, lookups);
  registerPagePreview(cms);
  cms.registerEventListener({ name: 'preSave', handler: beforeSave(config, locale) });
  dropUnchangedReports(cms, config.collections.flatMap((collection) => collection.fields), config.i18n.default_locale);

  const onLocalMachine = ['localhost', '127.0.0.1'].includes(location.hostname);
  if (config.backend.name === 'proxy' && !(onLocalMachine && (await localServerAnswers(config.local_backend.url)))) {
    showNotice(locale, config);
    return;
  }
  addLanguageSwitch(locale);
  // Decap's config schema allows no other key in local_backend: the secret stays here.
  cms.init({ config: { ...config, local_backend: localBackend, load_config_file: false } });
}

// Loaded before decap-cms.js: tell it to wait for CMS.init, then start once both have run.
window.CMS_MANUAL_INIT = true;
// Before Decap loads, in case it keeps its own reference to fetch.
sendSecretToLocalServer();

function startWhenReady() {
  start().catch((error: unknown) => {
    console.error(error);
    const message = document.createElement('pre');
    message.textContent = `The editor could not start: ${error instanceof Error ? error.message : String(error)}`;
    document.body.append(message);
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startWhenReady);
else startWhenReady();
