/**
 * The front door of the site: what a visitor who wants to act needs, computed from the content and
 * the site configuration rather than written into pages.
 *
 * - The home page's honest figure: how many of the network's member cities this site holds, set
 *   against the size the programme states (a lower bound in site-config.ts), worded as a
 *   demonstration while the site runs on demonstration content.
 * - The membership steps, in the programme's order, as the joining page's checklist.
 * - Whom a city writes to about a national network: its coordinator when the content names one,
 *   the programme otherwise.
 */
import type { NetworkCoordinator } from './schemas/network.ts';
import type { Lang } from './languages.ts';

/** The sentence the home page shows, as a translation key and its values. */
export interface ShareOfNetwork {
  key: 'frontdoor.home.shareDemo' | 'frontdoor.home.shareSite';
  values: { shown: number; total: number };
}

/**
 * "42 of the network's 150+ cities appear in this demonstration". `networkMemberCities` is the
 * programme's figure; when the content holds more cities than it (the figure is out of date),
 * the content's count is the better lower bound.
 */
export function shareOfNetwork(citiesShown: number, networkMemberCities: number, demo: boolean): ShareOfNetwork {
  if (!Number.isInteger(citiesShown) || citiesShown < 0) throw new RangeError(`citiesShown must be a whole number of 0 or more (found ${citiesShown})`);
  if (!Number.isInteger(networkMemberCities) || networkMemberCities < 1) {
    throw new RangeError(`siteConfig.networkMemberCities must be a whole number of 1 or more: the member cities of the network, as the programme states it (found ${networkMemberCities})`);
  }
  return {
    key: demo ? 'frontdoor.home.shareDemo' : 'frontdoor.home.shareSite',
    values: { shown: citiesShown, total: Math.max(networkMemberCities, citiesShown) },
  };
}

/** The membership steps in the order the programme describes them (DOMAIN: joining). */
export const MEMBERSHIP_STEPS = ['request', 'questionnaire', 'report', 'intent', 'agreement', 'visit', 'profile'] as const;
export type MembershipStep = (typeof MEMBERSHIP_STEPS)[number];

/** Translation key of a membership step, for the checklist. */
export const membershipStepKey = (step: MembershipStep) => `frontdoor.apply.step.${step}` as const;

/** How to reach a network: its coordinator, or the programme when none is listed. */
export type NetworkContact =
  | { kind: 'coordinator'; name?: string; email?: string; url?: string }
  | { kind: 'programme'; email: string };

export function networkContact(coordinator: NetworkCoordinator | undefined, programmeEmail: string): NetworkContact {
  if (coordinator && (coordinator.email || coordinator.url)) return { kind: 'coordinator', ...coordinator };
  return { kind: 'programme', email: programmeEmail };
}

/**
 * An activity of a national network, as its page lists it: the hook the activities collection
 * (built on another branch) fills in. Dates are YYYY-MM-DD; `href` is the activity's page.
 */
export interface NetworkActivityLink {
  title: string;
  /** The language the title is written in, when it is not the page's (an untranslated title). */
  textLang?: Lang;
  href: string;
  start: string;
  /** The place as shown ("Getxo", "Online"). */
  place?: string;
}
