/**
 * A city's journey, built from the content alone: the year it joined, its Index editions, its
 * expert visit, its intercultural strategy or profile, the activities it hosted or took part in
 * and the practices it started, as one dated timeline, oldest first. For a city still on its way
 * the membership steps of the programme (request, questionnaire, report, expert visit, strategy)
 * are listed with what is done, what is planned and what is to come.
 *
 * Where a step is also content of its own, the content wins: the report is the first Index
 * result, the expert visit an expert-visit activity the city hosted; the dates in the city's
 * `membership` fill the rest. "Planned" means after `now`, a parameter (the build date; tests
 * fix it).
 */
import type { ScheduledActivity } from './activities.ts';
import type { City } from './schemas/city.ts';

export const MEMBERSHIP_STEPS = ['request', 'questionnaire', 'report', 'expertVisit', 'strategy'] as const;
export type MembershipStep = (typeof MEMBERSHIP_STEPS)[number];

export type JourneyEvent =
  | { kind: 'joined'; date: string }
  | { kind: 'request' | 'questionnaire' | 'strategy'; date: string }
  | { kind: 'report'; date: string }
  | { kind: 'index'; date: string; resultId: string; edition: number }
  | { kind: 'expert-visit'; date: string; activity?: ScheduledActivity }
  | { kind: 'hosted' | 'attended'; date: string; activity: ScheduledActivity }
  | { kind: 'practice'; date: string; slug: string; title: string; lang: string };

/** An event of the timeline, with whether it lies after `now`. */
export type DatedEvent = JourneyEvent & { planned: boolean };

export interface StepStatus {
  step: MembershipStep;
  status: 'done' | 'planned' | 'to-come';
  /** YYYY-MM-DD, when known. */
  date?: string;
}

export interface JourneyInput {
  city: Pick<City, 'joined' | 'membership'>;
  /** The city's Index results. */
  indexResults: readonly { id: string; edition: number; date: string }[];
  /** What the city hosted and what it took part in. */
  activities: { hosted: readonly ScheduledActivity[]; attended: readonly ScheduledActivity[] };
  /** The city's practices, with the year they started and their title in the page's language. */
  practices: readonly { slug: string; title: string; lang: string; start: number }[];
  now: Date;
}

export interface Journey {
  events: DatedEvent[];
  /** The membership steps, for a city still on its way (a step not done by `now`); otherwise undefined. */
  steps?: StepStatus[];
  /** Whether dates of the journey were invented for the demonstration. */
  demonstration: boolean;
}

const startDay = (activity: ScheduledActivity) => activity.data.start.slice(0, 10);

/** Sorts dates and bare years together: a bare year after the dated events of that year. */
const sortKey = (date: string) => (date.length === 4 ? `${date}-99` : date);

export function cityJourney({ city, indexResults, activities, practices, now }: JourneyInput): Journey {
  const today = now.toISOString().slice(0, 10);
  const isPlanned = (date: string) => (date.length === 4 ? Number(date) > now.getUTCFullYear() : date > today);
  const membership = city.membership ?? {};
  const results = [...indexResults].sort((a, b) => a.date.localeCompare(b.date));
  const expertVisits = activities.hosted.filter((activity) => activity.data.type === 'expert-visit');

  const events: JourneyEvent[] = [
    { kind: 'joined', date: String(city.joined) },
    ...(membership.request ? [{ kind: 'request' as const, date: membership.request }] : []),
    ...(membership.questionnaire ? [{ kind: 'questionnaire' as const, date: membership.questionnaire }] : []),
    ...(membership.report && results.length === 0 ? [{ kind: 'report' as const, date: membership.report }] : []),
    ...results.map((result) => ({ kind: 'index' as const, date: result.date, resultId: result.id, edition: result.edition })),
    ...(membership.expertVisit && expertVisits.length === 0 ? [{ kind: 'expert-visit' as const, date: membership.expertVisit }] : []),
    ...expertVisits.map((activity) => ({ kind: 'expert-visit' as const, date: startDay(activity), activity })),
    ...(membership.strategy ? [{ kind: 'strategy' as const, date: membership.strategy }] : []),
    ...activities.hosted.filter((activity) => activity.data.type !== 'expert-visit').map((activity) => ({ kind: 'hosted' as const, date: startDay(activity), activity })),
    ...activities.attended.map((activity) => ({ kind: 'attended' as const, date: startDay(activity), activity })),
    ...practices.map((practice) => ({ kind: 'practice' as const, date: String(practice.start), slug: practice.slug, title: practice.title, lang: practice.lang })),
  ];
  const dated = events
    .map((event) => ({ ...event, planned: isPlanned(event.date) }))
    .sort((a, b) => sortKey(a.date).localeCompare(sortKey(b.date)));

  // The steps, each from the content that shows it, or from the city's membership dates.
  const stepDates: Record<MembershipStep, string | undefined> = {
    request: membership.request,
    questionnaire: membership.questionnaire,
    report: results[0]?.date ?? membership.report,
    expertVisit: expertVisits[0] ? startDay(expertVisits[0]) : membership.expertVisit,
    strategy: membership.strategy,
  };
  const steps: StepStatus[] = MEMBERSHIP_STEPS.map((step) => {
    const date = stepDates[step];
    return date ? { step, status: isPlanned(date) ? 'planned' : 'done', date } : { step, status: 'to-come' };
  });
  const onItsWay = city.membership !== undefined && steps.some((step) => step.status !== 'done');
  return { events: dated, ...(onItsWay ? { steps } : {}), demonstration: membership.demonstration === true };
}

/** Several practices started, or activities attended, in one year: one line with their number. */
export interface JourneySummary {
  kind: 'practices' | 'attended-many';
  count: number;
  planned: boolean;
}

/**
 * The events grouped by year (the first four characters of the date), oldest year first. In a
 * year with more than `perYear` practices started, or activities attended, those become one
 * summary line (the lists they summarise are linked from it), so the journey grows with the years,
 * not with the catalogue, and the profile stays within its page budget.
 */
export function byYear(events: readonly DatedEvent[], perYear = 2): { year: string; events: (DatedEvent | JourneySummary)[] }[] {
  const groups: { year: string; events: DatedEvent[] }[] = [];
  for (const event of events) {
    const year = event.date.slice(0, 4);
    const last = groups.at(-1);
    if (last?.year === year) last.events.push(event);
    else groups.push({ year, events: [event] });
  }
  return groups.map(({ year, events: all }) => {
    const shown: (DatedEvent | JourneySummary)[] = [];
    for (const [kind, summary] of [['practice', 'practices'], ['attended', 'attended-many']] as const) {
      const ofKind = all.filter((event) => event.kind === kind);
      if (ofKind.length > perYear) shown.push({ kind: summary, count: ofKind.length, planned: ofKind.every((event) => event.planned) });
    }
    const merged = new Set<string>(shown.map((summary) => (summary.kind === 'practices' ? 'practice' : 'attended')));
    return { year, events: [...all.filter((event) => !merged.has(event.kind)), ...shown] };
  });
}
