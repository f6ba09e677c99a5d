import { daysBetween, toDay } from "../journal/dates.js";
import type { RejectionEntry } from "../journal/entry.js";
import { mean, median, round1 } from "./averages.js";

/**
 * How mood comes back after a rejection: the moods recorded later (a
 * reflection, check-ins) against the mood at the log.
 */

/** A mood of this or more counts as having got back on your feet. */
export const RECOVERED_MOOD = 6;

export interface Recovery {
  threshold: typeof RECOVERED_MOOD;
  lowAtLog: number;
  recovered: number;
  medianDays: number | null;
  averageChange: number | null;
  items: RecoveryItem[];
}

export interface RecoveryItem {
  id: string;
  date: string;
  logMood: number;
  /** The most recent mood recorded after the log (check-in or reflection). */
  laterMood: number;
  change: number;
  /** Days from the rejection's date to the first later mood of 6 or more; null when it started there or has not got there yet. */
  daysToRecover: number | null;
}

/** Moods recorded after the log, oldest first, each with the day it was recorded. */
function laterMoods(entry: RejectionEntry): { day: string; mood: number }[] {
  const moods = entry.checkins.map((checkin) => ({ at: checkin.at, mood: checkin.mood }));
  if (entry.reflection) moods.push({ at: entry.reflection.createdAt, mood: entry.reflection.mood });
  return moods
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((item) => ({ day: toDay(new Date(item.at)), mood: item.mood }));
}

/** How one rejection's mood moved after the log, or undefined when nothing was recorded since. */
export function recoveryOf(entry: RejectionEntry): RecoveryItem | undefined {
  const later = laterMoods(entry);
  const last = later[later.length - 1];
  if (!last) return undefined;
  const back = entry.mood < RECOVERED_MOOD ? later.find((item) => item.mood >= RECOVERED_MOOD) : undefined;
  return {
    id: entry.id,
    date: entry.date,
    logMood: entry.mood,
    laterMood: last.mood,
    change: last.mood - entry.mood,
    // From the day it happened: an entry typed in weeks later must not look like a quick recovery.
    daysToRecover: back ? Math.max(0, daysBetween(entry.date, back.day)) : null,
  };
}

export function recovery(rejections: RejectionEntry[]): Recovery {
  const items = rejections.map(recoveryOf).filter((item): item is RecoveryItem => item !== undefined);
  const recoveryDays = items.flatMap((item) => (item.daysToRecover === null ? [] : [item.daysToRecover]));
  const averageChange = mean(items.map((item) => item.change));
  return {
    threshold: RECOVERED_MOOD,
    lowAtLog: rejections.filter((entry) => entry.mood < RECOVERED_MOOD).length,
    recovered: recoveryDays.length,
    medianDays: median(recoveryDays),
    averageChange: averageChange === null ? null : round1(averageChange),
    items,
  };
}
