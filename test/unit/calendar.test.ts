import { afterEach, describe, expect, it } from "vitest";
import { calendarEvents } from "../../src/coach/calendar.js";
import type { Action, Journal } from "../../src/journal/entry.js";
import { rejection, win } from "../helpers/fixtures.js";

/** Which events a journal gives: open steps with a day, reflections waiting, check-ins after a hard day. */

const step = (id: string, overrides: Partial<Action> = {}): Action => ({
  id,
  text: `step ${id}`,
  createdAt: "2026-11-01T10:00:00.000Z",
  ...overrides,
});
const reflection = (mood: number, createdAt = "2026-11-04T10:00:00.000Z") => ({
  createdAt,
  mood,
  answers: [],
  ratings: [],
  inControl: [],
  outOfControl: [],
});
const journal = (...entries: Journal["entries"]): Journal => ({ version: 1, entries });
const summary = (j: Journal) => calendarEvents(j).map(({ uid, day, title }) => ({ uid, day, title }));

describe("calendarEvents", () => {
  it("an open step with a due day is an event on that day; undated and done steps are not", () => {
    const entry = rejection({
      id: "aa000001",
      reflection: reflection(6),
      actions: [
        step("open0001", { due: "2026-12-03", text: "Email Sam" }),
        step("undated1"),
        step("done0001", { due: "2026-12-01", doneAt: "2026-11-20T10:00:00.000Z" }),
      ],
    });
    expect(summary(journal(entry))).toEqual([
      { uid: "step-aa000001-open0001@rejection-coach", day: "2026-12-03", title: "Email Sam" },
    ]);
  });

  it("a step's uid is its own id, so it stays with the step when a step before it goes", () => {
    const before = rejection({
      id: "aa000001",
      reflection: reflection(6),
      actions: [step("first001", { due: "2026-12-01" }), step("second01", { due: "2026-12-02" })],
    });
    const after = { ...before, actions: [before.actions[1]!] };
    const second = calendarEvents(journal(before)).find((event) => event.day === "2026-12-02")!;
    expect(calendarEvents(journal(after))).toEqual([second]);
  });

  it("steps on a win are in the calendar too, described by the win", () => {
    const events = calendarEvents(
      journal(
        win({ id: "bb000002", title: "Interview at Initech", actions: [step("prep0001", { due: "2026-12-07" })] }),
      ),
    );
    expect(events).toEqual([
      expect.objectContaining({ uid: "step-bb000002-prep0001@rejection-coach", day: "2026-12-07", kind: "step" }),
    ]);
    expect(events[0]!.description).toContain("Interview at Initech");
  });

  it("a rejection not reflected on gets 'Reflect on <company>' two days after it, across a month and a year", () => {
    const events = summary(
      journal(
        rejection({ id: "aa000001", company: "Acme", date: "2026-12-30" }),
        rejection({ id: "aa000002", company: "Globex", date: "2028-02-28" }),
        rejection({ id: "aa000003", company: "Initech", date: "2027-02-27" }),
        rejection({ id: "aa000004", company: "Done Co", reflection: reflection(7) }),
      ),
    );
    expect(events).toEqual([
      { uid: "reflect-aa000001@rejection-coach", day: "2027-01-01", title: "Reflect on Acme" },
      { uid: "reflect-aa000003@rejection-coach", day: "2027-03-01", title: "Reflect on Initech" },
      { uid: "reflect-aa000002@rejection-coach", day: "2028-03-01", title: "Reflect on Globex" },
    ]);
  });

  it("a rejection logged on a hard day (mood 3 or less) gets 'How are you now?' three days after it", () => {
    const events = summary(
      journal(
        rejection({ id: "aa000001", date: "2026-11-29", mood: 3, reflection: reflection(3) }),
        rejection({ id: "aa000002", date: "2026-11-29", mood: 4, reflection: reflection(4) }),
      ),
    );
    expect(events).toEqual([{ uid: "checkin-aa000001@rejection-coach", day: "2026-12-02", title: "How are you now?" }]);
  });

  it("the check-in goes once the latest mood recorded is no longer low, and comes back if it drops again", () => {
    const low = rejection({ id: "aa000001", date: "2026-11-29", mood: 2, reflection: reflection(3) });
    const better = { ...low, checkins: [{ at: "2026-12-01T10:00:00.000Z", mood: 6 }] };
    const againLow = { ...low, checkins: [...better.checkins, { at: "2026-12-05T10:00:00.000Z", mood: 2 }] };
    expect(calendarEvents(journal(low)).map((event) => event.kind)).toEqual(["checkin"]);
    expect(calendarEvents(journal(better))).toEqual([]);
    expect(calendarEvents(journal(againLow)).map((event) => event.kind)).toEqual(["checkin"]);
  });

  it("one rejection can give all three kinds, each with its own uid", () => {
    const entry = rejection({
      id: "aa000001",
      date: "2026-11-29",
      mood: 1,
      actions: [step("s0000001", { due: "2026-12-10" })],
    });
    expect(summary(journal(entry)).map((event) => event.uid)).toEqual([
      "reflect-aa000001@rejection-coach",
      "checkin-aa000001@rejection-coach",
      "step-aa000001-s0000001@rejection-coach",
    ]);
  });

  it("an empty journal gives no events", () => {
    expect(calendarEvents(journal())).toEqual([]);
  });
});

describe("the days do not move with the time zone", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  // UTC+14 and UTC-8 (UTC-7 in summer): a day made through a local Date would land a day off in one of them.
  it.each(["Pacific/Kiritimati", "America/Los_Angeles", "UTC"])("in %s, the stored days are the events' days", (tz) => {
    process.env.TZ = tz;
    const entry = rejection({
      id: "aa000001",
      date: "2026-12-31",
      // Logged late in the evening in Los Angeles: already the next day in UTC and in Kiritimati.
      createdAt: "2027-01-01T07:30:00.000Z",
      mood: 2,
      actions: [step("s0000001", { due: "2027-03-01" }), step("s0000002", { due: "2028-02-29" })],
    });
    expect(summary(journal(entry)).map((event) => event.day)).toEqual([
      "2027-01-02",
      "2027-01-03",
      "2027-03-01",
      "2028-02-29",
    ]);
  });
});
