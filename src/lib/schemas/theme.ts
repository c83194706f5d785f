import { z } from 'zod';
import { id, localized, wholeNumber } from './fields.ts';

/** The two structures of the Intercultural Cities Index: before and after the 2019 revision. */
export const INDEX_VERSIONS = ['pre-2019', '2019'] as const;
export type IndexVersion = (typeof INDEX_VERSIONS)[number];

/** core: the ten policy areas; lens: the six areas of the intercultural lens; optional; legacy: pre-2019 only. */
export const THEME_GROUPS = ['core', 'lens', 'optional', 'legacy'] as const;

/** A policy area of the Index (`src/content/themes/<id>.yaml`). */
export const themeSchema = z.strictObject({
  /** Position in lists and charts, unique across themes. */
  order: wholeNumber(1, 99, 'position of the theme in lists and charts'),
  /** Which family of Index areas the theme belongs to. */
  group: z.enum(THEME_GROUPS, {
    error: `must be one of ${THEME_GROUPS.join(', ')}: the theme's group`,
  }).describe('family of Index areas: core, lens (part of the intercultural lens), optional or legacy'),
  /** For the six lens areas: the composite theme they belong to. */
  parent: id('id of the composite theme this area belongs to').optional(),
  /** The Index versions that score this theme. */
  versions: z
    .array(
      z.enum(INDEX_VERSIONS, {
        error: `must be "pre-2019" or "2019": an Index version that scores this theme`,
      }),
    )
    .min(1, 'needs at least one Index version that scores this theme')
    .describe('the Index versions that score this theme'),
  /** Short name shown in menus, filters and charts. */
  label: localized('short name of the theme'),
  /** One or two sentences on what the Index looks at in this area. */
  description: localized('what the Index looks at in this area'),
});

export type Theme = z.output<typeof themeSchema>;
