/**
 * The "Ask about this practice" e-mail link: a mailto: address with a subject and a short polite
 * message in the reader's language, carrying the practice's permanent address so the people who
 * answer know which practice is meant.
 *
 * Who is asked: the practice's own contact; without one, the coordinator mailbox of the first of
 * its cities that has one; without either, nobody (no link rather than a guessed address).
 *
 * Encoding (RFC 6068): the subject and body are percent-encoded as UTF-8 with encodeURIComponent,
 * so "&", "?", "#", "%", quotes, line breaks and any script survive as text and cannot add
 * recipients or headers; line breaks are written CRLF (%0D%0A) as the RFC asks, and a line break
 * inside a title becomes a space. The address
 * itself is never encoded but must be one plain address (the schema's pattern): anything else
 * is refused with an error, since it would reach a mail program as something other than text.
 */
import { t } from './i18n.ts';
import { EMAIL_PATTERN, type Lang } from './schemas/fields.ts';
import type { Practice } from './schemas/practice.ts';

const PLAIN_ADDRESS = new RegExp(EMAIL_PATTERN);

export interface AskTarget {
  /** The address the message goes to. */
  email: string;
  /** Whose address it is: the practice's contact, or a city's coordination. */
  via: 'contact' | 'coordinator';
  /** The city whose coordination is asked, when `via` is "coordinator". */
  cityId?: string;
}

/** Who to ask about a practice (see the header), or undefined when nobody can be. */
export function askTarget(
  practice: Pick<Practice, 'cities' | 'contact'>,
  coordinatorOf: (cityId: string) => string | undefined,
): AskTarget | undefined {
  if (practice.contact?.email) return { email: practice.contact.email, via: 'contact' };
  for (const cityId of practice.cities) {
    const email = coordinatorOf(cityId);
    if (email) return { email, via: 'coordinator', cityId };
  }
  return undefined;
}

/**
 * A mailto: link to one plain address with a subject and a body of lines (an empty string is a
 * blank line). Throws when `email` is not one plain address.
 */
export function mailtoLink(email: string, subject: string, lines: readonly string[]): string {
  if (!PLAIN_ADDRESS.test(email)) {
    throw new Error(`cannot write an e-mail link to "${email}": it is not one plain e-mail address like name@city.org`);
  }
  // Line breaks inside a line (a title pasted with one) would forge structure: they become spaces.
  const flat = (text: string) => text.replace(/[\r\n]+/g, ' ');
  const body = lines.map(flat).join('\r\n');
  return `mailto:${email}?subject=${encodeURIComponent(flat(subject))}&body=${encodeURIComponent(body)}`;
}

/** The "Ask about this practice" link to `email` about the practice `title`, published at `permalink`. */
export function askMailto(lang: Lang, email: string, title: string, permalink: string): string {
  return mailtoLink(email, t(lang, 'ask.subject', { title }), [
    t(lang, 'ask.greeting'),
    '',
    t(lang, 'ask.intro', { title }),
    permalink,
    '',
    t(lang, 'ask.question'),
    '',
    t(lang, 'ask.closing'),
  ]);
}
