import { createEvents, type DateArray, type EventAttributes } from "ics";
import type { CalendarEvent } from "../coach/calendar.js";
import { addDays } from "../journal/dates.js";
import { cleanText } from "./clean.js";

/**
 * The events as an iCalendar file (RFC 5545), written by the `ics` package,
 * which escapes and folds the text. This file is loaded only for `next --ics`.
 */

const PRODUCT_ID = "-//rejection-coach//next steps//EN";
const CALENDAR_NAME = "Next steps (rejection-coach)";
/**
 * 9:00 on the event's day: a trigger counted from the start of the whole day
 * (RFC 5545 relates a duration trigger to DTSTART), so it is 9:00 wherever the
 * person is, with no time zone written into the file.
 */
const MORNING = { hours: 9, before: false } as const;
/**
 * The alarm's own text is shown by few calendars (they show the event's title),
 * and `ics` writes it without escaping commas, semicolons and backslashes; so
 * it holds none of the journal's text.
 */
const ALARM_TEXT = "A reminder from rejection-coach";

/** `now` is the file's timestamp (DTSTAMP): passed in, so the same journal at the same moment gives the same bytes. */
export function formatIcs(events: readonly CalendarEvent[], now: Date): string {
  const { error, value } = createEvents(
    events.map((event) => toAttributes(event, now)),
    { productId: PRODUCT_ID, method: "PUBLISH", calName: CALENDAR_NAME },
  );
  // Every value is made here from a checked journal: a refusal is a bug, not the person's doing.
  if (error || value === null) throw new Error(`the calendar could not be written: ${String(error)}`);
  return foldLines(value);
}

/**
 * Lines of at most 75 octets, as RFC 5545 (3.1) has them: `ics` folds at 75
 * characters, so a line of accents, CJK or emoji runs past the limit. Its folds
 * are undone (a content line never starts with a space) and the lines folded
 * again by their UTF-8 bytes, never inside a character.
 */
export function foldLines(text: string): string {
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .map(foldLine)
    .join("\r\n");
}

function foldLine(line: string): string {
  const parts: string[] = [];
  let part = "";
  let bytes = 0;
  // A continuation line starts with the space that marks it, which counts.
  let room = 75;
  for (const character of line) {
    const size = Buffer.byteLength(character, "utf8");
    if (bytes + size > room) {
      parts.push(part);
      [part, bytes, room] = ["", 0, 74];
    }
    part += character;
    bytes += size;
  }
  parts.push(part);
  return parts.join("\r\n ");
}

/**
 * `timestamp` (DTSTAMP) is read and checked by `ics` (its schema and its
 * formatter) but missing from its types and README; without it, every file
 * gets the time it was made, which tests cannot pin.
 */
type Attributes = EventAttributes & { timestamp: number };

function toAttributes(event: CalendarEvent, now: Date): Attributes {
  const modified = Date.parse(event.modifiedAt);
  return {
    uid: event.uid,
    title: calendarText(event.title),
    description: calendarText(event.description),
    start: dayArray(event.day),
    // The day after, as RFC 5545 counts an all-day end; some calendars want it written.
    end: dayArray(addDays(event.day, 1)),
    timestamp: now.getTime(),
    created: Date.parse(event.createdAt),
    lastModified: modified,
    sequence: sequenceOf(event),
    // A reminder, not a meeting: it does not make the person look busy.
    transp: "TRANSPARENT",
    alarms: [{ action: "display", description: ALARM_TEXT, trigger: MORNING }],
  };
}

/** [2026, 12, 1] from "2026-12-01": the day as written, with no Date and so no time zone in between. */
function dayArray(day: string): DateArray {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return [year, month, date];
}

/**
 * A higher SEQUENCE marks a newer revision of the same UID (RFC 5545), which a
 * calendar takes over the copy it holds. Each change to an entry moves its
 * updatedAt on, so the seconds from when the step or entry was written to the
 * entry's last change grow with every change, with no counter kept in the journal.
 */
function sequenceOf(event: CalendarEvent): number {
  const seconds = Math.floor((Date.parse(event.modifiedAt) - Date.parse(event.createdAt)) / 1000);
  return Math.min(Math.max(seconds, 0), 2 ** 31 - 1);
}

/**
 * iCalendar text has one kind of line break, `\n`; `ics` turns CRLF and LF into
 * it but would write a lone CR as is, which some readers take for the end of
 * the line. Other control characters are not allowed in iCalendar text: they
 * are shown as visible escapes, as in the Markdown export.
 */
const calendarText = (text: string): string => cleanText(text.replace(/\r\n?/g, "\n"));
