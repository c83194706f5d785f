import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { emailAddress, markdownText, webAddress } from '../../../src/lib/schemas/fields.ts';
import { practiceSchema } from '../../../src/lib/schemas/practice.ts';

const messages = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('emailAddress', () => {
  const email = emailAddress('e-mail address of the contact');
  const refused = (what: string) =>
    `must be one e-mail address like name@city.org, without ${what} (no spaces, quotes, <, >, ?, & or commas): e-mail address of the contact`;

  it.each(['team@city.org', 'first.last+news@sub.city-hall.example.org', 'a_b-c@x.io'])('accepts %s', (value) => {
    expect(messages(email, value)).toEqual([]);
  });

  it.each([
    ['a subject added with "?"', 'team@city.org?subject=Win', refused('"?"')],
    ['a second header added with "&"', 'team@city.org?cc=a@b.org&bcc=c@d.org', refused('"?"')],
    ['a second recipient after a comma', 'team@city.org,boss@city.org', refused('","')],
    ['a double quote that would end the HTML attribute', 'team@city.org" onclick="alert(1)', refused('the quote "')],
    ['a single quote', "o'brien@city.ie", refused("the quote '")],
    ['angle brackets', '<team@city.org>', refused('"<"')],
    ['a space', 'team @city.org', refused('a space')],
    ['a percent-encoded line break', 'team%0A@city.org', refused('"%"')],
    ['no domain', 'not-an-email', 'must be an e-mail address like name@city.org: e-mail address of the contact'],
    ['a dot at the end', 'team@city.', 'must be an e-mail address like name@city.org: e-mail address of the contact'],
  ])('refuses %s', (_name, value, message) => {
    expect(messages(email, value)).toEqual([message]);
  });
});

describe('webAddress', () => {
  const url = webAddress('address of the link');
  const MESSAGE = 'must be a full web address starting with https://: address of the link';

  it('accepts an https:// address', () => {
    expect(messages(url, 'https://example.org/a?b=c')).toEqual([]);
  });

  it.each(['http://example.org', '//example.org', 'example.org', 'https:///example.org', 'javascript:alert(1)'])('refuses %s', (value) => {
    expect(messages(url, value)).toEqual([MESSAGE]);
  });
});

describe('markdownText', () => {
  it('refuses a picture from another website with the field it is in', () => {
    expect(messages(markdownText('how the practice was done'), 'Steps: ![map](https://maps.example.org/m.png)')).toEqual([
      'shows a picture from another website (https://maps.example.org/m.png), which the site does not load: upload the picture to the media folder (public/images/) and use its address, like /images/practices/picture.jpg: how the practice was done',
    ]);
  });

  it('is what the four parts of a practice are', () => {
    const result = practiceSchema.safeParse({ results: '![x](//cdn.example.org/x.png)' });
    const issues = result.success ? [] : result.error.issues.filter((issue) => issue.path[0] === 'results');
    expect(issues.map((issue) => issue.message)).toEqual([
      'shows a picture from another website (//cdn.example.org/x.png), which the site does not load: upload the picture to the media folder (public/images/) and use its address, like /images/practices/picture.jpg: outcomes, evidence and evaluation',
    ]);
  });
});
