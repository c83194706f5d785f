/** Complete, valid entries of each collection (every optional field filled), for comparisons with the CMS. */
export const practiceSample = {
  title: 'Anti-rumour agents in neighbourhood associations',
  cities: ['barcelona', 'getxo'],
  themes: ['mediation', 'public-space'],
  targetGroups: ['general-public'],
  period: { start: 1990, end: 'ongoing' },
  adaptedFrom: ['some-other-practice'],
  methods: ['anti-rumour-strategy'],
  contact: { name: 'Programme team', role: 'Citizen rights', email: 'team@example.org', url: 'https://example.org/team', languages: ['es', 'ca'] },
  status: 'running',
  evidence: { level: 'external-evaluation', report: 'https://example.org/evaluation.pdf' },
  cost: '50k-250k',
  staff: '1-to-5',
  reach: '1000-to-10000',
  partners: ['some-association'],
  prerequisites: ['A coordinator for half of a full-time post.'],
  openToStudyVisits: true,
  openToMentoring: true,
  links: [{ label: 'Programme website', url: 'https://example.org' }],
  images: [{ src: '/images/practices/agents.jpg', alt: 'Volunteers talking with shoppers at a market stall' }],
  published: '2024-03-01',
  updated: '2025-02-10',
  purpose: 'Train volunteers to answer rumours about migrants with facts.',
  stimulus: 'Rumours spread in several districts.',
  process: 'Forty volunteers were trained.',
  results: 'Participants felt better able to respond.',
  transferability: 'A coordinator and partner associations are needed.',
};

export const citySample = {
  name: 'Lisbon',
  localName: 'Lisboa',
  names: { fr: 'Lisbonne', es: 'Lisboa' },
  country: 'PT',
  lat: 38.72,
  lon: -9.14,
  population: 545000,
  foreignBornShare: 15.5,
  joined: 2011,
  international: true,
  networks: ['portugal'],
  website: 'https://www.lisboa.pt',
  profile: { en: 'A port city on the Tagus.', fr: 'Une ville portuaire sur le Tage.', es: 'Una ciudad portuaria a orillas del Tajo.' },
  coordinator: { email: 'intercultural@example.org', languages: ['pt', 'en'] },
  openToStudyVisits: true,
  openToMentoring: false,
  membership: { demonstration: true, request: '2019-11-18', questionnaire: '2020-06-30', report: '2021-03-15', expertVisit: '2021-10-05', strategy: '2022-05-01' },
};

export const organisationSample = {
  name: 'Associação Lisboa Acolhe',
  kind: 'association',
  country: 'PT',
  website: 'https://example.org/acolhe',
  description: { en: 'Runs welcome desks with the city.', fr: 'Tient des guichets d’accueil avec la ville.', es: 'Gestiona puntos de acogida con la ciudad.' },
};

export const themeSample = {
  order: 3,
  group: 'lens',
  parent: 'intercultural-lens',
  versions: ['pre-2019', '2019'],
  label: { en: 'Education', fr: 'Éducation', es: 'Educación' },
  description: { en: 'Schools that reflect diversity.', fr: 'Des écoles qui reflètent la diversité.', es: 'Escuelas que reflejan la diversidad.' },
};

export const networkSample = {
  name: { en: 'Portuguese Network of Intercultural Cities', fr: 'Réseau portugais des cités interculturelles', es: 'Red portuguesa de ciudades interculturales' },
  country: 'PT',
  website: 'https://example.org/rpci',
  description: { en: 'Cities of Portugal working together.', fr: 'Des villes du Portugal qui travaillent ensemble.', es: 'Ciudades de Portugal que trabajan juntas.' },
  coordinator: { name: 'RPCI coordination', email: 'rpci@example.org', url: 'https://example.org/rpci/contact' },
  demonstration: true,
};

export function indexResultSample(themeIds: readonly string[]) {
  return {
    city: 'lisbon',
    edition: 2019,
    date: '2019-09-30',
    version: '2019',
    sampleSize: 110,
    overall: 66,
    scores: Object.fromEntries(themeIds.map((id) => [id, 50])),
    summary: { en: 'A summary of the report.', fr: 'Une synthèse du rapport.', es: 'Un resumen del informe.' },
    recommendations: [{ theme: 'language', en: 'Offer more language courses.', fr: 'Proposer plus de cours de langue.', es: 'Ofrecer más cursos de idiomas.' }],
  };
}

export const pageSample = {
  title: 'Joining the network',
  description: 'Who can join the network and how.',
};

export const methodSample = {
  name: 'Anti-rumour strategy',
  themes: ['anti-discrimination', 'media-communication'],
  budget: 'low',
  summary: 'Volunteers and city staff answer prejudice with facts and conversation.',
  whenToUse: 'When stereotypes about newcomers spread.',
  steps: ['Map the rumours.', 'Train volunteer agents.'],
  skills: 'Training and coordination.',
  partners: 'Associations and libraries.',
  time: 'Six months to set up.',
  pitfalls: 'Lecturing people rather than listening.',
  evaluation: 'Surveys before and after.',
  sources: [{ label: 'Anti-rumour manual', url: 'https://example.org/manual' }],
};

export const resourceSample = {
  kind: 'manual',
  title: { en: 'Anti-rumour manual', fr: 'Manuel anti-rumeurs', es: 'Manual antirrumores' },
  summary: { en: 'How to run the strategy.', fr: 'Comment mener la stratégie.', es: 'Cómo llevar a cabo la estrategia.' },
  year: 2018,
  publisher: 'Council of Europe',
  languages: ['en', 'fr'],
  url: 'https://example.org/manual',
  file: '/documents/manual.pdf',
  themes: ['anti-discrimination'],
  methods: ['anti-rumour-strategy'],
  practices: ['some-practice'],
};

export const activitySample = {
  type: 'study-visit',
  demonstration: true,
  announced: '2025-03-03',
  title: { en: 'Study visit to Getxo', fr: 'Visite d’étude à Getxo', es: 'Visita de estudio a Getxo' },
  description: { en: 'Two days on the ground.', fr: 'Deux jours sur le terrain.', es: 'Dos días sobre el terreno.' },
  start: '2025-05-14T09:30',
  end: '2025-05-15T16:00',
  timeZone: 'Europe/Madrid',
  hosts: ['getxo'],
  venue: 'Romo Kultur Etxea',
  online: false,
  themes: ['anti-discrimination'],
  practices: ['some-practice'],
  participants: ['patras'],
  networks: ['spain'],
  organiser: 'City of Getxo',
  registration: { url: 'https://example.org/register', deadline: '2025-04-25' },
  record: {
    summary: { en: 'What happened.', fr: 'Ce qui s’est passé.', es: 'Lo que ocurrió.' },
    outcomes: { en: 'What came of it.', fr: 'Ce qui en est sorti.', es: 'Lo que resultó.' },
    documents: [{ title: { en: 'Programme', fr: 'Programme', es: 'Programa' }, url: 'https://example.org/programme' }],
    slides: 'https://example.org/slides',
    recording: 'https://example.org/recording',
  },
};
