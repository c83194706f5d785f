/**
 * Social cards draw titles and names with the bundled Noto fonts (src/lib/cards/card-fonts.ts).
 * A character none of them has (an emoji, a script without a font yet) would stop the build when
 * its card is drawn; the content check finds it first and names the file and the field.
 */
import { undrawableCharacters } from '../cards/card-fonts.ts';
import { REGISTERED_LANGUAGES } from '../languages.ts';
import type { ValidContent } from './check-content.ts';
import type { Problem } from './problems.ts';

/** Problems for every card-drawn field that has a character no bundled font draws. */
export function cardTextProblems(content: ValidContent): Problem[] {
  const fields: { file: string; field: string; text: string | undefined }[] = [];
  for (const { file, data } of content.cities) {
    fields.push({ file, field: 'name', text: data.name }, { file, field: 'localName', text: data.localName });
    for (const [lang, name] of Object.entries(data.names ?? {})) fields.push({ file, field: `names.${lang}`, text: name });
  }
  for (const { file, data, stub } of content.practices) if (!stub && 'title' in data) fields.push({ file, field: 'title', text: data.title });
  for (const { file, data } of content.themes) {
    for (const lang of REGISTERED_LANGUAGES) fields.push({ file, field: `label.${lang}`, text: data.label[lang] }, { file, field: `description.${lang}`, text: data.description[lang] });
  }
  for (const { file, data } of content.networks) for (const lang of REGISTERED_LANGUAGES) fields.push({ file, field: `name.${lang}`, text: data.name[lang] });
  for (const { file, data } of content.pages) fields.push({ file, field: 'title', text: data.title }, { file, field: 'description', text: data.description });
  return fields.flatMap(({ file, field, text }) => {
    const missing = text ? undrawableCharacters(text) : [];
    if (missing.length === 0) return [];
    const list = missing.map(({ character, codePoint }) => `"${character}" (${codePoint})`).join(', ');
    return [{ file, field, message: `has ${list}, which the social cards cannot draw: remove or replace it, or add a Noto font that has it to FONT_FAMILIES in src/lib/cards/card-fonts.ts` }];
  });
}
