import { z } from 'zod';
import { countryCode, emailAddress, localized, text, webAddress } from './fields.ts';

/**
 * Who runs a national network day to day: the address a city writes to when it wants to join the
 * network or reach its members. Every part is optional, but a coordinator names at least one way
 * to reach them (an e-mail or a web page).
 */
export const networkCoordinatorSchema = z
  .strictObject(
    {
      /** The coordinating body or team, as it calls itself (a proper name: not translated). */
      name: text('name of the coordinating body or team').optional(),
      email: emailAddress("e-mail address of the network's coordinator").optional(),
      url: webAddress("web page of the network's coordinator").optional(),
    },
    { error: 'must be a group of name, email and url: the coordinator of the network' },
  )
  .refine((coordinator) => coordinator.email !== undefined || coordinator.url !== undefined, {
    error: 'needs an email or a url, so that a city can reach the coordinator: add one of them, or remove coordinator',
  })
  .describe("the network's coordinator");

/** A national network of intercultural cities (`src/content/networks/<id>.yaml`). */
export const networkSchema = z.strictObject({
  /** Full name, with its usual acronym. */
  name: localized('name of the network'),
  /** Country the network covers. */
  country: countryCode('country the network covers'),
  /** The network's own website. */
  website: webAddress("the network's website").optional(),
  /** One or two sentences on the network. */
  description: localized('short description of the network'),
  /** Who coordinates the network: the contact a city writes to. */
  coordinator: networkCoordinatorSchema.optional(),
  /**
   * True when the entry's details (coordinator, description) were written for the demonstration
   * rather than taken from the network: its page says so.
   */
  demonstration: z
    .boolean({ error: 'must be true or false: whether the details of this network are demonstration content' })
    .optional()
    .describe('true when the details of this network were written for the demonstration'),
});

export type Network = z.output<typeof networkSchema>;
export type NetworkCoordinator = z.output<typeof networkCoordinatorSchema>;
