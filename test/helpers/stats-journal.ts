import type { Action, Checkin, Journal, Reflection } from "../../src/journal/entry.js";
import { rejection, win } from "./fixtures.js";

/** A moment on a day, at noon UTC, so it is the same day in any time zone from -11 to +11. */
export const at = (day: string): string => `${day}T12:00:00.000Z`;

export const checkin = (day: string, mood: number): Checkin => ({ at: at(day), mood });

export const reflected = (day: string, mood: number): Reflection => ({
  createdAt: at(day),
  mood,
  answers: [],
  ratings: [],
  inControl: [],
  outOfControl: [],
});

export const action = (id: string, text: string, extra: Partial<Action> = {}): Action => ({
  id,
  text,
  createdAt: at("2026-09-01"),
  ...extra,
});

/** The day the figures of `statsJournal` were worked out for: a Friday, in the week of Monday 2026-11-16. */
export const STATS_TODAY = "2026-11-20";

/**
 * Five rejections and three wins over eleven weeks, whose figures are worked
 * out by hand in test/unit/stats.test.ts. Logged on the day they happened.
 */
export function statsJournal(): Journal {
  const logged = (day: string) => ({ date: day, createdAt: at(day), updatedAt: at(day) });
  return {
    version: 1,
    entries: [
      rejection({
        ...logged("2026-09-02"),
        id: "r1aa",
        company: "Acme",
        stage: "applied",
        ended: "ghosted",
        reasons: ["unknown"],
        mood: 3,
      }),
      rejection({
        ...logged("2026-09-20"),
        id: "r2bb",
        company: "Bolt",
        stage: "screening",
        reasons: ["skills", "competition"],
        mood: 4,
        checkins: [checkin("2026-09-23", 5), checkin("2026-09-26", 7)],
      }),
      rejection({
        ...logged("2026-10-10"),
        id: "r3cc",
        company: "Cobalt",
        stage: "interview",
        reasons: ["competition"],
        mood: 2,
        checkins: [checkin("2026-10-11", 4)],
        reflection: reflected("2026-10-12", 6),
      }),
      win({ ...logged("2026-10-14"), id: "w1dd", winKind: "interview" }),
      rejection({
        ...logged("2026-11-03"),
        id: "r4ee",
        company: "Dune",
        stage: "final",
        reasons: ["competition", "interview"],
        mood: 7,
        checkins: [checkin("2026-11-05", 8)],
        actions: [
          action("a1aa", "Ask Dana for feedback", { due: "2026-11-10" }),
          action("a2bb", "Update the CV", { doneAt: at("2026-11-04") }),
        ],
      }),
      win({ ...logged("2026-11-12"), id: "w2ff", winKind: "application" }),
      rejection({
        ...logged("2026-11-17"),
        id: "r5gg",
        company: "Echo",
        stage: "interview",
        ended: "role-closed",
        reasons: ["cancelled"],
        mood: 5,
        actions: [
          action("a3cc", "Practise the system design round", { due: "2026-11-25" }),
          action("a4dd", "Call Sam"),
        ],
      }),
      win({ ...logged("2026-11-19"), id: "w3hh", winKind: "feedback" }),
    ],
  };
}
