/**
 * The vocabulary shared by the pages (which declare Pagefind filters) and the search UI (which
 * reads them back): filter names, page types and the "started since" years.
 */
import { FACT_FACET_NAMES, factValues } from './practice-facts.ts';
import type { PracticeFacts } from './schemas/practice-facts.ts';

/** Pagefind filter names; also the URL parameter names of a filtered view. */
export const FACETS = ['type', 'theme', 'country', 'city', 'group', 'method', 'status', 'since', ...FACT_FACET_NAMES] as const;
export type Facet = (typeof FACETS)[number];

/** Page types, as the values of the `type` filter. */
export const PAGE_TYPES = ['practice', 'method', 'resource', 'city', 'theme', 'index-result', 'network', 'page', 'activity', 'organisation'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** "Started since" choices: a practice gets every year it started in or after. */
export const SINCE_YEARS = [2010, 2015, 2020, 2023] as const;

/** The `since` filter values of a practice that started in `start`. */
export function sinceValues(start: number): string[] {
  return SINCE_YEARS.filter((year) => start >= year).map(String);
}

/** Filters of a practice page: ids, never translated labels, so URLs work in both languages. */
export function practiceFilters(practice: {
  themes: string[];
  cities: string[];
  targetGroups: string[];
  period: { start: number; end: number | 'ongoing' };
  methods?: string[];
} & PracticeFacts, countries: string[]): Partial<Record<Facet, string[]>> {
  return {
    // The coded facts (evidence, stage, cost, staff, reach, open, partner), where the practice has them.
    ...factValues(practice),
    ...(practice.methods && practice.methods.length > 0 ? { method: practice.methods } : {}),
    theme: practice.themes,
    country: countries.map((code) => code.toLowerCase()),
    city: practice.cities,
    group: practice.targetGroups,
    status: [practice.period.end === 'ongoing' ? 'ongoing' : 'ended'],
    since: sinceValues(practice.period.start),
  };
}
