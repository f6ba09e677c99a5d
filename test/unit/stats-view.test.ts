import chalk from "chalk";
import { beforeAll, describe, expect, it } from "vitest";
import type { Insight } from "../../src/coach/insights.js";
import { computeStats } from "../../src/coach/stats.js";
import { loadContent } from "../../src/content/load.js";
import { bar, sparkline } from "../../src/ui/charts.js";
import { describeInsight, pickInsights, renderInsights } from "../../src/ui/insight-view.js";
import { renderDashboard } from "../../src/ui/stats-view.js";
import { rejection } from "../helpers/fixtures.js";
import { STATS_TODAY, action, statsJournal } from "../helpers/stats-journal.js";

const content = loadContent();
beforeAll(() => {
  chalk.level = 0;
});

describe("charts", () => {
  it("a sparkline has one tick per value on a fixed scale, and a gap for null", () => {
    expect(sparkline([1, 10, null, 5.5], { min: 1, max: 10 })).toBe("▁█ ▅");
    expect(sparkline([0, 20], { min: 1, max: 10 })).toBe("▁█");
    expect(sparkline([3, 3], { min: 3, max: 3 })).toBe("██");
  });

  it("a bar scales to its width in eighths, and a small value still shows", () => {
    expect(bar(2, 2, 10)).toBe("█".repeat(10));
    expect(bar(1, 2, 10)).toBe("█".repeat(5));
    expect(bar(1, 2, 1)).toBe("▌");
    expect(bar(1, 1000, 10)).toBe("▏");
    expect(bar(0, 5, 10)).toBe("");
    expect(bar(3, 3, 4, "░")).toBe("░░░░");
  });
});

const insight = (kind: string, data: object, group = "pattern", strategies: string[] = []) =>
  ({ group, kind, data, strategies }) as Insight;

describe("insight wording", () => {
  it("the wellbeing note is gentle: it names the figures and suggests talking to someone, without a diagnosis", () => {
    const text = describeInsight(insight("low-mood-streak", { lowMoods: 3, of: 4 }, "wellbeing"), content);
    expect(text).toContain("3 or lower for 3 of your last 4 rejections");
    expect(text).toMatch(/talking it over with someone/i);
    expect(text).not.toMatch(/depress|disorder|diagnos|crisis|urgent|!/i);
  });

  it("reframes state facts, not cheer", () => {
    const stage = describeInsight(
      insight("furthest-stage", { stage: "final", previousBest: "interview", days: 30 }, "progress"),
      content,
    );
    expect(stage).toContain("a final round");
    expect(stage).toContain("an interview");
    const faster = describeInsight(
      insight("faster-recovery", { recentMedianDays: 1.5, earlierMedianDays: 5, recoveries: 4 }, "progress"),
      content,
    );
    expect(faster).toContain("1.5 days lately, against 5 days");
    const wins = describeInsight(insight("wins-accumulating", { recent: 1, total: 4, days: 30 }, "progress"), content);
    expect(wins).toContain("1 win in the last 30 days, 4 in all");
    const filtered = insight("wins-accumulating", { recent: 2, total: 6, days: 30, filtered: true }, "progress");
    expect(describeInsight(filtered, content)).toContain("2 wins in the last 30 days, 6 in the whole journal.");
    for (const text of [stage, faster, wins]) expect(text).not.toMatch(/!|amazing|awesome|great job|proud/i);
  });

  it("names traps and feedback themes by their content labels", () => {
    expect(describeInsight(insight("recurring-trap", { trap: "personalising", count: 2, of: 3 }), content)).toContain(
      "Taking it personally",
    );
    expect(describeInsight(insight("feedback-theme", { theme: "communication", count: 2, of: 3 }), content)).toContain(
      "how answers came across",
    );
  });

  it("names each strategy once across the list, by its title", () => {
    const text = renderInsights(
      [
        insight("wins-accumulating", { recent: 2, total: 2, days: 30 }, "progress", ["small-victories", "near-miss"]),
        insight("furthest-stage", { stage: "final", previousBest: "applied", days: 30 }, "progress", ["near-miss"]),
      ],
      content,
    );
    expect(text.split("(near-miss)")).toHaveLength(2);
    expect(text).toContain("(small-victories)");
    expect(text.replace(/\s+/g, " ")).toContain(content.strategies.find((s) => s.id === "near-miss")!.title);
  });

  it("picks insights in turn from each group", () => {
    const list = [
      insight("furthest-stage", {}, "progress"),
      insight("wins-accumulating", {}, "progress"),
      insight("recurring-stage", {}),
      insight("long-search", {}),
    ];
    expect(pickInsights(list, 3).map((i) => i.kind)).toEqual([
      "furthest-stage",
      "recurring-stage",
      "wins-accumulating",
    ]);
    expect(pickInsights(list, 10)).toHaveLength(4);
  });
});

describe("the dashboard", () => {
  const stats = computeStats(statsJournal(), {}, STATS_TODAY);

  it("shows every section with the journal's figures", () => {
    const text = renderDashboard(stats, [], content, 100);
    expect(text).toContain("Your search Wed 2 Sept to Fri 20 Nov");
    expect(text).toContain("5 rejections and 3 wins");
    expect(text).toMatch(/interview\s+█{30} 2/);
    expect(text).toMatch(/assessment\s+0/);
    expect(text).toContain("rejected 3 · ghosted 1 · role closed 1");
    expect(text).toContain("a closer match 3 · skills or experience 1");
    expect(text).toContain("latest 6 of 12");
    expect(text).toContain("average 4.2, latest 5");
    expect(text).toContain("back to 6 or more in a median of 4 days, for 2 of the 4 rejections logged below 6");
    expect(text).toContain("3 · 3 weeks in a row");
    expect(text).toContain("1 done · 4 to do");
    expect(text).toContain("3 open · 1 overdue");
    expect(text).toContain("Ask Dana for feedback (Dune, was due Tue 10 Nov)");
    expect(text).not.toContain("What the journal shows");
  });

  it("writes every day as next does, a year only when it is not this one", () => {
    const text = renderDashboard(computeStats(statsJournal(), { since: "2025-12-01" }, STATS_TODAY), [], content, 100);
    expect(text).toContain("Your search Mon 1 Dec 2025 to Fri 20 Nov");
    expect(text).toContain("Practise the system design round (Echo, due Wed 25 Nov)");
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("passes typed text through safeLine", () => {
    const journal = statsJournal();
    journal.entries.push(
      rejection({
        date: "2026-11-18",
        company: "A\u001b[2JB",
        actions: [action("a5ee", "x\u001b]8;;http://e\u0007y", { due: "2026-11-09" })],
      }),
    );
    const text = renderDashboard(computeStats(journal, {}, STATS_TODAY), [], content, 100);
    expect(text).not.toContain("\u001b");
    expect(text).toContain("x^[]8;;http://e\\x07y (A^[[2JB, was due Mon 9 Nov)");
  });

  it("fits 80 columns", () => {
    const text = renderDashboard(stats, [], content, 80);
    for (const line of text.split("\n")) expect([...line].length).toBeLessThanOrEqual(80);
  });
});
