/**
 * Suggests the id an editor meant (`"educaton" is not a known theme (did you mean "education"?)`).
 *
 * A suggestion compares the value with known ids by edit distance (Levenshtein). Against a
 * small set every id is compared. Against a large one (a file of thousands of practices that
 * adapt each other) comparing every id for every unknown value made an import quadratic, so a
 * trigram index picks a bounded number of likely candidates first: each lookup then costs the
 * same whatever the size of the set, and the suggestion is still the closest of those candidates.
 */

/** Sets up to this size are compared in full: the suggestion is the closest id of all. */
export const FULL_SCAN_LIMIT = 300;
/** In a larger set, ids compared by edit distance per lookup (those sharing the most trigrams). */
export const CANDIDATES_PER_LOOKUP = 48;
/** In a larger set, trigram postings read per lookup, rarest trigrams first. */
const POSTINGS_PER_LOOKUP = 6000;

/** Edit distance between two strings (Levenshtein), used to suggest the id an editor meant. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(
        above + 1,
        previous[j - 1]! + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The trigrams of a word, with its start and end marked ("ab" → "\u0002ab", "ab\u0003"). */
function trigrams(word: string): Set<string> {
  const padded = `\u0002${word}\u0003`;
  const grams = new Set<string>();
  for (let index = 0; index + 3 <= padded.length; index++) grams.add(padded.slice(index, index + 3));
  if (padded.length < 3) grams.add(padded);
  return grams;
}

export interface Suggester {
  /** The closest known value when it is close enough to be a likely typo, else undefined. */
  closest(value: string): string | undefined;
  /** Edit distances computed so far: at most max(FULL_SCAN_LIMIT, CANDIDATES_PER_LOOKUP) per lookup. */
  readonly comparisons: number;
}

/** Suggestions against one set of known values, indexed once for any number of lookups. */
export function suggester(known: Iterable<string>): Suggester {
  const values = [...new Set(known)];
  const lowered = values.map((value) => value.toLowerCase());
  let comparisons = 0;
  let postings: Map<string, number[]> | undefined;

  /** The closest of the candidates (positions in `values`); the first in `values` wins a tie. */
  const closestOf = (needle: string, candidates: Iterable<number>) => {
    const tolerance = Math.max(2, Math.floor(needle.length / 3));
    let best: number | undefined;
    let bestDistance = Infinity;
    for (const position of candidates) {
      const candidate = lowered[position]!;
      // The lengths alone show it is too far: no need to compute the distance.
      if (Math.abs(candidate.length - needle.length) > Math.min(tolerance, bestDistance)) continue;
      comparisons++;
      const distance = editDistance(needle, candidate);
      if (distance < bestDistance || (distance === bestDistance && best !== undefined && position < best)) {
        best = position;
        bestDistance = distance;
      }
    }
    return best !== undefined && bestDistance <= tolerance ? values[best] : undefined;
  };

  /** Positions of the values sharing the most trigrams with the needle, at most CANDIDATES_PER_LOOKUP. */
  const likelyCandidates = (needle: string) => {
    if (!postings) {
      postings = new Map();
      lowered.forEach((value, position) => {
        for (const gram of trigrams(value)) {
          const list = postings!.get(gram);
          if (list) list.push(position);
          else postings!.set(gram, [position]);
        }
      });
    }
    const lists = [...trigrams(needle)].map((gram) => postings!.get(gram) ?? []).sort((a, b) => a.length - b.length);
    const shared = new Map<number, number>();
    let budget = POSTINGS_PER_LOOKUP;
    for (const list of lists) {
      if (budget <= 0) break;
      for (const position of list.length > budget ? list.slice(0, budget) : list) shared.set(position, (shared.get(position) ?? 0) + 1);
      budget -= list.length;
    }
    return [...shared]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, CANDIDATES_PER_LOOKUP)
      .map(([position]) => position);
  };

  return {
    get comparisons() {
      return comparisons;
    },
    closest(value: string) {
      const needle = value.toLowerCase();
      if (values.length <= FULL_SCAN_LIMIT) return closestOf(needle, values.keys());
      return closestOf(needle, likelyCandidates(needle));
    },
  };
}

/** The closest known value when it is close enough to be a likely typo, else undefined. */
export function closestMatch(value: string, known: Iterable<string>): string | undefined {
  return suggester(known).closest(value);
}

/** ` (did you mean "x"?)` or an empty string. */
export function didYouMean(value: string, known: Iterable<string>): string {
  const match = closestMatch(value, known);
  return match ? ` (did you mean "${match}"?)` : '';
}
