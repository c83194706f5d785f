import { describe, expect, it } from 'vitest';
import { buildActivityIndex } from '../../src/lib/activities.ts';
import { networkActivityLinks } from '../../src/lib/network-activities.ts';
import type { Activity } from '../../src/lib/schemas/activity.ts';

const base: Activity = {
  type: 'study-visit',
  title: { en: 'Study visit to Getxo', fr: 'Visite d’étude à Getxo' },
  description: { en: 'Two days.' },
  start: '2025-05-14T09:30',
  end: '2025-05-15T16:00',
  timeZone: 'Europe/Madrid',
  hosts: ['getxo'],
  themes: ['mediation'],
  organiser: 'City of Getxo',
};
const activities = [
  // Hosted by a member city of the Spanish network.
  { id: 'visit-getxo', data: base },
  // A member city takes part; the host is not a member.
  { id: 'lab-oslo', data: { ...base, type: 'policy-lab' as const, title: { en: 'Policy lab in Oslo' }, hosts: ['oslo'], participants: ['bilbao'], start: '2027-01-20T09:00', end: '2027-01-21T17:00', timeZone: 'Europe/Oslo' } },
  // Tagged with the network, online, no member city in it.
  { id: 'webinar-reci', data: { ...base, type: 'webinar' as const, title: { en: 'RECI webinar' }, hosts: undefined, online: true, networks: ['spain'], start: '2026-02-03T14:00', end: '2026-02-03T15:00', timeZone: 'UTC' } },
  // Nothing to do with Spain.
  { id: 'visit-patras', data: { ...base, title: { en: 'Study visit to Patras' }, hosts: ['patras'], networks: ['italy'] } },
];
const members: Record<string, string[]> = { getxo: ['spain'], bilbao: ['spain'], oslo: ['norway'] };
const index = buildActivityIndex({ activities, networksOfCity: (city) => members[city] ?? [], now: new Date('2026-06-01T12:00:00Z') });
const place = (activity: { data: Activity }) => (activity.data.hosts ?? ['Online']).join(', ');

describe('networkActivityLinks', () => {
  it("lists what the network's cities host or join and what is tagged with the network, latest start first, in the page's language", () => {
    expect(networkActivityLinks(index, 'spain', 'fr', place)).toEqual([
      { title: 'Policy lab in Oslo', textLang: 'en', href: '/fr/activities/lab-oslo/', start: '2027-01-20', place: 'oslo' },
      { title: 'RECI webinar', textLang: 'en', href: '/fr/activities/webinar-reci/', start: '2026-02-03', place: 'Online' },
      { title: 'Visite d’étude à Getxo', textLang: 'fr', href: '/fr/activities/visit-getxo/', start: '2025-05-14', place: 'getxo' },
    ]);
  });

  it('gives a network without activities an empty list (the page then shows no section)', () => {
    expect(networkActivityLinks(index, 'morocco', 'en', place)).toEqual([]);
    expect(networkActivityLinks(index, 'norway', 'en', place).map((link) => link.href)).toEqual(['/en/activities/lab-oslo/']);
  });
});
