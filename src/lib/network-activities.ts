/**
 * The activities a national network's page lists (NetworkActivityLink, src/lib/front-door.ts):
 * those the network organises or joins as a network, and those its member cities host or take
 * part in (ActivityIndex.ofNetwork), each as a title in the page's language (or the language it
 * falls back to, said in textLang), a link, the local
 * start day and the place. Coming ones and past ones together, the latest start first.
 */
import type { ActivityIndex, ScheduledActivity } from './activities.ts';
import type { NetworkActivityLink } from './front-door.ts';
import { localizedText, type Lang } from './languages.ts';
import { datePart } from './local-time.ts';
import { urls } from './urls.ts';

export function networkActivityLinks(
  index: Pick<ActivityIndex, 'ofNetwork'>,
  network: string,
  lang: Lang,
  placeOf: (activity: ScheduledActivity) => string,
): NetworkActivityLink[] {
  return index
    .ofNetwork(network)
    .map((activity) => {
      const title = localizedText(activity.data.title, lang);
      return { title: title.text, textLang: title.lang, href: urls.activity(lang, activity.id), start: datePart(activity.data.start), place: placeOf(activity) };
    })
    .sort((a, b) => b.start.localeCompare(a.start) || a.href.localeCompare(b.href));
}
