/**
 * Word banks for the synthetic benchmark corpus: enough vocabulary, in English, French and Spanish,
 * for practice texts, city profiles and Index summaries to index and render like real content.
 * Tuples [en, fr, es] are used where every language must say the same thing (titles). A language
 * added to the registry (src/lib/languages.ts) needs a bank here before the corpus can be written in it.
 */

export type Pair = readonly [en: string, fr: string, es: string];

export const TITLE_ADJECTIVES: readonly Pair[] = [
  ['Neighbourhood', 'de quartier', 'de barrio'],
  ['Intercultural', 'interculturel', 'intercultural'],
  ['Community', 'communautaire', 'comunitario'],
  ['Multilingual', 'multilingue', 'multilingüe'],
  ['Local', 'local', 'local'],
  ['Peer', 'entre pairs', 'entre iguales'],
  ['Mobile', 'mobile', 'móvil'],
  ['Municipal', 'municipal', 'municipal'],
  ['Shared', 'partagé', 'compartido'],
  ['Open', 'ouvert', 'abierto'],
  ['Citywide', 'à l’échelle de la ville', 'de toda la ciudad'],
  ['Participatory', 'participatif', 'participativo'],
  ['Inclusive', 'inclusif', 'inclusivo'],
  ['Youth-led', 'mené par des jeunes', 'dirigido por jóvenes'],
  ['Volunteer', 'bénévole', 'voluntario'],
];

export const TITLE_NOUNS: readonly Pair[] = [
  ['welcome desk', 'Guichet d’accueil', 'Ventanilla de acogida'],
  ['mentoring scheme', 'Programme de mentorat', 'Programa de mentoría'],
  ['mediation service', 'Service de médiation', 'Servicio de mediación'],
  ['language café', 'Café des langues', 'Café de idiomas'],
  ['anti-rumour network', 'Réseau anti-rumeurs', 'Red antirrumores'],
  ['storytelling festival', 'Festival du récit', 'Festival de relatos'],
  ['job fair', 'Salon de l’emploi', 'Feria de empleo'],
  ['advisory council', 'Conseil consultatif', 'Consejo consultivo'],
  ['training programme', 'Programme de formation', 'Programa de formación'],
  ['public library programme', 'Programme de bibliothèque publique', 'Programa de biblioteca pública'],
  ['sports league', 'Ligue sportive', 'Liga deportiva'],
  ['urban garden', 'Jardin urbain', 'Huerto urbano'],
  ['housing support service', 'Service d’aide au logement', 'Servicio de apoyo a la vivienda'],
  ['school partnership', 'Partenariat scolaire', 'Alianza escolar'],
  ['diversity charter', 'Charte de la diversité', 'Carta de la diversidad'],
  ['business incubator', 'Incubateur d’entreprises', 'Incubadora de empresas'],
  ['media workshop', 'Atelier média', 'Taller de medios'],
  ['citizens’ assembly', 'Assemblée citoyenne', 'Asamblea ciudadana'],
  ['cultural centre', 'Centre culturel', 'Centro cultural'],
  ['health navigator service', 'Service d’orientation en santé', 'Servicio de orientación sanitaria'],
  ['data observatory', 'Observatoire des données', 'Observatorio de datos'],
  ['street festival', 'Fête de rue', 'Fiesta callejera'],
  ['parent network', 'Réseau de parents', 'Red de familias'],
  ['buddy programme', 'Programme de parrainage', 'Programa de acompañamiento'],
  ['information campaign', 'Campagne d’information', 'Campaña informativa'],
];

export const TITLE_GROUPS: readonly Pair[] = [
  ['for newcomers', 'pour les nouveaux arrivants', 'para personas recién llegadas'],
  ['for refugee families', 'pour les familles réfugiées', 'para familias refugiadas'],
  ['for young people', 'pour les jeunes', 'para jóvenes'],
  ['for women of migrant background', 'pour les femmes issues de l’immigration', 'para mujeres de origen migrante'],
  ['for city staff', 'pour le personnel municipal', 'para el personal municipal'],
  ['for small businesses', 'pour les petites entreprises', 'para pequeños comercios'],
  ['for older residents', 'pour les résidents âgés', 'para personas mayores'],
  ['for schools', 'pour les écoles', 'para las escuelas'],
  ['for all residents', 'pour tous les habitants', 'para toda la vecindad'],
  ['in mixed neighbourhoods', 'dans les quartiers mixtes', 'en barrios diversos'],
  ['for Roma families', 'pour les familles roms', 'para familias gitanas'],
  ['for migrant workers', 'pour les travailleurs migrants', 'para trabajadores migrantes'],
];

interface Bank {
  subjects: readonly string[];
  groups: readonly string[];
  problems: readonly string[];
  partners: readonly string[];
  actions: readonly string[];
  objects: readonly string[];
  places: readonly string[];
  outcomes: readonly string[];
  needs: readonly string[];
  adverbs: readonly string[];
  connectors: readonly string[];
}

export const EN: Bank = {
  subjects: [
    'The city council', 'The intercultural unit', 'The mayor’s office', 'The department of social affairs',
    'A group of local associations', 'The education department', 'The housing department', 'Neighbourhood councils',
    'The employment agency', 'The public library service', 'Youth workers', 'Community health teams',
    'The equality office', 'The culture department', 'A coalition of migrant organisations', 'School principals',
  ],
  groups: [
    'newcomers', 'refugees', 'asylum seekers', 'young people of migrant background', 'older residents',
    'women who had recently arrived', 'Roma families', 'seasonal workers', 'international students',
    'small shop owners', 'parents with little knowledge of the school system', 'unaccompanied minors',
    'long-term residents', 'second-generation residents', 'city employees', 'volunteers',
  ],
  problems: [
    'rarely took part in public consultations', 'struggled to find stable housing', 'felt unwelcome in public spaces',
    'had little contact with their neighbours', 'faced discrimination when applying for jobs',
    'did not know which services they were entitled to', 'were under-represented in local associations',
    'left school earlier than their classmates', 'reported rising tension in shared courtyards',
    'had difficulty getting their qualifications recognised', 'relied on informal interpreters',
    'were exposed to rumours and stereotypes in local media', 'waited months for a first appointment',
    'could not follow meetings held only in the official language',
  ],
  partners: [
    'the regional government', 'a local university', 'migrant associations', 'the chamber of commerce',
    'neighbourhood schools', 'the public broadcaster', 'faith communities', 'trade unions', 'the police',
    'a housing cooperative', 'sports clubs', 'the national network of intercultural cities', 'the public health authority',
    'a foundation', 'local businesses', 'cultural organisations',
  ],
  actions: [
    'trained', 'recruited', 'set up', 'funded', 'mapped', 'evaluated', 'coordinated', 'opened', 'published',
    'organised', 'translated', 'supported', 'designed', 'tested', 'expanded', 'monitored',
  ],
  objects: [
    'a team of bilingual mediators', 'a small grants fund', 'monthly meetings in community centres',
    'a guide in twelve languages', 'an online map of services', 'a network of volunteer mentors',
    'weekly conversation groups', 'a pilot in two districts', 'a training course for frontline staff',
    'a public awareness campaign', 'a joint working group', 'drop-in sessions at the library',
    'an annual neighbourhood festival', 'a reporting line for discrimination', 'a survey of residents',
    'job-shadowing placements', 'after-school homework clubs', 'a shared calendar of activities',
  ],
  places: [
    'the old town', 'the northern districts', 'the harbour area', 'social housing estates', 'the city centre',
    'suburban neighbourhoods', 'the railway station district', 'market squares', 'public parks',
    'primary schools', 'community centres', 'branch libraries',
  ],
  outcomes: [
    'the number of participants doubled within two years', 'waiting times fell by about a third',
    'most participants said they felt more at home in the city', 'complaints about noise and conflict decreased',
    'more residents of migrant background stood for local office', 'several other cities adopted the approach',
    'an external evaluation confirmed lasting effects', 'employers reported fewer vacancies left unfilled',
    'school attendance improved noticeably', 'trust in municipal services rose in the annual survey',
    'volunteers continued the activities without city funding', 'local media covered the topic more fairly',
  ],
  needs: [
    'a clear political mandate', 'one dedicated coordinator', 'a modest but stable budget',
    'trusted partners in the neighbourhoods', 'time to build relationships', 'simple evaluation tools',
    'staff who speak the main community languages', 'support from the mayor', 'a written agreement with partners',
    'regular feedback from participants', 'training for volunteers', 'rooms that are free and easy to reach',
  ],
  adverbs: ['gradually', 'quickly', 'carefully', 'jointly', 'systematically', 'informally', 'openly', 'successfully'],
  connectors: [
    'At the same time', 'In addition', 'As a result', 'From the start', 'Over the following years',
    'In the first phase', 'Later on', 'Meanwhile', 'In practice', 'In the end',
  ],
};

export const FR: Bank = {
  subjects: [
    'Le conseil municipal', 'Le service interculturel', 'Le cabinet du maire', 'La direction des affaires sociales',
    'Un collectif d’associations locales', 'La direction de l’éducation', 'Le service du logement', 'Les conseils de quartier',
    'L’agence pour l’emploi', 'Le réseau des bibliothèques', 'Les animateurs jeunesse', 'Les équipes de santé communautaire',
    'Le bureau de l’égalité', 'La direction de la culture', 'Une coalition d’organisations de migrants', 'Les directeurs d’école',
  ],
  groups: [
    'les nouveaux arrivants', 'les réfugiés', 'les demandeurs d’asile', 'les jeunes issus de l’immigration', 'les résidents âgés',
    'les femmes récemment arrivées', 'les familles roms', 'les travailleurs saisonniers', 'les étudiants internationaux',
    'les petits commerçants', 'les parents peu familiers du système scolaire', 'les mineurs non accompagnés',
    'les habitants de longue date', 'les résidents de deuxième génération', 'les agents municipaux', 'les bénévoles',
  ],
  problems: [
    'participaient rarement aux consultations publiques', 'avaient du mal à trouver un logement stable',
    'se sentaient mal accueillis dans l’espace public', 'avaient peu de contacts avec leurs voisins',
    'subissaient des discriminations à l’embauche', 'ignoraient les services auxquels ils avaient droit',
    'étaient sous-représentés dans les associations locales', 'quittaient l’école plus tôt que leurs camarades',
    'signalaient des tensions croissantes dans les cours partagées', 'peinaient à faire reconnaître leurs diplômes',
    'dépendaient d’interprètes informels', 'étaient exposés aux rumeurs et aux stéréotypes dans les médias locaux',
    'attendaient des mois un premier rendez-vous', 'ne pouvaient pas suivre des réunions tenues dans la seule langue officielle',
  ],
  partners: [
    'la région', 'une université locale', 'les associations de migrants', 'la chambre de commerce',
    'les écoles du quartier', 'le service public audiovisuel', 'les communautés religieuses', 'les syndicats', 'la police',
    'une coopérative d’habitation', 'les clubs sportifs', 'le réseau national des cités interculturelles', 'l’autorité de santé publique',
    'une fondation', 'les entreprises locales', 'les organisations culturelles',
  ],
  actions: [
    'a formé', 'a recruté', 'a mis en place', 'a financé', 'a cartographié', 'a évalué', 'a coordonné', 'a ouvert', 'a publié',
    'a organisé', 'a traduit', 'a soutenu', 'a conçu', 'a testé', 'a étendu', 'a suivi',
  ],
  objects: [
    'une équipe de médiateurs bilingues', 'un petit fonds de subventions', 'des réunions mensuelles dans les centres sociaux',
    'un guide en douze langues', 'une carte en ligne des services', 'un réseau de mentors bénévoles',
    'des groupes de conversation hebdomadaires', 'un projet pilote dans deux quartiers', 'une formation pour le personnel d’accueil',
    'une campagne de sensibilisation', 'un groupe de travail commun', 'des permanences à la bibliothèque',
    'une fête de quartier annuelle', 'une ligne de signalement des discriminations', 'une enquête auprès des habitants',
    'des stages d’observation', 'des clubs de devoirs après l’école', 'un calendrier partagé des activités',
  ],
  places: [
    'la vieille ville', 'les quartiers nord', 'le quartier du port', 'les grands ensembles', 'le centre-ville',
    'les quartiers périphériques', 'le quartier de la gare', 'les places de marché', 'les parcs publics',
    'les écoles primaires', 'les centres sociaux', 'les bibliothèques de quartier',
  ],
  outcomes: [
    'le nombre de participants a doublé en deux ans', 'les délais d’attente ont baissé d’environ un tiers',
    'la plupart des participants disent se sentir davantage chez eux', 'les plaintes pour bruit et conflits ont diminué',
    'davantage d’habitants issus de l’immigration se sont présentés aux élections locales', 'plusieurs autres villes ont repris la démarche',
    'une évaluation externe a confirmé des effets durables', 'les employeurs signalent moins de postes non pourvus',
    'l’assiduité scolaire s’est nettement améliorée', 'la confiance dans les services municipaux a progressé dans l’enquête annuelle',
    'les bénévoles ont poursuivi les activités sans financement municipal', 'les médias locaux traitent le sujet de façon plus équilibrée',
  ],
  needs: [
    'un mandat politique clair', 'un coordinateur dédié', 'un budget modeste mais stable',
    'des partenaires de confiance dans les quartiers', 'du temps pour tisser des liens', 'des outils d’évaluation simples',
    'du personnel parlant les principales langues des habitants', 'le soutien du maire', 'une convention écrite avec les partenaires',
    'des retours réguliers des participants', 'une formation des bénévoles', 'des salles gratuites et faciles d’accès',
  ],
  adverbs: ['progressivement', 'rapidement', 'avec soin', 'conjointement', 'systématiquement', 'de manière informelle', 'ouvertement', 'avec succès'],
  connectors: [
    'Dans le même temps', 'En outre', 'En conséquence', 'Dès le départ', 'Les années suivantes',
    'Dans une première phase', 'Par la suite', 'Parallèlement', 'Concrètement', 'Au final',
  ],
};

export const ES: Bank = {
  subjects: [
    'El ayuntamiento', 'La unidad intercultural', 'La alcaldía', 'El área de servicios sociales',
    'Un grupo de asociaciones locales', 'El área de educación', 'El servicio de vivienda', 'Los consejos de barrio',
    'La agencia de empleo', 'La red de bibliotecas', 'Los educadores juveniles', 'Los equipos de salud comunitaria',
    'La oficina de igualdad', 'El área de cultura', 'Una coalición de organizaciones de migrantes', 'Las direcciones escolares',
  ],
  groups: [
    'las personas recién llegadas', 'las personas refugiadas', 'los solicitantes de asilo', 'los jóvenes de origen migrante', 'las personas mayores',
    'las mujeres llegadas hace poco', 'las familias gitanas', 'los temporeros', 'los estudiantes internacionales',
    'los pequeños comerciantes', 'las familias que apenas conocían el sistema escolar', 'los menores no acompañados',
    'los vecinos de toda la vida', 'los residentes de segunda generación', 'los empleados municipales', 'los voluntarios',
  ],
  problems: [
    'apenas participaban en las consultas públicas', 'tenían dificultades para encontrar una vivienda estable',
    'no se sentían bienvenidos en el espacio público', 'tenían poco trato con sus vecinos',
    'sufrían discriminación al buscar empleo', 'no sabían a qué servicios tenían derecho',
    'estaban poco representados en las asociaciones locales', 'dejaban la escuela antes que sus compañeros',
    'señalaban tensiones crecientes en los patios compartidos', 'no lograban que se reconocieran sus títulos',
    'dependían de intérpretes informales', 'sufrían rumores y estereotipos en los medios locales',
    'esperaban meses una primera cita', 'no podían seguir reuniones celebradas solo en la lengua oficial',
  ],
  partners: [
    'el gobierno regional', 'una universidad local', 'las asociaciones de migrantes', 'la cámara de comercio',
    'las escuelas del barrio', 'la radiotelevisión pública', 'las comunidades religiosas', 'los sindicatos', 'la policía local',
    'una cooperativa de vivienda', 'los clubes deportivos', 'la red estatal de ciudades interculturales', 'la autoridad sanitaria',
    'una fundación', 'el comercio local', 'las entidades culturales',
  ],
  actions: [
    'formó', 'contrató', 'puso en marcha', 'financió', 'cartografió', 'evaluó', 'coordinó', 'abrió', 'publicó',
    'organizó', 'tradujo', 'apoyó', 'diseñó', 'probó', 'amplió', 'supervisó',
  ],
  objects: [
    'un equipo de mediadores bilingües', 'un pequeño fondo de ayudas', 'reuniones mensuales en los centros cívicos',
    'una guía en doce idiomas', 'un mapa en línea de los servicios', 'una red de mentores voluntarios',
    'grupos semanales de conversación', 'un proyecto piloto en dos distritos', 'un curso para el personal de atención',
    'una campaña de sensibilización', 'un grupo de trabajo conjunto', 'sesiones abiertas en la biblioteca',
    'una fiesta anual de barrio', 'un canal para denunciar la discriminación', 'una encuesta a la vecindad',
    'estancias de observación en empresas', 'clubes de deberes después de clase', 'un calendario compartido de actividades',
  ],
  places: [
    'el casco antiguo', 'los barrios del norte', 'la zona del puerto', 'los polígonos de vivienda social', 'el centro de la ciudad',
    'los barrios periféricos', 'el barrio de la estación', 'las plazas de mercado', 'los parques públicos',
    'las escuelas de primaria', 'los centros cívicos', 'las bibliotecas de barrio',
  ],
  outcomes: [
    'el número de participantes se duplicó en dos años', 'los tiempos de espera bajaron cerca de un tercio',
    'la mayoría de los participantes dice sentirse más en casa en la ciudad', 'las quejas por ruido y conflictos disminuyeron',
    'más vecinos de origen migrante se presentaron a las elecciones municipales', 'varias ciudades adoptaron el enfoque',
    'una evaluación externa confirmó efectos duraderos', 'las empresas señalan menos vacantes sin cubrir',
    'la asistencia escolar mejoró de forma notable', 'la confianza en los servicios municipales creció en la encuesta anual',
    'los voluntarios mantuvieron las actividades sin fondos municipales', 'los medios locales tratan el tema con más equilibrio',
  ],
  needs: [
    'un mandato político claro', 'una persona coordinadora dedicada', 'un presupuesto modesto pero estable',
    'socios de confianza en los barrios', 'tiempo para crear vínculos', 'herramientas sencillas de evaluación',
    'personal que hable las principales lenguas de la vecindad', 'el apoyo de la alcaldía', 'un acuerdo escrito con los socios',
    'opiniones periódicas de los participantes', 'formación para el voluntariado', 'locales gratuitos y accesibles',
  ],
  adverbs: ['poco a poco', 'con rapidez', 'con cuidado', 'de forma conjunta', 'de forma sistemática', 'de manera informal', 'abiertamente', 'con éxito'],
  connectors: [
    'Al mismo tiempo', 'Además', 'Como resultado', 'Desde el principio', 'En los años siguientes',
    'En una primera fase', 'Más adelante', 'Mientras tanto', 'En la práctica', 'Al final',
  ],
};

export type Language = 'en' | 'fr' | 'es';
export const BANKS: Record<Language, Bank> = { en: EN, fr: FR, es: ES };
/** Position of a language in the [en, fr, es] tuples. */
export const TUPLE_INDEX = { en: 0, fr: 1, es: 2 } as const satisfies Record<Language, 0 | 1 | 2>;
export const isCorpusLanguage = (code: string): code is Language => Object.hasOwn(BANKS, code);

/** Syllables for invented place and organisation names (the long tail of a real vocabulary). */
export const SYLLABLES = [
  'ba', 'ber', 'ca', 'dor', 'el', 'fen', 'ga', 'hol', 'ir', 'jas', 'ka', 'lin', 'mar', 'nor', 'o', 'pra', 'quel',
  'ros', 'sa', 'tor', 'ul', 'ven', 'wal', 'xa', 'ya', 'zel', 'an', 'bri', 'cos', 'dun', 'es', 'fal', 'gro', 'ha',
  'is', 'lo', 'mo', 'na', 'pe', 'ri', 'ste', 'ta', 'vi', 'ber', 'ko', 'la', 'mi', 'nes', 'po', 'sel',
];

/** Countries of the synthetic cities, with a rough centre for coordinates. */
export const COUNTRIES: readonly { code: string; lat: number; lon: number }[] = [
  { code: 'ES', lat: 40.4, lon: -3.7 }, { code: 'IT', lat: 42.8, lon: 12.5 }, { code: 'PT', lat: 39.6, lon: -8.0 },
  { code: 'NO', lat: 61.0, lon: 9.0 }, { code: 'GB', lat: 53.0, lon: -1.5 }, { code: 'UA', lat: 49.0, lon: 31.0 },
  { code: 'AU', lat: -33.0, lon: 146.0 }, { code: 'DE', lat: 51.0, lon: 10.0 }, { code: 'FR', lat: 46.5, lon: 2.5 },
  { code: 'PL', lat: 52.0, lon: 19.5 }, { code: 'SE', lat: 60.0, lon: 15.0 }, { code: 'NL', lat: 52.2, lon: 5.3 },
  { code: 'GR', lat: 39.0, lon: 22.0 }, { code: 'IE', lat: 53.2, lon: -8.0 }, { code: 'DK', lat: 56.0, lon: 10.0 },
  { code: 'CY', lat: 35.0, lon: 33.2 }, { code: 'MA', lat: 32.0, lon: -6.5 }, { code: 'CA', lat: 45.5, lon: -73.5 },
  { code: 'KR', lat: 37.0, lon: 127.5 }, { code: 'JP', lat: 35.5, lon: 138.0 }, { code: 'MX', lat: 20.0, lon: -100.0 },
  { code: 'CH', lat: 46.8, lon: 8.2 }, { code: 'AT', lat: 47.5, lon: 14.0 }, { code: 'BE', lat: 50.6, lon: 4.5 },
  { code: 'FI', lat: 62.0, lon: 25.0 }, { code: 'RO', lat: 45.8, lon: 24.9 }, { code: 'RS', lat: 44.0, lon: 20.9 },
  { code: 'GE', lat: 42.0, lon: 43.5 }, { code: 'IL', lat: 31.5, lon: 34.9 }, { code: 'LT', lat: 55.3, lon: 23.9 },
];

