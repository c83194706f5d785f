/**
 * Two fixes to Decap's widgets in the panes of other languages than the default (issue 15).
 * Every widget the configuration uses is registered again around its own control, which
 *   - passes on every report of the widget except one that repeats the value it was given in
 *     another language's pane, so an entry nobody edited does not open as "Unsaved changes"
 *     (src/lib/cms/widget-reports.ts says why Decap would count such a report as a change);
 *   - shows a top-level group's shared parts (a practice's period, the contact's e-mail) with
 *     the default language's values when the pane's own are missing (a practice without Spanish
 *     text), greyed out like every shared field; editing a translated part keeps them.
 * The control itself is unchanged: its validation, focus and update checks are handed through.
 */
import { isIgnoredReport, withSharedParts, type GroupValue } from '../src/lib/cms/widget-reports.ts';
import type { CmsField } from '../src/lib/cms/generate-config.ts';
import type { DecapCms, WidgetControl, WidgetControlProps } from './decap.d.ts';

/** The widgets the fields (and their nested fields) of the configuration use. */
export function widgetNames(fields: readonly CmsField[]): Set<string> {
  const names = new Set<string>();
  const visit = (field: CmsField) => {
    names.add(field.widget);
    field.fields?.forEach(visit);
    if (field.field) visit(field.field);
  };
  fields.forEach(visit);
  return names;
}

/** The methods Decap calls on a control instance (through the ref it keeps). */
interface ControlInstance {
  isValid?: () => unknown;
  validate?: () => unknown;
  focus?: (path?: string) => unknown;
  shouldComponentUpdate?: (nextProps: WidgetControlProps) => boolean;
  getWrappedInstance?: () => ControlInstance;
}

interface Wrapper {
  props: WidgetControlProps;
  inner?: ControlInstance;
}

/** The parts of Decap's Immutable.js field and entry values the group fix reads. */
interface ImmutableField {
  get(key: string): unknown;
}
interface ImmutableList<T> {
  includes(value: T): boolean;
  filter(test: (value: T) => boolean): ImmutableList<T>;
  map<U>(map: (value: T) => U): { toArray(): U[] };
}

/**
 * The value a group widget shows, and where its parts' changes go: in another language's pane,
 * a top-level group lacking its shared parts gets the default language's.
 */
function groupWithSharedParts(props: WidgetControlProps, defaultLocale: string): { value: unknown; onChangeObject?: unknown } {
  const field = props.field as ImmutableField | undefined;
  const collection = props.collection as ImmutableField | undefined;
  const topLevel = collection?.get('fields') as ImmutableList<ImmutableField> | undefined;
  const parts = field?.get('fields') as ImmutableList<ImmutableField> | undefined;
  if (!field || !parts || !topLevel?.includes(field) || props.locale === undefined || props.locale === defaultLocale) return { value: props.value };
  const shared = parts.filter((part) => part.get('i18n') === 'duplicate').map((part) => String(part.get('name'))).toArray();
  const getEntry = props.getEntry as (() => { getIn(path: string[]): unknown }) | undefined;
  const fallback = getEntry?.().getIn(['data', String(field.get('name'))]) as (GroupValue & { clear(): GroupValue }) | undefined;
  if (!fallback || typeof fallback.clear !== 'function') return { value: props.value };
  const value = withSharedParts(props.value as GroupValue | undefined, fallback, shared, fallback.clear());
  if (value === props.value || !value) return { value: props.value };
  const name = String(field.get('name'));
  return {
    value,
    onChangeObject: (part: ImmutableField, partValue: unknown, metadata?: unknown) =>
      props.onChange(value.set(String(part.get('name')), partValue), metadata ? { [name]: metadata } : undefined),
  };
}

function quietControl(original: WidgetControl, defaultLocale: string): WidgetControl {
  const isClass = typeof original === 'function' && Boolean((original as { prototype?: { isReactComponent?: unknown } }).prototype?.isReactComponent);
  const checksUpdates = isClass && typeof (original as { prototype: ControlInstance }).prototype.shouldComponentUpdate === 'function';
  return window.createClass({
    displayName: 'UnchangedReportsDropped',
    setInner(this: Wrapper, ref: ControlInstance | null) {
      this.inner = ref?.getWrappedInstance ? ref.getWrappedInstance() : (ref ?? undefined);
    },
    report(this: Wrapper, value: unknown, ...rest: unknown[]) {
      if (isIgnoredReport({ current: this.props.value, next: value, locale: this.props.locale, defaultLocale })) return;
      this.props.onChange(value, ...rest);
    },
    isValid(this: Wrapper) {
      return this.inner?.isValid ? this.inner.isValid() : true;
    },
    validate(this: Wrapper) {
      return this.inner?.validate?.();
    },
    focus(this: Wrapper, path?: string) {
      return this.inner?.focus?.(path);
    },
    ...(checksUpdates
      ? {
          shouldComponentUpdate(this: Wrapper, nextProps: WidgetControlProps) {
            return this.inner?.shouldComponentUpdate ? this.inner.shouldComponentUpdate(nextProps) : true;
          },
        }
      : {}),
    render(this: Wrapper & { report: WidgetControlProps['onChange']; setInner(ref: ControlInstance | null): void }) {
      const group = groupWithSharedParts(this.props, defaultLocale);
      return window.h(original, { ...this.props, ...group, onChange: this.report, ...(isClass ? { ref: this.setInner } : {}) });
    },
  });
}

/** Registers each widget the fields use again, around its own control. */
export function dropUnchangedReports(cms: DecapCms, fields: readonly CmsField[], defaultLocale: string) {
  for (const name of widgetNames(fields)) {
    const widget = cms.getWidget(name);
    if (!widget) continue;
    const { control, ...rest } = widget;
    cms.registerWidget({ ...rest, name, controlComponent: quietControl(control, defaultLocale), previewComponent: widget.preview });
  }
}
