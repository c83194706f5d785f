import { describe, expect, it } from 'vitest';
import { addressBreaks } from '../../src/lib/address-breaks.ts';

describe('address breaks', () => {
  it('breaks an e-mail address after "@" and before each dot, never inside a word', () => {
    expect(addressBreaks('seniors.integration@neuchatel.example.org')).toEqual(['seniors', '.integration@', 'neuchatel', '.example', '.org']);
  });

  it('breaks a web address after "//" and before slashes, dots and query punctuation', () => {
    expect(addressBreaks('https://www.city.example.org/en/services/welcome?lang=en&page=2#top')).toEqual([
      'https://', 'www', '.city', '.example', '.org', '/en', '/services', '/welcome', '?lang', '=en', '&page', '=2', '#top',
    ]);
  });

  it('leaves the text around an address whole, and the sentence full stop outside the address', () => {
    expect(addressBreaks('Write to a.b@city.example.org or see www.city.example.org/x.')).toEqual([
      'Write to a', '.b@', 'city', '.example', '.org or see www', '.city', '.example', '.org', '/x.',
    ]);
  });

  it('returns text without addresses as one piece', () => {
    expect(addressBreaks('Bilbao · Spain')).toEqual(['Bilbao · Spain']);
    expect(addressBreaks('')).toEqual(['']);
  });

  it('gives back exactly the text it was given, for any text', () => {
    const samples = ['mailto:x@y.z', 'https://a.example/' + 'segment/'.repeat(30), 'a@b.c, d@e.f; http://g.h/?i=j', '@@..//', 'Харків https://харків.example/шлях'];
    for (const sample of samples) expect(addressBreaks(sample).join('')).toBe(sample);
  });
});
