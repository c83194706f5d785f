/**
 * The coded facts of practices (src/lib/schemas/practice-facts.ts) as facets: the values each
 * practice has, the practices of each value (for the static lists `/<lang>/practices/<facet>/<value>/`
 * and the Pagefind filters), their labels, and the lines a practice page shows. One table,
 * FACT_FACETS, says for each facet which field it reads and in which order its values come, so
 * that a new coded field is one entry here (and its labels in the UI strings).
 *
 * A practice that leaves a fact out has no value for that facet: it is not counted as "none".
 */
import type { Catalogue, LocalizedPractice } from './catalogue.ts';
import { t, type UiKey } from './i18n.ts';
import type { Lang } from './schemas/fields.ts';
import {
  COST_BANDS,
  EVIDENCE_LEVELS,
  PRACTICE_STATUSES,
  REACH_BANDS,
  STAFF_BANDS,
  type PracticeFacts,
} from './schemas/practice-facts.ts';

/** What the study-visit and mentoring flags are called as values of the `open` facet. */
export const OPEN_VALUES = ['study-visits', 'mentoring'] as const;

/**
 * The facets, by URL segment (also the Pagefind filter name). `status` of the schema is `stage`
 * here: the search already has a `status` filter (ongoing or ended, from the period).
 */
export const FACT_FACETS = {
  evidence: { order: EVIDENCE_LEVELS, of: (facts: PracticeFacts) => (facts.evidence ? [facts.evidence.level] : []) },
  stage: { order: PRACTICE_STATUSES, of: (facts: PracticeFacts) => (facts.status ? [facts.status] : []) },
  cost: { order: COST_BANDS, of: (facts: PracticeFacts) => (facts.cost ? [facts.cost] : []) },
  staff: { order: STAFF_BANDS, of: (facts: PracticeFacts) => (facts.staff ? [facts.staff] : []) },
  reach: { order: REACH_BANDS, of: (facts: PracticeFacts) => (facts.reach ? [facts.reach] : []) },
  open: {
    order: OPEN_VALUES,
    of: (facts: PracticeFacts) => [
      ...(facts.openToStudyVisits ? ['study-visits'] : []),
      ...(facts.openToMentoring ? ['mentoring'] : []),
    ],
  },
  // Partners have no fixed order: their values are organisation ids, listed by name.
  partner: { order: undefined, of: (facts: PracticeFacts) => facts.partners ?? [] },
} as const satisfies Record<string, { order: readonly string[] | undefined; of(facts: PracticeFacts): string[] }>;

export type FactFacet = keyof typeof FACT_FACETS;
export const FACT_FACET_NAMES = Object.keys(FACT_FACETS) as FactFacet[];

/** The values of every fact facet a practice has (facets it leaves out are absent). */
export function factValues(facts: PracticeFacts): Partial<Record<FactFacet, string[]>> {
  const values: Partial<Record<FactFacet, string[]>> = {};
  for (const facet of FACT_FACET_NAMES) {
    const list = FACT_FACETS[facet].of(facts);
    if (list.length > 0) values[facet] = list;
  }
  return values;
}

const indexes = new WeakMap<Catalogue, Map<Lang, Map<string, LocalizedPractice[]>>>();

/** Practices per `facet:value` in `lang`, newest first; built once per catalogue and language. */
function indexOf(catalogue: Catalogue, lang: Lang): Map<string, LocalizedPractice[]> {
  let byLang = indexes.get(catalogue);
  if (!byLang) indexes.set(catalogue, (byLang = new Map()));
  let index = byLang.get(lang);
  if (!index) {
    index = new Map();
    for (const practice of catalogue.practices(lang)) {
      for (const [facet, values] of Object.entries(factValues(practice.data))) {
        for (const value of values) {
          const key = `${facet}:${value}`;
          const list = index.get(key);
          if (list) list.push(practice);
          else index.set(key, [practice]);
        }
      }
    }
    byLang.set(lang, index);
  }
  return index;
}

/** The practices with `value` for `facet`, newest first. */
export function practicesWithFact(catalogue: Catalogue, lang: Lang, facet: FactFacet, value: string): LocalizedPractice[] {
  return indexOf(catalogue, lang).get(`${facet}:${value}`) ?? [];
}

/** The label of a value: an organisation's name for partners, the UI string otherwise. */
export function factValueLabel(catalogue: Catalogue, lang: Lang, facet: FactFacet, value: string): string {
  if (facet === 'partner') return catalogue.organisationById.get(value)?.name ?? value;
  return t(lang, `facts.${facet}.${value}` as UiKey);
}

/** The values of `facet` that at least one practice has, in the vocabulary's order (partners by name), with counts. */
export function factFacetValues(catalogue: Catalogue, lang: Lang, facet: FactFacet): { value: string; label: string; total: number }[] {
  const index = indexOf(catalogue, lang);
  const order: readonly string[] = FACT_FACETS[facet].order ?? [...catalogue.organisationById.keys()];
  const values = order
    .map((value) => ({ value, label: factValueLabel(catalogue, lang, facet, value), total: index.get(`${facet}:${value}`)?.length ?? 0 }))
    .filter((entry) => entry.total > 0);
  return facet === 'partner' ? values.sort((a, b) => a.label.localeCompare(b.label, lang)) : values;
}

/** The name of a facet, as a heading or a filter legend. */
export const factFacetLabel = (lang: Lang, facet: FactFacet) => t(lang, `facts.facet.${facet}` as UiKey);

/** The title of a list of practices with one value ("Practices with an external evaluation"). */
export function factListTitle(catalogue: Catalogue, lang: Lang, facet: FactFacet, value: string): string {
  return t(lang, 'facts.listTitle', { facet: factFacetLabel(lang, facet), value: factValueLabel(catalogue, lang, facet, value) });
}

/** The fact facets as the search form's filter groups (collapsed: they come after theme, country and group). */
export function factSearchFacets(catalogue: Catalogue, lang: Lang) {
  return FACT_FACET_NAMES.map((facet) => ({
    name: facet,
    legend: factFacetLabel(lang, facet),
    collapsed: true,
    options: factFacetValues(catalogue, lang, facet).map(({ value, label, total }) => ({ value, label, count: total })),
  })).filter((facet) => facet.options.length > 0);
}
