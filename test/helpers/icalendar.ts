/**
 * Reads an iCalendar file with ical.js (a full RFC 5545 parser, not the library that wrote it)
 * and returns what the tests check: each event's UID, its start and end as instants, whether
 * each time is UTC or names a zone defined by a VTIMEZONE, and its summary.
 */
import ICAL from 'ical.js';

export interface ParsedEvent {
  uid: string;
  summary: string;
  start: Date;
  end: Date;
  /** "UTC", or the TZID of a time that has a VTIMEZONE in the file; "floating" otherwise (a fault). */
  zone: string;
  url: string;
}

export function parseCalendar(text: string): { name: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = new Set(calendar.getAllSubcomponents('vtimezone').map((zone) => String(zone.getFirstPropertyValue('tzid'))));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const tzid = component.getFirstProperty('dtstart')?.getParameter('tzid');
    const zone = event.startDate.zone?.tzid === 'UTC' ? 'UTC' : typeof tzid === 'string' && zones.has(tzid) ? tzid : 'floating';
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      zone,
      url: String(component.getFirstPropertyValue('url') ?? ''),
    };
  });
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname') ?? calendar.getFirstPropertyValue('name') ?? ''), events };
}
