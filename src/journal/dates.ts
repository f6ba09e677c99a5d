/**
 * Calendar days as the journal stores them, YYYY-MM-DD in local time, and the
 * arithmetic on them. Reading a day as a person types it is in day-input.ts.
 */

/**
 * The years a journal accepts. It records job applications, so anything outside
 * is a typo or a damaged file; keeping days inside also keeps every walk over a
 * calendar span (the charts of `stats`) to a few thousand steps at most.
 */
/** The days of the week from Sunday (Date.getDay's order) and the months, in English, as the tool writes them. */
export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/**
 * Orders ISO days, timestamps and ids as text, by code point: their order is
 * the text's. No locale collation, which loads ICU at start-up for nothing.
 */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** YYYY-MM-DD for a Date, in the person's local time zone. */
export function toDay(date: Date): string {
  return dayText(date.getFullYear(), date.getMonth() + 1, date.getDate());
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

/** Whether a year, month (1 to 12) and date name a day that exists (30 February does not). */
export function isRealDay(year: number, month: number, date: number): boolean {
  return month >= 1 && month <= 12 && date >= 1 && date <= daysInMonth(year, month);
}

export const dayText = (year: number, month: number, date: number): string =>
  `${pad(year, 4)}-${pad(month)}-${pad(date)}`;

/** Whether text is YYYY-MM-DD naming a day that exists ("2026-02-30" does not). */
function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match ? isRealDay(Number(match[1]), Number(match[2]), Number(match[3])) : false;
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
  return dayText(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
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
