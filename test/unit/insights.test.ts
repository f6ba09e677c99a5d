import { describe, expect, it } from "vitest";
import { insightsFor, strategiesFor, type Insight } from "../../src/coach/insights.js";
import { detectPatterns, feedbackThemes } from "../../src/coach/signals.js";
import { loadContent } from "../../src/content/load.js";
import type { Content, Strategy } from "../../src/content/schema.js";
import { addDays } from "../../src/journal/dates.js";
import type { Entry, Journal, RejectionEntry } from "../../src/journal/entry.js";
import { rejection, win } from "../helpers/fixtures.js";
import { at, checkin, reflected } from "../helpers/stats-journal.js";

const content = loadContent();
const TODAY = "2026-11-20";
const journal = (...entries: Entry[]): Journal => ({ version: 1, entries });
const kinds = (insights: Insight[]) => insights.map((insight) => insight.kind);
const find = <K extends Insight["kind"]>(insights: Insight[], kind: K) =>
  insights.find((insight): insight is Extract<Insight, { kind: K }> => insight.kind === kind);
/** Rejections one week apart, newest first: `values[0]` is today's. */
const series = (values: Partial<RejectionEntry>[]): RejectionEntry[] =>
  values.map((overrides, index) => rejection({ date: addDays(TODAY, -7 * index), mood: 6, ...overrides }));
const fitsSignal = (id: string, signal: string) =>
  content.strategies.find((strategy) => strategy.id === id)?.fits.signals?.includes(signal as never);

describe("wellbeing", () => {
  it("a mood of 3 or less in 3 of the last 4 entries brings a note with the strategies for a low-mood streak", () => {
    const insights = insightsFor(
      journal(...series([{ mood: 2 }, { mood: 8 }, { mood: 3 }, { mood: 1 }])),
      content,
      TODAY,
    );
    const note = find(insights, "low-mood-streak");
    expect(note).toMatchObject({ group: "wellbeing", data: { lowMoods: 3, of: 4 } });
    expect(note!.strategies).toContain("professional-help");
    expect(note!.strategies.length).toBeGreaterThan(0);
    for (const id of note!.strategies) expect(fitsSignal(id, "low-mood-streak")).toBe(true);
    expect(insights[0]).toBe(note);
  });

  it("does not fire for 2 low moods of 4, nor for a mood of 4", () => {
    expect(kinds(insightsFor(journal(...series([{ mood: 2 }, { mood: 8 }, { mood: 3 }, { mood: 7 }])), content, TODAY))).not.toContain("low-mood-streak");
    expect(kinds(insightsFor(journal(...series([{ mood: 4 }, { mood: 4 }, { mood: 4 }, { mood: 4 }])), content, TODAY))).not.toContain("low-mood-streak");
  }); // prettier-ignore

  it("does not fire when the low moods are older than the last 4 entries", () => {
    const entries = series([{ mood: 7 }, { mood: 8 }, { mood: 2 }, { mood: 6 }, { mood: 1 }, { mood: 2 }]);
    expect(kinds(insightsFor(journal(...entries), content, TODAY))).not.toContain("low-mood-streak");
  });
});

describe("patterns across entries", () => {
  it("the same stage in 3 of the last 5 rejections, with strategies that fit a recurring stage", () => {
    const entries = series([
      { stage: "interview" },
      { stage: "screening" },
      { stage: "interview" },
      { stage: "applied" },
      { stage: "interview" },
    ]);
    const pattern = find(insightsFor(journal(...entries), content, TODAY), "recurring-stage");
    expect(pattern).toMatchObject({ group: "pattern", data: { stage: "interview", count: 3, of: 5 } });
    for (const id of pattern!.strategies) expect(fitsSignal(id, "recurring-stage")).toBe(true);
    // Strategies that also name the stage come first.
    const first = content.strategies.find((s) => s.id === pattern!.strategies[0])!;
    expect(first.fits.stages ?? []).toContain("interview");
  });

  it("not for 2 of 5, nor when the third is outside the last 5", () => {
    const stages = (...list: RejectionEntry["stage"][]) => journal(...series(list.map((stage) => ({ stage }))));
    const two = stages("interview", "final", "interview", "applied", "screening");
    expect(kinds(insightsFor(two, content, TODAY))).not.toContain("recurring-stage");
    const older = stages("interview", "final", "interview", "applied", "screening", "interview");
    expect(kinds(insightsFor(older, content, TODAY))).not.toContain("recurring-stage");
  });

  it("the same likely reason in 3 of the last 5; 'unknown' never counts", () => {
    const reason = series([{ reasons: ["skills"] }, { reasons: ["skills", "salary"] }, {}, { reasons: ["skills"] }]);
    expect(find(insightsFor(journal(...reason), content, TODAY), "recurring-reason")).toMatchObject({
      data: { reason: "skills", count: 3, of: 4 },
    });
    const unknown = series([{ reasons: ["unknown"] }, { reasons: ["unknown"] }, { reasons: ["unknown"] }]);
    expect(kinds(insightsFor(journal(...unknown), content, TODAY))).not.toContain("recurring-reason");
  });

  it("a thinking trap that recurs in reflections, and not one that appears once", () => {
    const withTrap = (trap: string) => ({ reflection: { ...reflected(TODAY, 5), thought: { thought: "t", trap } } });
    const recurring = series([withTrap("personalising"), {}, withTrap("personalising")]);
    expect(find(insightsFor(journal(...recurring), content, TODAY), "recurring-trap")).toMatchObject({
      data: { trap: "personalising", count: 2, of: 2 },
    });
    const different = series([withTrap("personalising"), withTrap("labelling")]);
    expect(kinds(insightsFor(journal(...different), content, TODAY))).not.toContain("recurring-trap");
  });

  it("a feedback theme that comes up for two rejections, from feedback or the reason given", () => {
    const entries = series([
      { feedback: [{ receivedAt: at(TODAY), text: "Your answers could be more concise." }] },
      {},
      { reasonGiven: "We felt the communication of ideas was not quite there" },
    ]);
    const theme = find(insightsFor(journal(...entries), content, TODAY), "feedback-theme");
    expect(theme).toMatchObject({ group: "pattern", data: { theme: "communication", count: 2, of: 2 } });
    for (const id of theme!.strategies) expect(fitsSignal(id, "feedback-theme")).toBe(true);
  });

  it("no feedback theme from one mention, nor from a keyword inside another word", () => {
    const once = series([{ reasonGiven: "We wanted more communication" }, { reasonGiven: "Budget was cut" }]);
    expect(kinds(insightsFor(journal(...once), content, TODAY))).not.toContain("feedback-theme");
    const inside = series([
      { reasonGiven: "a miscommunication on our side" },
      { reasonGiven: "miscommunicated dates" },
    ]);
    expect(kinds(insightsFor(journal(...inside), content, TODAY))).not.toContain("feedback-theme");
  });

  it("feedback themes are counted once per rejection, most first", () => {
    const themes = feedbackThemes(
      series([
        { feedback: [{ receivedAt: at(TODAY), text: "Salary and salary again" }] },
        { reasonGiven: "compensation expectations", feedback: [{ receivedAt: at(TODAY), text: "more experience" }] },
      ]),
      content.feedbackThemes,
    );
    expect(themes).toEqual([
      { theme: "pay", count: 2 },
      { theme: "experience", count: 1 },
    ]);
  });

  it("detectPatterns still works without themes, as log calls it", () => {
    const entries = series([{ reasonGiven: "communication" }, { reasonGiven: "communication" }]);
    expect(detectPatterns(entries, TODAY).map((p) => p.signal)).not.toContain("feedback-theme");
  });
});

describe("progress reframes", () => {
  it("the furthest stage of the last 30 days is later than anything before", () => {
    const entries = [
      rejection({ date: addDays(TODAY, -5), stage: "final" }),
      rejection({ date: addDays(TODAY, -45), stage: "interview" }),
      rejection({ date: addDays(TODAY, -90), stage: "applied" }),
    ];
    const reframe = find(insightsFor(journal(...entries), content, TODAY), "furthest-stage");
    expect(reframe).toMatchObject({ group: "progress", data: { stage: "final", previousBest: "interview", days: 30 } });
    for (const id of reframe!.strategies) expect(fitsSignal(id, "progress")).toBe(true);
  });

  it("no furthest-stage reframe when the recent best only equals the earlier one, or nothing is older", () => {
    const same = [rejection({ date: addDays(TODAY, -5), stage: "interview" }), rejection({ date: addDays(TODAY, -60), stage: "interview" })];
    expect(kinds(insightsFor(journal(...same), content, TODAY))).not.toContain("furthest-stage");
    const recentOnly = [rejection({ date: addDays(TODAY, -5), stage: "final" }), rejection({ date: addDays(TODAY, -9), stage: "applied" })];
    expect(kinds(insightsFor(journal(...recentOnly), content, TODAY))).not.toContain("furthest-stage");
  }); // prettier-ignore

  /** Rejections logged at mood 3, each back to 6 after `days`, oldest first. */
  const recoveries = (...days: number[]) =>
    days.map((after, index) => {
      const date = addDays(TODAY, -100 + index * 20);
      return rejection({ date, createdAt: at(date), mood: 3, checkins: [checkin(addDays(date, after), 7)] });
    });

  it("recovery getting faster: the later half recovers sooner than the earlier half", () => {
    const reframe = find(insightsFor(journal(...recoveries(6, 5, 2, 1)), content, TODAY), "faster-recovery");
    expect(reframe).toMatchObject({ data: { earlierMedianDays: 5.5, recentMedianDays: 1.5, recoveries: 4 } });
  });

  it("no faster-recovery reframe when it is slower, the same, or too few to compare", () => {
    expect(kinds(insightsFor(journal(...recoveries(1, 2, 5, 6)), content, TODAY))).not.toContain("faster-recovery");
    expect(kinds(insightsFor(journal(...recoveries(3, 3, 3, 3)), content, TODAY))).not.toContain("faster-recovery");
    expect(kinds(insightsFor(journal(...recoveries(9, 1, 1)), content, TODAY))).not.toContain("faster-recovery");
  });

  it("wins accumulating: 2 or more in the last 30 days", () => {
    const wins = [
      win({ date: addDays(TODAY, -3) }),
      win({ date: addDays(TODAY, -20) }),
      win({ date: addDays(TODAY, -200) }),
    ];
    expect(find(insightsFor(journal(...wins), content, TODAY), "wins-accumulating")).toMatchObject({
      data: { recent: 2, total: 3, days: 30 },
    });
  });

  it("with a period, wins are counted in it and set against the whole journal's total", () => {
    const wins = [1, 2, 3, 4, 5, 60].map((ago) => win({ date: addDays(TODAY, -ago) }));
    const since = addDays(TODAY, -14);
    const insights = insightsFor(journal(...wins), content, TODAY, { since });
    expect(find(insights, "wins-in-period")).toMatchObject({ data: { count: 5, total: 6, since, until: null } });
    expect(kinds(insights)).not.toContain("wins-accumulating");
  });

  it("no wins reframe for a single recent win, however many old ones", () => {
    const wins = [win({ date: addDays(TODAY, -3) }), ...[40, 60, 80].map((d) => win({ date: addDays(TODAY, -d) }))];
    expect(kinds(insightsFor(journal(...wins), content, TODAY))).not.toContain("wins-accumulating");
  });
});

describe("insightsFor", () => {
  it("says nothing about an empty journal", () => {
    expect(insightsFor(journal(), content, TODAY)).toEqual([]);
  });

  it("puts wellbeing first, then progress, then patterns", () => {
    const entries = [
      ...series([
        { mood: 2, stage: "final" },
        { mood: 2, stage: "interview" },
        { mood: 3, stage: "interview" },
      ]),
      rejection({ date: addDays(TODAY, -60), stage: "interview", mood: 7 }),
    ];
    const groups = insightsFor(journal(...entries), content, TODAY).map((insight) => insight.group);
    expect(groups).toEqual(["wellbeing", "progress", "pattern"]);
  });

  it("chooses strategies by their fits.signals in the content, whatever their ids", () => {
    const own = (id: string, signals: Strategy["fits"]["signals"]): Strategy => ({
      id,
      title: id,
      phase: "feel",
      summary: "s",
      why: "w",
      try: ["a", "b"],
      fits: { signals },
    });
    const custom: Content = {
      ...content,
      strategies: [
        own("zz-broad", ["low-mood-streak", "long-search"]),
        own("zz-none", []),
        own("zz-narrow", ["low-mood-streak"]),
      ],
    };
    const insights = insightsFor(journal(...series([{ mood: 1 }, { mood: 1 }, { mood: 1 }])), custom, TODAY);
    expect(find(insights, "low-mood-streak")!.strategies).toEqual(["zz-narrow", "zz-broad"]);
  });

  it("strategiesFor names at most three, and none for a signal nothing fits", () => {
    expect(strategiesFor(content.strategies, "long-search").length).toBe(3);
    expect(strategiesFor([], "progress")).toEqual([]);
  });
});
