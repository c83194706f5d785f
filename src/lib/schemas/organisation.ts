/**
 * A partner organisation (`src/content/organisations/<id>.yaml`): an association, university,
 * foundation, public body or company that runs practices with member cities. Practices name
 * their partners in `partners`; each organisation's page lists the practices it works on, so
 * the link goes both ways (as Participedia links cases and organisations).
 */
import { z } from 'zod';
import { didYouMean } from '../did-you-mean.ts';
import { countryCode, localized, text, webAddress } from './fields.ts';

/** What sort of organisation it is. */
export const ORGANISATION_KINDS = ['association', 'university', 'foundation', 'public-body', 'company', 'international'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const organisationSchema = z.strictObject({
  /** Name as the organisation writes it (not translated). */
  name: text('name of the organisation, as it writes it'),
  /** What sort of organisation it is. */
  kind: z
    .enum(ORGANISATION_KINDS, {
      error: (issue) =>
        issue.input === undefined
          ? `is missing: what sort of organisation it is, one of ${ORGANISATION_KINDS.join(', ')}`
          : `"${String(issue.input)}" is not a kind of organisation${didYouMean(String(issue.input), ORGANISATION_KINDS)}: use one of ${ORGANISATION_KINDS.join(', ')}`,
    })
    .describe(`what sort of organisation it is: one of ${ORGANISATION_KINDS.join(', ')}`),
  /** Country of its seat; left out for international organisations. */
  country: countryCode('country where the organisation is based').optional(),
  /** The organisation's own website. */
  website: webAddress("the organisation's website").optional(),
  /** One or two sentences on what the organisation does. */
  description: localized('one or two sentences on what the organisation does'),
});

export type Organisation = z.output<typeof organisationSchema>;
