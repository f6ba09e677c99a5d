import { addDays } from "../journal/dates.js";
import { isRejection, type Entry, type Journal, type RejectionEntry } from "../journal/entry.js";
import { isLowMood } from "./signals.js";

/**
 * What `next --ics` puts in a calendar, whatever the file format: open steps
 * with a due date, a reminder to reflect on a rejection not yet reflected on,
 * and a check-in after a hard day. Every event is a whole day, and its day comes
 * from the journal's YYYY-MM-DD text by day arithmetic, never through a Date in
 * local time, so no time zone can move it.
 */

export type CalendarEventKind = "step" | "reflect" | "checkin";

export interface CalendarEvent {
  /**
   * Stays the same for the same step or reminder across exports, so that a
   * calendar importing the file again updates the event instead of adding another.
   */
  uid: string;
  kind: CalendarEventKind;
  /** The all-day event's day, YYYY-MM-DD. */
  day: string;
  title: string;
  description: string;
  /** When what the event shows last changed (an ISO timestamp): calendars keep the newer copy. */
  modifiedAt: string;
  /** When the step or entry it comes from was written (an ISO timestamp). */
  createdAt: string;
}

/** Days from a rejection to the reminder to reflect on it: a day or two on, as `log` suggests. */
export const REFLECT_AFTER_DAYS = 2;
/** Days from a rejection logged on a hard day to the check-in. */
export const CHECKIN_AFTER_DAYS = 3;

const UID_DOMAIN = "rejection-coach";

/**
 * A step's uid names its own id, not its place in a list, so it stays with the
 * step when another is added, done or removed; the entry id keeps it unique
 * across journals merged by `import`.
 */
const uid = (kind: CalendarEventKind, entry: Entry, stepId?: string): string =>
  `${kind}-${entry.id}${stepId ? `-${stepId}` : ""}@${UID_DOMAIN}`;

/** "Analyst at Globex", or a win's title. */
const about = (entry: Entry): string => (isRejection(entry) ? `${entry.role} at ${entry.company}` : entry.title);

/** Every event for the journal, by day, then by uid, so the same journal always gives the same file. */
export function calendarEvents(journal: Journal): CalendarEvent[] {
  const events = journal.entries.flatMap((entry) => [
    ...stepEvents(entry),
    ...(isRejection(entry) ? [...reflectEvent(entry), ...checkinEvent(entry)] : []),
  ]);
  return events.sort((a, b) => compare(a.day, b.day) || compare(a.uid, b.uid));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Steps that are open and have a day; a step marked done leaves the calendar. */
function stepEvents(entry: Entry): CalendarEvent[] {
  return entry.actions
    .filter((action) => !action.doneAt && action.due !== undefined)
    .map((action) => ({
      uid: uid("step", entry, action.id),
      kind: "step",
      day: action.due!,
      title: action.text,
      description: `A next step for ${about(entry)}. When it is done: rejection-coach next done ${action.id}`,
      modifiedAt: entry.updatedAt,
      createdAt: action.createdAt,
    }));
}

function reflectEvent(entry: RejectionEntry): CalendarEvent[] {
  if (entry.reflection) return [];
  return [
    {
      uid: uid("reflect", entry),
      kind: "reflect",
      day: addDays(entry.date, REFLECT_AFTER_DAYS),
      title: `Reflect on ${entry.company}`,
      description:
        `A couple of days on from the no for ${about(entry)}, looking back is easier. ` +
        `A few short questions: rejection-coach reflect ${entry.id}`,
      modifiedAt: entry.updatedAt,
      createdAt: entry.createdAt,
    },
  ];
}

/**
 * A check-in three days after a rejection logged with a low mood (the coach's
 * own line for a hard day), while the latest mood recorded for it is still low:
 * once a reflection or check-in finds the person better, it is no longer needed.
 */
function checkinEvent(entry: RejectionEntry): CalendarEvent[] {
  if (!isLowMood(entry.mood) || !isLowMood(latestMood(entry))) return [];
  return [
    {
      uid: uid("checkin", entry),
      kind: "checkin",
      day: addDays(entry.date, CHECKIN_AFTER_DAYS),
      title: "How are you now?",
      description:
        `The no for ${about(entry)} came on a hard day. However you are now, a short check-in helps you ` +
        `see how far you have come: rejection-coach reflect ${entry.id}`,
      modifiedAt: entry.updatedAt,
      createdAt: entry.createdAt,
    },
  ];
}

/** The mood recorded last: at the log, in the reflection or in a check-in. */
function latestMood(entry: RejectionEntry): number {
  const later = [
    ...(entry.reflection ? [{ at: entry.reflection.createdAt, mood: entry.reflection.mood }] : []),
    ...entry.checkins.map((checkin) => ({ at: checkin.at, mood: checkin.mood })),
  ];
  const last = later.reduce<{ at: string; mood: number } | undefined>(
    (newest, item) => (!newest || Date.parse(item.at) >= Date.parse(newest.at) ? item : newest),
    undefined,
  );
  return last?.mood ?? entry.mood;
}
