import { describe, expect, it } from "vitest";
import { WEEKDAY_NAMES, MONTH_NAMES, byText } from "../../src/journal/dates.js";
import { formatDay, formatDayInFull, MONTH_ABBREVIATIONS } from "../../src/ui/labels.js";

// The tool writes days from its own tables rather than asking the locale (ICU)
// on every start; they must read exactly as British English writes them.
describe("day and month names", () => {
  it("match British English, short and long, for every month and weekday", () => {
    for (let month = 0; month < 12; month++) {
      const date = new Date(2026, month, 1);
      expect(MONTH_ABBREVIATIONS[month]).toBe(date.toLocaleDateString("en-GB", { month: "short" }));
      expect(MONTH_NAMES[month]).toBe(date.toLocaleDateString("en-GB", { month: "long" }));
    }
    for (let day = 1; day <= 7; day++) {
      const date = new Date(2026, 10, day);
      expect(WEEKDAY_NAMES[date.getDay()]).toBe(date.toLocaleDateString("en-GB", { weekday: "long" }));
    }
  });

  it("write a day as before", () => {
    const today = new Date(2026, 10, 29, 12);
    expect(formatDay("2026-09-02", today)).toBe("Wed 2 Sept");
    expect(formatDay("2025-12-31", today)).toBe("Wed 31 Dec 2025");
    expect(formatDayInFull("2026-12-01")).toBe("Tuesday 1 December 2026");
  });

  it("order ISO days and timestamps as text", () => {
    const stamps = ["2026-11-29T10:00:00.000Z", "2026-11-29", "2025-12-31T23:59:59.999Z", "2026-01-01"];
    expect([...stamps].sort(byText)).toEqual([...stamps].sort());
    expect(byText("a1", "a1")).toBe(0);
  });
});
