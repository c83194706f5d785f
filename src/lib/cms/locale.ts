/** The language of the admin interface: asked for (?lang=fr), remembered, or the browser's. */
import { SOURCE_LANGUAGE } from '../languages.ts';
import { CMS_LOCALES, type CmsLocale } from './labels.ts';

export const LOCALE_STORAGE_KEY = 'icc-admin-locale';

const asLocale = (value: string | null | undefined): CmsLocale | undefined => {
  const code = value?.trim().toLowerCase().split(/[-_]/)[0];
  return (CMS_LOCALES as readonly string[]).includes(code ?? '') ? (code as CmsLocale) : undefined;
};

export function chooseLocale(sources: {
  /** `lang` from the address. */
  requested?: string | null;
  /** The choice remembered in the browser. */
  stored?: string | null;
  /** navigator.languages */
  browser?: readonly string[];
}): CmsLocale {
  return (
    asLocale(sources.requested) ??
    asLocale(sources.stored) ??
    (sources.browser ?? []).map((language) => asLocale(language)).find(Boolean) ??
    SOURCE_LANGUAGE
  );
}
