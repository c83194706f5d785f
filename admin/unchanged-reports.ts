/**
 * Keeps Decap from marking an entry "Unsaved changes" that nobody edited (issue 15). Every widget
 * the configuration uses is registered again around its own control, which passes on every
 * report of the widget except one that repeats the value it was given in another language's pane
 * (src/lib/cms/widget-reports.ts says why Decap would count such a report as a change). The
 * control itself is unchanged: its validation, focus and update checks are handed through.
 */
import { isIgnoredReport } from '../src/lib/cms/widget-reports.ts';
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
      return window.h(original, { ...this.props, onChange: this.report, ...(isClass ? { ref: this.setInner } : {}) });
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
