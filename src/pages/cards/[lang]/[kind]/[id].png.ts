/** Social-card PNGs, rendered at build time and cached by a hash of their inputs (.cache/cards/). */
import type { APIRoute } from 'astro';
import { allCards, cardPath, cardsEnabled, type PageCard } from '../../../../data/cards.ts';
import { createCardCache } from '../../../../lib/cards/card-cache.ts';
import { CardFontError } from '../../../../lib/cards/render-card.ts';

const cache = createCardCache('.cache/cards');

export async function getStaticPaths() {
  if (!cardsEnabled) return [];
  return (await allCards()).map((entry) => ({ params: { lang: entry.lang, kind: entry.kind, id: entry.id }, props: entry }));
}

export const GET: APIRoute<PageCard> = async ({ props }) => {
  const png = await cache.get(props.card).catch((error: unknown) => {
    // Say which card: the content check reports the file, this names the published image.
    throw error instanceof CardFontError ? new CardFontError(`${cardPath(props.lang, props.kind, props.id)}: ${error.message}`) : error;
  });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
