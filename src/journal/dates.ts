/**
 * Dates as people type them. ISO dates and the common words are read here
 * directly; anything else ("last friday", "3 days ago") goes to chrono-node,
 * which is loaded only then because it is slow to import.
 */

/**
 * The years a journal accepts. It records job applications, so anything outside
 * is a typo or a damaged file; keeping days inside also keeps every walk over a
 * calendar span (the charts of `stats`) to a few thousand steps at most.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** YYYY-MM-DD for a Date, in the person's local time zone. */
export function toDay(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local midnight that starts a YYYY-MM-DD day. */
export function fromDay(day: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  // setFullYear, because the Date constructor reads years 0 to 99 as 1900 to 1999.
  const start = new Date(0);
  start.setFullYear(year, month - 1, date);
  start.setHours(0, 0, 0, 0);
  return start;
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in a month (1 to 12) of a year, by the Gregorian rules. */
function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether text is YYYY-MM-DD naming a day that exists ("2026-02-30" does not). */
function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && date >= 1 && date <= daysInMonth(year, month);
}

export const isYearInRange = (year: number): boolean => year >= FIRST_YEAR && year <= LAST_YEAR;

/** Whether text is a calendar day in FIRST_YEAR to LAST_YEAR. */
export function isDayInRange(text: string): boolean {
  return isCalendarDay(text) && isYearInRange(Number(text.slice(0, 4)));
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01. Counted in UTC, where every day has 24 hours and none is skipped. */
function dayNumber(day: string): number {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(0).setUTCFullYear(year, month - 1, date) / DAY_MS;
}

function dayOfNumber(number: number): string {
  const date = new Date(number * DAY_MS);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function addDays(day: string, days: number): string {
  return dayOfNumber(dayNumber(day) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The day of the week, 0 for Sunday to 6 for Saturday, as Date#getDay counts. */
export function weekdayOf(day: string): number {
  return new Date(dayNumber(day) * DAY_MS).getUTCDay();
}

export class DateInputError extends Error {}

const WORDS: Record<string, number> = { today: 0, now: 0, yesterday: -1, tomorrow: 1 };

/** A real calendar day as YYYY-MM-DD, or undefined ("2026-02-30" is not one). */
function isoDay(text: string): string | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!match) return undefined;
  const day = `${match[1]}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}`;
  return isCalendarDay(day) ? day : undefined;
}

export interface ParseDayOptions {
  /** "now" for relative dates; tests pass a fixed one. */
  now?: Date;
  /** "past" refuses days after today (when something happened); "future" refuses days before it (due dates). */
  direction?: "past" | "future" | "any";
}

/**
 * Reads a day the way a person types it: 2026-11-20, today, yesterday, last friday,
 * 3 days ago, next monday. Throws a DateInputError whose message can be shown as is.
 */
export async function parseDay(input: string, options: ParseDayOptions = {}): Promise<string> {
  const now = options.now ?? new Date();
  const text = input.trim().toLowerCase();
  if (!text) throw new DateInputError("a date is needed (for example 2026-11-20, today or yesterday)");
  let day = isoDay(text);
  if (!day && /^\d{4}-\d{1,2}-\d{1,2}$/.test(text)) throw new DateInputError(`'${input}' is not a calendar date`);
  // hasOwn: `in` would also find "constructor" and "__proto__" on the prototype.
  if (!day && Object.hasOwn(WORDS, text)) day = addDays(toDay(now), WORDS[text]!);
  if (!day) {
    const chrono = await import("chrono-node");
    // A bare weekday means the next one to chrono; for an event that already
    // happened the person means the last one, so say which way to look.
    const forwardDate = options.direction === "future" && !/\b(last|ago|previous)\b/.test(text);
    const parsed = chrono.en.parseDate(input, { instant: now, timezone: undefined }, { forwardDate });
    if (!parsed)
      throw new DateInputError(`cannot read '${input}' as a date (try 2026-11-20, yesterday or last friday)`);
    day = toDay(parsed);
    if (options.direction === "past" && day > toDay(now) && !/\b(next|tomorrow|in)\b/.test(text)) {
      // "friday" on a wednesday: chrono picked this week's; the person meant last week's.
      const lastWeek = addDays(day, -7);
      if (lastWeek <= toDay(now)) day = lastWeek;
    }
  }
  if (options.direction === "past" && day > toDay(now)) {
    throw new DateInputError(`'${input}' is in the future (${day}); use a day that has already happened`);
  }
  if (options.direction === "future" && day < toDay(now)) {
    throw new DateInputError(`'${input}' is in the past (${day}); a due date is today or later`);
  }
  // After the direction checks: "in the future" says more about 2999 than the range does.
  if (!isDayInRange(day)) {
    throw new DateInputError(`'${input}' is not between ${FIRST_YEAR} and ${LAST_YEAR} (${day})`);
  }
  return day;
}
