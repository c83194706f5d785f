/** Social-card PNGs, rendered at build time and cached by a hash of their inputs (.cache/cards/). */
import type { APIRoute } from 'astro';
import { allCards, cardsEnabled, type PageCard } from '../../../../data/cards.ts';
import { createCardCache } from '../../../../lib/cards/card-cache.ts';

const cache = createCardCache('.cache/cards');

export async function getStaticPaths() {
  if (!cardsEnabled) return [];
  return (await allCards()).map((entry) => ({ params: { lang: entry.lang, kind: entry.kind, id: entry.id }, props: entry }));
}

export const GET: APIRoute<PageCard> = async ({ props }) => {
  const png = await cache.get(props.card);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
