/**
 * <faceted-search>: free text + multi-select facets over the Pagefind index, with counts per
 * facet value and the state kept in the URL (?q=…&theme=a&theme=b&country=es).
 * Pagefind itself (JS, WebAssembly and metadata) is fetched when the visitor first reaches for the
 * form (focus or pointer), so it loads while they type; the query then only fetches its index
 * chunks and the shown results. Facet counts need every filter's index: those are fetched after
 * the first results are on screen, never before.
 *
 * Each search is one "view": results, counts and "Show more" belong to the view that asked for
 * them, and a newer view makes every older answer still on its way void (so typing "roma" then
 * "police training" never mixes the two lists). Changing a filter or submitting adds a history
 * entry (Back undoes it); typing only replaces the current one.
 */
import { excerptParts, markQueryWords, type ExcerptPart } from '../../lib/search-excerpt.ts';
import { WEAK_RESULTS, namedPages, someWordsResults, type NamedPage } from '../../lib/search-ranking.ts';
import { correctedQuery, matchingFilters, type FilterOption } from '../../lib/search-suggestions.ts';

interface PagefindSubResult {
  url: string;
  title: string;
  excerpt: string;
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results?: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  /** Counts per filter value within the filtered results (empty when no filter is applied). */
  filters: Record<string, Record<string, number>>;
  /** Counts per filter value for the query without filters. */
  totalFilters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, options: Record<string, unknown>): Promise<PagefindSearch | null>;
}

type State = { q: string; filters: Record<string, string[]> };
/** A page the search page knows by name (src/lib/search-ranking.ts), with what its card shows. */
type KnownPage = NamedPage & { teaser?: string; place?: string };
/** One search and what it has shown so far. */
type View = { state: State; response: PagefindSearch; promoted: KnownPage[]; shown: number; allWords: number; promotedShown: boolean };

// The coded facts (src/lib/practice-facts.ts FACT_FACETS) are multi-select facets too; listed here
// so the island does not carry the vocabularies' module.
const MULTI_FACETS = ['type', 'theme', 'country', 'city', 'group', 'method', 'evidence', 'stage', 'cost', 'staff', 'reach', 'open', 'partner'];
const PAGE_SIZE = 10;
/**
 * Pagefind's ranking, tuned for pages that say what they are about in their title and summary:
 * the title meta field counts far above the summary (teaser), places and theme names count little
 * (they are on many pages), and long pages are not favoured for repeating a word.
 */
const RANKING = {
  pageLength: 0.6,
  termSaturation: 1.2,
  metaWeights: { title: 8, teaser: 2, place: 0.5, themes: 0.25, note: 0 },
};

let pagefindPromise: Promise<Pagefind> | undefined;
/**
 * Pagefind's bundle of the page's language (one index per language: /pagefind/en/, /pagefind/fr/...),
 * named by the component's data-bundle attribute.
 */
function loadPagefind(path: string): Promise<Pagefind> {
  pagefindPromise ??= import(/* @vite-ignore */ path).then(async (pagefind: Pagefind) => {
    await pagefind.options({ baseUrl: '/', excerptLength: 24, ranking: RANKING });
    await pagefind.init();
    return pagefind;
  });
  return pagefindPromise;
}

let filtersPromise: Promise<Record<string, Record<string, number>>> | undefined;
/** Pagefind only counts the values of filters whose index it has loaded: this loads them all, once. */
function loadAllFilters(pagefind: Pagefind): Promise<Record<string, Record<string, number>>> {
  filtersPromise ??= pagefind.filters();
  return filtersPromise;
}

let vocabularyPromise: Promise<string[]> | undefined;
/** The words of the site in this language, for "Did you mean": fetched after the first results. */
function loadVocabulary(url: string): Promise<string[]> {
  vocabularyPromise ??= fetch(url)
    .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
    .catch(() => []);
  return vocabularyPromise;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Text parts as text nodes and <mark> elements: nothing is parsed as HTML. */
function marked(parts: readonly ExcerptPart[]): Node[] {
  return parts.map((part) => (part.marked ? element('mark', {}, part.text) : document.createTextNode(part.text)));
}

class FacetedSearch extends HTMLElement {
  private form!: HTMLFormElement;
  private results!: HTMLOListElement;
  private status!: HTMLElement;
  private more!: HTMLButtonElement;
  private suggestions!: HTMLElement;
  private chips!: HTMLElement;
  private activeCount!: HTMLElement;
  private details?: HTMLDetailsElement;
  private strings: Record<string, string> = {};
  private fixedType?: string;
  private known: KnownPage[] = [];
  private filterOptions: (FilterOption & { legend: string })[] = [];
  private view?: View;
  private debounce?: number;
  /** Searches started: only the newest may draw. */
  private runs = 0;

  connectedCallback() {
    this.form = this.querySelector('form')!;
    this.results = this.querySelector('[data-results]')!;
    this.status = this.querySelector('[data-status]')!;
    this.more = this.querySelector('[data-more]')!;
    this.suggestions = this.querySelector('[data-suggestions]')!;
    this.chips = this.querySelector('[data-chips]')!;
    this.activeCount = this.querySelector('[data-active-count]')!;
    this.details = this.querySelector<HTMLDetailsElement>('details.facets') ?? undefined;
    this.strings = JSON.parse(this.dataset.strings ?? '{}');
    this.known = JSON.parse(this.dataset.known ?? '[]');
    this.fixedType = this.dataset.type;
    this.filterOptions = Array.from(this.form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).map((input) => ({
      facet: input.name,
      value: input.value,
      label: input.closest('label')?.querySelector('span')?.textContent?.trim() ?? input.value,
      legend: input.closest('fieldset')?.querySelector('legend')?.textContent?.trim() ?? input.name,
    }));
    this.form.hidden = false;
    // On a narrow screen the filters start folded, so the first result is on the first screen.
    if (this.details && matchMedia('(max-width: 59.99rem)').matches) this.details.open = false;
    this.writeForm(this.readUrl());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.update(0, 'push');
    });
    this.form.addEventListener('input', (event) => {
      const target = event.target as HTMLInputElement;
      if (target.name === 'q') this.update(300, 'replace');
      else if (target.dataset.listFilter !== undefined) this.filterList(target);
    });
    this.form.addEventListener('change', (event) => {
      const target = event.target as HTMLInputElement;
      if (target.name && target.name !== 'q') this.update(0, 'push');
    });
    this.querySelector('[data-clear]')?.addEventListener('click', () => this.clearFilters());
    const preload = () => void loadPagefind(this.dataset.bundle!);
    this.form.addEventListener('focusin', preload, { once: true });
    this.form.addEventListener('pointerover', preload, { once: true });
    this.more.addEventListener('click', () => void this.renderMore(this.view));
    this.addEventListener('click', (event) => this.onLinkOrChip(event));
    window.addEventListener('popstate', () => {
      this.writeForm(this.readUrl());
      void this.run();
    });
    this.renderChips(this.readForm());
    if (this.hasCriteria(this.readForm())) void this.run();
  }

  private readUrl(): State {
    const params = new URLSearchParams(location.search);
    const filters: Record<string, string[]> = {};
    for (const facet of [...MULTI_FACETS, 'status', 'since']) {
      const values = params.getAll(facet).filter(Boolean);
      if (values.length > 0) filters[facet] = values;
    }
    return { q: params.get('q') ?? '', filters };
  }

  private readForm(): State {
    const data = new FormData(this.form);
    const filters: Record<string, string[]> = {};
    for (const [name, value] of data.entries()) {
      if (name === 'q' || typeof value !== 'string' || value === '') continue;
      (filters[name] ??= []).push(value);
    }
    return { q: String(data.get('q') ?? '').trim(), filters };
  }

  private writeForm(state: State) {
    for (const control of Array.from(this.form.elements)) {
      const input = control as HTMLInputElement | HTMLSelectElement;
      if (input.name === 'q') input.value = state.q;
      else if (input instanceof HTMLInputElement && input.type === 'checkbox') {
        input.checked = state.filters[input.name]?.includes(input.value) ?? false;
      } else if (input instanceof HTMLSelectElement) input.value = state.filters[input.name]?.[0] ?? '';
    }
  }

  private hasCriteria(state: State) {
    return state.q !== '' || Object.keys(state.filters).length > 0;
  }

  private urlOf(state: State) {
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    for (const [facet, values] of Object.entries(state.filters)) for (const value of values) params.append(facet, value);
    const query = params.toString();
    return query ? `?${query}` : location.pathname;
  }

  /** Puts the form's state in the address (a new history entry, or in place while typing) and searches. */
  private update(delay: number, history: 'push' | 'replace') {
    const state = this.readForm();
    const url = this.urlOf(state);
    const current = location.search || location.pathname;
    if (history === 'push' && url !== current) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    this.renderChips(state);
    clearTimeout(this.debounce);
    this.debounce = window.setTimeout(() => void this.run(), delay);
  }

  /** "Clear filters" unticks every filter and keeps the words. */
  private clearFilters() {
    for (const control of Array.from(this.form.elements)) {
      if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = false;
      else if (control instanceof HTMLSelectElement) control.value = '';
    }
    this.update(0, 'push');
  }

  /** Chips remove one filter; suggestion links search in place (their href works without this too). */
  private onLinkOrChip(event: MouseEvent) {
    const target = event.target as HTMLElement;
    const chip = target.closest<HTMLButtonElement>('[data-remove]');
    if (chip) {
      const [facet, value] = [chip.dataset.facet!, chip.dataset.value!];
      for (const control of Array.from(this.form.elements)) {
        const input = control as HTMLInputElement | HTMLSelectElement;
        if (input.name !== facet) continue;
        if (input instanceof HTMLInputElement && input.value === value) input.checked = false;
        else if (input instanceof HTMLSelectElement) input.value = '';
      }
      this.update(0, 'push');
      this.form.querySelector<HTMLInputElement>('input[name="q"]')?.focus();
      return;
    }
    const link = target.closest<HTMLAnchorElement>('a[data-suggest]');
    if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      window.history.pushState(null, '', link.getAttribute('href')!);
      this.writeForm(this.readUrl());
      this.renderChips(this.readForm());
      void this.run();
    }
  }

  /** Type-ahead over a long facet list: options whose label does not contain the text are hidden. */
  private filterList(input: HTMLInputElement) {
    const text = input.value.trim().toLocaleLowerCase();
    const list = input.closest('fieldset')?.querySelector('.facet-options');
    for (const label of Array.from(list?.querySelectorAll('label') ?? [])) {
      label.hidden = text !== '' && !(label.textContent ?? '').toLocaleLowerCase().includes(text);
    }
  }

  /** Pagefind filters for a state, leaving out one facet (to count that facet's values). */
  private pagefindFilters(state: State, without?: string) {
    const filters: Record<string, unknown> = {};
    if (this.fixedType) filters.type = this.fixedType;
    for (const [facet, values] of Object.entries(state.filters)) {
      if (facet === without) continue;
      filters[facet] = MULTI_FACETS.includes(facet) ? { any: values } : values[0];
    }
    return filters;
  }

  private async run() {
    const run = ++this.runs;
    const state = this.readForm();
    const active = this.hasCriteria(state);
    this.toggleAttribute('data-active', active);
    this.view = undefined;
    if (!active) {
      this.status.textContent = '';
      this.results.replaceChildren();
      this.suggestions.replaceChildren();
      this.more.hidden = true;
      return;
    }
    this.setAttribute('aria-busy', 'true');
    const pagefind = await loadPagefind(this.dataset.bundle!);
    const term = state.q || null;
    // The pages the query names need no request: they are on screen before Pagefind answers.
    const promoted = term ? this.pagesNamed(term, state) : [];
    if (promoted.length > 0 && run === this.runs) this.results.replaceChildren(...promoted.map((page) => this.knownCard(page, state.q)));
    // Only practices carry a publication date: sorting by it would drop every other page type.
    const sort = !term && this.fixedType === 'practice' ? { published: 'desc' } : undefined;
    const search = async (filters: Record<string, unknown>) => {
      const response = await pagefind.search(term, { filters, sort });
      // Pagefind reports counts in `filters` only when a filter is applied; with neither words
      // nor filters it searches nothing, so the counts are the whole index's.
      if (Object.keys(filters).length > 0) return { response, counts: response?.filters ?? {} };
      return { response, counts: term ? (response?.totalFilters ?? {}) : await loadAllFilters(pagefind) };
    };
    const main = await search(this.pagefindFilters(state));
    const response = main.response ?? { results: [], filters: {}, totalFilters: {} };
    const allWords = response.results.length;
    const words = term ? term.split(/\s+/).filter((word) => word.length > 2) : [];
    if (allWords < WEAK_RESULTS && words.length > 1) {
      // Few or no pages have every word: pages with some of them follow, labelled as such.
      const perWord = await Promise.all(words.map(async (word) => (await pagefind.search(word, { filters: this.pagefindFilters(state) }))?.results ?? []));
      response.results = [...response.results, ...someWordsResults(perWord, new Set(response.results.map((result) => result.id)))];
    }
    const url = location.search;
    if (run !== this.runs) return;
    const view: View = { state, response, promoted, shown: 0, allWords, promotedShown: promoted.length > 0 };
    this.view = view;
    if (!view.promotedShown) this.results.replaceChildren();
    await this.renderMore(view);
    if (this.view !== view) return;
    const total = view.response.results.length;
    this.status.textContent = this.statusText(view.allWords, state.q) + (total > view.allWords ? ` ${this.strings.someWords!.replace('{count}', String(total - view.allWords))}` : '');
    this.removeAttribute('aria-busy');
    // The results on screen belong to this URL state (the counts follow).
    this.dataset.results = url;

    this.renderSuggestions(view, []);
    // Then the counts. The main search runs again once every filter index is loaded (Pagefind
    // counts only loaded filters; its chunks are cached). Counts for a facet with a selection come
    // from the search without that facet, so its other values show what choosing them would add.
    await loadAllFilters(pagefind);
    const counts: Record<string, Record<string, number>> = { ...(await search(this.pagefindFilters(state))).counts };
    for (const facet of Object.keys(state.filters)) {
      if (!MULTI_FACETS.includes(facet)) continue;
      counts[facet] = (await search(this.pagefindFilters(state, facet))).counts[facet] ?? {};
    }
    if (this.view !== view) return;
    this.renderCounts(counts);
    if (state.q && this.dataset.vocabulary) {
      const vocabulary = await loadVocabulary(this.dataset.vocabulary);
      if (this.view !== view) return;
      const corrected = correctedQuery(state.q, vocabulary);
      this.renderSuggestions(view, corrected ? [corrected] : []);
    }
    // Results and counts on screen both belong to this URL state.
    this.dataset.rendered = url;
  }

  private statusText(total: number, query: string) {
    if (total === 0) return query ? this.strings.noneFor!.replace('{query}', query) : this.strings.none!;
    const template = query ? (total === 1 ? this.strings.oneFor! : this.strings.manyFor!) : total === 1 ? this.strings.one! : this.strings.many!;
    return template.replace('{count}', String(total)).replace('{query}', query);
  }

  /**
   * Pages the query names (src/lib/search-ranking.ts says why), shown first. Their names come with
   * the page, so this costs no request; only without filters other than the type.
   */
  private pagesNamed(term: string, state: State): KnownPage[] {
    const { type, ...others } = state.filters;
    if (this.fixedType || Object.keys(others).length > 0) return [];
    const allowed = this.known.filter((page) => !type || type.includes(page.type));
    return namedPages(term, allowed);
  }

  /** "Did you mean …" (a corrected query) and the filters the query names, as links that search in place. */
  private renderSuggestions(view: View, corrections: string[]) {
    const items: HTMLElement[] = [];
    for (const corrected of corrections) {
      const link = element('a', { href: this.urlOf({ q: corrected, filters: view.state.filters }), 'data-suggest': '' }, corrected);
      items.push(element('p', {}, this.strings.didYouMean!.split('{query}')[0]!, link, this.strings.didYouMean!.split('{query}')[1] ?? ''));
    }
    if (view.state.q) {
      const matches = matchingFilters(view.state.q, this.filterOptions).filter(({ option }) => !view.state.filters[option.facet]?.includes(option.value));
      if (matches.length > 0) {
        const links = matches.map(({ option, rest }) => {
          const filters = { ...view.state.filters, [option.facet]: [...(view.state.filters[option.facet] ?? []), option.value] };
          const legend = this.filterOptions.find((candidate) => candidate.facet === option.facet)?.legend ?? option.facet;
          return element('a', { href: this.urlOf({ q: rest, filters }), 'data-suggest': '' }, this.pair(legend, option.label));
        });
        // Links in a paragraph, not a list: the component's own [data-results] attribute makes
        // "[data-results] li" mean result cards to the tests and benchmarks.
        items.push(element('p', { class: 'suggested-filters' }, this.strings.filterSuggestion!, ' ', ...links.flatMap((link, index) => (index > 0 ? [' · ', link] : [link]))));
      }
    }
    this.suggestions.replaceChildren(...items);
  }

  /** "Theme: Education", with the language's punctuation (French puts a space before the colon). */
  private pair(label: string, value: string) {
    return this.strings.pair!.replace('{label}', label).replace('{value}', value);
  }

  private badge(type: string | undefined) {
    return type ? [element('span', { class: 'badge' }, this.strings[`type.${type}`] ?? type), ' '] : [];
  }

  private card(result: PagefindResultData, query: string): HTMLLIElement {
    const type = result.filters.type?.[0];
    const title = result.meta.title ?? result.url;
    const parts = excerptParts(result.excerpt);
    const sections = (result.sub_results ?? [])
      .filter((sub) => sub.url.includes('#') && sub.url !== result.url && sub.title && sub.title !== title && sub.excerpt.includes('<mark>'))
      .slice(0, 2);
    const item = element(
      'li',
      { class: 'card' },
      element('h3', {}, element('a', { href: result.url }, title)),
      element('p', { class: 'meta' }, ...this.badge(type), result.meta.place ?? ''),
      ...(result.meta.note ? [element('p', {}, element('span', { class: 'badge' }, result.meta.note))] : []),
      element('p', { class: 'excerpt' }, ...marked(parts.length > 0 ? parts : markQueryWords(result.meta.teaser ?? '', query))),
    );
    if (sections.length > 0) {
      item.append(
        element(
          'ul',
          { class: 'matched-sections', 'aria-label': this.strings.inSections! },
          ...sections.map((sub) => {
            // "{label}: {value}" in the page's typography, the label a link to the section.
            const [before, after] = this.strings.pair!.split('{label}') as [string, string];
            const [between, rest] = after.split('{value}') as [string, string];
            return element('li', {}, before, element('a', { href: sub.url }, sub.title), between, ...marked(excerptParts(sub.excerpt)), rest ?? '');
          }),
        ),
      );
    }
    if (result.meta.themes) item.append(element('p', { class: 'meta' }, result.meta.themes));
    return item;
  }

  private knownCard(page: KnownPage, query: string): HTMLLIElement {
    return element(
      'li',
      { class: 'card' },
      element('h3', {}, element('a', { href: page.url }, page.title)),
      element('p', { class: 'meta' }, ...this.badge(page.type), page.place ?? ''),
      ...(page.teaser ? [element('p', { class: 'excerpt' }, ...marked(markQueryWords(page.teaser, query)))] : []),
    );
  }

  private renderCounts(counts: Record<string, Record<string, number>>) {
    for (const output of Array.from(this.querySelectorAll<HTMLElement>('[data-count]'))) {
      const [facet, value] = output.dataset.count!.split(':') as [string, string];
      const count = counts[facet]?.[value] ?? 0;
      output.textContent = String(count);
      output.closest('label')?.toggleAttribute('data-empty', count === 0);
    }
  }

  /** The active filters as removable chips, and their number beside the folded "Filters". */
  private renderChips(state: State) {
    const chips: HTMLElement[] = [];
    for (const [facet, values] of Object.entries(state.filters)) {
      for (const value of values) {
        const option = this.filterOptions.find((candidate) => candidate.facet === facet && candidate.value === value);
        const select = this.form.querySelector<HTMLSelectElement>(`select[name="${facet}"]`);
        const label = option ? this.pair(option.legend, option.label) : this.pair(select?.labels?.[0]?.textContent?.trim() ?? facet, value);
        chips.push(
          element('li', {}, element('button', { type: 'button', class: 'chip', 'data-remove': '', 'data-facet': facet, 'data-value': value, 'aria-label': this.strings.removeFilter!.replace('{filter}', label) }, label, element('span', { 'aria-hidden': 'true' }, ' ×'))),
        );
      }
    }
    this.chips.replaceChildren(...chips);
    this.chips.hidden = chips.length === 0;
    this.activeCount.textContent = chips.length > 0 ? this.strings.activeCount!.replace('{count}', String(chips.length)) : '';
  }

  /**
   * The next page of results, each card drawn as soon as its data and those before it have
   * arrived (every fragment is requested at once), so the first result shows without waiting for
   * the tenth.
   */
  private async renderMore(view: View | undefined) {
    if (!view || this.view !== view) return;
    const next = view.response.results.slice(view.shown, view.shown + PAGE_SIZE);
    const first = view.shown === 0;
    view.shown += next.length;
    const pending = next.map((result) => result.data());
    const promotedUrls = new Set(view.promoted.map((page) => page.url));
    const items: HTMLLIElement[] = first && !view.promotedShown ? view.promoted.map((page) => this.knownCard(page, view.state.q)) : [];
    this.results.append(...items);
    for (const promise of pending) {
      const result = await promise;
      // A newer search started while these were loading: they belong to no list on screen.
      if (this.view !== view) return;
      if (promotedUrls.has(result.url)) continue;
      const item = this.card(result, view.state.q);
      items.push(item);
      this.results.append(item);
      if (!first && items.length === 1) item.querySelector('a')?.focus();
    }
    this.more.hidden = view.shown >= view.response.results.length;
  }
}

customElements.define('faceted-search', FacetedSearch);
