import { z } from 'zod';
import {
  CURRENT_YEAR,
  countryCode,
  decimal,
  id,
  localized,
  markdownText,
  text,
  translationsShape,
  webAddress,
  wholeNumber,
  year,
} from './fields.ts';

/** A member city (`src/content/cities/<id>.yaml`). */
export const citySchema = z.strictObject({
  /** Name in English. */
  name: text('name of the city in English'),
  /** Name in the local language, when it differs from the English name. */
  localName: text('name of the city in its local language').optional(),
  /** Name in other languages, only where it differs from the English name (fr: Lisbonne). */
  names: z
    .strictObject(translationsShape('name of the city'), {
      error: 'must be a group of names by language code, like { fr: Lisbonne }: the city\'s name in other languages',
    })
    .describe("the city's name in other languages, where it differs from the English name")
    .optional(),
  /** Country, as an ISO 3166-1 alpha-2 code. */
  country: countryCode('country of the city'),
  /** Latitude in decimal degrees. */
  lat: decimal(-90, 90, 'latitude in decimal degrees'),
  /** Longitude in decimal degrees. */
  lon: decimal(-180, 180, 'longitude in decimal degrees'),
  /** Number of inhabitants. */
  population: wholeNumber(1, 50_000_000, 'number of inhabitants'),
  /** Share of residents born abroad, in percent. */
  foreignBornShare: decimal(0, 100, 'share of residents born abroad, in percent').optional(),
  /** Year the city joined the Intercultural Cities programme. */
  joined: year(2008, CURRENT_YEAR, 'year the city joined the programme'),
  /** Member of the international network (a city may belong to a national network only). */
  international: z
    .boolean({ error: 'must be true or false: member of the international network' })
    .describe('member of the international network (false: a national network only)'),
  /** National networks the city belongs to. */
  networks: z
    .array(id('id of a national network'), {
      error: 'must be a list of national network ids, or []',
    })
    .describe('ids of the national networks the city belongs to (empty: the international network only)')
    .default([]),
  /** The city's official website. */
  website: webAddress("the city's official website").optional(),
  /** Two to four sentences: who the city is and what its intercultural approach emphasises. */
  profile: localized('short profile of the city', markdownText),
});

export type City = z.output<typeof citySchema>;
