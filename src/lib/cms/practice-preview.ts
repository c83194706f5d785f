/**
 * What the CMS preview pane shows for a practice: the same headings, order and facts as the
 * practice page (src/pages/[lang]/practices/[slug].astro), from the form's data. Kept free of
 * React so it can be tested; admin/preview.ts turns it into elements.
 */
import { countryName } from '../countries.ts';
import { formatDate, t, type UiKey } from '../i18n.ts';
import { cityName, periodText } from '../names.ts';
import { inLanguage, type Lang, type LocalizedText } from '../languages.ts';
import { TARGET_GROUPS } from '../target-groups.ts';

/** Names the preview needs for ids (written by scripts/cms/prepare-admin.ts as lookups.json). */
export interface PreviewLookups {
  cities: Record<string, { name: string; names?: Partial<Record<Lang, string>>; country: string }>;
  themes: Record<string, LocalizedText>;
}

export interface PreviewFact {
  term: string;
  /** Several values are shown as a list. */
  values: { text: string; href?: string }[];
  list: boolean;
}

export interface PracticePreview {
  lang: Lang;
  title: string;
  purpose: string;
  /** The four Markdown parts, with the page's headings. */
  sections: { field: 'stimulus' | 'process' | 'results' | 'transferability'; heading: string }[];
  factsHeading: string;
  facts: PreviewFact[];
}

type Data = Record<string, unknown>;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : [];
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const isIsoDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

export function practicePreview(data: Data, lang: Lang, lookups: PreviewLookups, placeholders: { untitled: string }): PracticePreview {
  const tr = (key: UiKey) => t(lang, key);
  const cityIds = strings(data.cities);
  const cities = cityIds.map((id) => ({ id, city: lookups.cities[id] }));
  const countries = [...new Set(cities.map(({ city }) => city?.country).filter((code): code is string => Boolean(code)))];
  const facts: PreviewFact[] = [];
  const add = (term: string, values: { text: string; href?: string }[], list = true) => {
    if (values.length > 0) facts.push({ term, values, list });
  };

  add(tr('practice.cities'), cities.map(({ id, city }) => ({ text: city ? cityName(city, lang) : id })));
  add(
    countries.length > 1 ? tr('practice.countries') : tr('practice.country'),
    countries.map((code) => ({ text: countryName(code, lang) })),
  );
  const period = data.period as { start?: unknown; end?: unknown } | undefined;
  if (typeof period?.start === 'number') {
    const end = period.end === 'ongoing' || typeof period.end === 'number' ? period.end : 'ongoing';
    add(tr('practice.period'), [{ text: periodText({ start: period.start, end }, tr('practice.ongoing')) }], false);
  }
  add(tr('practice.themes'), strings(data.themes).map((id) => ({ text: lookups.themes[id] ? inLanguage(lookups.themes[id], lang) : id })));
  add(
    tr('practice.targetGroups'),
    strings(data.targetGroups).map((group) => ({
      text: (TARGET_GROUPS as readonly string[]).includes(group) ? t(lang, `targetGroup.${group}` as UiKey) : group,
    })),
  );
  const contact = (data.contact ?? {}) as Data;
  add(
    tr('practice.contact'),
    [text(contact.name), text(contact.role), text(contact.email), text(contact.url)]
      .filter(Boolean)
      .map((value) => ({ text: value, ...(value.includes('@') ? { href: `mailto:${value}` } : value.startsWith('http') ? { href: value } : {}) })),
    false,
  );
  const links = Array.isArray(data.links) ? (data.links as Data[]) : [];
  add(
    tr('practice.links'),
    links.filter((link) => text(link?.label)).map((link) => ({ text: text(link.label), href: text(link.url) || undefined })),
  );
  if (isIsoDate(data.published)) add(tr('practice.published'), [{ text: formatDate(lang, data.published) }], false);
  if (isIsoDate(data.updated)) add(tr('practice.updated'), [{ text: formatDate(lang, data.updated) }], false);

  return {
    lang,
    title: text(data.title) || placeholders.untitled,
    purpose: text(data.purpose),
    sections: (['stimulus', 'process', 'results', 'transferability'] as const).map((field) => ({
      field,
      heading: tr(`practice.${field}`),
    })),
    factsHeading: tr('practice.facts'),
    facts,
  };
}
