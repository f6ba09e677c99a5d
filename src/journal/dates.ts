/**
 * Dates as people type them. ISO dates and the common words are read here
 * directly; anything else ("last friday", "3 days ago") goes to chrono-node,
 * which is loaded only then because it is slow to import.
 */

/** YYYY-MM-DD for a Date, in the person's local time zone. */
export function toDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local midnight that starts a YYYY-MM-DD day. */
export function fromDay(day: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, date);
}

export function addDays(day: string, days: number): string {
  const date = fromDay(day);
  date.setDate(date.getDate() + days);
  return toDay(date);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((fromDay(to).getTime() - fromDay(from).getTime()) / 86_400_000);
}

export class DateInputError extends Error {}

const WORDS: Record<string, number> = { today: 0, now: 0, yesterday: -1, tomorrow: 1 };

/** A real calendar day as YYYY-MM-DD, or undefined ("2026-02-30" is not one). */
function isoDay(text: string): string | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const day = toDay(date);
  return day === `${match[1]}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}` ? day : undefined;
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
  return day;
}
