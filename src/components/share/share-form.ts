/**
 * The share form's island: checks each field once it has been filled in or left, with the
 * content check's own schemas and messages (src/lib/share/share-form.ts, loaded at the first
 * interaction so the page itself carries almost no script), lists every problem on sending, warns
 * when the text resembles a published practice (a precomputed file, fetched once the title and
 * purpose are written), and offers the submission as a CSV row of the import template.
 * Without JavaScript, the form is a plain mailto: form and all of this is skipped.
 */
type ShareModule = typeof import('../../lib/share/share-form.ts');
type SimilarityModule = typeof import('../../lib/similarity.ts');
type SimilarityIndex = import('../../lib/similarity.ts').SimilarityIndex;
type Checks = { share: ShareModule; cities: import('../../lib/import/references.ts').ReferenceIndex };

class ShareForm extends HTMLElement {
  private form!: HTMLFormElement;
  private touched = new Set<string>();
  private submitted = false;
  private lib?: Promise<Checks>;
  private loaded?: Checks;
  private similar?: Promise<{ similarity: SimilarityModule; index: SimilarityIndex } | undefined>;
  private timer?: ReturnType<typeof setTimeout>;

  connectedCallback() {
    this.form = this.querySelector('form')!;
    // The island's messages replace the browser's own (which would stop the form first).
    this.form.noValidate = true;
    const download = this.querySelector<HTMLButtonElement>('[data-download]')!;
    download.hidden = false;
    const touch = (event: Event) => {
      const name = (event.target as HTMLInputElement).name;
      if (!name) return;
      if (event.type !== 'input') this.touched.add(name);
      this.schedule();
    };
    this.form.addEventListener('input', touch);
    this.form.addEventListener('change', touch);
    this.form.addEventListener('focusout', touch);
    this.form.addEventListener('submit', (event) => {
      this.submitted = true;
      if (this.loaded) {
        // Checked at once, so that the browser still sees the click that sent it (a mailto: needs it).
        if (this.show(this.loaded) > 0) {
          event.preventDefault();
          this.querySelector<HTMLElement>('[data-summary]')!.focus();
        }
        return;
      }
      // The checks are not loaded yet (the form was filled without a keystroke, by autofill).
      event.preventDefault();
      void this.check().then((problems) => {
        if (problems === 0) {
          this.form.submit();
        } else this.querySelector<HTMLElement>('[data-summary]')!.focus();
      });
    });
    download.addEventListener('click', () => void this.download());
  }

  private values(): Record<string, string[]> {
    const values: Record<string, string[]> = {};
    for (const [name, value] of new FormData(this.form)) (values[name] ??= []).push(String(value));
    return values;
  }

  private load() {
    this.lib ??= Promise.all([import('../../lib/share/share-form.ts'), import('../../lib/import/references.ts')]).then(([share, references]) => {
      const cities = JSON.parse(this.querySelector('[data-cities]')!.textContent ?? '[]') as { id: string; names: string[] }[];
      this.loaded = { share, cities: references.referenceIndex('city', cities) };
      return this.loaded;
    });
    return this.lib;
  }

  private schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), 250);
  }

  /** Shows the problems of the fields filled in so far (all of them once sent); returns how many there are. */
  private async check(): Promise<number> {
    return this.show(await this.load());
  }

  private show({ share, cities }: Checks): number {
    const lang = this.dataset.lang as import('../../lib/languages.ts').Lang;
    const values = this.values();
    const { problems } = share.checkShare(values, { lang, cities, today: new Date().toISOString().slice(0, 10) });
    const shown = problems.filter((problem) => this.submitted || this.touched.has(problem.name));
    for (const box of this.querySelectorAll<HTMLElement>('[data-error-for]')) {
      const name = box.dataset.errorFor!;
      const messages = [...new Set(shown.filter((problem) => problem.name === name).map((problem) => problem.message))];
      box.textContent = messages.join(' · ');
      box.hidden = messages.length === 0;
      const control = this.querySelector<HTMLElement>(`[data-field="${name}"] :is(input:not([type=checkbox]), textarea), fieldset[data-field="${name}"]`);
      if (control) control.setAttribute('aria-invalid', String(messages.length > 0));
    }
    const summary = this.querySelector<HTMLElement>('[data-summary]')!;
    const list = summary.querySelector('[data-summary-list]')!;
    list.replaceChildren(
      ...(this.submitted ? shown : []).map((problem) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        const target = this.querySelector<HTMLElement>(`[data-field="${problem.name}"]`);
        const control = target?.matches('fieldset') ? target : target?.querySelector('input, textarea');
        link.href = `#${control?.id ?? ''}`;
        const label = target?.querySelector('label, legend')?.firstChild?.textContent?.trim() ?? problem.name;
        link.textContent = `${label}: ${problem.message}`;
        item.append(link);
        return item;
      }),
    );
    summary.hidden = !this.submitted || shown.length === 0;
    this.querySelector('[data-ready-message]')!.textContent = this.submitted && problems.length === 0 ? this.dataset.ready ?? '' : '';
    void this.lookAlike(values);
    return problems.length;
  }

  /** Warns when the title, purpose and parts written so far resemble a published practice. */
  private async lookAlike(values: Record<string, string[]>) {
    const lang = this.dataset.lang!;
    const text = (field: string) => (values[lang === 'en' ? field : `${lang}.${field}`] ?? []).join('\n');
    if (!text('title') || !text('purpose')) return;
    this.similar ??= Promise.all([import('../../lib/similarity.ts'), fetch(this.dataset.similar!).then((response) => (response.ok ? response.json() : undefined))])
      .then(([similarity, index]) => (index ? { similarity, index: index as SimilarityIndex } : undefined))
      .catch(() => undefined);
    const loaded = await this.similar;
    const notice = this.querySelector<HTMLElement>('[data-look-alike-notice]')!;
    if (!loaded) return;
    const fields = ['title', 'purpose', 'stimulus', 'process', 'results', 'transferability'] as const;
    const [best] = loaded.similarity.nearestInIndex(loaded.index, Object.fromEntries(fields.map((field) => [field, text(field)])) as { title: string; purpose: string }, 1);
    notice.hidden = !best;
    notice.textContent = best ? this.dataset.lookAlike!.replace('{title}', `${best.title} (${best.slug})`) : '';
  }

  private async download() {
    const { share } = await this.load();
    const lang = this.dataset.lang as import('../../lib/languages.ts').Lang;
    const values = this.values();
    const title = (values[lang === 'en' ? 'title' : `${lang}.title`] ?? [''])[0]!;
    const name = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'practice';
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([`\uFEFF${share.shareCsv(values, lang)}`], { type: 'text/csv;charset=utf-8' }));
    link.download = `${name}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }
}

customElements.define('share-form', ShareForm);
