/**
 * The thresholds of the Index's peer groups: 200,000 inhabitants and 15% of residents born
 * abroad. A module of their own, without imports, so that a browser island (cities like mine)
 * can use them without carrying the schemas; index-stats.ts re-exports them.
 */

/** Population from which a city counts as large in Index peer groups. */
export const LARGE_CITY_POPULATION = 200_000;

/** Foreign-born share, in percent, from which a city counts as highly diverse in peer groups. */
export const HIGH_DIVERSITY_SHARE = 15;
