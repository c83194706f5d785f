import { describe, expect, it } from 'vitest';
import { mentorAreas } from '../../src/lib/mentor-cities.ts';
import { mentorReason } from '../../src/lib/mentor-reason.ts';
import { cities, latest, statistics } from '../fixtures/mentor-network.ts';

describe('mentorReason', () => {
  it('says the score, where the top quarter starts and what the cities share, in the reader’s language', () => {
    const education = mentorAreas('home', cities, latest, statistics)[0]!;
    const [charlie, bravo, delta] = education.mentors;
    const network = (id: string) => (id === 'spain' ? 'RECI' : id);
    expect(mentorReason('en', charlie!, 94.6, network)).toBe(
      'scores 95 here (the top quarter starts at 95) and is open to mentoring; in common: a working language (Spanish)',
    );
    expect(mentorReason('en', bravo!, 95, network)).toBe('scores 95 here (the top quarter starts at 95) and is open to mentoring; in common: the national network RECI');
    expect(mentorReason('fr', delta!, 95, network)).toBe(
      'obtient 95 ici (le quart supérieur commence à 95) et est prête à accompagner\u202F; en commun\u00A0: le groupe de taille (moins de 200 000 habitants) et le groupe de diversité (moins de 15\u202F% nés à l\'étranger)',
    );
  });
});
