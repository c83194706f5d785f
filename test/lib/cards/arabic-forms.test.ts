import { describe, expect, it } from 'vitest';
import { arabicPresentationForms } from '../../../src/lib/cards/arabic-forms.ts';
import { chooseFonts } from '../../../src/lib/cards/card-fonts.ts';

const codes = (text: string) => [...text].map((character) => character.codePointAt(0)!.toString(16).toUpperCase());

describe('Arabic presentation forms', () => {
  it('joins a word: initial, medial and final forms', () => {
    expect(codes(arabicPresentationForms('بيت'))).toEqual(['FE91', 'FEF4', 'FE96']);
  });

  it('breaks the joining after letters that join only to the right (د ا ر و)', () => {
    expect(codes(arabicPresentationForms('دار'))).toEqual(['FEA9', 'FE8D', 'FEAD']);
    expect(codes(arabicPresentationForms('الرباط'))).toEqual(['FE8D', 'FEDF', 'FEAE', 'FE91', 'FE8E', 'FEC1']);
  });

  it('writes lam followed by alef as one ligature, isolated or final', () => {
    expect(codes(arabicPresentationForms('لا'))).toEqual(['FEFB']);
    expect(codes(arabicPresentationForms('سلام'))).toEqual(['FEB3', 'FEFC', 'FEE1']);
    expect(codes(arabicPresentationForms('الإسلام'))).toEqual(['FE8D', 'FEF9', 'FEB3', 'FEFC', 'FEE1']);
  });

  it('lets vowel marks sit between letters without breaking their joining', () => {
    expect(codes(arabicPresentationForms('تُونس'))).toEqual(['FE97', '64F', 'FEEE', 'FEE7', 'FEB2']);
  });

  it('leaves other text and letters it has no forms for alone', () => {
    expect(arabicPresentationForms('Rabat · חיפה')).toBe('Rabat · חיפה');
    expect(codes(arabicPresentationForms('پل'))).toEqual(['67E', 'FEDD']);
  });

  it('only produces forms that Noto Sans Arabic draws, in both weights', () => {
    const every = arabicPresentationForms('ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي لآ لأ لإ لا ببب ـبـ');
    for (const weight of [400, 700] as const) expect(chooseFonts([{ field: 'title', text: every, weight }]).missing).toEqual([]);
  });
});
