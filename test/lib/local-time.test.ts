import { describe, expect, it } from 'vitest';
import { addDays, isLocalDateTime, isTimeZone, localToInstant, suggestTimeZone } from '../../src/lib/local-time.ts';

describe('local times in a named zone', () => {
  it.each([
    ['2025-05-14T09:30', 'Europe/Madrid', '2025-05-14T07:30:00.000Z'],
    ['2025-01-14T09:30', 'Europe/Madrid', '2025-01-14T08:30:00.000Z'],
    ['2025-03-30T03:30', 'Europe/Madrid', '2025-03-30T01:30:00.000Z'],
    ['2025-10-26T01:30', 'America/Montreal', '2025-10-26T05:30:00.000Z'],
    ['2025-06-01T10:00', 'Australia/Melbourne', '2025-06-01T00:00:00.000Z'],
    ['2025-06-01T10:00', 'UTC', '2025-06-01T10:00:00.000Z'],
  ])('reads %s in %s as %s', (local, zone, instant) => {
    expect(localToInstant(local, zone).toISOString()).toBe(instant);
  });

  it('knows IANA zones and their aliases, and suggests one for a typo', () => {
    expect(isTimeZone('Europe/Kiev') && isTimeZone('Europe/Kyiv') && isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Madird') || isTimeZone('CET+1') || isTimeZone('')).toBe(false);
    expect(suggestTimeZone('Europe/Madird')).toBe(' (did you mean "Europe/Madrid"?)');
  });

  it('refuses dates and times that do not exist', () => {
    expect(isLocalDateTime('2025-02-29T10:00')).toBe(false);
    expect(isLocalDateTime('2024-02-29T23:59')).toBe(true);
    expect(isLocalDateTime('2025-05-14 09:30')).toBe(false);
  });

  it('moves a date across a month end', () => {
    expect(addDays('2025-01-29T09:00', 7)).toBe('2025-02-05T09:00');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});
