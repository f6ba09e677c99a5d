import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DateInputError, parseDay, type DateOrder } from "../../src/journal/day-input.js";

/** fast-check runs from this seed, so a failure can be repeated; set DATES_SEED to try others. */
const SEED = Number(process.env.DATES_SEED ?? 20_261_129);

const DAY_MS = 86_400_000;
const utcNewYear = (year: number): number => new Date(0).setUTCFullYear(year, 0, 1) / DAY_MS;
/** Every calendar day the journal accepts, as a UTC day number: the oracle shares no code with dates.ts. */
const dayNumbers = fc.integer({ min: utcNewYear(1900), max: utcNewYear(2201) - 1 });

/** The parts of a day number, read by Date's UTC methods. */
function partsOf(number: number) {
  const date = new Date(number * DAY_MS);
  return {
    iso: date.toISOString().slice(0, 10),
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    date: date.getUTCDate(),
    weekday: date.getUTCDay(),
  };
}

const MONTH_NAMES = "January February March April May June July August September October November December".split(" ");
const WEEKDAY_NAMES = "Sunday Monday Tuesday Wednesday Thursday Friday Saturday".split(" ");
const two = (n: number): string => String(n).padStart(2, "0");

type Parts = ReturnType<typeof partsOf>;
/** The written forms of a day that name it outright, each with the year. */
const FORMS: Record<string, (day: Parts, order: DateOrder) => string> = {
  iso: (day) => day.iso,
  "1 dec 2026": (day) => `${day.date} ${MONTH_NAMES[day.month - 1]!.slice(0, 3).toLowerCase()} ${day.year}`,
  "dec 1 2026": (day) => `${MONTH_NAMES[day.month - 1]!.slice(0, 3)} ${day.date} ${day.year}`,
  "December 1, 2026": (day) => `${MONTH_NAMES[day.month - 1]} ${day.date}, ${day.year}`,
  "Tuesday 1 December 2026": (day) =>
    `${WEEKDAY_NAMES[day.weekday]} ${day.date} ${MONTH_NAMES[day.month - 1]} ${day.year}`,
  numeric: (day, order) =>
    order === "mdy"
      ? `${two(day.month)}/${two(day.date)}/${day.year}`
      : `${two(day.date)}/${two(day.month)}/${day.year}`,
  "numeric with dots": (day, order) =>
    order === "mdy" ? `${day.month}.${day.date}.${day.year}` : `${day.date}.${day.month}.${day.year}`,
};
const form = fc.constantFrom(...Object.keys(FORMS));
const order = fc.constantFrom<DateOrder>("mdy", "dmy");
const direction = fc.constantFrom("past", "future", "any") as fc.Arbitrary<"past" | "future" | "any">;

/** Local noon of a day number, as the "now" a command would run at. */
function noonOf(number: number): Date {
  const { year, month, date } = partsOf(number);
  const noon = new Date(0);
  noon.setFullYear(year, month - 1, date);
  noon.setHours(12, 0, 0, 0);
  return noon;
}

/** What the parser must do with a day: give it back exactly, or refuse it because it is on the wrong side of today. */
async function expectExactlyOrRefused(
  text: string,
  day: string,
  today: string,
  options: { direction: "past" | "future" | "any"; dateOrder: DateOrder; now: Date },
): Promise<void> {
  const refused = (options.direction === "past" && day > today) || (options.direction === "future" && day < today);
  try {
    const result = await parseDay(text, options);
    expect(result, `'${text}' on ${today} (${options.direction}, ${options.dateOrder})`).toBe(day);
    expect(refused, `'${text}' on ${today} should have been refused`).toBe(false);
  } catch (error) {
    if (!(error instanceof DateInputError)) throw error;
    expect(refused, `'${text}' on ${today} was refused: ${error.message}`).toBe(true);
    expect(error.message).toContain(day);
  }
}

describe(`every written form of every day (seed ${SEED}, DATES_SEED to change)`, () => {
  it("reads back as that day, or is refused for being on the wrong side of today", async () => {
    await fc.assert(
      fc.asyncProperty(dayNumbers, dayNumbers, form, order, direction, async (number, todayNumber, name, o, d) => {
        const day = partsOf(number);
        const text = FORMS[name]!(day, o);
        await expectExactlyOrRefused(text, day.iso, partsOf(todayNumber).iso, {
          direction: d,
          dateOrder: o,
          now: noonOf(todayNumber),
        });
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it("refuses a day a few days after today for a past-only field, and never moves it", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: utcNewYear(1900) + 10, max: utcNewYear(2201) - 11 }),
        fc.integer({ min: -7, max: 7 }),
        form,
        order,
        async (todayNumber, offset, name, o) => {
          const day = partsOf(todayNumber + offset);
          const text = FORMS[name]!(day, o);
          await expectExactlyOrRefused(text, day.iso, partsOf(todayNumber).iso, {
            direction: "past",
            dateOrder: o,
            now: noonOf(todayNumber),
          });
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it("reads a day and month without a year as this year's, or refuses it", async () => {
    const noYear = fc.constantFrom(
      (day: Parts) => `${MONTH_NAMES[day.month - 1]} ${day.date}`,
      (day: Parts) => `${day.date} ${MONTH_NAMES[day.month - 1]!.slice(0, 3)}`,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: utcNewYear(1900) + 10, max: utcNewYear(2201) - 11 }),
        fc.integer({ min: -10, max: 10 }),
        noYear,
        direction,
        async (todayNumber, offset, write, d) => {
          const today = partsOf(todayNumber);
          const named = partsOf(todayNumber + offset);
          // The same day and month, in today's year: what the text means (29 February may not exist).
          const thisYear = new Date(0);
          thisYear.setUTCFullYear(today.year, named.month - 1, named.date);
          const exists = thisYear.getUTCMonth() === named.month - 1;
          const text = write(named);
          if (!exists) {
            await expect(parseDay(text, { now: noonOf(todayNumber), direction: d })).rejects.toBeInstanceOf(
              DateInputError,
            );
            return;
          }
          await expectExactlyOrRefused(text, thisYear.toISOString().slice(0, 10), today.iso, {
            direction: d,
            dateOrder: "mdy",
            now: noonOf(todayNumber),
          });
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
