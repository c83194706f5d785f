/**
 * Arabic letters written as their joined forms (Unicode's Arabic Presentation Forms-B) before a
 * card is drawn. satori 0.63 shapes Arabic with HarfBuzz but draws vertical mark offsets upside
 * down, and Noto Sans Arabic draws the dots of ة, ي, ب, ن… as marks: they vanished into or above
 * the letter. The presentation-form glyphs carry their dots, so nothing depends on marks.
 * Joining follows Unicode's rules (ArabicShaping.txt) for the letters of the Arabic alphabet;
 * other letters (Persian, Urdu) are left to HarfBuzz.
 */

/** Isolated, final, initial, medial code points; two-form letters only join to the right. */
const FORMS: Record<string, readonly number[]> = {
  '\u0621': [0xfe80],
  '\u0622': [0xfe81, 0xfe82],
  '\u0623': [0xfe83, 0xfe84],
  '\u0624': [0xfe85, 0xfe86],
  '\u0625': [0xfe87, 0xfe88],
  '\u0626': [0xfe89, 0xfe8a, 0xfe8b, 0xfe8c],
  '\u0627': [0xfe8d, 0xfe8e],
  '\u0628': [0xfe8f, 0xfe90, 0xfe91, 0xfe92],
  '\u0629': [0xfe93, 0xfe94],
  '\u062A': [0xfe95, 0xfe96, 0xfe97, 0xfe98],
  '\u062B': [0xfe99, 0xfe9a, 0xfe9b, 0xfe9c],
  '\u062C': [0xfe9d, 0xfe9e, 0xfe9f, 0xfea0],
  '\u062D': [0xfea1, 0xfea2, 0xfea3, 0xfea4],
  '\u062E': [0xfea5, 0xfea6, 0xfea7, 0xfea8],
  '\u062F': [0xfea9, 0xfeaa],
  '\u0630': [0xfeab, 0xfeac],
  '\u0631': [0xfead, 0xfeae],
  '\u0632': [0xfeaf, 0xfeb0],
  '\u0633': [0xfeb1, 0xfeb2, 0xfeb3, 0xfeb4],
  '\u0634': [0xfeb5, 0xfeb6, 0xfeb7, 0xfeb8],
  '\u0635': [0xfeb9, 0xfeba, 0xfebb, 0xfebc],
  '\u0636': [0xfebd, 0xfebe, 0xfebf, 0xfec0],
  '\u0637': [0xfec1, 0xfec2, 0xfec3, 0xfec4],
  '\u0638': [0xfec5, 0xfec6, 0xfec7, 0xfec8],
  '\u0639': [0xfec9, 0xfeca, 0xfecb, 0xfecc],
  '\u063A': [0xfecd, 0xfece, 0xfecf, 0xfed0],
  '\u0641': [0xfed1, 0xfed2, 0xfed3, 0xfed4],
  '\u0642': [0xfed5, 0xfed6, 0xfed7, 0xfed8],
  '\u0643': [0xfed9, 0xfeda, 0xfedb, 0xfedc],
  '\u0644': [0xfedd, 0xfede, 0xfedf, 0xfee0],
  '\u0645': [0xfee1, 0xfee2, 0xfee3, 0xfee4],
  '\u0646': [0xfee5, 0xfee6, 0xfee7, 0xfee8],
  '\u0647': [0xfee9, 0xfeea, 0xfeeb, 0xfeec],
  '\u0648': [0xfeed, 0xfeee],
  '\u0649': [0xfeef, 0xfef0],
  '\u064A': [0xfef1, 0xfef2, 0xfef3, 0xfef4],
};

/** Lam followed by an alef: one ligature, isolated or final. */
const LAM_ALEF: Record<string, readonly [number, number]> = {
  '\u0622': [0xfef5, 0xfef6],
  '\u0623': [0xfef7, 0xfef8],
  '\u0625': [0xfef9, 0xfefa],
  '\u0627': [0xfefb, 0xfefc],
};

const TATWEEL = '\u0640';
/** Marks between letters do not break their joining (joining type T). */
const TRANSPARENT = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

/** Joins on both sides (initial and medial forms exist, or the tatweel). */
const joinsBoth = (character: string | undefined) => character === TATWEEL || (character !== undefined && FORMS[character]?.length === 4);
/** Joins at least to the right (to the letter before it). */
const joinsRight = (character: string | undefined) => character === TATWEEL || (character !== undefined && (FORMS[character]?.length ?? 0) >= 2);

/** The text with the basic Arabic letters replaced by their presentation forms. */
export function arabicPresentationForms(text: string): string {
  if (!/[\u0621-\u064A]/u.test(text)) return text;
  const characters = [...text];
  /** The nearest non-transparent character before or after `index`. */
  const neighbour = (index: number, step: -1 | 1) => {
    for (let at = index + step; at >= 0 && at < characters.length; at += step) {
      if (!TRANSPARENT.test(characters[at]!)) return characters[at];
    }
    return undefined;
  };
  let result = '';
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index]!;
    const forms = FORMS[character];
    if (!forms) {
      result += character;
      continue;
    }
    const joinedBefore = joinsBoth(neighbour(index, -1));
    const next = neighbour(index, 1);
    if (character === '\u0644' && next !== undefined && LAM_ALEF[next]) {
      const nextIndex = characters.indexOf(next, index + 1);
      // The marks between lam and alef stay, after the ligature.
      result += String.fromCodePoint(LAM_ALEF[next][joinedBefore ? 1 : 0]) + characters.slice(index + 1, nextIndex).join('');
      index = nextIndex;
      continue;
    }
    const joinedAfter = forms.length === 4 && joinsRight(next);
    const form = joinedBefore ? (joinedAfter ? forms[3] : forms[1]) : joinedAfter ? forms[2] : forms[0];
    result += String.fromCodePoint(form ?? forms[0]!);
  }
  return result;
}
