import ICAL from "ical.js";

/**
 * A calendar file read by a real iCalendar parser (ical.js, the one Thunderbird
 * uses), as plain values a test can compare: what a calendar app would see.
 */
export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  /** YYYY-MM-DD as written, with whether it is a DATE (all-day) value. */
  start: string;
  allDay: boolean;
  end: string | undefined;
  sequence: number;
  dtstamp: string;
  lastModified: string | undefined;
  alarms: { action: string; trigger: string }[];
  /** Every property name in the event, to catch one slipped in by text. */
  properties: string[];
}

export interface ParsedCalendar {
  events: ParsedEvent[];
  /** Every component directly in the VCALENDAR. */
  components: string[];
}

export function parseCalendar(text: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.name !== "vcalendar") throw new Error(`not a VCALENDAR but ${calendar.name}`);
  return {
    components: calendar.getAllSubcomponents().map((component) => component.name),
    events: calendar.getAllSubcomponents("vevent").map(toEvent),
  };
}

function toEvent(component: ICAL.Component): ParsedEvent {
  const start = component.getFirstPropertyValue("dtstart") as ICAL.Time;
  const end = component.getFirstPropertyValue("dtend") as ICAL.Time | null;
  const text = (name: string) => String(component.getFirstPropertyValue(name) ?? "");
  const instant = (name: string) => (component.getFirstPropertyValue(name) as ICAL.Time | null)?.toString();
  return {
    uid: text("uid"),
    summary: text("summary"),
    description: text("description"),
    start: start.toString(),
    allDay: start.isDate,
    end: end?.toString(),
    sequence: Number(component.getFirstPropertyValue("sequence")),
    dtstamp: instant("dtstamp")!,
    lastModified: instant("last-modified"),
    alarms: component.getAllSubcomponents("valarm").map((alarm) => ({
      action: String(alarm.getFirstPropertyValue("action")),
      trigger: String(alarm.getFirstPropertyValue("trigger")),
    })),
    properties: component.getAllProperties().map((property) => property.name),
  };
}

/**
 * What a calendar holds after importing each file in turn, as calendars do: an
 * event whose UID it already has is replaced when the new copy's SEQUENCE is
 * not lower, a new UID is added, and an event missing from a later file stays.
 */
export function importInto(calendar: Map<string, ParsedEvent>, text: string): Map<string, ParsedEvent> {
  for (const event of parseCalendar(text).events) {
    const held = calendar.get(event.uid);
    if (!held || event.sequence >= held.sequence) calendar.set(event.uid, event);
  }
  return calendar;
}
