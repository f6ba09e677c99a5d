/**
 * Dates as people type them. ISO dates and the common words are read here
 * directly; anything else ("last friday", "3 days ago") goes to chrono-node,
 * which is loaded only then because it is slow to import.
 */
import {
  FIRST_YEAR,
  LAST_YEAR,
  MONTH_NAMES,
  WEEKDAY_NAMES,
  addDays,
  dayText,
  isDayInRange,
  isRealDay,
  toDay,
  weekdayOf,
} from "./dates.js";

export class DateInputError extends Error {}

const WORDS: Record<string, number> = { today: 0, now: 0, yesterday: -1, tomorrow: 1 };

/** How a person writes a numeric date: 12/01/2026 is December 1 in "mdy", 12 January in "dmy". */
import { dateOrderSetting, type DateOrder } from "./date-order.js";

export type { DateOrder };
export const DATE_ORDERS = ["mdy", "dmy"] as const satisfies readonly DateOrder[];

/**
 * The order a locale writes month and day in, asked of Intl rather than kept in
 * a list of countries. Year-first locales (ja, zh, ko, hu) put the month before
 * the day, so they read as month-day too.
 */
export function localeDateOrder(locale?: string): DateOrder {
  try {
    const parts = new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date(2026, 11, 1))
      .map((part) => part.type);
    return parts.indexOf("day") < parts.indexOf("month") ? "dmy" : "mdy";
  } catch {
    // A locale name Intl refuses: month-day is what chrono and Intl fall back to.
    return "mdy";
  }
}

const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3).toLowerCase());
const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const WEEKDAY = "(?:(sun|mon|tue|wed|thu|fri|sat)[a-z]*\\.?,?\\s)?";
const DATE = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "(?:(?:,\\s?|[\\s/.-]+)(\\d+))?";
/** "1 dec", "1st of December 2026", "tue 1-dec-2026". */
const DAY_MONTH = new RegExp(`^${WEEKDAY}(?:the\\s)?${DATE}(?:\\sof)?[\\s/.-]+${MONTH}${YEAR}$`);
/** "dec 1", "December 1st, 2026", "tue, dec 1 2026". */
const MONTH_DAY = new RegExp(`^${WEEKDAY}${MONTH}[\\s/.-]+(?:the\\s)?${DATE}${YEAR}$`);
/** A month's name anywhere, for what chrono read in a form the patterns above do not cover. */
const ANY_MONTH = new RegExp(`\\b${MONTH}(?![a-z])`);
/** 01/12/2026, 1.12.2026, 1-12-2026, or 1/12 without a year. */
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d+))?$/;
/** 2026-12-01, 2026/12/1, 2026.12.01. */
const YEAR_FIRST = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$/;

/** A day the text names outright, before it is checked against today. */
interface NamedDay {
  /** Undefined when not written: "dec 1". */
  year: number | undefined;
  month: number;
  date: number;
  /** The weekday written with it ("tue 1 dec"), 0 for Sunday. */
  weekday?: number;
  numeric?: boolean;
  ambiguous?: boolean;
}

/** A written year; two digits could be any century, so they are refused. */
function yearOf(text: string, input: string): number {
  if (text.length !== 4) throw new DateInputError(`'${input}': write the year in full, for example 2026`);
  return Number(text);
}

/**
 * Numeric text in the person's order, or in the only order that gives a real
 * day (13/12/2026). Without a year, 29 February counts as real, as in a leap year.
 */
async function numericDay(match: RegExpExecArray, input: string, options: ParseDayOptions): Promise<NamedDay> {
  const [first, second] = [Number(match[1]), Number(match[3])];
  const year = match[4] === undefined ? undefined : yearOf(match[4], input);
  const mdy: NamedDay = { year, month: first, date: second, numeric: true };
  const dmy: NamedDay = { year, month: second, date: first, numeric: true };
  const asMdy = isRealDay(year ?? 2000, first, second);
  const asDmy = isRealDay(year ?? 2000, second, first);
  if (!asMdy && !asDmy) throw new DateInputError(`'${input}' is not a calendar date`);
  if (!asDmy) return mdy;
  if (!asMdy || first === second) return dmy;
  const configured = options.dateOrder ?? (await dateOrderSetting());
  const order = configured ?? localeDateOrder(options.locale);
  return { ...(order === "mdy" ? mdy : dmy), ambiguous: configured === undefined };
}

/** The day the text names outright (numeric, or with a month's name), or undefined for anything else. */
async function namedDay(text: string, input: string, options: ParseDayOptions): Promise<NamedDay | undefined> {
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) return { year: Number(yearFirst[1]), month: Number(yearFirst[3]), date: Number(yearFirst[4]) };
  const numeric = NUMERIC.exec(text);
  if (numeric) return numericDay(numeric, input, options);
  const dayMonth = DAY_MONTH.exec(text);
  const match = dayMonth ?? MONTH_DAY.exec(text);
  if (!match) return undefined;
  const [month, date] = dayMonth ? [match[3]!, match[2]!] : [match[2]!, match[3]!];
  return {
    year: match[4] === undefined ? undefined : yearOf(match[4], input),
    month: MONTHS.indexOf(month.slice(0, 3)) + 1,
    date: Number(date),
    weekday: match[1] === undefined ? undefined : WEEKDAYS.indexOf(match[1]),
  };
}

/** "the date must be today or earlier", for a day on the wrong side of today. */
function directionRule(options: ParseDayOptions): string {
  return options.direction === "future"
    ? `${options.what ?? "a due date"} must be today or later`
    : `${options.what ?? "the date"} must be today or earlier`;
}

/** Whether a day is on the side of today the direction refuses. */
function wrongSide(day: string, today: string, options: ParseDayOptions): "future" | "past" | undefined {
  if (options.direction === "past" && day > today) return "future";
  if (options.direction === "future" && day < today) return "past";
  return undefined;
}

/**
 * The YYYY-MM-DD of a named day, checked against today and never moved. A day
 * and month without a year is this year's: picking another year would be a
 * guess, so when this year's is on the wrong side of today the refusal offers
 * the year the person probably meant instead.
 */
function checkedNamedDay(named: NamedDay, input: string, today: string, options: ParseDayOptions): string {
  const year = named.year ?? Number(today.slice(0, 4));
  if (!isRealDay(year, named.month, named.date)) {
    const why =
      named.year === undefined && isRealDay(2000, named.month, named.date) ? `: not in ${year}, so add the year` : "";
    throw new DateInputError(`'${input}' is not a calendar date${why}`);
  }
  const day = dayText(year, named.month, named.date);
  if (named.weekday !== undefined && weekdayOf(day) !== named.weekday) {
    const [is, said] = [WEEKDAY_NAMES[weekdayOf(day)], WEEKDAY_NAMES[named.weekday]];
    throw new DateInputError(`'${input}': ${day} is a ${is}, not a ${said}`);
  }
  const side = wrongSide(day, today, options);
  if (!side) return day;
  if (named.year !== undefined) throw new DateInputError(`${day} is in the ${side}; ${directionRule(options)}`);
  const otherYear = year + (side === "future" ? -1 : 1);
  const meant = isRealDay(otherYear, named.month, named.date)
    ? `did you mean ${dayText(otherYear, named.month, named.date)}?`
    : directionRule(options);
  throw new DateInputError(`'${input}' without a year is ${day}, in the ${side}; ${meant}`);
}

export interface ParseDayOptions {
  /** "now" for relative dates; tests pass a fixed one. */
  now?: Date;
  /** "past" refuses days after today (when something happened); "future" refuses days before it (due dates). */
  direction?: "past" | "future" | "any";
  /** The order of numeric dates; without it, the person's setting, else the locale's. */
  dateOrder?: DateOrder;
  /** The locale whose order is used when nothing is set; the system's when not given. */
  locale?: string;
  /** What the day is, for refusals: "the date you heard" must be today or earlier. */
  what?: string;
}

/** A day read from text, and how it was read. */
export interface DayReading {
  day: string;
  /** Typed as numbers (01/12/2026), so the order it was read in is worth showing. */
  numeric: boolean;
  /** It reads as two different days and no setting said which: the locale chose, so say which day it became. */
  ambiguous: boolean;
}

/**
 * Reads a day the way a person types it: 2026-11-20, 1 dec 2026, December 1,
 * 01/12/2026, today, yesterday, last friday, 3 days ago, next monday. A day
 * named outright is that day or an error, never moved to fit the direction.
 * Throws a DateInputError whose message can be shown as is.
 */
export async function readDay(input: string, options: ParseDayOptions = {}): Promise<DayReading> {
  const now = options.now ?? new Date();
  const today = toDay(now);
  const text = input.trim().toLowerCase().replace(/\s+/g, " ");
  if (!text) throw new DateInputError("a date is needed (for example 2026-11-20, today or yesterday)");
  const named = await namedDay(text, input, options);
  let day: string;
  if (named) day = checkedNamedDay(named, input, today, options);
  // hasOwn: `in` would also find "constructor" and "__proto__" on the prototype.
  else if (Object.hasOwn(WORDS, text)) day = addDays(today, WORDS[text]!);
  else day = await chronoDay(input, text, now, options);
  const side = wrongSide(day, today, options);
  if (side) throw new DateInputError(`'${input}' is in the ${side} (${day}); ${directionRule(options)}`);
  // After the direction checks: "in the future" says more about 2999 than the range does.
  if (!isDayInRange(day)) {
    throw new DateInputError(`'${input}' is not between ${FIRST_YEAR} and ${LAST_YEAR} (${day})`);
  }
  return { day, numeric: named?.numeric ?? false, ambiguous: named?.ambiguous ?? false };
}

/** readDay's day alone, for callers that do not show how it was read. */
export async function parseDay(input: string, options: ParseDayOptions = {}): Promise<string> {
  return (await readDay(input, options)).day;
}

/** Relative words ("last friday", "3 days ago"), and named days in forms the patterns above miss, read by chrono. */
async function chronoDay(input: string, text: string, now: Date, options: ParseDayOptions): Promise<string> {
  const chrono = await import("chrono-node");
  // A bare weekday means the next one to chrono; for an event that already
  // happened the person means the last one, so say which way to look.
  const forwardDate = options.direction === "future" && !/\b(last|ago|previous)\b/.test(text);
  const start = chrono.en.parse(input, { instant: now, timezone: undefined }, { forwardDate })[0]?.start;
  if (!start) throw new DateInputError(`cannot read '${input}' as a date (try 2026-11-20, yesterday or last friday)`);
  if (ANY_MONTH.test(text) && start.isCertain("day") && start.isCertain("month")) {
    // A named day in a form of its own ("the 1st of dec, 2026"): the same rules, never moved.
    const named = {
      year: start.isCertain("year") ? start.get("year")! : undefined,
      month: start.get("month")!,
      date: start.get("day")!,
    };
    return checkedNamedDay(named, input, toDay(now), options);
  }
  const day = toDay(start.date());
  const weekdayAlone = start.isCertain("weekday") && !start.isCertain("day") && !/\b(next|this|coming|in)\b/.test(text);
  if (options.direction === "past" && day > toDay(now) && weekdayAlone) {
    // "friday" on a wednesday gave this week's; the person meant last week's.
    const lastWeek = addDays(day, -7);
    if (lastWeek <= toDay(now)) return lastWeek;
  }
  return day;
}
