import { addDays, byText, daysBetween, toDay } from "../journal/dates.js";
import { isRejection, type Journal, type RejectionEntry } from "../journal/entry.js";
import { isLowMood } from "./signals.js";

/*
 * The nudge: on the first run of a day, one gentle word about what is waiting.
 * Worked out here from the journal the command has already read, so it costs
 * no second read, and never a passphrase for a journal that needs one; how it
 * is worded is in ui/nudge-view.ts, and when it is shown in commands/nudge.ts.
 */

/**
 * Only the last two weeks are spoken of. Older things wait quietly in `reflect`
 * and `next`: reminding someone every day of a step from last month is nagging.
 */
export const NUDGE_RECENT_DAYS = 14;

/** A rejection the nudge points to. */
export interface NudgeEntry {
  id: string;
  company: string;
}

export interface Nudge {
  /** The local day it is for: remembered once shown, so it is said once that day. */
  day: string;
  /** A recent mood that was low, on an earlier day: an offer to check in on how the person is now. */
  checkIn?: NudgeEntry;
  /** Rejections logged on an earlier day of the last two weeks and not reflected on yet, newest first. */
  reflections: NudgeEntry[];
  /** Open next steps due today or on a day of the last two weeks. */
  stepsDue: number;
}

export type NudgeKind = "checkIn" | "reflections" | "steps";

export interface NudgeOptions {
  /** What the command itself is showing (the steps, in `next`): not repeated in the nudge. */
  leaveOut?: readonly NudgeKind[];
}

/**
 * What is waiting, as of `now` in the person's local calendar, or undefined when
 * there is nothing to say or it was already said today (`lastShown`, a local day).
 * A last-shown day just ahead of today (a flight west) counts as today; one further
 * ahead is a clock that was wrong, and is ignored.
 */
export function nudgeFor(
  journal: Journal,
  now: Date,
  lastShown: string | undefined,
  options: NudgeOptions = {},
): Nudge | undefined {
  const today = toDay(now);
  if (lastShown !== undefined && (lastShown === today || lastShown === addDays(today, 1))) return undefined;
  const leaveOut = new Set(options.leaveOut);
  // A timestamp's own date is within a day of its UTC date, which is within a day of any local
  // one: a text comparison (ISO text orders as time does) passes over the years of older entries
  // without converting them. One pass, making nothing for them: on a journal of thousands of
  // entries, throwaway arrays are what wakes the garbage collector over the whole parsed journal.
  const since = addDays(today, -(NUDGE_RECENT_DAYS + 3));
  const firstDue = addDays(today, -NUDGE_RECENT_DAYS);
  // On an earlier local day of the last two weeks.
  const recent = (at: string): boolean => {
    if (at < since) return false;
    const days = daysBetween(toDay(new Date(at)), today);
    return days >= 1 && days <= NUDGE_RECENT_DAYS;
  };

  let last: Mood | undefined;
  const consider = (mood: number, at: string, entry: RejectionEntry): void => {
    // Only a recent mood can call for a check-in; a later one, low or not, speaks for now.
    if (at >= since && (!last || Date.parse(at) > Date.parse(last.at))) last = { mood, at, entry };
  };
  const unreflected: RejectionEntry[] = [];
  let stepsDue = 0;
  for (const entry of journal.entries) {
    for (const action of entry.actions) {
      // Days as YYYY-MM-DD order as text.
      if (!action.doneAt && action.due !== undefined && action.due >= firstDue && action.due <= today) stepsDue++;
    }
    if (!isRejection(entry)) continue;
    consider(entry.mood, entry.createdAt, entry);
    if (entry.reflection) consider(entry.reflection.mood, entry.reflection.createdAt, entry);
    for (const checkin of entry.checkins) consider(checkin.mood, checkin.at, entry);
    if (!entry.reflection && recent(entry.createdAt)) unreflected.push(entry);
  }

  const checkIn = !leaveOut.has("checkIn") && last && isLowMood(last.mood) && recent(last.at) ? last.entry : undefined;
  const reflections = leaveOut.has("reflections")
    ? []
    : unreflected.filter((entry) => entry !== checkIn).sort((a, b) => byText(b.createdAt, a.createdAt));
  if (leaveOut.has("steps")) stepsDue = 0;

  if (!checkIn && reflections.length === 0 && stepsDue === 0) return undefined;
  return {
    day: today,
    ...(checkIn ? { checkIn: pointer(checkIn) } : {}),
    reflections: reflections.map(pointer),
    stepsDue,
  };
}

/** The mood the person gave last (logged, reflected on, checked in on) and the rejection it was given on. */
interface Mood {
  mood: number;
  at: string;
  entry: RejectionEntry;
}

const pointer = (entry: RejectionEntry): NudgeEntry => ({ id: entry.id, company: entry.company });
