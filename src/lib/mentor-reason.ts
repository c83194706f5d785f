/**
 * The sentence that says why a city is named as a mentor in an area: strong there (in the top
 * quarter of the comparison), open to mentoring, and what it shares with the city asking: a
 * language, a national network, an Index peer group.
 */
import { formatNumber, translator } from './i18n.ts';
import { language } from './languages.ts';
import type { Mentor } from './mentor-cities.ts';
import { languageName } from './names.ts';
import type { Lang } from './schemas/fields.ts';

/** "Scores 78 here (top quarter: 70 or more); open to mentoring; works in Spanish; also in the Spanish network RECI." */
export function mentorReason(lang: Lang, mentor: Mentor, strongFrom: number, networkName: (id: string) => string): string {
  const t = translator(lang);
  const list = (items: string[]) => new Intl.ListFormat(language(lang).locale, { type: 'conjunction' }).format(items);
  const shared: string[] = [];
  if (mentor.sharedLanguages.length > 0) {
    shared.push(t('mentors.sharesLanguage', { languages: list(mentor.sharedLanguages.map((code) => languageName(code, lang))) }));
  }
  if (mentor.sharedNetworks.length > 0) shared.push(t('mentors.sharesNetwork', { networks: list(mentor.sharedNetworks.map(networkName)) }));
  if (mentor.sameSize) shared.push(t(mentor.sameSize === 'large' ? 'mentors.sameSizeLarge' : 'mentors.sameSizeSmall'));
  if (mentor.sameDiversity) shared.push(t(mentor.sameDiversity === 'high' ? 'mentors.sameDiversityHigh' : 'mentors.sameDiversityLow'));
  return t('mentors.reason', {
    score: formatNumber(lang, mentor.score),
    strongFrom: formatNumber(lang, strongFrom),
    shared: shared.length > 0 ? t('mentors.shares', { shared: list(shared) }) : t('mentors.sharesNothing'),
  });
}
