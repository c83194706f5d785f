/**
 * Open-data files: /data/<dataset>.json, .csv and .schema.json, one set per collection the
 * registry publishes (src/lib/content/collections.ts, `openData`; src/lib/open-data.ts).
 * A collection whose records are its entries as written needs nothing here: its entries are read
 * with getCollection and written by entryRecords and entriesCsv.
 */
import type { APIRoute } from 'astro';
import { getCollection, type CollectionKey } from 'astro:content';
import { getActivities } from '../../data/activities.ts';
import { getSite } from '../../data/site.ts';
import {
  DATASETS,
  DATA_LICENCE,
  cityRecords,
  citiesCsv,
  datasetJsonSchema,
  entriesCsv,
  entryRecords,
  indexResultRecords,
  indexResultsCsv,
  methodRecords,
  methodsCsv,
  resourceRecords,
  resourcesCsv,
  practiceRecords,
  practicesCsv,
  type DatasetName,
} from '../../lib/open-data.ts';
import { siteConfig } from '../../lib/site-config.ts';
import { COLLECTIONS } from '../../lib/content/collections.ts';
import type { Lang } from '../../lib/languages.ts';

export function getStaticPaths() {
  return DATASETS.flatMap(({ name }) => ['json', 'csv', 'schema.json'].map((format) => ({ params: { file: `${name}.${format}` }, props: { name, format } })));
}

type Site = Awaited<ReturnType<typeof getSite>>;
type Url = (lang: Lang, id: string) => string;

/** The datasets whose records have a shape of their own (open-data.ts, RECORD_SCHEMAS), with their CSV. */
const OWN_SHAPES: Partial<Record<DatasetName, (site: Site, url: Url) => { records: unknown[]; csv: () => string }>> = {
  practices: ({ catalogue }, url) => {
    const records = practiceRecords(catalogue, url);
    return { records, csv: () => practicesCsv(records) };
  },
  cities: ({ catalogue }, url) => {
    const records = cityRecords(catalogue, url);
    return { records, csv: () => citiesCsv(records) };
  },
  'index-results': ({ catalogue, indexResults }, url) => {
    const records = indexResultRecords(indexResults, url);
    return { records, csv: () => indexResultsCsv(records, catalogue.themes.map((theme) => theme.id)) };
  },
  methods: ({ library }, url) => {
    const records = methodRecords(library, url);
    return { records, csv: () => methodsCsv(records) };
  },
  resources: ({ library }, url) => {
    const records = resourceRecords(library, url);
    return { records, csv: () => resourcesCsv(records) };
  },
};

/**
 * The records of a dataset with a shape of its own, made once per site for its JSON and its CSV
 * (10,000 practices take about 1.5 s to make). Keyed by the site object, which the dev server
 * makes again when the content changes.
 */
type OwnShape = NonNullable<(typeof OWN_SHAPES)[DatasetName]>;
const madeRecords = new WeakMap<Site, Map<DatasetName, ReturnType<OwnShape>>>();
function ownRecords(name: DatasetName, own: OwnShape, site: Site, url: Url): ReturnType<OwnShape> {
  let made = madeRecords.get(site);
  if (!made) madeRecords.set(site, (made = new Map()));
  let records = made.get(name);
  if (!records) made.set(name, (records = own(site, url)));
  return records;
}

/**
 * The entries of a collection published as written. Activities are published as the site shows
 * them on the build day: a demonstration activity with its dates moved (src/lib/activities.ts).
 */
async function entriesOf(name: DatasetName): Promise<{ id: string; data: object }[]> {
  if (name === 'activities') return (await getActivities()).all.map(({ id, data }) => ({ id, data }));
  return (await getCollection(name as CollectionKey)).map(({ id, data }) => ({ id, data: data as object }));
}

export const GET: APIRoute<{ name: DatasetName; format: string }> = async ({ props, site }) => {
  const absolute = (path: string) => new URL(path, site).href;
  const dataset = DATASETS.find((candidate) => candidate.name === props.name)!;
  if (props.format === 'schema.json') {
    return json(datasetJsonSchema(props.name, absolute(`/data/${props.name}.schema.json`)));
  }
  // Each record's address comes from its collection's URL builder in the registry.
  const spec = COLLECTIONS[props.name];
  const url: Url = (lang, id) => absolute(spec.url(lang, id));
  const own = OWN_SHAPES[props.name];
  const { records, csv } = own
    ? ownRecords(props.name, own, await getSite(), url)
    : await entriesOf(props.name).then((entries) => {
        const written = entryRecords(entries, url);
        return { records: written, csv: () => entriesCsv(written, dataset.record) };
      });
  if (props.format === 'json') {
    return json({ $schema: absolute(`/data/${props.name}.schema.json`), licence: DATA_LICENCE, demonstration: siteConfig.demo, records });
  }
  return new Response(csv(), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};

function json(value: unknown) {
  return new Response(JSON.stringify(value, null, 1), { headers: { 'content-type': 'application/json' } });
}
