/**
 * Cards are cached on disk by a hash of their inputs (and of the renderer's own source), so a
 * rebuild after editing one practice renders one card.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCard, type CardInput } from './render-card.ts';

/** Bump when the card design changes in a way the inputs do not show. */
export const CARD_DESIGN_VERSION = 2;

export interface CardCache {
  /** The PNG for `card`, rendered only when not already cached. */
  get(card: CardInput): Promise<Buffer>;
  /** How many cards this cache rendered (not read from disk) since it was created. */
  readonly rendered: number;
}

export function cardKey(card: CardInput): string {
  return createHash('sha256').update(JSON.stringify({ v: CARD_DESIGN_VERSION, card })).digest('hex').slice(0, 32);
}

export function createCardCache(directory: string, render: (card: CardInput) => Promise<Buffer> = renderCard): CardCache {
  mkdirSync(directory, { recursive: true });
  let rendered = 0;
  return {
    async get(card) {
      const path = join(directory, `${cardKey(card)}.png`);
      if (existsSync(path)) return readFileSync(path);
      const png = await render(card);
      writeFileSync(path, png);
      rendered += 1;
      return png;
    },
    get rendered() {
      return rendered;
    },
  };
}
