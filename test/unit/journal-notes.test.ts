import stripAnsi from "strip-ansi";
import { describe, expect, it } from "vitest";
import type { Insight } from "../../src/coach/insights.js";
import { loadContent } from "../../src/content/load.js";
import { renderJournalNotes } from "../../src/ui/coach-view.js";

const content = loadContent();
const wellbeing: Insight = {
  group: "wellbeing",
  kind: "low-mood-streak",
  data: { lowMoods: 3, of: 4 },
  strategies: [],
};
const progress: Insight = {
  group: "progress",
  kind: "wins-accumulating",
  data: { recent: 3, total: 5, days: 30 },
  strategies: [],
};

describe("the journal notes after a log", () => {
  it("shows the wellbeing note and a progress or pattern note on an ordinary day", () => {
    const text = stripAnsi(renderJournalNotes([], [wellbeing, progress], content));
    expect(text.split("\n").filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(text).toBe(
      stripAnsi(renderJournalNotes([], [wellbeing], content)) +
        "\n" +
        stripAnsi(renderJournalNotes([], [progress], content)),
    );
  });

  it("shows only the wellbeing note on a low-mood day", () => {
    const low = stripAnsi(renderJournalNotes([], [wellbeing, progress], content, { lowMood: true }));
    expect(low).toBe(stripAnsi(renderJournalNotes([], [wellbeing], content)));
    expect(renderJournalNotes([], [progress], content, { lowMood: true })).toBe("");
  });
});
