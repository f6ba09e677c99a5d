import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, fromDay, toDay } from "../../src/journal/dates.js";
import { DateInputError, parseDay } from "../../src/journal/day-input.js";

/** Calendar days from 1900 to 2100, as local dates. */
const day = fc
  .date({ min: new Date(1900, 0, 1), max: new Date(2100, 11, 31), noInvalidDate: true })
  .map((date) => toDay(date));
/** "now" anywhere in a wide range, at any time of day. */
const now = fc.date({ min: new Date(1990, 0, 1), max: new Date(2090, 0, 1), noInvalidDate: true });

const RELATIVE = [
  "today",
  "now",
  "yesterday",
  "last monday",
  "last friday",
  "last sunday",
  "monday",
  "friday",
  "saturday",
  "3 days ago",
  "10 days ago",
  "a week ago",
  "2 weeks ago",
  "last week",
  "last month",
  "a month ago",
  "this morning",
  "last night",
];

describe("parseDay, for any input", () => {
  it("reads back every ISO day it is given", async () => {
    await fc.assert(
      fc.asyncProperty(day, async (iso) => {
        expect(await parseDay(iso, { direction: "any" })).toBe(iso);
        expect(await parseDay(` ${iso}\n`, { now: new Date(2101, 0, 1), direction: "past" })).toBe(iso);
      }),
    );
  });

  it("agrees with toDay, fromDay, addDays and daysBetween", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -2000, max: 2000 }), (iso, offset) => {
        expect(toDay(fromDay(iso))).toBe(iso);
        expect(daysBetween(iso, addDays(iso, offset))).toBe(offset);
      }),
    );
  });

  it("never gives a future day for words about the past", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...RELATIVE), now, async (words, at) => {
        try {
          const result = await parseDay(words, { now: at, direction: "past" });
          expect(result <= toDay(at), `'${words}' on ${toDay(at)} gave ${result}`).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(DateInputError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never gives a past day when a due date is asked for", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("today", "tomorrow", "next monday", "friday", "in 3 days", "next week"),
        now,
        async (words, at) => {
          try {
            expect((await parseDay(words, { now: at, direction: "future" })) >= toDay(at)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(DateInputError);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("refuses impossible calendar days with a DateInputError", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 40 }),
        async (year, month, date) => {
          const text = `${year}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
          const real = new Date(year, month - 1, date).getMonth() === month - 1;
          if (real) expect(await parseDay(text, { direction: "any" })).toBe(text);
          else await expect(parseDay(text, { direction: "any" })).rejects.toBeInstanceOf(DateInputError);
        },
      ),
    );
  });

  it("reads the names of Object's own properties as text, not as day words", async () => {
    // Found by the property below: `text in WORDS` saw "constructor" and gave NaN-NaN-NaN.
    for (const text of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      for (const direction of ["past", "future", "any"] as const) {
        await expect(parseDay(text, { direction }), `${text} ${direction}`).rejects.toBeInstanceOf(DateInputError);
      }
    }
  });

  it("throws nothing but a DateInputError on random text", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" })),
        now,
        fc.constantFrom("past", "future", "any") as fc.Arbitrary<"past" | "future" | "any">,
        async (text, at, direction) => {
          try {
            const result = await parseDay(text, { now: at, direction });
            expect(result).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          } catch (error) {
            expect(error).toBeInstanceOf(DateInputError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
