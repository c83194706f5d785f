/**
 * The sentence that says why a named peer is a peer: its population and how it compares, its
 * share of residents born abroad, and how far apart the two Index profiles are.
 */
import { formatNumber, formatPercent, translator } from './i18n.ts';
import type { NamedPeer } from './named-peers.ts';
import type { Lang } from './schemas/fields.ts';

/** A ratio within 10% either way reads as "about the same size". */
const SAME_SIZE_TOLERANCE = 1.1;

/** "291,900 inhabitants (1.2× smaller), 14.5% born abroad; scores on average 6 points apart over 14 policy areas". */
export function peerReason(lang: Lang, peer: NamedPeer): string {
  const t = translator(lang);
  const ratio = peer.populationRatio;
  const ratioText =
    Math.max(ratio, 1 / ratio) < SAME_SIZE_TOLERANCE
      ? t('peers.ratioSame')
      : t(ratio > 1 ? 'peers.ratioLarger' : 'peers.ratioSmaller', {
          times: formatNumber(lang, Math.max(ratio, 1 / ratio), 1),
        });
  return t('peers.reason', {
    population: formatNumber(lang, peer.population),
    ratio: ratioText,
    share:
      peer.foreignBornShare === undefined
        ? t('peers.shareUnknown')
        : t('peers.share', { share: formatPercent(lang, peer.foreignBornShare, 1) }),
    distance: formatNumber(lang, peer.profileDistance),
    areas: peer.commonThemes.length,
  });
}
