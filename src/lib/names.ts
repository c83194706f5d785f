/** Display names of content entries in the reader's language. */
import type { City } from './schemas/city.ts';
import type { Lang } from './schemas/fields.ts';

/** "Lisbonne" on the French site, "Lisbon" on the English one. */
export function cityName(city: Pick<City, 'name' | 'nameFr'>, lang: Lang): string {
  return lang === 'fr' ? (city.nameFr ?? city.name) : city.name;
}

/** "2015–2019", "2015 – ongoing" style period text, built from translated words. */
export function periodText(
  period: { start: number; end: number | 'ongoing' },
  ongoingWord: string,
): string {
  if (period.end === 'ongoing') return `${period.start} – ${ongoingWord}`;
  return period.end === period.start ? String(period.start) : `${period.start}–${period.end}`;
}

/** The name of a language (ISO 639-1 code) in the reader's language: "espagnol" for "es" on the French site. */
export function languageName(code: string, lang: Lang): string {
  return new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(code) ?? code;
}
