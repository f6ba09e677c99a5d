import { describe, expect, it } from "vitest";
import { median } from "../../src/coach/averages.js";
import { recoveryOf } from "../../src/coach/recovery.js";
import { computeStats, weekStart, weekStreak } from "../../src/coach/stats.js";
import type { Journal } from "../../src/journal/entry.js";
import { rejection, win } from "../helpers/fixtures.js";
import { STATS_TODAY, checkin, reflected, statsJournal } from "../helpers/stats-journal.js";

// Every expected value below is worked out by hand from test/helpers/stats-journal.ts:
//   r1 09-02 applied   ghosted     unknown              mood 3  no check-ins
//   r2 09-20 screening rejected    skills, competition  mood 4  check-ins 09-23: 5, 09-26: 7
//   r3 10-10 interview rejected    competition          mood 2  check-in 10-11: 4, reflection 10-12: 6
//   w1 10-14 interview win
//   r4 11-03 final     rejected    competition, interview mood 7 check-in 11-05: 8; actions: due 11-10 open, one done
//   w2 11-12 application win
//   r5 11-17 interview role-closed cancelled            mood 5  actions: due 11-25 open, one undated open
//   w3 11-19 feedback win
// Today is Friday 2026-11-20.
const stats = computeStats(statsJournal(), {}, STATS_TODAY);

describe("computeStats on a journal with known answers", () => {
  it("carries a version and the range it covers", () => {
    expect(stats.version).toBe(1);
    expect(stats.range).toEqual({
      since: null,
      until: null,
      today: STATS_TODAY,
      first: "2026-09-02",
      last: "2026-11-19",
    });
    expect(stats.totals).toEqual({ rejections: 5, wins: 3 });
  });

  it("counts where each rejection ended in the funnel, every stage in order", () => {
    expect(stats.funnel.stages).toEqual([
      { stage: "applied", count: 1 },
      { stage: "screening", count: 1 },
      { stage: "interview", count: 2 },
      { stage: "assessment", count: 0 },
      { stage: "final", count: 1 },
      { stage: "offer", count: 0 },
    ]);
    expect(stats.funnel.furthest).toBe("final");
  });

  it("follows the funnel month by month: furthest stage and average rank", () => {
    expect(stats.funnel.byMonth).toEqual([
      { month: "2026-09", rejections: 2, furthest: "screening", averageRank: 0.5 },
      { month: "2026-10", rejections: 1, furthest: "interview", averageRank: 2 },
      { month: "2026-11", rejections: 2, furthest: "final", averageRank: 3 },
    ]);
  });

  it("ranks endings and reasons most frequent first, ties in vocabulary order", () => {
    expect(stats.endings).toEqual([
      { ending: "rejected", count: 3 },
      { ending: "ghosted", count: 1 },
      { ending: "role-closed", count: 1 },
    ]);
    expect(stats.reasons).toEqual([
      { reason: "competition", count: 3 },
      { reason: "skills", count: 1 },
      { reason: "interview", count: 1 },
      { reason: "cancelled", count: 1 },
      { reason: "unknown", count: 1 },
    ]);
  });

  it("counts per week when the span is under twelve weeks, every week from the first to today", () => {
    expect(stats.activity.unit).toBe("week");
    const periods = stats.activity.periods;
    expect(periods).toHaveLength(12);
    expect(periods[0]).toEqual({ period: "2026-08-31", start: "2026-08-31", rejections: 1, wins: 0 });
    expect(periods.find((p) => p.start === "2026-09-14")).toMatchObject({ rejections: 1, wins: 0 });
    expect(periods.find((p) => p.start === "2026-10-05")).toMatchObject({ rejections: 1, wins: 0 });
    expect(periods.find((p) => p.start === "2026-10-12")).toMatchObject({ rejections: 0, wins: 1 });
    expect(periods.find((p) => p.start === "2026-09-07")).toMatchObject({ rejections: 0, wins: 0 });
    expect(periods[11]).toEqual({ period: "2026-11-16", start: "2026-11-16", rejections: 1, wins: 1 });
    expect(periods.reduce((sum, p) => sum + p.rejections, 0)).toBe(5);
    expect(periods.reduce((sum, p) => sum + p.wins, 0)).toBe(3);
  });

  it("counts per month when the span is longer", () => {
    const longer = computeStats(statsJournal(), {}, "2027-01-10");
    expect(longer.activity.unit).toBe("month");
    expect(longer.activity.periods).toEqual([
      { period: "2026-09", start: "2026-09-01", rejections: 2, wins: 0 },
      { period: "2026-10", start: "2026-10-01", rejections: 1, wins: 1 },
      { period: "2026-11", start: "2026-11-01", rejections: 2, wins: 2 },
      { period: "2026-12", start: "2026-12-01", rejections: 0, wins: 0 },
      { period: "2027-01", start: "2027-01-01", rejections: 0, wins: 0 },
    ]);
  });

  it("lists the mood at logging in date order, with average and latest", () => {
    expect(stats.mood.points.map((p) => p.mood)).toEqual([3, 4, 2, 7, 5]);
    expect(stats.mood.points[0]).toEqual({ date: "2026-09-02", id: "r1aa", mood: 3 });
    expect(stats.mood.average).toBe(4.2);
    expect(stats.mood.latest).toBe(5);
  });

  it("measures recovery: median days back to 6 or more, and the average change in mood", () => {
    expect(stats.recovery).toMatchObject({
      threshold: 6,
      lowAtLog: 4,
      recovered: 2,
      medianDays: 4,
      averageChange: 2.7,
    });
    expect(stats.recovery.items).toEqual([
      { id: "r2bb", date: "2026-09-20", logMood: 4, laterMood: 7, change: 3, daysToRecover: 6 },
      { id: "r3cc", date: "2026-10-10", logMood: 2, laterMood: 6, change: 4, daysToRecover: 2 },
      { id: "r4ee", date: "2026-11-03", logMood: 7, laterMood: 8, change: 1, daysToRecover: null },
    ]);
  });

  it("counts wins by kind and the current streak of active weeks", () => {
    expect(stats.wins).toEqual({
      count: 3,
      byKind: [
        { kind: "interview", count: 1 },
        { kind: "feedback", count: 1 },
        { kind: "application", count: 1 },
      ],
      // weeks of 11-16, 11-09 and 11-02 have entries; 10-26 has none.
      streakWeeks: 3,
    });
  });

  it("counts reflections done and pending", () => {
    expect(stats.reflections).toEqual({ done: 1, pending: 4 });
  });

  it("lists open actions, overdue first, then by due day, undated last", () => {
    expect(stats.actions).toMatchObject({ open: 3, overdue: 1, done: 1 });
    expect(stats.actions.items).toEqual([
      { entryId: "r4ee", company: "Dune", id: "a1aa", text: "Ask Dana for feedback", due: "2026-11-10", overdue: true },
      {
        entryId: "r5gg",
        company: "Echo",
        id: "a3cc",
        text: "Practise the system design round",
        due: "2026-11-25",
        overdue: false,
      },
      { entryId: "r5gg", company: "Echo", id: "a4dd", text: "Call Sam", due: null, overdue: false },
    ]);
  });

  it("an action due today is open but not overdue", () => {
    const onTheDay = computeStats(statsJournal(), {}, "2026-11-10");
    expect(onTheDay.actions.items[0]).toMatchObject({ id: "a1aa", overdue: false });
    expect(onTheDay.actions.overdue).toBe(0);
  });
});

describe("computeStats with a range", () => {
  it("--since keeps the entries from that day on", () => {
    const since = computeStats(statsJournal(), { since: "2026-10-10" }, STATS_TODAY);
    expect(since.totals).toEqual({ rejections: 3, wins: 3 });
    expect(since.range).toMatchObject({ since: "2026-10-10", until: null, first: "2026-10-10" });
    expect(since.funnel.stages.find((s) => s.stage === "applied")!.count).toBe(0);
  });

  it("--until keeps the entries up to that day, and the streak ends there", () => {
    const until = computeStats(statsJournal(), { until: "2026-10-14" }, STATS_TODAY);
    expect(until.totals).toEqual({ rejections: 3, wins: 1 });
    expect(until.range).toMatchObject({ until: "2026-10-14", last: "2026-10-14" });
    // The week of 10-12 (w1) and the week of 10-05 (r3); 09-28 is empty.
    expect(until.wins.streakWeeks).toBe(2);
    expect(until.activity.periods.at(-1)!.start).toBe("2026-10-12");
  });

  it("both ends are included", () => {
    const day = computeStats(statsJournal(), { since: "2026-11-03", until: "2026-11-03" }, STATS_TODAY);
    expect(day.totals).toEqual({ rejections: 1, wins: 0 });
  });
});

describe("computeStats on an empty journal", () => {
  it("gives zeros and nulls, never NaN, in the same shape", () => {
    const empty = computeStats({ version: 1, entries: [] }, {}, STATS_TODAY);
    expect(Object.keys(empty)).toEqual(Object.keys(stats));
    expect(empty.totals).toEqual({ rejections: 0, wins: 0 });
    expect(empty.funnel.stages.every((s) => s.count === 0)).toBe(true);
    expect(empty.funnel.furthest).toBeNull();
    expect(empty.activity.periods).toEqual([]);
    expect(empty.mood).toEqual({ average: null, latest: null, points: [] });
    expect(empty.recovery).toMatchObject({ lowAtLog: 0, recovered: 0, medianDays: null, averageChange: null });
    expect(empty.wins.streakWeeks).toBe(0);
    expect(JSON.stringify(empty)).not.toContain("NaN");
  });
});

describe("recovery of one rejection", () => {
  it("is undefined with nothing recorded after the log", () => {
    expect(recoveryOf(rejection({ mood: 3 }))).toBeUndefined();
  });

  it("uses the first later mood of 6 or more, check-in or reflection, in time order", () => {
    const entry = rejection({
      date: "2026-11-02",
      mood: 3,
      checkins: [checkin("2026-11-09", 9), checkin("2026-11-04", 5)],
      reflection: reflected("2026-11-06", 6),
    });
    expect(recoveryOf(entry)).toMatchObject({ daysToRecover: 4, laterMood: 9, change: 6 });
  });

  it("has no days to recover while no later mood reached 6", () => {
    const entry = rejection({ date: "2026-11-02", mood: 2, checkins: [checkin("2026-11-04", 5)] });
    expect(recoveryOf(entry)).toMatchObject({ daysToRecover: null, change: 3 });
  });

  it("counts from the day of the rejection, not the day it was typed in", () => {
    const entry = rejection({
      date: "2026-11-01",
      createdAt: "2026-11-05T12:00:00.000Z",
      mood: 3,
      checkins: [checkin("2026-11-07", 6)],
    });
    expect(recoveryOf(entry)?.daysToRecover).toBe(6);
    // Logged three weeks late and checked in the same day: 21 days, not 0.
    const late = rejection({
      date: "2026-11-08",
      createdAt: "2026-11-29T12:00:00.000Z",
      mood: 2,
      checkins: [checkin("2026-11-29", 7)],
    });
    expect(recoveryOf(late)?.daysToRecover).toBe(21);
  });
});

describe("the week streak", () => {
  it("does not break on a week still under way with nothing logged yet", () => {
    // 2026-11-20 is a Friday; nothing this week, but the two weeks before are active.
    expect(weekStreak(["2026-11-10", "2026-11-04"], "2026-11-20")).toBe(2);
  });

  it("is broken by a whole empty week", () => {
    expect(weekStreak(["2026-11-03"], "2026-11-20")).toBe(0);
    expect(weekStreak(["2026-11-17", "2026-11-03"], "2026-11-20")).toBe(1);
  });

  it("counts a rejection as evidence of an application, and a win as a win", () => {
    const journal: Journal = {
      version: 1,
      entries: [rejection({ date: "2026-11-18" }), win({ date: "2026-11-11" }), rejection({ date: "2026-11-04" })],
    };
    expect(computeStats(journal, {}, STATS_TODAY).wins.streakWeeks).toBe(3);
  });

  it("weeks start on Monday", () => {
    expect(weekStart("2026-11-16")).toBe("2026-11-16");
    expect(weekStart("2026-11-22")).toBe("2026-11-16");
    expect(weekStart("2026-11-23")).toBe("2026-11-23");
  });
});

describe("median", () => {
  it("is the middle value, or the mean of the two middle ones; null for none", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([6, 2])).toBe(4);
    expect(median([])).toBeNull();
  });
});
