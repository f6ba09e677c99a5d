import { describe, expect, it } from "vitest";
import { computeStats } from "../../src/coach/stats.js";
import type { Journal } from "../../src/journal/entry.js";
import { stageRank } from "../../src/journal/vocabulary.js";
import { rejection, win } from "../helpers/fixtures.js";

const TODAY = "2026-11-20";
const journal = (entries: Journal["entries"]): Journal => ({ version: 1, entries });

// These tests assert results only. By hand, on this 2-core machine, 60,000 entries in
// one month took 30 s before the month grouping stopped copying its list per entry.
describe("computeStats on large or wide journals", () => {
  it("groups 60,000 rejections of one month into that month", () => {
    const stages = ["applied", "screening", "interview", "final"] as const;
    const entries = Array.from({ length: 60_000 }, (_, index) =>
      rejection({
        id: `r${index.toString(36).padStart(5, "0")}`,
        date: `2026-11-${String(1 + (index % 19)).padStart(2, "0")}`,
        stage: stages[index % stages.length]!,
      }),
    );
    const stats = computeStats(journal(entries), {}, TODAY);
    const averageRank = Math.round((stages.map(stageRank).reduce((a, b) => a + b) / stages.length) * 10) / 10;
    expect(stats.totals.rejections).toBe(60_000);
    expect(stats.funnel.byMonth).toEqual([{ month: "2026-11", rejections: 60_000, furthest: "final", averageRank }]);
    expect(stats.funnel.stages.find((item) => item.stage === "final")!.count).toBe(15_000);
    const counted = stats.activity.periods.reduce((sum, period) => sum + period.rejections, 0);
    expect(counted).toBe(60_000);
  }, 20_000);

  it("lists every month from 1900 to 2200 once, with each entry in its month", () => {
    const entries = [
      rejection({ id: "first1", date: "1900-01-01" }),
      win({ id: "mid1", date: "2026-02-28" }),
      rejection({ id: "last1", date: "2200-12-31" }),
    ];
    const { activity, funnel } = computeStats(journal(entries), {}, TODAY);
    expect(activity.unit).toBe("month");
    expect(activity.periods).toHaveLength(301 * 12);
    expect(activity.periods[0]).toEqual({ period: "1900-01", start: "1900-01-01", rejections: 1, wins: 0 });
    expect(activity.periods.at(-1)).toEqual({ period: "2200-12", start: "2200-12-01", rejections: 1, wins: 0 });
    expect(activity.periods.find((period) => period.period === "2026-02")).toMatchObject({ wins: 1 });
    expect(new Set(activity.periods.map((period) => period.period)).size).toBe(301 * 12);
    expect(funnel.byMonth.map((month) => month.month)).toEqual(["1900-01", "2200-12"]);
  });

  it("ends the chart at the last accepted year when handed a day far beyond it", () => {
    // The schema refuses 9999, but the figures must not depend on it: walking to
    // 9999 and on into five-digit years made over a million periods.
    const entries = [rejection({ id: "near1", date: "2026-01-15" }), rejection({ id: "far1", date: "9999-12-31" })];
    const stats = computeStats(journal(entries), {}, TODAY);
    expect(stats.totals.rejections).toBe(2);
    expect(stats.range.last).toBe("9999-12-31");
    expect(stats.activity.periods).toHaveLength((2200 - 2026 + 1) * 12);
    expect(stats.activity.periods[0]).toMatchObject({ period: "2026-01", rejections: 1 });
    expect(stats.activity.periods.at(-1)).toMatchObject({ period: "2200-12", rejections: 0 });
  });
});
