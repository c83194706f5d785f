import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent, frenchTypography, t } from '../../src/lib/i18n.ts';

describe('t', () => {
  it('fills placeholders in both languages', () => {
    expect(t('en', 'practices.count', { count: 12 })).toBe('12 practices');
    expect(t('fr', 'practices.count', { count: 12 })).toBe('12 pratiques');
  });
});

describe('formatting', () => {
  it('writes numbers and dates the reader\'s way', () => {
    expect(formatNumber('en', 1620000)).toBe('1,620,000');
    expect(formatNumber('fr', 1620000).replace(/\s/g, ' ')).toBe('1 620 000');
    expect(formatDate('en', '2024-03-01')).toBe('1 March 2024');
    expect(formatDate('fr', '2024-03-01')).toBe('1 mars 2024');
  });

  it('writes percentages without a space in English and with a narrow no-break space in French', () => {
    expect(formatPercent('en', 12.8, 1)).toBe('12.8%');
    expect(formatPercent('fr', 12.8, 1)).toBe('12,8\u202F%');
  });

  it('keeps French punctuation from starting a line', () => {
    expect(frenchTypography('Moyenne : 67 % ; « bien » ? Oui !')).toBe('Moyenne\u00A0: 67\u202F%\u202F; «\u202Fbien\u202F»\u202F? Oui\u202F!');
    expect(frenchTypography('https://example.org: rien')).toBe('https://example.org: rien');
    // Applied to every French string.
    expect(t('fr', 'index.overallOf', { score: 65 })).toBe('65\u202F%');
  });
});
