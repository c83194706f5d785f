/** Site-wide settings. */
export const siteConfig = {
  /**
   * Demonstration mode: the repository ships illustrative content. While on, every page says so
   * and every page that shows Index scores says the scores are illustrative. Turn it off only
   * when the content holds real, published data.
   */
  demo: true,
  /**
   * The address that demonstration links point to (resources of the library): a link to it is
   * labelled as a demonstration link, so nobody mistakes it for the real publication.
   */
  demoHost: 'intercultural-cities.example.org',
  /**
   * How many member cities the whole network has, as the programme states it ("more than 150"):
   * the home page sets what this site holds against it. Update it when the programme publishes a
   * new figure; it is a lower bound, shown as "150+".
   */
  networkMemberCities: 150,
  /**
   * The programme's contact: where a city writes to ask to join (the joining page) and where
   * visitors write about the site (the legal notice). The address and website are the ones the
   * programme publishes (www.coe.int/InterculturalCities, its brochure).
   */
  programmeContact: {
    email: 'intercities@coe.int',
    website: 'https://www.coe.int/interculturalcities',
  },
  /**
   * The tagging authority of the feeds' entry ids (tag: URIs, RFC 4151): a domain the publisher
   * held and a year it held it. Never change it once feeds are public: every id is made from it,
   * and readers would show every entry again. It does not follow the site's address (SITE_URL).
   */
  feedTagAuthority: 'intercultural-cities.example.org,2026',
  /**
   * The public repository of the site's source, when there is one: each page links to its file's
   * history there. `historyUrl` receives a path from the repository root (src/content/...).
   * Set SITE_REPOSITORY (e.g. https://github.com/owner/name) and optionally
   * SITE_REPOSITORY_BRANCH (main) at build time, or write it here. Unset: pages say when they
   * last changed, without a link.
   */
  repository: process.env.SITE_REPOSITORY
    ? gitHostRepository(process.env.SITE_REPOSITORY, process.env.SITE_REPOSITORY_BRANCH || undefined)
    : (undefined as RepositoryConfig | undefined),
  /**
   * Where the public "Share a practice" form sends its e-mail (a mailto: form, see the README,
   * "Share a practice"): the editors' shared mailbox.
   */
  submissionsEmail: 'practices@intercultural-cities.example.org',
};

/** Where the site's source is published (see `siteConfig.repository`). */
export interface RepositoryConfig {
  /** The address of the history of one file, for a path from the repository root. */
  historyUrl(path: string): string;
}

/** A GitHub or GitLab repository's history links, for `siteConfig.repository`. */
export function gitHostRepository(webAddress: string, branch = 'main'): RepositoryConfig {
  const base = webAddress.replace(/\/+$/, '');
  const gitlab = /^https:\/\/gitlab\./.test(base);
  return {
    historyUrl: (path) => `${base}/${gitlab ? '-/commits' : 'commits'}/${encodeURIComponent(branch)}/${path.split('/').map(encodeURIComponent).join('/')}`,
  };
}
