/**
 * How complete each language is, for editors: per registered language, the entries with no
 * translation yet and the translations older than their English text. English is the source: a
 * practice whose English version was updated after its translation (`updated`, else `published`)
 * probably needs the translation updated too. This is a to-do list, not an error: the site shows
 * the English text, marked, where a translation is missing.
 */
import { SOURCE_LANGUAGE, TRANSLATION_LANGUAGES, isRegisteredLanguage, type Lang } from '../languages.ts';
import { isPracticeStub } from '../schemas/practice.ts';
import type { RawEntry } from './read-content.ts';

/** Something still to translate: a file to write, or a field to add to an existing file. */
export interface MissingTranslation {
  /** The English file the translation starts from. */
  source: string;
  /** For a missing file: where it goes. */
  file?: string;
  /** For a text inside a shared file (a theme's label): the field to add, like "label.fr". */
  field?: string;
  /** The entry's English title or name, for the list. */
  title: string;
}

/** A translation whose English text changed after it was written. */
export interface OutdatedTranslation {
  file: string;
  source: string;
  title: string;
  /** Last change of the English text (`updated`, else `published`). */
  englishDate: string;
  translationDate: string;
}

export interface LanguageStatus {
  lang: Lang;
  missing: MissingTranslation[];
  outdated: OutdatedTranslation[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** YAML may hand a date over as a Date; the content model writes YYYY-MM-DD. */
const dateOf = (value: unknown): string | undefined =>
  value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value : undefined;
const lastChange = (data: Record<string, unknown>) => dateOf(data.updated) ?? dateOf(data.published) ?? '';
const titleOf = (entry: RawEntry) => {
  const { title, name, label, city, edition } = entry.data;
  if (typeof title === 'string') return title;
  if (typeof name === 'string') return name;
  if (isRecord(name) && typeof name.en === 'string') return name.en;
  if (isRecord(label) && typeof label.en === 'string') return label.en;
  if (typeof city === 'string') return `${city} ${String(edition ?? '')}`.trim();
  return entry.id;
};

/** Paths (`profile`, `recommendations[2]`) of the texts written per language inside a shared entry. */
function localizedTexts(data: Record<string, unknown>): [string, Record<string, unknown>][] {
  const found: [string, Record<string, unknown>][] = [];
  for (const [key, value] of Object.entries(data)) {
    if (isRecord(value) && typeof value[SOURCE_LANGUAGE] === 'string' && Object.keys(value).every(isRegisteredLanguage)) found.push([key, value]);
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (isRecord(item) && typeof item[SOURCE_LANGUAGE] === 'string') found.push([`${key}[${index}]`, item]);
      });
    }
  }
  return found;
}

/** Per translation language, what is missing and what is out of date, in file order. */
export function translationStatus(entries: readonly RawEntry[]): LanguageStatus[] {
  const byKey = new Map(entries.filter((entry) => entry.lang).map((entry) => [`${entry.collection}/${entry.lang}/${entry.id}`, entry]));
  const sources = [...entries].sort((a, b) => a.file.localeCompare(b.file));
  return TRANSLATION_LANGUAGES.map((lang) => {
    const missing: MissingTranslation[] = [];
    const outdated: OutdatedTranslation[] = [];
    for (const entry of sources) {
      if (entry.lang === SOURCE_LANGUAGE) {
        if (entry.collection === 'practices' && isPracticeStub(entry.data)) continue;
        const translation = byKey.get(`${entry.collection}/${lang}/${entry.id}`);
        const folder = entry.file.slice(0, entry.file.lastIndexOf(`/${SOURCE_LANGUAGE}/`));
        const file = `${folder}/${lang}/${entry.file.slice(entry.file.lastIndexOf('/') + 1)}`;
        if (!translation || (entry.collection === 'practices' && isPracticeStub(translation.data))) {
          missing.push({ source: entry.file, file, title: titleOf(entry) });
        } else if (entry.collection === 'practices' && lastChange(translation.data) < lastChange(entry.data)) {
          outdated.push({ file: translation.file, source: entry.file, title: titleOf(entry), englishDate: lastChange(entry.data), translationDate: lastChange(translation.data) });
        }
      } else if (!entry.lang) {
        for (const [path, texts] of localizedTexts(entry.data)) {
          if (typeof texts[lang] !== 'string' || texts[lang].trim() === '') missing.push({ source: entry.file, field: `${path}.${lang}`, title: titleOf(entry) });
        }
      }
    }
    return { lang, missing, outdated };
  });
}

/** One line per language for the content check's output ("fr: 48 entries not translated, ..."). */
export function translationSummary(status: readonly LanguageStatus[]): string[] {
  return status.map(({ lang, missing, outdated }) => {
    const files = missing.filter((item) => item.file).length;
    const fields = missing.length - files;
    const parts = [
      `${files} ${files === 1 ? 'entry' : 'entries'} not translated`,
      `${fields} ${fields === 1 ? 'text' : 'texts'} missing in shared files`,
      `${outdated.length} ${outdated.length === 1 ? 'translation' : 'translations'} older than the English`,
    ];
    return `  ${lang}: ${parts.join(', ')}`;
  });
}
