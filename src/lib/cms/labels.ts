/**
 * What editors read in the CMS, in English and French: collection names, field labels and hints.
 * Keys are field paths (`period.start`, `links.url`: list items have no index). The config
 * generator refuses a schema field without an entry here, so a field added to a schema cannot
 * reach the CMS unlabelled (see test/lib/cms/config-drift.test.ts).
 */
import type { CmsCollectionName } from './collections.ts';

export const CMS_LOCALES = ['en', 'fr'] as const;
export type CmsLocale = (typeof CMS_LOCALES)[number];

export interface Localized {
  en: string;
  fr: string;
}

export interface FieldText {
  label: Localized;
  hint?: Localized;
}

export interface CollectionText {
  label: Localized;
  singular: Localized;
  description: Localized;
}

const l = (en: string, fr: string): Localized => ({ en, fr });

export const COLLECTION_TEXT: Record<CmsCollectionName, CollectionText> = {
  practices: {
    label: l('Practices', 'Pratiques'),
    singular: l('Practice', 'Pratique'),
    description: l(
      'Good practices of member cities, in English and French. The English version is required; switch the language at the top of the form to translate. Cities, themes, target groups, period, contact and "adapted from" are shared by both languages.',
      'Bonnes pratiques des villes membres, en anglais et en français. La version anglaise est obligatoire ; changez de langue en haut du formulaire pour traduire. Villes, thèmes, publics, période, contact et « adaptée de » sont communs aux deux langues.',
    ),
  },
  methods: {
    label: l('Methods', 'Méthodes'),
    singular: l('Method', 'Méthode'),
    description: l(
      'How to do what several cities did: the steps, what it takes, pitfalls and evaluation, in English and French. The English version is required. Themes and budget are shared by both languages; practices name the methods they apply.',
      'Comment faire ce que plusieurs villes ont fait : les étapes, les moyens, les écueils et l’évaluation, en anglais et en français. La version anglaise est obligatoire. Thèmes et budget sont communs aux deux langues ; les pratiques indiquent les méthodes qu’elles appliquent.',
    ),
  },
  resources: {
    label: l('Resources', 'Ressources'),
    singular: l('Resource', 'Ressource'),
    description: l(
      'Guides, policy briefs, manuals, courses and other tools for cities: a web link or a PDF file each, with title and summary in English (required) and French.',
      'Guides, notes d’orientation, manuels, cours et autres outils pour les villes : chacun avec un lien web ou un fichier PDF, un titre et un résumé en anglais (obligatoire) et en français.',
    ),
  },
  cities: {
    label: l('Cities', 'Villes'),
    singular: l('City', 'Ville'),
    description: l(
      'Member cities of the Intercultural Cities programme. The file name is made from the English name.',
      'Villes membres du programme Cités interculturelles. Le nom du fichier est fait à partir du nom anglais.',
    ),
  },
  'index-results': {
    label: l('Index results and summaries', 'Résultats et synthèses de l’Index'),
    singular: l('Index result', 'Résultat de l’Index'),
    description: l(
      'One entry per city and edition of the Intercultural Cities Index: scores, summary of the analytical report and recommendations.',
      'Une entrée par ville et par édition de l’Index des cités interculturelles : scores, synthèse du rapport analytique et recommandations.',
    ),
  },
  themes: {
    label: l('Themes', 'Thèmes'),
    singular: l('Theme', 'Thème'),
    description: l(
      'The policy areas of the Index. Themes are part of the Index methodology: they can be edited but not added or removed here.',
      'Les domaines d’action de l’Index. Ils font partie de la méthodologie de l’Index : on peut les modifier, mais pas en ajouter ni en supprimer ici.',
    ),
  },
  pages: {
    label: l('Pages', 'Pages'),
    singular: l('Page', 'Page'),
    description: l(
      'The long-form pages of the site (the programme, joining the network, accessibility), in English and French. Both languages are required.',
      'Les pages de fond du site (le programme, rejoindre le réseau, accessibilité), en anglais et en français. Les deux langues sont obligatoires.',
    ),
  },
  networks: {
    label: l('National networks', 'Réseaux nationaux'),
    singular: l('National network', 'Réseau national'),
    description: l(
      'National networks of intercultural cities. The file name is made from the country’s English name.',
      'Réseaux nationaux de cités interculturelles. Le nom du fichier est fait à partir du nom anglais du pays.',
    ),
  },
};

/** Labels of localized sub-fields (`profile.en`, `label.fr`...). */
const IN_ENGLISH: FieldText = { label: l('In English', 'En anglais') };
const IN_FRENCH: FieldText = { label: l('In French', 'En français') };

export const FIELD_TEXT: Record<CmsCollectionName, Record<string, FieldText>> = {
  practices: {
    title: {
      label: l('Title', 'Titre'),
      hint: l(
        'Short title in plain language. The web address is made from the English title when the practice is first saved.',
        'Titre court en langage courant. L’adresse web est faite à partir du titre anglais au premier enregistrement.',
      ),
    },
    cities: {
      label: l('Cities', 'Villes'),
      hint: l('The cities that run the practice: type a name to search.', 'Les villes qui mènent la pratique : tapez un nom pour chercher.'),
    },
    themes: {
      label: l('Themes', 'Thèmes'),
      hint: l('The Index policy areas the practice serves.', 'Les domaines de l’Index auxquels la pratique contribue.'),
    },
    targetGroups: {
      label: l('Target groups', 'Publics cibles'),
      hint: l('Who the practice is for.', 'À qui s’adresse la pratique.'),
    },
    period: { label: l('Period', 'Période'), hint: l('When the practice ran.', 'Quand la pratique a eu lieu.') },
    'period.start': { label: l('Start year', 'Année de début') },
    'period.end': {
      label: l('End year', 'Année de fin'),
      hint: l('The year it ended, or "ongoing".', 'L’année de fin, ou « en cours ».'),
    },
    adaptedFrom: {
      label: l('Adapted from', 'Adaptée de'),
      hint: l('Practices of other cities that this one adapted (optional).', 'Pratiques d’autres villes dont celle-ci s’inspire (facultatif).'),
    },
    methods: {
      label: l('Methods applied', 'Méthodes appliquées'),
      hint: l('The methods this practice applies, such as the anti-rumour strategy (optional).', 'Les méthodes que cette pratique applique, comme la stratégie anti-rumeurs (facultatif).'),
    },
    contact: {
      label: l('Contact', 'Contact'),
      hint: l('The people behind the practice. Every part is optional.', 'Les personnes derrière la pratique. Chaque partie est facultative.'),
    },
    'contact.name': { label: l('Name of the person or team', 'Nom de la personne ou de l’équipe') },
    'contact.role': { label: l('Role or department', 'Fonction ou service') },
    'contact.email': { label: l('E-mail address', 'Adresse e-mail') },
    'contact.url': { label: l('Web page', 'Page web') },
    links: {
      label: l('Links and documents', 'Liens et documents'),
      hint: l('Web pages and reports about the practice (optional).', 'Pages web et rapports sur la pratique (facultatif).'),
    },
    'links.label': {
      label: l('Link text', 'Texte du lien'),
      hint: l('Say where the link goes, e.g. "Evaluation report (PDF)".', 'Dites où mène le lien, par ex. « Rapport d’évaluation (PDF) ».'),
    },
    'links.url': { label: l('Address', 'Adresse') },
    images: {
      label: l('Images', 'Images'),
      hint: l('Pictures of the practice (optional). Each needs a text alternative.', 'Photos de la pratique (facultatif). Chacune a besoin d’un texte alternatif.'),
    },
    'images.src': { label: l('Image', 'Image') },
    'images.alt': {
      label: l('Text alternative', 'Texte alternatif'),
      hint: l(
        'What the image shows, for people who cannot see it (required).',
        'Ce que montre l’image, pour les personnes qui ne la voient pas (obligatoire).',
      ),
    },
    published: {
      label: l('Published', 'Publiée le'),
      hint: l('Date the practice was first published on the site.', 'Date de première publication sur le site.'),
    },
    updated: {
      label: l('Updated', 'Mise à jour le'),
      hint: l('Date of the last substantial update (optional).', 'Date de la dernière mise à jour importante (facultatif).'),
    },
    purpose: {
      label: l('Purpose', 'Objectif'),
      hint: l(
        'One or two sentences on what the practice sets out to do. Shown as the teaser in lists (plain text).',
        'Une ou deux phrases sur ce que la pratique cherche à faire. Affiché comme accroche dans les listes (texte simple).',
      ),
    },
    stimulus: {
      label: l('Why it started', 'Pourquoi elle a commencé'),
      hint: l('The problem or trigger behind the practice.', 'Le problème ou le déclencheur de la pratique.'),
    },
    process: {
      label: l('How it was done', 'Comment elle a été menée'),
      hint: l('Steps, partners, budget and resources.', 'Étapes, partenaires, budget et moyens.'),
    },
    results: {
      label: l('Results and impact', 'Résultats et impact'),
      hint: l('Outcomes, evidence and evaluation.', 'Résultats, preuves et évaluation.'),
    },
    transferability: {
      label: l('Adapting it to your city', 'L’adapter à votre ville'),
      hint: l('What another city needs to adapt the practice.', 'Ce dont une autre ville a besoin pour adapter la pratique.'),
    },
  },
  methods: {
    name: {
      label: l('Name', 'Nom'),
      hint: l('Name of the method in plain language. The web address is made from the English name.', 'Nom de la méthode en langage courant. L’adresse web est faite à partir du nom anglais.'),
    },
    summary: {
      label: l('Summary', 'Résumé'),
      hint: l('One or two sentences on what the method is. Shown in lists (plain text).', 'Une ou deux phrases sur ce qu’est la méthode. Affiché dans les listes (texte simple).'),
    },
    themes: { label: l('Themes', 'Thèmes'), hint: l('The Index policy areas the method serves.', 'Les domaines de l’Index auxquels la méthode contribue.') },
    budget: { label: l('Budget', 'Budget'), hint: l('What the method costs a city, roughly.', 'Ce que la méthode coûte à une ville, en gros.') },
    whenToUse: { label: l('When to use it', 'Quand l’utiliser'), hint: l('The situations the method answers.', 'Les situations auxquelles la méthode répond.') },
    steps: { label: l('Steps', 'Étapes'), hint: l('The steps in order, one or two sentences each (at least two).', 'Les étapes dans l’ordre, une ou deux phrases chacune (au moins deux).') },
    'steps[]': { label: l('Step', 'Étape') },
    skills: { label: l('Skills needed', 'Compétences nécessaires') },
    partners: { label: l('Partners', 'Partenaires') },
    time: { label: l('Time', 'Durée'), hint: l('How long it takes to set up and to run.', 'Le temps de mise en place et de fonctionnement.') },
    pitfalls: { label: l('Pitfalls', 'Écueils'), hint: l('Mistakes to avoid.', 'Les erreurs à éviter.') },
    evaluation: { label: l('Evaluating it', 'L’évaluer'), hint: l('What to measure, and how.', 'Quoi mesurer, et comment.') },
    sources: { label: l('Sources', 'Sources'), hint: l('Publications and pages the method is drawn from (optional).', 'Publications et pages dont la méthode est tirée (facultatif).') },
    'sources.label': { label: l('Source', 'Source') },
    'sources.url': { label: l('Address', 'Adresse') },
  },
  resources: {
    kind: { label: l('Kind', 'Type') },
    title: { label: l('Title', 'Titre'), hint: l('The file name is made from the English title.', 'Le nom du fichier est fait à partir du titre anglais.') },
    'title.en': IN_ENGLISH,
    'title.fr': IN_FRENCH,
    summary: { label: l('Summary', 'Résumé'), hint: l('One or two sentences on what the resource offers.', 'Une ou deux phrases sur ce que la ressource apporte.') },
    'summary.en': IN_ENGLISH,
    'summary.fr': IN_FRENCH,
    year: { label: l('Year', 'Année'), hint: l('Year of publication.', 'Année de publication.') },
    publisher: { label: l('Publisher', 'Éditeur') },
    languages: { label: l('Available in', 'Disponible en'), hint: l('The languages the resource exists in.', 'Les langues dans lesquelles la ressource existe.') },
    url: { label: l('Web address', 'Adresse web'), hint: l('Where to read it; or upload a PDF below, not both.', 'Où la lire ; ou téléversez un PDF ci-dessous, pas les deux.') },
    file: { label: l('PDF file', 'Fichier PDF'), hint: l('A PDF of at most 10 MB; or give a web address above, not both.', 'Un PDF de 10 Mo au plus ; ou une adresse web ci-dessus, pas les deux.') },
    themes: { label: l('Themes', 'Thèmes') },
    methods: { label: l('Methods', 'Méthodes') },
    practices: { label: l('Practices', 'Pratiques'), hint: l('Practices the resource documents (optional).', 'Pratiques que la ressource documente (facultatif).') },
  },
  cities: {
    name: {
      label: l('Name in English', 'Nom en anglais'),
      hint: l('The file name is made from it when the city is first saved.', 'Le nom du fichier en est tiré au premier enregistrement.'),
    },
    localName: {
      label: l('Local name', 'Nom local'),
      hint: l('Name in the local language, when it differs (e.g. Lisboa).', 'Nom dans la langue locale, s’il diffère (par ex. Lisboa).'),
    },
    nameFr: {
      label: l('Name in French', 'Nom en français'),
      hint: l('Only when it differs from the English name (e.g. Lisbonne).', 'Seulement s’il diffère du nom anglais (par ex. Lisbonne).'),
    },
    country: { label: l('Country', 'Pays') },
    lat: { label: l('Latitude', 'Latitude'), hint: l('Decimal degrees, e.g. 38.72.', 'Degrés décimaux, par ex. 38.72.') },
    lon: { label: l('Longitude', 'Longitude'), hint: l('Decimal degrees, e.g. -9.14.', 'Degrés décimaux, par ex. -9.14.') },
    population: { label: l('Population', 'Population'), hint: l('Number of inhabitants.', 'Nombre d’habitants.') },
    foreignBornShare: {
      label: l('Residents born abroad (%)', 'Habitants nés à l’étranger (%)'),
      hint: l('Share of residents born abroad, in percent (optional).', 'Part des habitants nés à l’étranger, en pourcentage (facultatif).'),
    },
    joined: { label: l('Joined the programme', 'Adhésion au programme'), hint: l('Year the city joined.', 'Année d’adhésion de la ville.') },
    international: {
      label: l('Member of the international network', 'Membre du réseau international'),
      hint: l('Off for cities that belong to a national network only.', 'Désactivé pour les villes membres d’un réseau national seulement.'),
    },
    networks: { label: l('National networks', 'Réseaux nationaux') },
    website: { label: l('Website', 'Site web') },
    profile: {
      label: l('Profile', 'Profil'),
      hint: l(
        'Two to four sentences: who the city is and what its intercultural approach emphasises.',
        'Deux à quatre phrases : qui est la ville et ce que son approche interculturelle met en avant.',
      ),
    },
    'profile.en': IN_ENGLISH,
    'profile.fr': IN_FRENCH,
  },
  'index-results': {
    city: { label: l('City', 'Ville') },
    edition: { label: l('Edition', 'Édition'), hint: l('Year of the Index edition.', 'Année de l’édition de l’Index.') },
    date: { label: l('Report date', 'Date du rapport'), hint: l('Date of the analytical report.', 'Date du rapport analytique.') },
    version: {
      label: l('Index version', 'Version de l’Index'),
      hint: l('Editions before 2019 use the questionnaire before the revision.', 'Les éditions antérieures à 2019 utilisent le questionnaire d’avant la révision.'),
    },
    sampleSize: {
      label: l('Cities compared (N)', 'Villes comparées (N)'),
      hint: l('Number of cities in the report’s comparison.', 'Nombre de villes dans la comparaison du rapport.'),
    },
    overall: { label: l('Overall Index (%)', 'Index global (%)') },
    scores: {
      label: l('Scores by theme (%)', 'Scores par thème (%)'),
      hint: l(
        'From 0 to 100. Fill in only the themes scored in this Index version.',
        'De 0 à 100. Ne remplissez que les thèmes notés dans cette version de l’Index.',
      ),
    },
    summary: {
      label: l('Summary', 'Synthèse'),
      hint: l('Summary of the analytical report. French is optional.', 'Synthèse du rapport analytique. Le français est facultatif.'),
    },
    'summary.en': IN_ENGLISH,
    'summary.fr': IN_FRENCH,
    recommendations: { label: l('Recommendations', 'Recommandations') },
    'recommendations.theme': { label: l('Theme', 'Thème') },
    'recommendations.en': IN_ENGLISH,
    'recommendations.fr': IN_FRENCH,
  },
  themes: {
    order: { label: l('Position', 'Position'), hint: l('Position in lists and charts; each theme has its own.', 'Position dans les listes et graphiques ; chaque thème a la sienne.') },
    group: { label: l('Group', 'Groupe') },
    parent: {
      label: l('Part of', 'Fait partie de'),
      hint: l('Only for the six areas of the intercultural lens.', 'Seulement pour les six domaines du prisme interculturel.'),
    },
    versions: { label: l('Index versions', 'Versions de l’Index'), hint: l('The versions that score this theme.', 'Les versions qui notent ce thème.') },
    label: { label: l('Name', 'Nom'), hint: l('Short name shown in menus, filters and charts.', 'Nom court affiché dans les menus, filtres et graphiques.') },
    'label.en': IN_ENGLISH,
    'label.fr': IN_FRENCH,
    description: { label: l('Description', 'Description'), hint: l('What the Index looks at in this area.', 'Ce que l’Index examine dans ce domaine.') },
    'description.en': IN_ENGLISH,
    'description.fr': IN_FRENCH,
  },
  pages: {
    title: { label: l('Title', 'Titre'), hint: l('Shown as the heading of the page.', 'Affiché comme titre de la page.') },
    description: {
      label: l('Summary', 'Résumé'),
      hint: l('One sentence under the title, also used by search engines and social cards.', 'Une phrase sous le titre, reprise par les moteurs de recherche et les cartes de partage.'),
    },
    body: {
      label: l('Text', 'Texte'),
      hint: l('Sections start with a level-2 heading (H2).', 'Les sections commencent par un intertitre de niveau 2 (H2).'),
    },
  },
  networks: {
    name: { label: l('Name', 'Nom'), hint: l('Full name, with its usual acronym.', 'Nom complet, avec son sigle habituel.') },
    'name.en': IN_ENGLISH,
    'name.fr': IN_FRENCH,
    country: { label: l('Country', 'Pays') },
    website: { label: l('Website', 'Site web') },
    description: { label: l('Description', 'Description'), hint: l('One or two sentences on the network.', 'Une ou deux phrases sur le réseau.') },
    'description.en': IN_ENGLISH,
    'description.fr': IN_FRENCH,
  },
};

/** Labels of fixed options that are not content (the vocabulary lives in the schemas). */
export const OPTION_TEXT: Record<string, Localized> = {
  ongoing: l('Ongoing', 'En cours'),
  'pre-2019': l('Before the 2019 revision', 'Avant la révision de 2019'),
  '2019': l('2019 revision', 'Révision de 2019'),
  core: l('Core', 'Principal'),
  lens: l('Intercultural lens', 'Prisme interculturel'),
  optional: l('Optional', 'Facultatif'),
  legacy: l('Legacy (before 2019)', 'Ancien (avant 2019)'),
  low: l('Low', 'Faible'),
  medium: l('Medium', 'Moyen'),
  high: l('High', 'Élevé'),
  guide: l('Guide', 'Guide'),
  'policy-brief': l('Policy brief', 'Note d’orientation'),
  manual: l('Manual', 'Manuel'),
  toolkit: l('Toolkit', 'Boîte à outils'),
  'online-course': l('Online course', 'Cours en ligne'),
  video: l('Video', 'Vidéo'),
  report: l('Report', 'Rapport'),
  'index-methodology': l('Index methodology', 'Méthodologie de l’Index'),
};

/** Messages the CMS form shows for patterns it checks while typing. */
export const PATTERN_TEXT = {
  webAddress: l('Must be a full web address starting with https://', 'Doit être une adresse web complète commençant par https://'),
  email: l('Must be an e-mail address like name@city.org', 'Doit être une adresse e-mail comme nom@ville.org'),
} satisfies Record<string, Localized>;

/** Hint of each theme's score field in Index results. */
export const SCORE_HINT: Localized = l('Scored in: {versions}', 'Noté dans : {versions}');

/** Text of the admin page itself (outside Decap's own interface). */
export const ADMIN_TEXT = {
  title: l('Editor — Intercultural Cities', 'Éditeur — Cités interculturelles'),
  switchLanguage: l('Français', 'English'),
  switchLanguageLabel: l('Afficher l’éditeur en français', 'Show the editor in English'),
  notSaved: l('Not saved, the content check would refuse it:', 'Non enregistré, la vérification du contenu le refuserait :'),
  noSlug: l(
    'Not saved: the title must contain Latin letters or digits to make the file name (e.g. add the English title).',
    'Non enregistré : le titre doit contenir des lettres latines ou des chiffres pour former le nom du fichier (ajoutez par ex. le titre anglais).',
  ),
  serverDownTitle: l('The local content server is not running', 'Le serveur de contenu local n’est pas lancé'),
  serverDown: l(
    'Start it from the project folder with the command below, then reload this page. It starts the editor and the site together; stop both with Ctrl-C.',
    'Lancez-le depuis le dossier du projet avec la commande ci-dessous, puis rechargez cette page. Elle lance l’éditeur et le site ensemble ; arrêtez les deux avec Ctrl-C.',
  ),
  noGitBackend: l(
    'This copy of the site has no git backend configured, so it can only be edited on a computer with a copy of the project. To publish through GitHub or GitLab, see “For editors” in README.md.',
    'Cette copie du site n’a pas de dépôt git configuré : on ne peut la modifier que sur un ordinateur ayant une copie du projet. Pour publier via GitHub ou GitLab, voir « For editors » dans README.md.',
  ),
  reload: l('Reload', 'Recharger'),
  previewUntitled: l('(no title yet)', '(pas encore de titre)'),
  previewEmpty: l('(not written yet)', '(pas encore rédigé)'),
} satisfies Record<string, Localized>;
