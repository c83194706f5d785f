import { describe, expect, it } from 'vitest';
import { askMailto, askTarget, mailtoLink } from '../../src/lib/ask-link.ts';

/** The parts of a mailto: link as a mail program reads them (RFC 6068). */
function readMailto(link: string) {
  const url = new URL(link);
  return {
    to: url.pathname,
    params: [...url.searchParams.keys()],
    subject: url.searchParams.get('subject'),
    body: url.searchParams.get('body'),
  };
}

const PERMALINK = 'https://icc.example.org/en/practices/getxo-anti-rumour-agents/';

describe('askMailto', () => {
  it('writes to the contact with a subject and a polite body in English carrying the permanent address', () => {
    const mail = readMailto(askMailto('en', 'welcome@getxo.example.org', 'Anti-rumour agents', PERMALINK));
    expect(mail.to).toBe('welcome@getxo.example.org');
    expect(mail.subject).toBe('Question about “Anti-rumour agents”');
    expect(mail.body).toBe(
      [
        'Hello,',
        '',
        'I work for a member city of the Intercultural Cities network and have read about your practice “Anti-rumour agents”:',
        PERMALINK,
        '',
        'Could you tell me more about how it works and what it takes?',
        '',
        'Thank you in advance, and kind regards,',
      ].join('\r\n'),
    );
  });

  it('writes the subject and body in the reader’s language, with French spacing', () => {
    const mail = readMailto(askMailto('fr', 'welcome@getxo.example.org', 'Agents anti-rumeurs', PERMALINK.replace('/en/', '/fr/')));
    expect(mail.subject).toBe('Question sur «\u202FAgents anti-rumeurs\u202F»');
    expect(mail.body).toContain('https://icc.example.org/fr/practices/getxo-anti-rumour-agents/');
    expect(mail.body!.startsWith('Bonjour,\r\n')).toBe(true);
    expect(readMailto(askMailto('es', 'a@b.example.org', 'T', PERMALINK)).subject).toBe('Pregunta sobre «T»');
  });

  describe.each([
    ['ampersand and equals', 'Cafés & cooks = friends', ['subject', 'body']],
    ['a question mark and a hash', 'Who? Us! #welcome', ['subject', 'body']],
    ['a header injection attempt', 'Hi&cc=boss@evil.example&bcc=x@evil.example', ['subject', 'body']],
    ['percent signs that look encoded', '100% %0D%0ABcc: x@evil.example', ['subject', 'body']],
    ['HTML and quotes', '"><script>alert(1)</script> l’été', ['subject', 'body']],
    ['a line break inside the title', 'First line\r\nBcc: x@evil.example', ['subject', 'body']],
    ['non-Latin scripts and emoji', 'Харків · 東京 · 🤝', ['subject', 'body']],
  ])('with a hostile title (%s)', (_name, title, params) => {
    it('keeps the recipient and the two fields, and carries the title as text', () => {
      const link = askMailto('en', 'welcome@getxo.example.org', title, PERMALINK);
      const mail = readMailto(link);
      expect(mail.to).toBe('welcome@getxo.example.org');
      expect(mail.params).toEqual(params);
      const flatTitle = title.replace(/[\r\n]+/g, ' ');
      expect(mail.subject).toBe(`Question about “${flatTitle}”`);
      expect(mail.body).toContain(`your practice “${flatTitle}”:\r\n${PERMALINK}\r\n`);
      // Nothing a browser or mail program reads as syntax is left unencoded in the query.
      expect(link.slice(link.indexOf('?') + 1)).toMatch(/^subject=[A-Za-z0-9%\-_.!~*'()]*&body=[A-Za-z0-9%\-_.!~*'()]*$/);
    });
  });

  it('refuses an address that is not one plain e-mail address, naming it', () => {
    expect(() => askMailto('en', 'a@b.example.org?cc=c@d.example.org', 'T', PERMALINK)).toThrow(
      'cannot write an e-mail link to "a@b.example.org?cc=c@d.example.org": it is not one plain e-mail address like name@city.org',
    );
    expect(() => mailtoLink('a@b.example.org, c@d.example.org', 'S', [])).toThrow('it is not one plain e-mail address');
  });
});

describe('askTarget', () => {
  const coordinators: Record<string, string> = { getxo: 'intercultural@getxo.example.org' };
  const coordinatorOf = (id: string) => coordinators[id];

  it('asks the practice’s own contact first', () => {
    expect(askTarget({ cities: ['getxo'], contact: { email: 'team@getxo.example.org' } }, coordinatorOf)).toEqual({
      email: 'team@getxo.example.org',
      via: 'contact',
    });
  });

  it('falls back to the coordination of the first city that has a mailbox', () => {
    const practice = { cities: ['bilbao', 'getxo'], contact: { name: 'Youth service' } };
    expect(askTarget(practice, coordinatorOf)).toEqual({
      email: 'intercultural@getxo.example.org',
      via: 'coordinator',
      cityId: 'getxo',
    });
  });

  it('gives nobody rather than a guessed address when no contact or coordination is recorded', () => {
    expect(askTarget({ cities: ['bilbao'] }, coordinatorOf)).toBeUndefined();
  });
});
