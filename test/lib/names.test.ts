import { describe, expect, it } from 'vitest';
import { periodText } from '../../src/lib/names.ts';

describe('periodText', () => {
  it.each([
    [{ start: 2015, end: 2019 }, '2015–2019'],
    [{ start: 2014, end: 'ongoing' as const }, '2014–ongoing'],
    [{ start: 2020, end: 2020 }, '2020'],
  ])('writes %o as %s: one style for every range, an en dash and no spaces', (period, text) => {
    expect(periodText(period, 'ongoing')).toBe(text);
  });

  it('uses the translated word for an ongoing practice', () => {
    expect(periodText({ start: 2014, end: 'ongoing' }, 'en cours')).toBe('2014–en cours');
  });
});
