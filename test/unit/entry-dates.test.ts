import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, fromDay, toDay, weekdayOf } from "../../src/journal/dates.js";
import { DateInputError, parseDay } from "../../src/journal/day-input.js";
import { daySchema, instantSchema } from "../../src/journal/entry-schema.js";
import { validateJournal } from "../../src/journal/migrations.js";
import { rejection } from "../helpers/fixtures.js";

/** fast-check runs from this seed, so a failure can be repeated; set DATES_SEED to try others. */
const SEED = Number(process.env.DATES_SEED ?? 20_261_120);

const DAY_MS = 86_400_000;
/** Midnight UTC of 1 January of a year, built without the Date constructor's 0-99 rule. */
const utcNewYear = (year: number): number => new Date(0).setUTCFullYear(year, 0, 1);
/** The YYYY-MM-DD of a UTC day number: an oracle that shares no code with src/journal/dates.ts. */
const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
/**
 * Whether a day has a local noon. A few time zones skipped a whole day (Kiritimati
 * jumped over 1994-12-31); such a day has no local midnight for fromDay to return.
 */
const existsLocally = (day: string): boolean => {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const noon = new Date(0);
  noon.setFullYear(year, month - 1, date);
  noon.setHours(12, 0, 0, 0);
  return noon.getDate() === date;
};
/** Days from `first` to the end of `last`, as UTC day numbers. */
const daysOf = (first: number, last: number) =>
  fc.integer({ min: utcNewYear(first) / DAY_MS, max: utcNewYear(last + 1) / DAY_MS - 1 }).map((n) => n * DAY_MS);

describe("daySchema", () => {
  it.each(["1900-01-01", "2026-11-02", "2024-02-29", "2000-02-29", "2200-12-31"])("accepts %s", (day) => {
    expect(daySchema.safeParse(day).success).toBe(true);
  });

  it.each([
    "2026-99-99",
    "2026-02-30",
    "2026-02-29",
    "1900-02-29",
    "2026-00-10",
    "2026-04-31",
    "2026-01-00",
    "1899-12-31",
    "2201-01-01",
    "9999-12-31",
    "0001-01-01",
    "2026-1-2",
    "2026-11-02T10:00:00Z",
  ])("refuses %s with a message a person can read", (day) => {
    const result = daySchema.safeParse(day);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe("must be a real calendar day as YYYY-MM-DD between 1900 and 2200");
  });
});

describe("instantSchema", () => {
  it.each(["1900-01-01T00:00:00Z", "2026-11-02T10:00:00.000Z", "2200-12-31T23:59:59+05:00"])("accepts %s", (at) => {
    expect(instantSchema.safeParse(at).success).toBe(true);
  });

  it.each(["1899-12-31T23:59:59Z", "2201-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z"])(
    "refuses %s as outside the years",
    (at) => {
      const result = instantSchema.safeParse(at);
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.message).toBe("must be a timestamp between 1900 and 2200");
    },
  );

  it.each(["2026-02-30T10:00:00Z", "2026-11-02", "yesterday"])("refuses %s as not a timestamp", (at) => {
    const result = instantSchema.safeParse(at);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/^must be a timestamp as YYYY-MM-DDTHH:MM:SS/);
  });
});

describe("the journal reader", () => {
  const at = "2026-03-01T10:00:00.000Z";

  it("names the entry and field of a day that does not exist", () => {
    const raw = { version: 1, entries: [rejection({ id: "bad1", date: "2026-02-30", createdAt: at, updatedAt: at })] };
    expect(() => validateJournal(raw)).toThrow(
      "entry bad1: field `date` must be a real calendar day as YYYY-MM-DD between 1900 and 2200",
    );
  });

  it("names the entry and field of a timestamp in year 9999", () => {
    const raw = { version: 1, entries: [rejection({ id: "bad2", updatedAt: "9999-12-31T23:59:59Z" })] };
    expect(() => validateJournal(raw)).toThrow(
      "entry bad2: field `updatedAt` must be a timestamp between 1900 and 2200",
    );
  });
});

describe("fromDay and toDay", () => {
  it("keep years below 100 as they are", () => {
    expect(fromDay("0050-03-01").getFullYear()).toBe(50);
    expect(toDay(fromDay("0050-03-01"))).toBe("0050-03-01");
    // Year 0 is a leap year; read as 1900 it would not be, and 29 February would become 1 March.
    expect(toDay(fromDay("0000-02-29"))).toBe("0000-02-29");
    expect(addDays("0099-12-31", 1)).toBe("0100-01-01");
    expect(daysBetween("0099-12-31", "0100-01-01")).toBe(1);
  });

  it("pad the year to four digits", () => {
    const early = new Date(0);
    early.setFullYear(7, 0, 5);
    expect(toDay(early)).toBe("0007-01-05");
  });

  it(`agree with each other on every day from 1900 to 2200 (seed ${SEED}, DATES_SEED to change)`, () => {
    fc.assert(
      fc.property(daysOf(1900, 2200), fc.integer({ min: -4000, max: 4000 }), (ms, offset) => {
        const day = utcDay(ms);
        if (existsLocally(day)) expect(toDay(fromDay(day))).toBe(day);
        expect(addDays(day, offset)).toBe(utcDay(ms + offset * DAY_MS));
        expect(daysBetween(day, addDays(day, offset))).toBe(offset);
        expect(weekdayOf(day)).toBe(new Date(ms).getUTCDay());
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it(`agree with each other on days of years 1 to 199 (seed ${SEED}, DATES_SEED to change)`, () => {
    fc.assert(
      fc.property(daysOf(1, 199), fc.integer({ min: -400, max: 400 }), (ms, offset) => {
        const day = utcDay(ms + 400 * DAY_MS);
        if (existsLocally(day)) expect(toDay(fromDay(day))).toBe(day);
        expect(addDays(day, offset)).toBe(utcDay(ms + (400 + offset) * DAY_MS));
        expect(daysBetween(day, addDays(day, offset))).toBe(offset);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe("parseDay", () => {
  it.each(["1899-12-31", "2201-01-01", "9999-12-31", "0001-01-01"])("refuses %s, outside the years", async (text) => {
    const refused = parseDay(text, { direction: "any", now: new Date(2026, 10, 20) });
    await expect(refused).rejects.toBeInstanceOf(DateInputError);
    await expect(refused).rejects.toThrow(`'${text}' is not between 1900 and 2200`);
  });

  it("says a far day is in the future or the past when that is the problem", async () => {
    const now = new Date(2026, 10, 20);
    await expect(parseDay("2999-01-01", { direction: "past", now })).rejects.toThrow("is in the future");
    await expect(parseDay("1850-01-01", { direction: "future", now })).rejects.toThrow("is in the past");
  });

  it("still reads the first and last days of the years", async () => {
    expect(await parseDay("1900-01-01", { direction: "past" })).toBe("1900-01-01");
    expect(await parseDay("2200-12-31", { direction: "any" })).toBe("2200-12-31");
  });
});
