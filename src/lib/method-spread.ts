/**
 * How a method spread between cities: each city that adopted it, the year it did (the earliest
 * start year of its practices that apply the method) and, when its practice names the practice
 * it adapted, the city it learned from. Built from the practices' `methods`, `adaptedFrom` and
 * start years only, so the chart on a method page is as true as the catalogue behind it.
 */

/** What the spread reads of a practice. */
export interface SpreadPractice {
  slug: string;
  cities: readonly string[];
  start: number;
  methods?: readonly string[];
  adaptedFrom?: readonly string[];
}

/** One city adopting the method. */
export interface Adoption {
  city: string;
  country: string;
  year: number;
  /** The practice through which the city adopted the method (the earliest; ties by slug). */
  practice: string;
  /** The practice it adapted and that practice's city, when the practice names one in another city. */
  learnedFrom?: { practice: string; city: string };
}

/** Cities and countries that had adopted the method by the end of a year. */
export interface SpreadYear {
  year: number;
  /** Cities that adopted it that year. */
  newCities: number;
  cities: number;
  countries: number;
}

export interface MethodSpread {
  /** Oldest first, then by city id. */
  adoptions: Adoption[];
  /** Every year from the first adoption to the last, with running totals. */
  years: SpreadYear[];
  /** The cities of the first year. */
  pioneers: Adoption[];
  cityCount: number;
  countryCount: number;
}

/**
 * The spread of `methodId` over `practices`. `countryOf` gives a city's country code; a city it
 * does not know is left out (the content check reports unknown cities before any page is built).
 */
export function methodSpread(methodId: string, practices: readonly SpreadPractice[], countryOf: (city: string) => string | undefined): MethodSpread {
  const bySlug = new Map(practices.map((practice) => [practice.slug, practice]));
  const earliest = new Map<string, SpreadPractice>();
  for (const practice of practices) {
    if (!practice.methods?.includes(methodId)) continue;
    for (const city of practice.cities) {
      const current = earliest.get(city);
      if (!current || practice.start < current.start || (practice.start === current.start && practice.slug < current.slug)) earliest.set(city, practice);
    }
  }

  const adoptions: Adoption[] = [];
  for (const [city, practice] of earliest) {
    const country = countryOf(city);
    if (!country) continue;
    const adoption: Adoption = { city, country, year: practice.start, practice: practice.slug };
    for (const sourceSlug of practice.adaptedFrom ?? []) {
      const source = bySlug.get(sourceSlug);
      const sourceCity = source?.cities.find((candidate) => candidate !== city);
      if (source && sourceCity) {
        adoption.learnedFrom = { practice: source.slug, city: sourceCity };
        break;
      }
    }
    adoptions.push(adoption);
  }
  adoptions.sort((a, b) => a.year - b.year || a.city.localeCompare(b.city));

  const years: SpreadYear[] = [];
  if (adoptions.length > 0) {
    const countries = new Set<string>();
    let cities = 0;
    let next = 0;
    for (let year = adoptions[0]!.year; year <= adoptions.at(-1)!.year; year++) {
      let newCities = 0;
      while (next < adoptions.length && adoptions[next]!.year === year) {
        countries.add(adoptions[next]!.country);
        newCities++;
        next++;
      }
      cities += newCities;
      years.push({ year, newCities, cities, countries: countries.size });
    }
  }

  return {
    adoptions,
    years,
    pioneers: adoptions.filter((adoption) => adoption.year === adoptions[0]!.year),
    cityCount: adoptions.length,
    countryCount: new Set(adoptions.map((adoption) => adoption.country)).size,
  };
}
