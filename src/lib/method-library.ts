/**
 * Methods and resources, indexed once per build beside the practice catalogue: the practices
 * that apply each method, the methods a city or a theme uses, the resources of a method or a
 * theme, the facets of the resource library (kind, theme, language, year) and each method's
 * spread. Pages ask it for lists and never scan every practice themselves.
 */
import type { Catalogue, Identified, LocalizedPractice } from './catalogue.ts';
import { SOURCE_LANGUAGE } from './languages.ts';
import { memo } from './memo.ts';
import { methodSpread, type MethodSpread } from './method-spread.ts';
import type { Lang } from './schemas/fields.ts';
import type { Method } from './schemas/method.ts';
import { RESOURCE_KINDS, type Resource } from './schemas/resource.ts';

/** A method as read in one language (English when no translation exists). */
export interface LocalizedMethod {
  id: string;
  lang: Lang;
  languages: Lang[];
  data: Method;
}

export interface MethodLibraryInput {
  /** Complete methods only (translation stubs removed), `lang` from the folder. */
  methods: (Identified<Method> & { lang: Lang })[];
  resources: Identified<Resource>[];
  catalogue: Catalogue;
}

/** The facets the resource library is browsable by, each a static page per value. */
export const RESOURCE_FACETS = ['kind', 'theme', 'language', 'year'] as const;
export type ResourceFacet = (typeof RESOURCE_FACETS)[number];

export type MethodLibrary = ReturnType<typeof buildMethodLibrary>;

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildMethodLibrary(input: MethodLibraryInput) {
  const { catalogue } = input;
  const versions = new Map<string, Partial<Record<Lang, Method>>>();
  for (const method of input.methods) versions.set(method.id, { ...versions.get(method.id), [method.lang]: method.data });
  const ids = [...versions.keys()].filter((id) => versions.get(id)![SOURCE_LANGUAGE]);

  const cache = new Map<Lang, LocalizedMethod[]>();
  /** Every method for the site in `lang`, by name in that language. */
  function methods(lang: Lang): LocalizedMethod[] {
    let list = cache.get(lang);
    if (!list) {
      list = ids
        .map((id) => {
          const own = versions.get(id)!;
          const textLang: Lang = own[lang] ? lang : SOURCE_LANGUAGE;
          return { id, lang: textLang, languages: (Object.keys(own) as Lang[]).sort(), data: own[textLang]! };
        })
        .sort((a, b) => a.data.name.localeCompare(b.data.name, lang) || a.id.localeCompare(b.id));
      cache.set(lang, list);
    }
    return list;
  }
  const method = (lang: Lang, id: string) => methods(lang).find((candidate) => candidate.id === id);
  const known = new Set(ids);

  // Practices by method, over the shared fields (identical in every language), newest first.
  const slugsByMethod = new Map<string, string[]>();
  const methodsByCity = new Map<string, Set<string>>();
  for (const { slug, data } of catalogue.practices(SOURCE_LANGUAGE)) {
    for (const id of data.methods ?? []) {
      if (!known.has(id)) continue;
      addTo(slugsByMethod, id, slug);
      for (const city of data.cities) {
        const set = methodsByCity.get(city) ?? new Set<string>();
        set.add(id);
        methodsByCity.set(city, set);
      }
    }
  }
  const practicesOf = (lang: Lang, id: string): LocalizedPractice[] =>
    (slugsByMethod.get(id) ?? []).map((slug) => catalogue.practice(lang, slug)!).filter(Boolean);

  const spreads = new Map<string, MethodSpread>();
  const spread = (id: string): MethodSpread =>
    memo(spreads, id, () => {
      const practices = catalogue.practices(SOURCE_LANGUAGE).map(({ slug, data }) => ({
        slug,
        cities: data.cities,
        start: data.period.start,
        methods: data.methods,
        adaptedFrom: data.adaptedFrom,
      }));
      return methodSpread(id, practices, (city) => catalogue.cityById.get(city)?.country);
    });

  // Resources: newest first, then by English title.
  const resources = [...input.resources].sort((a, b) => b.data.year - a.data.year || a.data.title.en.localeCompare(b.data.title.en) || a.id.localeCompare(b.id));
  const valuesOf = (resource: Resource, facet: ResourceFacet): string[] => {
    switch (facet) {
      case 'kind':
        return [resource.kind];
      case 'theme':
        return resource.themes ?? [];
      case 'language':
        return resource.languages;
      case 'year':
        return [String(resource.year)];
    }
  };
  const byFacet = new Map<ResourceFacet, Map<string, Identified<Resource>[]>>();
  for (const facet of RESOURCE_FACETS) {
    const map = new Map<string, Identified<Resource>[]>();
    for (const resource of resources) for (const value of valuesOf(resource.data, facet)) addTo(map, value, resource);
    byFacet.set(facet, map);
  }
  /** The values of a facet that have resources: kinds in their fixed order, themes in Index order, years newest first. */
  const facetValues = (facet: ResourceFacet): string[] => {
    const present = [...byFacet.get(facet)!.keys()];
    switch (facet) {
      case 'kind':
        return RESOURCE_KINDS.filter((kind) => present.includes(kind));
      case 'theme':
        return catalogue.themes.map((theme) => theme.id).filter((id) => present.includes(id));
      case 'language':
        return present.sort();
      case 'year':
        return present.sort((a, b) => Number(b) - Number(a));
    }
  };

  return {
    methods,
    method,
    practicesOf,
    /** Number of practices that apply a method. */
    practiceCount: (id: string) => slugsByMethod.get(id)?.length ?? 0,
    /** The methods a practice applies, in the order it names them. */
    methodsOfPractice: (lang: Lang, practice: { methods?: readonly string[] }) =>
      (practice.methods ?? []).map((id) => method(lang, id)).filter((found): found is LocalizedMethod => found !== undefined),
    /** The methods the practices of a city apply, with those practices. */
    methodsOfCity: (lang: Lang, city: string) =>
      methods(lang)
        .filter((entry) => methodsByCity.get(city)?.has(entry.id))
        .map((entry) => ({ method: entry, practices: practicesOf(lang, entry.id).filter((practice) => practice.data.cities.includes(city)) })),
    /** The methods serving a theme. */
    methodsOfTheme: (lang: Lang, theme: string) => methods(lang).filter((entry) => entry.data.themes.includes(theme)),
    spread,
    resources: () => resources,
    resourcesOfMethod: (id: string) => resources.filter((resource) => resource.data.methods?.includes(id)),
    resourcesOfTheme: (theme: string) => resources.filter((resource) => resource.data.themes?.includes(theme)),
    facetValues,
    resourcesBy: (facet: ResourceFacet, value: string) => byFacet.get(facet)!.get(value) ?? [],
  };
}
