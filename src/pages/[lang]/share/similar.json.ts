/**
 * The share page's look-alike file: per language, the vocabulary and each practice's strongest
 * terms (src/lib/similarity.ts, similarityIndex), fetched by the form's island once a title and
 * purpose are written.
 */
import type { APIRoute } from 'astro';
import { getSimilarity } from '../../../data/similarity.ts';
import { LANGUAGES, type Lang } from '../../../lib/languages.ts';

export function getStaticPaths() {
  return LANGUAGES.map((lang) => ({ params: { lang } }));
}

export const GET: APIRoute = async ({ params }) => {
  const index = (await getSimilarity()).index(params.lang as Lang);
  return new Response(JSON.stringify(index ?? null), { headers: { 'Content-Type': 'application/json' } });
};
