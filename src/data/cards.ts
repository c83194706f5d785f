/**
 * The social card of every page, in every language: what it shows (CardInput) and where it is
 * published (/cards/<lang>/<kind>/<id>.png). Pages without a card of their own use the home card.
 */
import { inLanguage, shownVersion, versionsBySlug } from '../lib/languages.ts';
import { getCollection } from 'astro:content';
import type { CardInput } from '../lib/cards/render-card.ts';
import { countryName } from '../lib/countries.ts';
import { t } from '../lib/i18n.ts';
import { cityName } from '../lib/names.ts';
import { LANGUAGES, type Lang } from '../lib/languages.ts';
import { siteConfig } from '../lib/site-config.ts';
import { getSite } from './site.ts';

export type CardKind = 'home' | 'practice' | 'city' | 'theme' | 'network' | 'page';

export interface PageCard {
  lang: Lang;
  kind: CardKind;
  id: string;
  card: CardInput;
}

/** Where a card is published. */
export const cardPath = (lang: Lang, kind: CardKind, id: string) => `/cards/${lang}/${kind}/${id}.png`;

/** Cards are skipped (no PNGs, no og:image) in quick check builds: ICC_SKIP_CARDS=1. */
export const cardsEnabled = process.env.ICC_SKIP_CARDS !== '1';

export async function allCards(): Promise<PageCard[]> {
  const { catalogue } = await getSite();
  const pages = versionsBySlug((await getCollection('pages')).map((entry) => ({ id: entry.id, value: entry.data })));
  return LANGUAGES.flatMap((lang) => {
    const frame = (kicker: string, title: string, extra: Partial<CardInput> = {}): CardInput => ({
      kicker,
      title,
      siteName: t(lang, 'site.name'),
      footer: t(lang, 'card.footer'),
      demoLabel: siteConfig.demo ? t(lang, 'demo.label') : undefined,
      ...extra,
    });
    const cards: PageCard[] = [
      { lang, kind: 'home', id: 'home', card: frame(t(lang, 'card.home'), t(lang, 'home.title')) },
    ];
    for (const practice of catalogue.practices(lang)) {
      const { data } = practice;
      const place = `${data.cities.map((id) => cityName(catalogue.cityById.get(id)!, lang)).join(', ')} · ${catalogue.countriesOf(data).map((code) => countryName(code, lang)).join(', ')}`;
      cards.push({
        lang,
        kind: 'practice',
        id: practice.slug,
        card: frame(t(lang, 'card.practice'), data.title, { subtitle: place, tags: data.themes.map((id) => inLanguage(catalogue.themeById.get(id)!.label, lang)) }),
      });
    }
    for (const { id, data } of catalogue.cities) {
      cards.push({
        lang,
        kind: 'city',
        id,
        card: frame(t(lang, 'card.city'), cityName(data, lang), {
          // The name as the city writes it (안산시, Λεμεσός), when it differs from the title.
          localTitle: data.localName && data.localName !== cityName(data, lang) ? data.localName : undefined,
          subtitle: t(lang, 'card.memberSince', { country: countryName(data.country, lang), year: data.joined }),
        }),
      });
    }
    for (const { id, data } of catalogue.themes) {
      cards.push({ lang, kind: 'theme', id, card: frame(t(lang, 'card.theme'), inLanguage(data.label, lang), { subtitle: inLanguage(data.description, lang) }) });
    }
    for (const { id, data } of catalogue.networks) {
      cards.push({
        lang,
        kind: 'network',
        id,
        card: frame(t(lang, 'card.network'), inLanguage(data.name, lang), { subtitle: t(lang, 'card.members', { count: catalogue.citiesOfNetwork(id).length }) }),
      });
    }
    for (const [slug, versions] of pages) {
      const page = shownVersion(versions, lang)?.value;
      if (page) cards.push({ lang, kind: 'page', id: slug, card: frame(t(lang, 'card.page'), page.title, { subtitle: page.description }) });
    }
    return cards;
  });
}
