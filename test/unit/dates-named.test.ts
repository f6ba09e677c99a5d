import { afterEach, describe, expect, it } from "vitest";
import { askPastDay } from "../../src/flows/ask.js";
import { useDateOrderSetting } from "../../src/journal/date-order.js";
import { DateInputError, localeDateOrder, parseDay, readDay } from "../../src/journal/day-input.js";
import { fakePrompts, inOrder } from "../flows/fake-prompts.js";

// The day the issue was found on: a Sunday, at noon, a few days before December.
const now = new Date(2026, 10, 29, 12, 0, 0);
const past = { now, direction: "past", dateOrder: "mdy" } as const;
const due = { now, direction: "future", dateOrder: "mdy" } as const;

/** The refusal a parse gives, or a failure naming the day it gave instead. */
async function refusal(text: string, options: Parameters<typeof parseDay>[1]): Promise<string> {
  try {
    const day = await parseDay(text, options);
    throw new Error(`'${text}' gave ${day} instead of being refused`);
  } catch (error) {
    if (!(error instanceof DateInputError)) throw error;
    return error.message;
  }
}

afterEach(() => useDateOrderSetting(() => Promise.resolve(undefined)));

describe("a day named outright, a few days after today", () => {
  it.each([
    ["12/01/2026", "2026-12-01"],
    ["12/05/2026", "2026-12-05"],
    ["dec 1 2026", "2026-12-01"],
    ["1 dec 2026", "2026-12-01"],
    ["December 1, 2026", "2026-12-01"],
    ["Tue 1 Dec 2026", "2026-12-01"],
    ["2026-12-01", "2026-12-01"],
  ])("refuses %s as the date a rejection was heard, naming %s", async (text, day) => {
    const message = await refusal(text, { ...past, what: "the date you heard" });
    expect(message).toBe(`${day} is in the future; the date you heard must be today or earlier`);
  });

  it.each([
    ["dec 1", "2026-12-01", "2025-12-01"],
    ["1 dec", "2026-12-01", "2025-12-01"],
    ["december 3", "2026-12-03", "2025-12-03"],
    ["12/5", "2026-12-05", "2025-12-05"],
  ])("refuses %s without a year as %s, suggesting %s", async (text, day, meant) => {
    expect(await refusal(text, past)).toBe(`'${text}' without a year is ${day}, in the future; did you mean ${meant}?`);
  });

  it.each([
    ["12/01/2026", "2026-12-01"],
    ["dec 1", "2026-12-01"],
    ["1 dec", "2026-12-01"],
    ["12/05/2026", "2026-12-05"],
    ["december 3", "2026-12-03"],
    ["today", "2026-11-29"],
  ])("reads %s as a due date of %s", async (text, day) => {
    expect(await parseDay(text, due)).toBe(day);
  });

  it("refuses a due date named without a year that has passed this year, suggesting next year's", async () => {
    expect(await refusal("jan 5", due)).toBe(
      "'jan 5' without a year is 2026-01-05, in the past; did you mean 2027-01-05?",
    );
    expect(await refusal("2026-11-28", due)).toBe("2026-11-28 is in the past; a due date must be today or later");
  });
});

describe("a day named outright, today or before", () => {
  it.each([
    ["11/28/2026", "2026-11-28"],
    ["nov 28", "2026-11-28"],
    ["28 Nov", "2026-11-28"],
    ["the 28th of november", "2026-11-28"],
    ["November 28th, 2026", "2026-11-28"],
    ["1-dec-2025", "2025-12-01"],
    ["dec 1", "2026-12-01"],
    ["29 nov", "2026-11-29"],
    ["sat 28 nov 2026", "2026-11-28"],
    ["2026/11/28", "2026-11-28"],
  ])("reads %s as %s", async (text, day) => {
    const result = await parseDay(text, text === "dec 1" ? due : past);
    expect(result).toBe(day);
  });

  it("refuses a weekday that does not match the day, and a day that does not exist", async () => {
    expect(await refusal("mon 28 nov 2026", past)).toBe("'mon 28 nov 2026': 2026-11-28 is a Saturday, not a Monday");
    expect(await refusal("31 nov 2026", past)).toBe("'31 nov 2026' is not a calendar date");
    expect(await refusal("31/11/2026", { ...past, dateOrder: "dmy" })).toBe("'31/11/2026' is not a calendar date");
    expect(await refusal("29 feb", past)).toBe("'29 feb' is not a calendar date: not in 2026, so add the year");
    expect(await parseDay("29 feb 2024", past)).toBe("2024-02-29");
  });

  it("refuses a two-digit year rather than guess the century", async () => {
    expect(await refusal("11/28/26", past)).toBe("'11/28/26': write the year in full, for example 2026");
    expect(await refusal("28 nov 26", past)).toBe("'28 nov 26': write the year in full, for example 2026");
  });
});

describe("relative words", () => {
  it.each([
    ["yesterday", "2026-11-28"],
    ["friday", "2026-11-27"],
    ["last friday", "2026-11-27"],
    ["3 days ago", "2026-11-26"],
    ["a week ago", "2026-11-22"],
  ])("still read %s as %s", async (text, day) => {
    expect(await parseDay(text, past)).toBe(day);
  });

  it("still refuses words for a future day in a past field, naming the day", async () => {
    expect(await refusal("next friday", past)).toBe(
      "'next friday' is in the future (2026-12-04); the date must be today or earlier",
    );
  });
});

describe("numeric dates", () => {
  it("reads 01/12/2026 in the configured order, as the only real day when one order gives none", async () => {
    const options = { now, direction: "any" } as const;
    expect(await parseDay("01/12/2026", { ...options, dateOrder: "dmy" })).toBe("2026-12-01");
    expect(await parseDay("01/12/2026", { ...options, dateOrder: "mdy" })).toBe("2026-01-12");
    expect(await parseDay("01.12.2026", { ...options, dateOrder: "dmy" })).toBe("2026-12-01");
    expect(await parseDay("13/12/2026", { ...options, dateOrder: "mdy" })).toBe("2026-12-13");
    expect(await parseDay("12/13/2026", { ...options, dateOrder: "dmy" })).toBe("2026-12-13");
  });

  it("finds the order of a locale from how Intl writes a date", () => {
    expect(localeDateOrder("en-US")).toBe("mdy");
    expect(localeDateOrder("en-GB")).toBe("dmy");
    expect(localeDateOrder("de-DE")).toBe("dmy");
    expect(localeDateOrder("fr-FR")).toBe("dmy");
    // Year first, then month, then day: month before day.
    expect(localeDateOrder("ja-JP")).toBe("mdy");
  });

  it("says a reading is ambiguous only when both orders give different real days and no order was set", async () => {
    const options = { now, direction: "any" } as const;
    expect(await readDay("01/12/2026", { ...options, locale: "en-GB" })).toEqual({
      day: "2026-12-01",
      numeric: true,
      ambiguous: true,
    });
    expect(await readDay("01/12/2026", { ...options, locale: "en-US" })).toMatchObject({
      day: "2026-01-12",
      ambiguous: true,
    });
    expect(await readDay("01/12/2026", { ...options, locale: "en-US", dateOrder: "dmy" })).toMatchObject({
      day: "2026-12-01",
      ambiguous: false,
    });
    expect(await readDay("13/12/2026", { ...options, locale: "en-US" })).toMatchObject({ ambiguous: false });
    expect(await readDay("12/12/2026", { ...options, locale: "en-US" })).toMatchObject({ ambiguous: false });
    expect(await readDay("1 dec 2026", options)).toEqual({ day: "2026-12-01", numeric: false, ambiguous: false });
  });

  it("takes the order from the person's setting over the locale, and asks for it only when it matters", async () => {
    let asked = 0;
    useDateOrderSetting(() => {
      asked += 1;
      return Promise.resolve("dmy");
    });
    const options = { now, direction: "any", locale: "en-US" } as const;
    expect(await readDay("13/12/2026", options)).toMatchObject({ day: "2026-12-13", ambiguous: false });
    expect(asked).toBe(0);
    expect(await readDay("01/12/2026", options)).toMatchObject({ day: "2026-12-01", ambiguous: false });
    expect(asked).toBe(1);
  });
});

describe("the date prompt", () => {
  it("refuses a near-future day in the field's words, then confirms a numeric day in words", async () => {
    useDateOrderSetting(() => Promise.resolve("mdy"));
    const fake = fakePrompts(inOrder(["12/01/2026", "dec 1", "11/28/2026"]).respond);
    const day = await askPastDay(fake.prompts, "When did you hear?", undefined, now, "the date you heard");
    expect(day).toBe("2026-11-28");
    expect(fake.refused).toEqual([
      "2026-12-01 is in the future; the date you heard must be today or earlier",
      "'dec 1' without a year is 2026-12-01, in the future; did you mean 2025-12-01?",
    ]);
    const transformer = fake.calls[0]!.config.transformer as (text: string, flags: { isFinal: boolean }) => string;
    expect(transformer("11/28/2026", { isFinal: true })).toBe("11/28/2026 (Sat 28 Nov 2026)");
  });
});
