import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cardKey, createCardCache } from '../../../src/lib/cards/card-cache.ts';
import { CARD_HEIGHT, CARD_WIDTH, renderCard, type CardInput } from '../../../src/lib/cards/render-card.ts';

const directory = mkdtempSync(join(tmpdir(), 'cards-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const cards: CardInput[] = [
  { kicker: 'Good practice', title: 'Anti-rumour agents', subtitle: 'Barcelona · Spain', tags: ['Mediation'], siteName: 'Intercultural Cities', footer: 'Footer' },
  { kicker: 'Profil de ville', title: 'Łódź, Reykjavík, Мелітополь', siteName: 'Cités interculturelles', footer: 'Pied de page', demoLabel: 'Démonstration' },
];

describe('social cards', () => {
  it('renders a 1200×630 PNG', async () => {
    const png = await renderCard(cards[0]!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(CARD_WIDTH);
    expect(png.readUInt32BE(20)).toBe(CARD_HEIGHT);
  });

  it('renders each card once: a second build of unchanged content renders 0 cards', async () => {
    const firstBuild = createCardCache(directory);
    for (const card of cards) await firstBuild.get(card);
    expect(firstBuild.rendered).toBe(2);

    const secondBuild = createCardCache(directory);
    const pngs = await Promise.all(cards.map((card) => secondBuild.get(card)));
    expect(secondBuild.rendered).toBe(0);
    expect(pngs.every((png) => png.length > 1000)).toBe(true);
    expect(readdirSync(directory)).toHaveLength(2);
  });

  it('renders again only the card whose inputs changed', async () => {
    const afterEdit = createCardCache(directory);
    await afterEdit.get(cards[0]!);
    await afterEdit.get({ ...cards[1]!, title: 'Łódź, Reykjavík, Мелітополь (edited)' });
    expect(afterEdit.rendered).toBe(1);
  });

  it('keys cards by every input', () => {
    expect(cardKey(cards[0]!)).not.toBe(cardKey({ ...cards[0]!, tags: ['Language'] }));
    expect(cardKey(cards[0]!)).toBe(cardKey({ ...cards[0]! }));
  });
});
