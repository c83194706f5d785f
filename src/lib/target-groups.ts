/** The fixed vocabulary of target groups; labels live in the UI strings (`targetGroup.<id>`). */
export const TARGET_GROUPS = [
  'newcomers',
  'refugees',
  'migrant-workers',
  'youth',
  'children',
  'women',
  'roma',
  'older-people',
  'city-staff',
  'businesses',
  'civil-society',
  'schools',
  'general-public',
] as const;

export type TargetGroup = (typeof TARGET_GROUPS)[number];
