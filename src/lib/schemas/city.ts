import { z } from 'zod';
import { openFlag, spokenLanguages } from './practice-facts.ts';
import {
  CURRENT_YEAR,
  calendarDate,
  countryCode,
  decimal,
  emailAddress,
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
  /** The city's intercultural coordinator, reached through a role mailbox (never a person's own address). */
  coordinator: z
    .strictObject(
      {
        /** Role mailbox of the coordination, like intercultural@city.org. */
        email: emailAddress("role mailbox of the city's intercultural coordination, like intercultural@city.org"),
        /** Languages the coordination answers in. */
        languages: spokenLanguages('languages the coordination answers in').optional(),
      },
      { error: 'must be a group of email and languages: the city\'s intercultural coordinator' },
    )
    .describe("the city's intercultural coordinator: a role mailbox and the languages it answers in")
    .optional(),
  /** The city welcomes study visits from other member cities. */
  openToStudyVisits: openFlag('the city welcomes study visits from other member cities'),
  /** The city will mentor member cities in the areas where it is strong. */
  openToMentoring: openFlag('the city will mentor member cities in the areas where it is strong'),
  /**
   * The steps of joining the programme, for the journey on the city's profile; each date optional.
   * The Index report and the expert visit are also read from the Index results and activities.
   */
  membership: z
    .strictObject(
      {
        /** The dates were invented for the demonstration (the site says so). */
        demonstration: z
          .boolean({ error: 'must be true or false: whether these dates are invented for the demonstration' })
          .describe('the dates were invented for the demonstration (the site says so)')
          .optional(),
        /** Official request to join, by the mayor or the council. */
        request: calendarDate('date of the official request to join, by the mayor or the council').optional(),
        /** Index questionnaire completed. */
        questionnaire: calendarDate('date the Index questionnaire was completed').optional(),
        /** Analytical report received (when no Index result is on the site). */
        report: calendarDate('date the analytical report was received').optional(),
        /** Expert visit (when it is not an activity on the site). */
        expertVisit: calendarDate('date of the expert visit').optional(),
        /** Intercultural strategy or profile published. */
        strategy: calendarDate('date the intercultural strategy or profile was published').optional(),
      },
      { error: 'must be the membership steps, like { request: 2019-11-18, questionnaire: 2020-06-30 }' },
    )
    .describe('dates of the steps of joining: request, questionnaire, report, expert visit, strategy')
    .optional(),
});

export type City = z.output<typeof citySchema>;
