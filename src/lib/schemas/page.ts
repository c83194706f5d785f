import { z } from 'zod';
import { text } from './fields.ts';

/** A long-form page of the site (`src/content/pages/<lang>/<slug>.md`): front matter + Markdown body. */
export const pageSchema = z.strictObject({
  /** Page title, shown as its heading. */
  title: text('title of the page'),
  /** One sentence for search engines and social cards. */
  description: text('one-sentence description of the page'),
});

export type Page = z.output<typeof pageSchema>;
