import { describe, expect, it } from 'vitest';
import { chooseFonts, parseUnicodeRange } from '../../../src/lib/cards/card-fonts.ts';

const bold = (text: string) => ({ field: 'title', text, weight: 700 as const });

describe('unicode-range parsing', () => {
  it('reads single code points, ranges, lower-case hex and wildcards', () => {
    expect(parseUnicodeRange('U+0131,U+0400-045F, U+d723-d728,U+4??')).toEqual([
      [0x131, 0x131],
      [0x400, 0x45f],
      [0xd723, 0xd728],
      [0x400, 0x4ff],
    ]);
  });

  it('names the item it cannot read', () => {
    expect(() => parseUnicodeRange('U+0000-00FF,0131')).toThrow('"0131" is not a unicode-range item like U+0400-045F or U+4??');
  });
});

describe('font choice', () => {
  it('loads only Noto Sans subsets for Latin, Greek and Cyrillic names', () => {
    const choice = chooseFonts([bold('Łódź Reykjavík Αθήνα Харків')]);
    expect(choice.files.map((file) => file.name)).toEqual(['Noto Sans latin', 'Noto Sans cyrillic', 'Noto Sans greek', 'Noto Sans latin-ext']);
    expect(choice.missing).toEqual([]);
  });

  it('loads a handful of the ~120 CJK subset files, not the whole family', () => {
    const korean = chooseFonts([bold('안산시')]);
    const koreanFiles = korean.files.filter((file) => file.family === 'Noto Sans KR');
    expect(koreanFiles.length).toBeGreaterThan(0);
    expect(koreanFiles.length).toBeLessThanOrEqual(3);
    const japanese = chooseFonts([bold('浜松市 はままつ')]);
    expect(japanese.files.filter((file) => file.family === 'Noto Sans JP').length).toBeLessThanOrEqual(4);
  });

  it('takes Han characters from Noto Sans JP, or from Noto Sans KR on a card written in Hangul', () => {
    expect(chooseFonts([bold('浜松')]).files.map((file) => file.family)).not.toContain('Noto Sans KR');
    const korean = chooseFonts([bold('안산 大韓')]).files.map((file) => file.family);
    expect(korean).toContain('Noto Sans KR');
    expect(korean).not.toContain('Noto Sans JP');
  });

  it('loads each weight only where a text of that weight needs it', () => {
    const choice = chooseFonts([bold('Ansan'), { field: 'localTitle', text: '안산시', weight: 400 }]);
    expect(choice.files.filter((file) => file.family === 'Noto Sans KR').every((file) => file.weight === 400)).toBe(true);
    expect(choice.files.find((file) => file.name === 'Noto Sans latin')?.weight).toBe(700);
  });

  it('reports, per field, a character that no bundled font draws, and ignores invisible ones', () => {
    const choice = chooseFonts([bold('Ansan\u200d\ufe0f'), { field: 'subtitle', text: 'Party 🎉 time 🎉', weight: 400 }]);
    expect(choice.missing).toEqual([{ field: 'subtitle', character: '🎉', codePoint: 'U+1F389' }]);
  });

  it('lists the chosen files in fallback order in font-family', () => {
    const choice = chooseFonts([bold('Haifa חיפה')]);
    expect(choice.fontFamily).toBe("'Noto Sans latin', 'Noto Sans Hebrew hebrew'");
    expect(choice.fonts.map((font) => font.name)).toEqual(['Noto Sans latin', 'Noto Sans Hebrew hebrew']);
  });
});
