/** Site-wide settings. */
export const siteConfig = {
  /**
   * Demonstration mode: the repository ships illustrative content. While on, every page says so
   * and every page that shows Index scores says the scores are illustrative. Turn it off only
   * when the content holds real, published data.
   */
  demo: true,
};
