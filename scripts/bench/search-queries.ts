/**
 * The relevance benchmark's queries (`npm run bench:search`): what a city official would type,
 * written from the content (practices, methods, themes, cities, networks, information pages) in
 * English and French, plus Spanish queries for practices that exist only in English on the
 * Spanish site (the cross-language case). Each names the pages that should come first: the
 * query succeeds at rank k when the k-th result is one of them.
 *
 * Pages are site paths without the language prefix ("cities/bilbao/"), so one list serves
 * every language. A query whose expected pages do not exist in the measured site (the synthetic
 * 10,000-practice corpus has other cities and practices) is skipped and counted as skipped.
 */

export interface RelevanceQuery {
  lang: string;
  query: string;
  /** Site paths without the language prefix; any of them first is a success at rank 1. */
  expect: string[];
  /** What the query tests, for the report. */
  kind: 'entity' | 'topic' | 'cross-language';
}

const q = (lang: string, kind: RelevanceQuery['kind'], query: string, ...expect: string[]): RelevanceQuery => ({ lang, query, expect, kind });

export const RELEVANCE_QUERIES: RelevanceQuery[] = [
  // English: names of things (a city, a country, a theme, a method, a page) put that thing first.
  q('en', 'entity', 'bilbao', 'cities/bilbao/'),
  q('en', 'entity', 'oslo', 'cities/oslo/'),
  q('en', 'entity', 'montreal', 'cities/montreal/'),
  q('en', 'entity', 'copenhagen', 'cities/copenhagen/'),
  q('en', 'entity', 'norway', 'networks/norway/'),
  q('en', 'entity', 'portugal', 'networks/portugal/'),
  q('en', 'entity', 'australia', 'networks/australia/'),
  q('en', 'entity', 'mediation', 'themes/mediation/', 'methods/intercultural-mediation/'),
  q('en', 'entity', 'anti-discrimination', 'themes/anti-discrimination/'),
  q('en', 'entity', 'participation', 'themes/participation/'),
  q('en', 'entity', 'neighbourhoods', 'themes/neighbourhoods/'),
  q('en', 'entity', 'education', 'themes/education/'),
  q('en', 'entity', 'public space', 'themes/public-space/', 'methods/co-designing-public-space/'),
  q('en', 'entity', 'living library', 'methods/living-library/'),
  q('en', 'entity', 'anti-rumour strategy', 'methods/anti-rumour-strategy/'),
  q('en', 'entity', 'school twinning', 'methods/school-twinning/'),
  q('en', 'entity', 'joining the network', 'joining/'),
  q('en', 'entity', 'accessibility statement', 'accessibility/'),
  // English: a topic in the official's own words finds the practice about it.
  q('en', 'topic', 'police training', 'practices/intercultural-training-local-police/'),
  q('en', 'topic', 'housing discrimination', 'practices/rental-housing-discrimination-testing/'),
  q('en', 'topic', 'roma rights', 'practices/roma-rights-desk-town-hall/'),
  q('en', 'topic', 'storytelling older residents', 'practices/storytelling-circles-older-residents/'),
  q('en', 'topic', 'street football', 'practices/mixed-team-street-football-league/'),
  q('en', 'topic', 'homework clubs', 'practices/home-language-homework-clubs-libraries/'),
  q('en', 'topic', 'video interpreting', 'practices/video-interpreting-municipal-health-services/'),
  q('en', 'topic', 'anonymous applications', 'practices/anonymous-applications-city-jobs/'),
  q('en', 'topic', 'foreign residents election', 'practices/election-campaign-foreign-residents/'),
  q('en', 'topic', 'welcome desk newcomers', 'methods/welcome-desk-newcomers/', 'practices/one-stop-welcome-desk-newcomers/'),
  q('en', 'topic', 'local journalists', 'practices/diversity-reporting-workshops-local-journalists/'),
  q('en', 'topic', 'refugee professionals', 'practices/job-shadowing-refugee-professionals/'),
  q('en', 'topic', 'safety walks women', 'practices/safety-walks-migrant-women/'),
  q('en', 'topic', 'community radio', 'practices/multilingual-community-radio-hour/'),
  q('en', 'topic', 'lisbon progress report', 'practices/lisbon-yearly-intercultural-progress-report/'),
  q('en', 'topic', 'barcelona anti-rumour', 'practices/barcelona-anti-rumour-network/'),
  q('en', 'topic', 'mediators displaced people', 'practices/mediators-for-host-communities/'),
  q('en', 'topic', 'naming streets', 'practices/naming-new-streets-local-people/'),
  q('en', 'topic', 'supper clubs', 'practices/shared-table-supper-clubs/'),
  q('en', 'topic', 'bergen index 2021', 'index/bergen-2021/'),
  // French: the same kinds of query on the French site.
  q('fr', 'entity', 'bilbao', 'cities/bilbao/'),
  q('fr', 'entity', 'lisbonne', 'cities/lisbon/'),
  q('fr', 'entity', 'gênes', 'cities/genoa/'),
  q('fr', 'entity', 'norvège', 'networks/norway/'),
  q('fr', 'entity', 'portugal', 'networks/portugal/'),
  q('fr', 'entity', 'médiation', 'themes/mediation/', 'methods/intercultural-mediation/'),
  q('fr', 'entity', 'espace public', 'themes/public-space/', 'methods/co-designing-public-space/'),
  q('fr', 'entity', 'éducation', 'themes/education/'),
  q('fr', 'entity', 'quartiers', 'themes/neighbourhoods/'),
  q('fr', 'entity', 'accueil des nouveaux arrivants', 'themes/welcoming/'),
  q('fr', 'entity', 'bibliothèque vivante', 'methods/living-library/'),
  q('fr', 'entity', 'stratégie anti-rumeurs', 'methods/anti-rumour-strategy/'),
  q('fr', 'entity', "jumelage d'écoles", 'methods/school-twinning/'),
  q('fr', 'entity', 'rejoindre le réseau', 'joining/'),
  q('fr', 'topic', 'formation police', 'practices/intercultural-training-local-police/'),
  q('fr', 'topic', 'discrimination logement', 'practices/rental-housing-discrimination-testing/'),
  q('fr', 'topic', 'football de rue', 'practices/mixed-team-street-football-league/'),
  q('fr', 'topic', 'devoirs langue d’origine', 'practices/home-language-homework-clubs-libraries/'),
  q('fr', 'topic', 'interprétariat vidéo', 'practices/video-interpreting-municipal-health-services/'),
  q('fr', 'topic', 'candidatures anonymes', 'practices/anonymous-applications-city-jobs/'),
  q('fr', 'topic', 'vote résidents étrangers', 'practices/election-campaign-foreign-residents/'),
  q('fr', 'topic', 'guichet unique accueil', 'methods/welcome-desk-newcomers/', 'practices/one-stop-welcome-desk-newcomers/'),
  q('fr', 'topic', 'journalistes diversité', 'practices/diversity-reporting-workshops-local-journalists/'),
  q('fr', 'topic', 'marches exploratoires femmes', 'practices/safety-walks-migrant-women/'),
  q('fr', 'topic', 'radio communautaire', 'practices/multilingual-community-radio-hour/'),
  q('fr', 'topic', 'droits des roms', 'practices/roma-rights-desk-town-hall/'),
  q('fr', 'topic', 'budget participatif', 'methods/participatory-budgeting-all-residents/', 'practices/participatory-budget-all-residents/'),
  q('fr', 'topic', 'récits personnes âgées', 'practices/storytelling-circles-older-residents/'),
  // Spanish site: practices that exist only in English, reached with Spanish words.
  q('es', 'cross-language', 'campaña electoral residentes extranjeros', 'practices/election-campaign-foreign-residents/'),
  q('es', 'cross-language', 'derechos gitanos ayuntamiento', 'practices/roma-rights-desk-town-hall/'),
  q('es', 'cross-language', 'periodistas diversidad medios', 'practices/diversity-reporting-workshops-local-journalists/'),
  q('es', 'cross-language', 'mujeres migrantes espacio público', 'practices/safety-walks-migrant-women/'),
  q('es', 'cross-language', 'radio comunitaria', 'practices/multilingual-community-radio-hour/'),
];
