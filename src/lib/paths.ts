/** Helpers for getStaticPaths: one page per language. */
import { LANGUAGES, type Lang } from './schemas/fields.ts';

export function perLanguage<T>(make: (lang: Lang) => T[]): T[] {
  return LANGUAGES.flatMap(make);
}

/** The pages 1..n of a list of `total` items. */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}
