/**
 * <faceted-search>: free text + multi-select facets over the Pagefind index, with counts per
 * facet value and the state kept in the URL (?q=…&theme=a&theme=b&country=es).
 * Pagefind itself (JS, WebAssembly and metadata) is fetched when the visitor first reaches for the
 * form (focus or pointer), so it loads while they type; the query then only fetches its index
 * chunks and the shown results. Facet counts need every filter's index: those are fetched after
 * the first results are on screen, never before.
 */
import { nameMatches } from '../../lib/search-ranking.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
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
/** A method as the search page lists it, to show it first when the query names it. */
type MethodEntry = { url: string; title: string; teaser: string; themes: string };

// The coded facts (src/lib/practice-facts.ts FACT_FACETS) are multi-select facets too; listed here
// so the island does not carry the vocabularies' module.
const MULTI_FACETS = ['type', 'theme', 'country', 'city', 'group', 'method', 'evidence', 'stage', 'cost', 'staff', 'reach', 'open', 'partner'];
const PAGE_SIZE = 10;

let pagefindPromise: Promise<Pagefind> | undefined;
/**
 * Pagefind's bundle of the page's language (one index per language: /pagefind/en/, /pagefind/fr/...),
 * named by the component's data-bundle attribute.
 */
function loadPagefind(path: string): Promise<Pagefind> {
  pagefindPromise ??= import(/* @vite-ignore */ path).then(async (pagefind: Pagefind) => {
    await pagefind.options({ baseUrl: '/' });
    await pagefind.init();
    return pagefind;
  });
  return pagefindPromise;
}

let filtersPromise: Promise<unknown> | undefined;
/** Pagefind only counts the values of filters whose index it has loaded: this loads them all, once. */
async function loadAllFilters(pagefind: Pagefind): Promise<void> {
  filtersPromise ??= pagefind.filters();
  await filtersPromise;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

class FacetedSearch extends HTMLElement {
  private form!: HTMLFormElement;
  private results!: HTMLOListElement;
  private status!: HTMLElement;
  private more!: HTMLButtonElement;
  private resultsRegion!: HTMLElement;
  private strings: Record<string, string> = {};
  private fixedType?: string;
  private current?: PagefindSearch;
  private shown = 0;
  private methods: MethodEntry[] = [];
  /** Methods shown above the results of the current query. */
  private promoted: MethodEntry[] = [];
  private runId = 0;
  private debounce?: number;

  connectedCallback() {
    this.form = this.querySelector('form')!;
    this.results = this.querySelector('[data-results]')!;
    this.status = this.querySelector('[data-status]')!;
    this.more = this.querySelector('[data-more]')!;
    this.resultsRegion = this.querySelector('[data-results-region]')!;
    this.strings = JSON.parse(this.dataset.strings ?? '{}');
    this.methods = JSON.parse(this.dataset.methods ?? '[]');
    this.fixedType = this.dataset.type;
    this.form.hidden = false;
    this.writeForm(this.readUrl());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.update(0);
    });
    this.form.addEventListener('input', (event) => {
      const isText = (event.target as HTMLInputElement).type === 'search';
      this.update(isText ? 300 : 0);
    });
    this.form.addEventListener('reset', () => setTimeout(() => this.update(0)));
    const preload = () => void loadPagefind(this.dataset.bundle!);
    this.form.addEventListener('focusin', preload, { once: true });
    this.form.addEventListener('pointerover', preload, { once: true });
    this.more.addEventListener('click', () => this.renderMore());
    window.addEventListener('popstate', () => {
      this.writeForm(this.readUrl());
      void this.run();
    });
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
    for (const element of Array.from(this.form.elements)) {
      const input = element as HTMLInputElement | HTMLSelectElement;
      if (input.name === 'q') input.value = state.q;
      else if (input instanceof HTMLInputElement && input.type === 'checkbox') {
        input.checked = state.filters[input.name]?.includes(input.value) ?? false;
      } else if (input instanceof HTMLSelectElement) input.value = state.filters[input.name]?.[0] ?? '';
    }
  }

  private hasCriteria(state: State) {
    return state.q !== '' || Object.keys(state.filters).length > 0;
  }

  private update(delay: number) {
    const state = this.readForm();
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    for (const [facet, values] of Object.entries(state.filters)) for (const value of values) params.append(facet, value);
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    clearTimeout(this.debounce);
    this.debounce = window.setTimeout(() => void this.run(), delay);
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
    const runId = ++this.runId;
    const state = this.readForm();
    const active = this.hasCriteria(state);
    this.toggleAttribute('data-active', active);
    if (!active) {
      this.status.textContent = '';
      this.results.replaceChildren();
      this.more.hidden = true;
      return;
    }
    this.setAttribute('aria-busy', 'true');
    const pagefind = await loadPagefind(this.dataset.bundle!);
    const term = state.q || null;
    const sort = term ? undefined : { published: 'desc' };
    const search = async (filters: Record<string, unknown>) => {
      const response = await pagefind.search(term, { filters, sort });
      // Pagefind reports counts in `filters` only when a filter is applied.
      const counts = Object.keys(filters).length > 0 ? response?.filters : response?.totalFilters;
      return { response, counts: counts ?? {} };
    };
    const main = await search(this.pagefindFilters(state));
    if (runId !== this.runId) return;
    this.current = main.response ?? { results: [], filters: {}, totalFilters: {} };
    this.promoted = term ? this.methodsNamed(term, state) : [];
    this.results.replaceChildren();
    this.shown = 0;
    await this.renderMore();
    const total = this.current.results.length;
    this.status.textContent = total === 0
      ? this.strings.none!
      : (total === 1 ? this.strings.one! : this.strings.many!).replace('{count}', String(total));
    this.removeAttribute('aria-busy');
    // The results on screen belong to this URL state (the counts follow).
    this.dataset.results = location.search;

    // Then the counts. The main search runs again once every filter index is loaded (Pagefind
    // counts only loaded filters; its chunks are cached). Counts for a facet with a selection come
    // from the search without that facet, so its other values show what choosing them would add.
    await loadAllFilters(pagefind);
    const counts: Record<string, Record<string, number>> = { ...(await search(this.pagefindFilters(state))).counts };
    for (const facet of Object.keys(state.filters)) {
      if (!MULTI_FACETS.includes(facet)) continue;
      counts[facet] = (await search(this.pagefindFilters(state, facet))).counts[facet] ?? {};
    }
    if (runId !== this.runId) return;
    this.renderCounts(counts);
    // Results and counts on screen both belong to this URL state.
    this.dataset.rendered = location.search;
  }

  /**
   * Methods whose name matches the query, shown first (src/lib/search-ranking.ts says why). Their
   * names come with the page, so this costs no request; only without filters other than the type.
   */
  private methodsNamed(term: string, state: State): MethodEntry[] {
    const { type, ...others } = state.filters;
    if (this.fixedType || Object.keys(others).length > 0 || (type && !type.includes('method'))) return [];
    return this.methods.filter((method) => nameMatches(term, method.title));
  }

  private card(result: Pick<PagefindResultData, 'url' | 'meta' | 'excerpt'>, type: string | undefined): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'card';
    const title = escapeHtml(result.meta.title ?? result.url);
    item.innerHTML =
      `<h3><a href="${escapeHtml(result.url)}">${title}</a></h3>` +
      `<p class="meta">${type ? `<span class="badge">${escapeHtml(this.strings[`type.${type}`] ?? type)}</span> ` : ''}${escapeHtml(result.meta.place ?? '')}</p>` +
      (result.meta.note ? `<p><span class="badge">${escapeHtml(result.meta.note)}</span></p>` : '') +
      `<p>${result.meta.teaser ? escapeHtml(result.meta.teaser) : result.excerpt}</p>` +
      (result.meta.themes ? `<p class="meta">${escapeHtml(result.meta.themes)}</p>` : '');
    return item;
  }

  private renderCounts(counts: Record<string, Record<string, number>>) {
    for (const output of Array.from(this.querySelectorAll<HTMLElement>('[data-count]'))) {
      const [facet, value] = output.dataset.count!.split(':') as [string, string];
      const count = counts[facet]?.[value] ?? 0;
      output.textContent = String(count);
      output.closest('label')?.toggleAttribute('data-empty', count === 0);
    }
  }

  private async renderMore() {
    if (!this.current) return;
    const next = this.current.results.slice(this.shown, this.shown + PAGE_SIZE);
    const data = await Promise.all(next.map((result) => result.data()));
    const promotedUrls = new Set(this.promoted.map((method) => method.url));
    const promoted = this.shown === 0 ? this.promoted.map((method) => this.card({ url: method.url, excerpt: '', meta: method }, 'method')) : [];
    const items = [
      ...promoted,
      ...data.filter((result) => !promotedUrls.has(result.url)).map((result) => this.card(result, result.filters.type?.[0])),
    ];
    this.results.append(...items);
    const firstNew = items[0]?.querySelector('a');
    if (this.shown > 0 && firstNew) firstNew.focus();
    this.shown += next.length;
    this.more.hidden = this.shown >= this.current.results.length;
  }
}

customElements.define('faceted-search', FacetedSearch);
