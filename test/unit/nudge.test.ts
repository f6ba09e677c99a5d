import stringWidth from "fast-string-width";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nudgeFor, type Nudge } from "../../src/coach/nudge.js";
import type { Action, Entry, Journal } from "../../src/journal/entry.js";
import { nudgeLine, NUDGE_MAX_COLUMNS } from "../../src/ui/nudge-view.js";
import { rejection, win } from "../helpers/fixtures.js";

// Each test names the time zone it lives in; days are the person's local calendar days.
const savedTz = process.env.TZ;
beforeEach(() => (process.env.TZ = "UTC"));
afterEach(() => (process.env.TZ = savedTz));

const journal = (...entries: Entry[]): Journal => ({ version: 2, entries });
/** Noon on 30 November 2026, UTC: "today" unless a test says otherwise. */
const NOW = new Date("2026-11-30T12:00:00Z");
const REFLECTION = {
  createdAt: "2026-11-29T09:00:00.000Z",
  mood: 6,
  answers: [],
  ratings: [],
  inControl: [],
  outOfControl: [],
};
const step = (overrides: Partial<Action>): Action => ({
  id: `s${Math.random().toString(16).slice(2, 9)}`,
  text: "Ask Sam for feedback",
  createdAt: "2026-11-20T09:00:00.000Z",
  ...overrides,
});
const loggedOn = (at: string, overrides: Parameters<typeof rejection>[0] = {}) =>
  rejection({ createdAt: at, updatedAt: at, date: at.slice(0, 10), ...overrides });

describe("nudgeFor: what is waiting", () => {
  it("an empty journal, or one with nothing recent, has nothing to say", () => {
    expect(nudgeFor(journal(), NOW, undefined)).toBeUndefined();
    const old = loggedOn("2026-09-01T10:00:00.000Z", { actions: [step({ due: "2026-09-10" })] });
    expect(nudgeFor(journal(old), NOW, undefined)).toBeUndefined();
  });

  it("a reflection: a rejection logged on an earlier day of the last two weeks, not reflected on", () => {
    const yesterday = loggedOn("2026-11-29T10:00:00.000Z", { company: "Acme", id: "a0000001" });
    expect(nudgeFor(journal(yesterday), NOW, undefined)).toEqual({
      day: "2026-11-30",
      reflections: [{ id: "a0000001", company: "Acme" }],
      stepsDue: 0,
    });
    // Logged today: the person has just told it; tomorrow is soon enough.
    expect(nudgeFor(journal(loggedOn("2026-11-30T08:00:00.000Z")), NOW, undefined)).toBeUndefined();
    // Reflected on: nothing waits.
    expect(nudgeFor(journal({ ...yesterday, reflection: REFLECTION }), NOW, undefined)).toBeUndefined();
    // Logged 14 days ago still counts; 15 days ago no longer does.
    expect(nudgeFor(journal(loggedOn("2026-11-16T10:00:00.000Z")), NOW, undefined)?.reflections).toHaveLength(1);
    expect(nudgeFor(journal(loggedOn("2026-11-15T10:00:00.000Z")), NOW, undefined)).toBeUndefined();
  });

  it("reflections come newest first", () => {
    const older = loggedOn("2026-11-25T10:00:00.000Z", { company: "Globex" });
    const newer = loggedOn("2026-11-28T10:00:00.000Z", { company: "Acme" });
    expect(nudgeFor(journal(older, newer), NOW, undefined)?.reflections.map((r) => r.company)).toEqual([
      "Acme",
      "Globex",
    ]);
  });

  it("steps due: open, dated today or on a day of the last two weeks, on rejections and wins alike", () => {
    const reflected = { reflection: REFLECTION };
    const entry = loggedOn("2026-11-20T10:00:00.000Z", {
      ...reflected,
      actions: [
        step({ due: "2026-11-30" }), // today
        step({ due: "2026-11-16" }), // 14 days ago
        step({ due: "2026-11-15" }), // 15 days ago: left to `next`
        step({ due: "2026-12-01" }), // tomorrow
        step({}), // no date
        step({ due: "2026-11-29", doneAt: "2026-11-29T10:00:00.000Z" }), // done
      ],
    });
    const interview = win({ actions: [step({ due: "2026-11-28" })] });
    expect(nudgeFor(journal(entry, interview), NOW, undefined)).toEqual({
      day: "2026-11-30",
      reflections: [],
      stepsDue: 3,
    });
  });

  it("a check-in after a low mood on an earlier day; not when a later mood was better", () => {
    const low = loggedOn("2026-11-29T10:00:00.000Z", { company: "Acme", id: "a0000001", mood: 3 });
    // Unreflected, it is offered once, as the check-in, not also as a reflection.
    expect(nudgeFor(journal(low), NOW, undefined)).toEqual({
      day: "2026-11-30",
      checkIn: { id: "a0000001", company: "Acme" },
      reflections: [],
      stepsDue: 0,
    });
    const reflectedLow = { ...low, reflection: { ...REFLECTION, createdAt: "2026-11-29T12:00:00.000Z", mood: 2 } };
    expect(nudgeFor(journal(reflectedLow), NOW, undefined)?.checkIn?.id).toBe("a0000001");
    // A check-in since with a better mood: they are past that low.
    const better = { ...reflectedLow, checkins: [{ at: "2026-11-29T20:00:00.000Z", mood: 7 }] };
    expect(nudgeFor(journal(better), NOW, undefined)).toBeUndefined();
    // A mood of 4 is not low (the coach's own line, RULES.lowMood).
    expect(nudgeFor(journal({ ...low, mood: 4, reflection: REFLECTION }), NOW, undefined)).toBeUndefined();
    // A low mood given today: no check-in offered the same day.
    expect(nudgeFor(journal(loggedOn("2026-11-30T09:00:00.000Z", { mood: 2 })), NOW, undefined)).toBeUndefined();
  });

  it("leaves out what the command shows itself", () => {
    const entry = loggedOn("2026-11-29T10:00:00.000Z", { actions: [step({ due: "2026-11-30" })] });
    expect(nudgeFor(journal(entry), NOW, undefined, { leaveOut: ["steps"] })?.stepsDue).toBe(0);
    const onlySteps = { ...entry, reflection: REFLECTION };
    expect(nudgeFor(journal(onlySteps), NOW, undefined, { leaveOut: ["steps"] })).toBeUndefined();
  });
});

describe("nudgeFor: at most once a local day", () => {
  const waiting = journal(loggedOn("2026-11-25T10:00:00.000Z"));

  it("not again on the day it was shown; again the next day", () => {
    expect(nudgeFor(waiting, NOW, "2026-11-30")).toBeUndefined();
    expect(nudgeFor(waiting, NOW, "2026-11-29")?.day).toBe("2026-11-30");
  });

  it("midnight starts a new day in the person's own time zone", () => {
    process.env.TZ = "Europe/Berlin";
    const beforeMidnight = new Date("2026-11-30T22:59:00Z"); // 23:59 in Berlin
    const afterMidnight = new Date("2026-11-30T23:01:00Z"); // 00:01 on 1 December in Berlin
    expect(nudgeFor(waiting, beforeMidnight, "2026-11-30")).toBeUndefined();
    expect(nudgeFor(waiting, afterMidnight, "2026-11-30")?.day).toBe("2026-12-01");
  });

  it("the same moment is a different day in another zone; a day just ahead (a flight west) counts as today", () => {
    const moment = new Date("2026-11-30T20:00:00Z");
    process.env.TZ = "Asia/Tokyo"; // 05:00 on 1 December
    expect(nudgeFor(waiting, moment, undefined)?.day).toBe("2026-12-01");
    process.env.TZ = "America/Los_Angeles"; // 12:00 on 30 November
    expect(nudgeFor(waiting, moment, "2026-12-01")).toBeUndefined();
    // A day far ahead is a clock that was wrong: it does not silence the nudge for years.
    expect(nudgeFor(waiting, moment, "2031-01-01")?.day).toBe("2026-11-30");
  });

  it("whether a rejection was logged on an earlier day follows the local calendar", () => {
    const lateUtc = journal(loggedOn("2026-11-29T23:30:00.000Z"));
    const moment = new Date("2026-11-30T11:00:00Z");
    process.env.TZ = "Asia/Tokyo"; // logged 08:30 on the 30th, now 20:00 on the 30th: today
    expect(nudgeFor(lateUtc, moment, undefined)).toBeUndefined();
    process.env.TZ = "America/Los_Angeles"; // logged 15:30 on the 29th, now 03:00 on the 30th: yesterday
    expect(nudgeFor(lateUtc, moment, undefined)?.reflections).toHaveLength(1);
  });
});

describe("nudgeLine: one short, kind line", () => {
  const nudge = (overrides: Partial<Nudge>): Nudge => ({
    day: "2026-11-30",
    reflections: [],
    stepsDue: 0,
    ...overrides,
  });
  const acme = { id: "a0000001", company: "Acme" };
  const globex = { id: "b0000002", company: "Globex" };

  it("names what is waiting and where to pick it up", () => {
    expect(nudgeLine(nudge({ reflections: [acme] }))).toBe(
      "When you are ready: a reflection on Acme (rejection-coach reflect a0000001).",
    );
    expect(nudgeLine(nudge({ stepsDue: 1 }))).toBe("When you are ready: a step due (rejection-coach next).");
    expect(nudgeLine(nudge({ reflections: [acme], stepsDue: 2 }))).toBe(
      "When you are ready: a reflection on Acme and 2 steps due (rejection-coach reflect, next).",
    );
    expect(nudgeLine(nudge({ reflections: [acme, globex] }))).toBe(
      "When you are ready: reflections on Acme and Globex (rejection-coach reflect).",
    );
    expect(nudgeLine(nudge({ reflections: [acme, globex], stepsDue: 2 }))).toBe(
      "When you are ready: reflections on Acme and Globex and 2 steps due (rejection-coach reflect, next).",
    );
    // Too long for 80 columns with the names: counted instead.
    expect(nudgeLine(nudge({ reflections: [acme, globex], stepsDue: 2 }), 79)).toBe(
      "When you are ready: 2 reflections and 2 steps (rejection-coach reflect, next).",
    );
    expect(nudgeLine(nudge({ checkIn: acme }))).toBe(
      "When you are ready: a check-in on how you are (rejection-coach reflect a0000001).",
    );
    // `reflect` alone would open the newest rejection not reflected on, not the one to check in on.
    expect(nudgeLine(nudge({ checkIn: acme, reflections: [globex] }))).toBe(
      "When you are ready: a check-in and a reflection (rejection-coach reflect a0000001, reflect).",
    );
  });

  it("several things are still one line of at most 100 columns, counted rather than listed", () => {
    const many = Array.from({ length: 40 }, (_, n) => ({ id: `c${n}`.padEnd(8, "0"), company: `Company ${n}` }));
    const line = nudgeLine(nudge({ checkIn: acme, reflections: many, stepsDue: 12 }), 200);
    expect(line).not.toContain("\n");
    expect(stringWidth(line)).toBeLessThanOrEqual(NUDGE_MAX_COLUMNS);
    expect(line).toContain("40 reflections");
    expect(line).toContain("12 steps");
    expect(line).not.toMatch(/Company/);
  });

  it("long names are cut, and a narrow terminal gets the shorter wording, never more than its width", () => {
    const long = { id: "d0000004", company: "The Extremely Long Name Holdings International Group Ltd" };
    const wide = nudgeLine(nudge({ reflections: [long, globex], stepsDue: 3 }));
    expect(stringWidth(wide)).toBeLessThanOrEqual(NUDGE_MAX_COLUMNS);
    for (const columns of [79, 60, 40, 20]) {
      const line = nudgeLine(nudge({ checkIn: acme, reflections: [long, globex], stepsDue: 3 }), columns);
      expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
      expect(line).toMatch(/^When you are ready/);
    }
  });

  it("a company name cannot send terminal codes, and two roles at one company are one name", () => {
    const hostile = { id: "e0000005", company: "Evil\u001b]0;pwned\u0007Corp" };
    expect(nudgeLine(nudge({ reflections: [hostile] }))).not.toMatch(/\u001b|\u0007/);
    expect(nudgeLine(nudge({ reflections: [acme, { ...acme, id: "a0000009" }] }))).toContain("2 reflections on Acme");
  });

  it("speaks of what is due, never of what is late", () => {
    const line = nudgeLine(nudge({ checkIn: acme, reflections: [globex], stepsDue: 5 }));
    expect(line).not.toMatch(/overdue|late|behind|missed|should/i);
  });
});
