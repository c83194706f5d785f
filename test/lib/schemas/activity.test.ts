import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check-content.ts';
import { formatProblem } from '../../../src/lib/content/problems.ts';
import { ACTIVITY_TYPES, activitySchema } from '../../../src/lib/schemas/activity.ts';

const broken = checkContent('test/fixtures/broken-activities');
const lines = broken.problems.map(formatProblem);

/** The one reported line for a file and field. */
function problemFor(file: string, field: string): string {
  const matches = broken.problems.filter((problem) => problem.file.endsWith(file) && problem.field === field);
  expect(matches, `expected one problem for ${file} ${field}, got:\n${lines.join('\n')}`).toHaveLength(1);
  return formatProblem(matches[0]!);
}

const valid = {
  type: 'study-visit',
  title: { en: 'Study visit' },
  description: { en: 'Two days on the ground.' },
  start: '2025-05-14T09:30',
  end: '2025-05-15T16:00',
  timeZone: 'Europe/Madrid',
  hosts: ['getxo'],
  themes: ['media'],
  organiser: 'City of Getxo',
};

describe('the activity schema', () => {
  it('accepts a complete activity and an online one without a host', () => {
    expect(activitySchema.safeParse(valid).success).toBe(true);
    expect(activitySchema.safeParse({ ...valid, hosts: undefined, online: true }).success).toBe(true);
  });

  it('reads an unquoted YAML date and time back as local text', () => {
    const parsed = activitySchema.parse({ ...valid, start: new Date('2025-05-14T09:30:00Z') });
    expect(parsed.start).toBe('2025-05-14T09:30');
  });

  it('knows the seven types of the programme', () => {
    expect(ACTIVITY_TYPES).toEqual(['study-visit', 'thematic-event', 'coordinators-meeting', 'expert-visit', 'webinar', 'policy-lab', 'training-course']);
  });

  it('accepts an announcement on the day of the start or before, and refuses one after it, naming the field and the fix', () => {
    expect(activitySchema.safeParse({ ...valid, announced: '2025-05-14' }).success).toBe(true);
    expect(activitySchema.parse({ ...valid, announced: new Date('2025-03-03T00:00:00Z') }).announced).toBe('2025-03-03');
    const late = activitySchema.safeParse({ ...valid, announced: '2025-05-15' });
    expect(late.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['announced', '2025-05-15 is after the start (2025-05-14): the day the activity was announced must be on or before the day it starts'],
    ]);
    const garbled = activitySchema.safeParse({ ...valid, announced: 'March' });
    expect(garbled.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['announced', '"March" is not a date written YYYY-MM-DD, like 2025-04-30: the day the activity was announced, written YYYY-MM-DD: its date in "What\'s new" and the feeds (8 weeks before the start when not given)'],
    ]);
  });

  it('accepts a registration deadline the day before the start, and refuses the day itself', () => {
    expect(activitySchema.safeParse({ ...valid, registration: { url: 'https://example.org/r', deadline: '2025-05-13' } }).success).toBe(true);
    expect(activitySchema.safeParse({ ...valid, registration: { url: 'https://example.org/r', deadline: '2025-05-14' } }).success).toBe(false);
  });

  it('refuses an end equal to the start', () => {
    const result = activitySchema.safeParse({ ...valid, end: valid.start });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['end']);
  });
});

describe('the content check of activities', () => {
  it('accepts a valid online activity that names a known practice', () => {
    expect(broken.problems.filter((problem) => problem.file.endsWith('valid-webinar.yaml'))).toEqual([]);
  });

  describe.each([
    ['dates-out-of-order.yaml', 'type', '"study-visti" is not a type of activity (did you mean "study-visit"?): use one of study-visit, thematic-event, coordinators-meeting, expert-visit, webinar, policy-lab, training-course'],
    ['dates-out-of-order.yaml', 'end', '2025-05-13T16:00 is not after the start (2025-05-14T09:30): when the activity ends must come after when it starts, both local time in its time zone'],
    ['dates-out-of-order.yaml', 'timeZone', '"Europe/Madird" is not a known time zone (did you mean "Europe/Madrid"?): use an IANA name like Europe/Madrid, America/Montreal or UTC'],
    ['dates-out-of-order.yaml', 'hosts[0]', '"barcelone" is not a known city (did you mean "barcelona"?): known ids are the file names in src/content/cities/'],
    ['dates-out-of-order.yaml', 'practices[0]', '"rumour-agent" is not a known practice (did you mean "rumour-agents"?): known ids are the file names in src/content/practices/en/'],
    ['dates-out-of-order.yaml', 'registration.deadline', '2025-05-14 is not before the start (2025-05-14): the last day to register must come before the day the activity starts'],
    ['no-place.yaml', 'start', '"2025-02-31T09:00" is not a date and time written YYYY-MM-DDTHH:MM, like 2025-05-14T09:30: when the activity starts, local time in its time zone'],
    ['no-place.yaml', 'end', '"2025-06-01T25:00" is not a date and time written YYYY-MM-DDTHH:MM, like 2025-05-14T09:30: when the activity ends, local time in its time zone'],
    ['no-place.yaml', 'timeZone', '"Mars/Olympus_Mons" is not a known time zone'],
    ['no-place.yaml', 'hosts', 'is missing: the host city or cities, ids from src/content/cities/ (or set online: true for an activity held online)'],
    ['no-place.yaml', 'themes', 'needs at least one theme: ids of the Index themes the activity is about, from src/content/themes/'],
    ['no-place.yaml', 'registration.url', 'must be a full web address starting with https://: address of the registration form'],
    ['no-place.yaml', 'registration.deadline', '"next week" is not a date written YYYY-MM-DD, like 2025-04-30: last day to register, written YYYY-MM-DD'],
    ['no-place.yaml', 'record.summary.en', 'is missing: what took place, in a few sentences, in English'],
    ['empty-hosts.yaml', 'hosts', 'is missing: the host city or cities, ids from src/content/cities/ (or set online: true for an activity held online)'],
  ])('%s %s', (file, field, message) => {
    it('names the file, the field, what is wrong and how to fix it', () => {
      expect(problemFor(`activities/${file}`, field)).toContain(`src/content/activities/${file}: ${field}`);
      expect(problemFor(`activities/${file}`, field)).toContain(message);
    });
  });

  it('reports nothing else for the broken files', () => {
    expect(lines.filter((line) => line.includes('activities/')).length).toBe(15);
  });
});
