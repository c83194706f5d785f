/**
 * Where a web or e-mail address may break across lines. A pasted address has no spaces, so on a
 * 320 px phone it either widens the page or, with `overflow-wrap: anywhere`, breaks mid-word
 * ("intercultural.cit|ies@..."). Components print the pieces returned here with `<wbr>` between
 * them, so an address breaks where typographers break it: after "@" or "//", before a dot,
 * slash or other punctuation; the CSS breaks a piece itself only when it alone is wider than the
 * column. Text around the addresses is left to the browser.
 */

/** Web addresses (with a scheme or starting "www.") and e-mail addresses inside free text. */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>"]+|[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+/giu;

/** Break after these (the "//" of a scheme breaks as a whole). */
const BREAK_AFTER = /^(?:@|\/\/)/u;
/** Break before these. */
const BREAK_BEFORE = /^[./?#&=_~%+]/u;

/** Splits one address at its break points: "a.b@c.org" → ["a", ".b@", "c", ".org"]. */
function splitAddress(address: string): string[] {
  const pieces: string[] = [];
  let current = '';
  for (let index = 0; index < address.length; index++) {
    const rest = address.slice(index);
    // Never split inside "://" or "//".
    if (rest.startsWith('//')) {
      current += '//';
      index += 1;
      pieces.push(current);
      current = '';
      continue;
    }
    if (BREAK_BEFORE.test(rest) && current !== '' && !current.endsWith('/')) {
      pieces.push(current);
      current = '';
    }
    current += address[index];
    if (BREAK_AFTER.test(rest)) {
      pieces.push(current);
      current = '';
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/**
 * The text cut into pieces that may each start a new line: addresses are cut at their break
 * points, the rest of the text stays whole. Joining the pieces gives the text back unchanged.
 */
export function addressBreaks(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    // A sentence's closing punctuation is not part of the address.
    const address = match[0].replace(/[.,;:!?)]+$/u, '');
    if (address === '') continue;
    const [first = '', ...others] = splitAddress(address);
    current += text.slice(last, match.index) + first;
    for (const piece of others) {
      pieces.push(current);
      current = piece;
    }
    last = match.index + address.length;
  }
  pieces.push(current + text.slice(last));
  return pieces;
}
