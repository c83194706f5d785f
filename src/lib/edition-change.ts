/**
 * What changed in a city's result since its previous Index edition, area by area.
 *
 * An area scored in only one of the two editions has no change (it is new, or it was retired by
 * the 2019 revision): it is never counted from zero. When the two editions used different Index
 * versions, `versionChanged` says so, because the questions behind a policy area changed too.
 */
import type { ResultEntry } from './index-stats.ts';
import type { IndexVersion } from './schemas/theme.ts';

/** A result's change against the city's previous edition. */
export interface EditionChange {
  previousEdition: number;
  previousVersion: IndexVersion;
  /** True when the previous edition used another Index version. */
  versionChanged: boolean;
  /** Overall Index now minus then, in points. */
  overall: number;
  /** Per area scored in both editions: score now minus score then. */
  themes: Record<string, number>;
  /** Areas scored now but not in the previous edition. */
  newThemes: string[];
}

/**
 * The change of `result` since the city's most recent earlier edition among `resultsOfCity`;
 * undefined when there is none.
 */
export function changeSincePrevious(
  result: ResultEntry,
  resultsOfCity: readonly ResultEntry[],
): EditionChange | undefined {
  const earlier = resultsOfCity.filter(
    (entry) => entry.data.city === result.data.city && entry.data.edition < result.data.edition,
  );
  if (earlier.length === 0) return undefined;
  const previous = earlier.reduce((best, entry) =>
    entry.data.edition > best.data.edition ||
    (entry.data.edition === best.data.edition && entry.data.date > best.data.date)
      ? entry
      : best,
  );
  const themes: Record<string, number> = {};
  const newThemes: string[] = [];
  for (const [theme, score] of Object.entries(result.data.scores)) {
    const before = previous.data.scores[theme];
    if (before === undefined) newThemes.push(theme);
    else themes[theme] = score - before;
  }
  return {
    previousEdition: previous.data.edition,
    previousVersion: previous.data.version,
    versionChanged: previous.data.version !== result.data.version,
    overall: result.data.overall - previous.data.overall,
    themes,
    newThemes: newThemes.sort(),
  };
}
