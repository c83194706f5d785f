/** The parts of Decap CMS's global API (window.CMS, window.h) that the admin uses. */

/** An Immutable.js Map as Decap hands it over. */
export interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: (string | number)[]): unknown;
  set(key: string, value: unknown): ImmutableMap;
  toJS(): Record<string, unknown>;
}

export interface PreviewProps {
  entry: ImmutableMap;
  locale?: string;
  fieldsMetaData: ImmutableMap;
  widgetFor(name: string): unknown;
}

export type Element = unknown;
export type CreateElement = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => Element;

/** The props Decap gives a widget's control (only those the admin reads). */
export interface WidgetControlProps {
  value: unknown;
  locale?: string;
  onChange(value: unknown, ...rest: unknown[]): void;
  [name: string]: unknown;
}

/** A React component (class or function) Decap renders as a widget's control. */
export type WidgetControl = unknown;

/** A widget as Decap's registry holds it. */
export interface RegisteredWidget {
  control: WidgetControl;
  preview?: unknown;
  schema?: unknown;
  [option: string]: unknown;
}

export interface DecapCms {
  getWidget(name: string): RegisteredWidget | undefined;
  registerWidget(widget: { name: string; controlComponent: WidgetControl; previewComponent?: unknown; [option: string]: unknown }): void;
  init(options: { config: Record<string, unknown> }): void;
  registerCustomFormat(
    name: string,
    extension: string,
    format: { fromFile(text: string): Record<string, unknown>; toFile(data: Record<string, unknown>): string },
  ): void;
  registerEventListener(listener: {
    name: 'preSave';
    handler(event: { entry: ImmutableMap }): Promise<ImmutableMap | undefined> | ImmutableMap | undefined;
  }): void;
  registerPreviewStyle(url: string): void;
  registerPreviewTemplate(name: string, component: (props: PreviewProps) => Element): void;
}

declare global {
  interface Window {
    CMS: DecapCms;
    CMS_MANUAL_INIT?: boolean;
    h: CreateElement;
    /** create-react-class, which Decap exposes: methods are bound to the instance. */
    createClass(spec: Record<string, unknown>): WidgetControl;
  }
}
