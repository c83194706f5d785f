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
   * Where the public "Share a practice" form sends its e-mail (a mailto: form, see the README,
   * "Share a practice"): the editors' shared mailbox.
   */
  submissionsEmail: 'practices@intercultural-cities.example.org',
};
