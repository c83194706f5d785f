/**
 * Numbered link footnotes for printed pages: on paper a link is only useful if its address is
 * written out, so each distinct address gets a number, in order of first mention, and the list
 * at the end gives the full addresses.
 */

/** A footnote list being filled as a page renders. */
export interface Footnotes {
  /** The number of `url`, given on first mention and reused after. */
  number(url: string): number;
  /** Every address with its number, in order. */
  list(): { number: number; url: string }[];
}

/** Starts an empty list; relative `url`s are made absolute against `base`. */
export function createFootnotes(base: string | URL): Footnotes {
  const numbers = new Map<string, number>();
  return {
    number(url) {
      const absolute = new URL(url, base).href;
      let number = numbers.get(absolute);
      if (number === undefined) {
        number = numbers.size + 1;
        numbers.set(absolute, number);
      }
      return number;
    },
    list: () => [...numbers].map(([url, number]) => ({ number, url })),
  };
}
