/** Open-data files: /data/<dataset>.json, .csv and .schema.json. */
import type { APIRoute } from 'astro';
import { getSite } from '../../data/site.ts';
import {
  DATASETS,
  DATA_LICENCE,
  cityRecords,
  citiesCsv,
  datasetJsonSchema,
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
  return (Object.keys(DATASETS) as DatasetName[]).flatMap((name) =>
    ['json', 'csv', 'schema.json'].map((format) => ({ params: { file: `${name}.${format}` }, props: { name, format } })),
  );
}

export const GET: APIRoute<{ name: DatasetName; format: string }> = async ({ props, site }) => {
  const { catalogue, indexResults, library } = await getSite();
  const absolute = (path: string) => new URL(path, site).href;
  // Each record's address comes from its collection's URL builder in the registry.
  const url = (lang: Lang, id: string) => absolute(COLLECTIONS[props.name].url(lang, id));
  const records = {
    practices: () => practiceRecords(catalogue, url),
    cities: () => cityRecords(catalogue, url),
    'index-results': () => indexResultRecords(indexResults, url),
    methods: () => methodRecords(library, url),
    resources: () => resourceRecords(library, url),
  }[props.name]();
  if (props.format === 'schema.json') {
    return json(datasetJsonSchema(props.name, absolute(`/data/${props.name}.schema.json`)));
  }
  if (props.format === 'json') {
    return json({ $schema: absolute(`/data/${props.name}.schema.json`), licence: DATA_LICENCE, demonstration: siteConfig.demo, records });
  }
  const csv = {
    practices: () => practicesCsv(records as ReturnType<typeof practiceRecords>),
    cities: () => citiesCsv(records as ReturnType<typeof cityRecords>),
    'index-results': () => indexResultsCsv(records as ReturnType<typeof indexResultRecords>, catalogue.themes.map((theme) => theme.id)),
    methods: () => methodsCsv(records as ReturnType<typeof methodRecords>),
    resources: () => resourcesCsv(records as ReturnType<typeof resourceRecords>),
  }[props.name]();
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};

function json(value: unknown) {
  return new Response(JSON.stringify(value, null, 1), { headers: { 'content-type': 'application/json' } });
}
