/** Display names of content entries in the reader's language. */
import { SOURCE_LANGUAGE, fallbackChain, type Lang } from './languages.ts';
import type { City } from './schemas/city.ts';

/** "Lisbonne" on the French site, "Lisbon" on the English one: `names` where given, else `name`. */
export function cityName(city: Pick<City, 'name' | 'names'>, lang: Lang): string {
  const names: Partial<Record<Lang, string>> = { ...city.names, [SOURCE_LANGUAGE]: city.name };
  return fallbackChain(lang).map((code) => names[code]).find(Boolean) ?? city.name;
}

/** "2015–2019" or "2015–ongoing": one style for every period, built from translated words (DateRange.astro keeps it on one line). */
export function periodText(
  period: { start: number; end: number | 'ongoing' },
  ongoingWord: string,
): string {
  if (period.end === 'ongoing') return `${period.start}–${ongoingWord}`;
  return period.end === period.start ? String(period.start) : `${period.start}–${period.end}`;
}

/** The name of a language (ISO 639-1 code) in the reader's language: "espagnol" for "es" on the French site. */
export function languageName(code: string, lang: Lang): string {
  return new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(code) ?? code;
}
