/**
 * <city-compare>: choose two to four cities and see their latest Index results side by side,
 * as a chart and a table. Reads one JSON file emitted at build time; the choice lives in the URL
 * (?city=bilbao&city=oslo).
 */
import { groupedBarChart } from '../../lib/charts/grouped-bar-chart.ts';

interface CompareData {
  themes: { id: string; label: Record<string, string> }[];
  cities: { id: string; edition: number; overall: number; scores: Record<string, number> }[];
}

class CityCompare extends HTMLElement {
  private data?: CompareData;
  private form!: HTMLFormElement;
  private output!: HTMLElement;
  private status!: HTMLElement;
  private strings: Record<string, string> = {};

  async connectedCallback() {
    this.form = this.querySelector('form')!;
    this.output = this.querySelector('[data-output]')!;
    this.status = this.querySelector('[data-status]')!;
    this.strings = JSON.parse(this.dataset.strings ?? '{}');
    this.form.hidden = false;
    const chosen = new URLSearchParams(location.search).getAll('city');
    this.selects().forEach((select, index) => (select.value = chosen[index] ?? ''));
    this.form.addEventListener('change', () => this.update());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.update();
    });
    const response = await fetch(this.dataset.source!);
    this.data = (await response.json()) as CompareData;
    this.render();
  }

  private selects(): HTMLSelectElement[] {
    return Array.from(this.form.querySelectorAll('select'));
  }

  private chosen(): string[] {
    return [...new Set(this.selects().map((select) => select.value).filter(Boolean))];
  }

  private update() {
    const params = new URLSearchParams();
    for (const city of this.chosen()) params.append('city', city);
    history.replaceState(null, '', params.size > 0 ? `?${params}` : location.pathname);
    this.render();
  }

  private render() {
    if (!this.data) return;
    const lang = document.documentElement.lang;
    const options = Array.from(this.selects()[0]!.querySelectorAll('option'));
    const names = new Map(options.map((option) => [option.value, option.textContent ?? '']));
    const cities = this.chosen().map((id) => this.data!.cities.find((city) => city.id === id)).filter((city) => city !== undefined);
    if (cities.length < 2) {
      this.output.replaceChildren();
      this.status.textContent = this.strings.chooseTwo!;
      return;
    }
    const format = new Intl.NumberFormat(lang).format;
    const themes = this.data.themes.filter((theme) => cities.some((city) => city.scores[theme.id] !== undefined));
    const series = cities.map((city) => `${names.get(city.id)} (${city.edition})`);
    const rows = [
      { label: this.strings.overall!, values: cities.map((city) => city.overall) },
      ...themes.map((theme) => ({ label: theme.label[lang] ?? theme.label.en ?? theme.id, values: cities.map((city) => city.scores[theme.id] ?? null) })),
    ];
    const svg = groupedBarChart({
      id: 'compare-chart',
      title: this.strings.chartTitle!,
      description: this.strings.chartDescription!,
      series,
      rows,
      missingLabel: this.strings.notAssessed!,
      formatValue: format,
    });
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    for (const heading of [this.strings.area!, ...series]) {
      const cell = document.createElement('th');
      cell.scope = 'col';
      cell.textContent = heading;
      head.append(cell);
    }
    const body = table.createTBody();
    for (const row of rows) {
      const line = body.insertRow();
      const header = document.createElement('th');
      header.scope = 'row';
      header.textContent = row.label;
      line.append(header);
      for (const value of row.values) {
        const cell = line.insertCell();
        cell.className = 'num';
        cell.textContent = value === null ? this.strings.notAssessed! : format(value);
      }
    }
    const figure = document.createElement('figure');
    figure.className = 'chart';
    figure.innerHTML = svg;
    const scroll = document.createElement('section');
    scroll.className = 'table-scroll';
    // A scrollable region must be reachable by keyboard (WCAG 2.1.1).
    scroll.tabIndex = 0;
    scroll.setAttribute('aria-label', this.strings.chartTitle!);
    scroll.append(table);
    const hint = document.createElement('p');
    hint.className = 'scroll-hint';
    hint.textContent = this.strings.scrollHint!;
    this.output.replaceChildren(figure, hint, scroll);
    this.status.textContent = this.strings.showing!.replace('{cities}', series.join(', '));
  }
}

customElements.define('city-compare', CityCompare);
