import { z } from 'zod';
import { countryCode, localized, webAddress } from './fields.ts';

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
});

export type Network = z.output<typeof networkSchema>;
