import { describe, expect, it } from 'vitest';
import type { NamedPeer } from '../../src/lib/named-peers.ts';
import { peerReason } from '../../src/lib/peer-reason.ts';

const peer = (overrides: Partial<NamedPeer> = {}): NamedPeer => ({
  cityId: 'bergen', population: 291_900, foreignBornShare: 14.5, populationRatio: 291_900 / 346_000,
  profileDistance: 6.4, commonThemes: Array.from({ length: 14 }, (_, i) => `t${i}`), closeness: 1, ...overrides,
});

describe('peerReason', () => {
  it('says population, how much smaller, foreign-born share and profile distance', () => {
    expect(peerReason('en', peer())).toBe('291,900 inhabitants (1.2× smaller), 14.5% born abroad; scores on average 6 points apart over 14 policy areas');
  });

  it('writes French numbers and typography', () => {
    expect(peerReason('fr', peer({ populationRatio: 2 }))).toBe(
      "291\u202F900 habitants (2,0 fois plus grande), 14,5\u202F% nés à l'étranger\u202F; scores distants de 6 points en moyenne sur 14 domaines",
    );
  });

  it('calls a city within 10% "about the same size" and says when the share is not recorded', () => {
    expect(peerReason('en', peer({ populationRatio: 1.05, foreignBornShare: undefined }))).toBe(
      '291,900 inhabitants (about the same size), share born abroad not recorded; scores on average 6 points apart over 14 policy areas',
    );
  });
});
