/**
 * <like-mine-selector>: the reader chooses size band, share born abroad, country and language;
 * the practices of the cities most like hers are listed, best fit first, with the reason. The
 * data (practices and city traits) is fetched once, on the first choice; the ranking is the
 * build's own (src/lib/cities-like-mine.ts). The choice lives in the URL (?size=small&country=ES).
 */
import { fitReason, rankByFit, type CityTraits, type LikeMineChoice, type ReasonStrings } from '../../lib/cities-like-mine.ts';

interface LikeMineData {
  practices: { title: string; url: string; cities: string[]; lang?: string }[];
  cities: Record<string, CityTraits & { name: string }>;
}

type Strings = ReasonStrings & { count: string; shown: string; none: string; error: string; locale: string; limit: string };

const CHOICE_NAMES = ['size', 'diversity', 'country', 'language'] as const;
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));

class LikeMineSelector extends HTMLElement {
  private data?: Promise<LikeMineData>;
  private strings!: Strings;
  private form!: HTMLFormElement;

  connectedCallback() {
    this.strings = JSON.parse(this.dataset.strings ?? '{}') as Strings;
    this.form = this.querySelector('form')!;
    this.form.hidden = false;
    const params = new URLSearchParams(location.search);
    for (const name of CHOICE_NAMES) {
      const select = this.form.elements.namedItem(name) as HTMLSelectElement;
      const value = params.get(name);
      if (value && [...select.options].some((option) => option.value === value)) select.value = value;
    }
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.update(true);
    });
    if (CHOICE_NAMES.some((name) => params.has(name))) void this.update(false);
  }

  private choice(): LikeMineChoice {
    const value = (name: (typeof CHOICE_NAMES)[number]) => (this.form.elements.namedItem(name) as HTMLSelectElement).value || undefined;
    const size = value('size');
    const diversity = value('diversity');
    const country = value('country');
    const language = value('language');
    return {
      ...(size === 'small' || size === 'large' ? { size } : {}),
      ...(diversity === 'low' || diversity === 'high' ? { diversity } : {}),
      ...(country ? { country } : {}),
      ...(language ? { language } : {}),
    };
  }

  private async update(remember: boolean) {
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    const output = this.querySelector<HTMLElement>('[data-output]')!;
    const choice = this.choice();
    if (remember) {
      const params = new URLSearchParams(Object.entries(choice) as [string, string][]);
      history.replaceState(null, '', `${location.pathname}${params.size > 0 ? `?${params}` : ''}`);
    }
    let data: LikeMineData;
    try {
      this.data ??= fetch(this.dataset.source!).then((response) => {
        if (!response.ok) throw new Error(String(response.status));
        return response.json() as Promise<LikeMineData>;
      });
      data = await this.data;
    } catch {
      this.data = undefined;
      status.textContent = this.strings.error;
      return;
    }
    const traits = new Map(Object.entries(data.cities));
    const fits = rankByFit(data.practices, traits, choice);
    const limit = Number(this.strings.limit);
    output.replaceChildren();
    if (fits.length === 0) {
      status.textContent = this.strings.none;
      return;
    }
    const countryLabel = choice.country ? (this.form.elements.namedItem('country') as HTMLSelectElement).selectedOptions[0]?.textContent ?? undefined : undefined;
    const languageLabel = choice.language ? (this.form.elements.namedItem('language') as HTMLSelectElement).selectedOptions[0]?.textContent ?? undefined : undefined;
    const list = document.createElement('ol');
    list.className = 'like-mine-list';
    for (const fit of fits.slice(0, limit)) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = fit.practice.url;
      link.textContent = fit.practice.title;
      if (fit.practice.lang) link.lang = fit.practice.lang;
      const reason = document.createElement('span');
      reason.className = 'like-mine-reason';
      reason.textContent = fitReason(this.strings, this.strings.locale, fit, choice, {
        city: data.cities[fit.cityId]?.name ?? fit.cityId,
        ...(countryLabel ? { country: countryLabel } : {}),
        ...(languageLabel ? { language: languageLabel } : {}),
      });
      item.append(link, ' ', reason);
      list.append(item);
    }
    output.append(list);
    status.textContent = fill(this.strings.count, { count: fits.length }) + (fits.length > limit ? ` ${fill(this.strings.shown, { shown: limit })}` : '');
  }
}

customElements.define('like-mine-selector', LikeMineSelector);
