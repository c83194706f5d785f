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
export type CreateElement = (type: string, props?: Record<string, unknown> | null, ...children: unknown[]) => Element;

export interface DecapCms {
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
  }
}
