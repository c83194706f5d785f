/**
 * Finds league tables: lists of cities ordered by an Index score. The programme insists the
 * Index is not a ranking, so no page may list cities by score; this scan lets a test read every
 * built page and name any list that does.
 *
 * A list is a league table when at least `minLength` of its items each name one city and carry
 * one of that city's own Index scores, and those scores, read in list order, only go down (or
 * only go up) without all being equal. Numbers that are not the named city's scores (population,
 * shares, distances) are ignored, so a list of peers ordered by closeness is not flagged, and
 * five items keep a list that merely happens to be in order (one chance in sixty) from
 * counting. The scan reads text only, so it works on any page whatever its markup.
 */

/** One list on a page: the text of each item (a table row, a list item). */
export type ListItems = readonly string[];

/** A list found ordered by score, for the test's message. */
export interface RankingFinding {
  /** The cities in list order. */
  cities: string[];
  /** The scores read, in list order. */
  scores: number[];
}

/** Whole numbers from 0 to 100 standing alone in a text ("65%", "65 %", "(80)"), in order. */
export function scoreLikeNumbers(content: string): number[] {
  return [...content.matchAll(/(?<![\d.,\u00A0\u202F])(\d{1,3})(?![\d]|[.,\u00A0\u202F]\d)/g)]
    .map((match) => Number(match[1]))
    .filter((value) => value <= 100);
}

/** The one city named in `content`, or undefined when none or several are named. */
function cityNamed(content: string, cityNames: readonly string[]): string | undefined {
  const named = cityNames.filter((name) => content.includes(name));
  // "Reggio Emilia" contains no other name, but a name inside a longer one must not count twice.
  const distinct = named.filter((name) => !named.some((other) => other !== name && other.includes(name)));
  return distinct.length === 1 ? distinct[0] : undefined;
}

const ordered = (values: readonly number[]): boolean => {
  const down = values.every((value, index) => index === 0 || value <= values[index - 1]!);
  const up = values.every((value, index) => index === 0 || value >= values[index - 1]!);
  return (down || up) && new Set(values).size > 1;
};

/**
 * The lists among `lists` that order cities by score. `scoresByCity` maps each city name as
 * written on the page to every Index score it has (overall and per area, any edition).
 */
export function findScoreRankings(
  lists: readonly ListItems[],
  scoresByCity: ReadonlyMap<string, ReadonlySet<number>>,
  minLength = 5,
): RankingFinding[] {
  const names = [...scoresByCity.keys()];
  const findings: RankingFinding[] = [];
  for (const items of lists) {
    const rows = items
      .map((item) => {
        const city = cityNamed(item, names);
        if (!city) return undefined;
        const own = scoresByCity.get(city)!;
        return { city, scores: scoreLikeNumbers(item).filter((value) => own.has(value)) };
      })
      .filter((row) => row !== undefined && row.scores.length > 0) as { city: string; scores: number[] }[];
    if (rows.length < minLength || new Set(rows.map((row) => row.city)).size < minLength) continue;
    const positions = Math.min(...rows.map((row) => row.scores.length));
    for (let position = 0; position < positions; position++) {
      const scores = rows.map((row) => row.scores[position]!);
      if (ordered(scores)) {
        findings.push({ cities: rows.map((row) => row.city), scores });
        break;
      }
    }
  }
  return findings;
}
