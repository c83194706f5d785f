/** The practice preview: the page's structure and classes, so the site's CSS styles it as on the site. */
import { ADMIN_TEXT } from '../src/lib/cms/labels.ts';
import { practicePreview, type PreviewLookups } from '../src/lib/cms/practice-preview.ts';
import { SOURCE_LANGUAGE, isLang } from '../src/lib/languages.ts';
import type { DecapCms, ImmutableMap, PreviewProps } from './decap.d.ts';

/** Names of entries picked in relation widgets but not yet in lookups.json (created in this session). */
function withRelationNames(lookups: PreviewLookups, metadata: ImmutableMap): PreviewLookups {
  const picked = (field: string, collection: string) =>
    (metadata.getIn([field, collection]) as ImmutableMap | undefined)?.toJS() as Record<string, Record<string, unknown>> | undefined;
  const cities = { ...lookups.cities };
  for (const [id, data] of Object.entries(picked('cities', 'cities') ?? {})) {
    if (!cities[id] && typeof data.name === 'string') {
      cities[id] = { name: data.name, names: data.names as Record<string, string> | undefined, country: String(data.country ?? '') };
    }
  }
  const themes = { ...lookups.themes };
  for (const [id, data] of Object.entries(picked('themes', 'themes') ?? {})) {
    const label = data.label as Record<string, string | undefined> | undefined;
    const english = label?.[SOURCE_LANGUAGE];
    if (!themes[id] && english) themes[id] = { ...label, [SOURCE_LANGUAGE]: english };
  }
  return { cities, themes };
}

/** A long-form page: title, summary and text, with the page's classes. */
export function registerPagePreview(cms: DecapCms): void {
  const h = window.h;
  cms.registerPreviewTemplate('pages', (props: PreviewProps) => {
    const lang = isLang(props.locale) ? props.locale : SOURCE_LANGUAGE;
    const data = props.entry.getIn(['data']) as ImmutableMap | undefined;
    const text = (key: string) => {
      const value = data?.get(key);
      return typeof value === 'string' ? value.trim() : '';
    };
    return h(
      'div',
      { className: 'preview-page', lang },
      h(
        'main',
        { id: 'main' },
        h(
          'div',
          { className: 'container' },
          h('h1', null, text('title') || ADMIN_TEXT.previewUntitled[lang]),
          text('description') ? h('p', { className: 'lead' }, text('description')) : null,
          h('div', { className: 'prose long-form' }, text('body') ? props.widgetFor('body') : h('p', { className: 'placeholder' }, ADMIN_TEXT.previewEmpty[lang])),
        ),
      ),
    );
  });
}

export function registerPracticePreview(cms: DecapCms, lookups: PreviewLookups): void {
  const h = window.h;
  cms.registerPreviewTemplate('practices', (props: PreviewProps) => {
    const lang = isLang(props.locale) ? props.locale : SOURCE_LANGUAGE;
    const data = props.entry.getIn(['data']) as ImmutableMap | undefined;
    const model = practicePreview(data?.toJS() ?? {}, lang, withRelationNames(lookups, props.fieldsMetaData), {
      untitled: ADMIN_TEXT.previewUntitled[lang],
    });
    const empty = h('p', { className: 'placeholder' }, ADMIN_TEXT.previewEmpty[lang]);
    const filled = (field: string) => {
      const value = data?.get(field);
      return typeof value === 'string' && value.trim() !== '';
    };
    return h(
      'div',
      { className: 'preview-page', lang },
      h(
        'main',
        { id: 'main' },
        h(
          'div',
          { className: 'container' },
          h(
            'article',
            { className: 'layout-aside' },
            h(
              'div',
              null,
              h('h1', null, model.title),
              model.purpose ? h('p', { className: 'lead' }, model.purpose) : empty,
              ...model.sections.map((section) =>
                h(
                  'section',
                  { key: section.field, 'aria-labelledby': section.field },
                  h('h2', { id: section.field }, section.heading),
                  h('div', { className: 'prose' }, filled(section.field) ? props.widgetFor(section.field) : empty),
                ),
              ),
            ),
            h(
              'aside',
              { className: 'facts', 'aria-labelledby': 'facts-heading' },
              h('h2', { id: 'facts-heading' }, model.factsHeading),
              h(
                'dl',
                null,
                ...model.facts.flatMap((fact) => {
                  const values = fact.values.map((value, index) =>
                    value.href ? h('a', { key: index, href: value.href }, value.text) : value.text,
                  );
                  return [
                    h('dt', { key: `${fact.term}-term` }, fact.term),
                    h(
                      'dd',
                      { key: `${fact.term}-value` },
                      fact.list
                        ? h('ul', null, ...values.map((value, index) => h('li', { key: index }, value)))
                        : values.map((value, index) => h('div', { key: index }, value)),
                    ),
                  ];
                }),
              ),
            ),
          ),
        ),
      ),
    );
  });
}
