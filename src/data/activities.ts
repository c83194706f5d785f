/**
 * The bridge between the activities collection and src/lib/activities.ts: loads the activities
 * once per build and indexes them for the build's day. The build day is the moment the build
 * runs, or SOURCE_DATE_EPOCH (seconds) when set, so a build can be reproduced for a given day.
 */
import { getCollection } from 'astro:content';
import { buildActivityIndex, type ActivityIndex } from '../lib/activities.ts';
import { getSite } from './site.ts';

/** The instant the site is built for. */
export function buildNow(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

let index: Promise<ActivityIndex> | undefined;

async function load(): Promise<ActivityIndex> {
  const [entries, { catalogue }] = await Promise.all([getCollection('activities'), getSite()]);
  return buildActivityIndex({
    activities: entries.map(({ id, data }) => ({ id, data })),
    networksOfCity: (city) => catalogue.cityById.get(city)?.networks ?? [],
    now: buildNow(),
  });
}

/** Every activity, placed in time for this build. */
export function getActivities(): Promise<ActivityIndex> {
  index ??= load();
  return index;
}
