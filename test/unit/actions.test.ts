import { describe, expect, it } from "vitest";
import { openActions, resolveActionRef } from "../../src/coach/actions.js";
import { actionIds } from "../../src/journal/actions.js";
import type { Action, Journal } from "../../src/journal/entry.js";
import { rejection, win } from "../helpers/fixtures.js";

const today = "2026-11-24";
const action = (id: string, overrides: Partial<Action> = {}): Action => ({
  id,
  text: `step ${id}`,
  createdAt: "2026-11-01T10:00:00.000Z",
  ...overrides,
});

function journal(): Journal {
  return {
    version: 1,
    entries: [
      rejection({
        company: "Acme",
        actions: [
          action("undated1", { createdAt: "2026-11-02T10:00:00.000Z" }),
          action("later001", { due: "2026-12-10" }),
          action("finished", { due: "2026-11-01", doneAt: "2026-11-03T10:00:00.000Z" }),
        ],
      }),
      win(),
      rejection({
        company: "Globex",
        actions: [
          action("overdue1", { due: "2026-11-20" }),
          action("today001", { due: today }),
          action("undated0", { createdAt: "2026-11-01T09:00:00.000Z" }),
          action("tomorrow", { due: "2026-11-25" }),
        ],
      }),
    ],
  };
}

describe("openActions", () => {
  it("lists open steps across entries: overdue first, soonest due next, undated last", () => {
    const items = openActions(journal(), today);
    expect(items.map((item) => item.action.id)).toEqual([
      "overdue1",
      "today001",
      "tomorrow",
      "later001",
      "undated0",
      "undated1",
    ]);
    expect(items.map((item) => item.n)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("marks overdue ones and counts the days left", () => {
    const items = openActions(journal(), today);
    const byId = Object.fromEntries(items.map((item) => [item.action.id, item]));
    expect(byId.overdue1).toMatchObject({ overdue: true, daysLeft: -4 });
    expect(byId.today001).toMatchObject({ overdue: false, daysLeft: 0 });
    expect(byId.tomorrow).toMatchObject({ overdue: false, daysLeft: 1 });
    expect(byId.undated1).toMatchObject({ overdue: false, daysLeft: undefined });
    expect(byId.overdue1!.entry.company).toBe("Globex");
  });

  it("leaves out done steps", () => {
    expect(openActions(journal(), today).some((item) => item.action.id === "finished")).toBe(false);
  });
});

describe("resolveActionRef", () => {
  it("reads a short number as the place in the list", () => {
    const ref = resolveActionRef(journal(), today, "3");
    expect(ref.found === "open" && ref.item.action.id).toBe("tomorrow");
  });

  it("reads anything longer as an id or the start of one", () => {
    const full = resolveActionRef(journal(), today, "later001");
    expect(full.found === "open" && full.item.n).toBe(4);
    const prefix = resolveActionRef(journal(), today, "TODAY");
    expect(prefix.found === "open" && prefix.item.action.id).toBe("today001");
  });

  it("says when a step is already done", () => {
    expect(resolveActionRef(journal(), today, "finished")).toMatchObject({ found: "done" });
  });

  it("explains a number out of range, an unknown id and an ambiguous prefix", () => {
    expect(resolveActionRef(journal(), today, "7")).toMatchObject({
      found: "none",
      problem: expect.stringContaining("1 to 6"),
    });
    expect(resolveActionRef(journal(), today, "zzzz")).toMatchObject({
      found: "none",
      problem: expect.stringContaining("'zzzz'"),
    });
    expect(resolveActionRef(journal(), today, "undated")).toMatchObject({
      found: "none",
      problem: expect.stringContaining("matches 2"),
    });
    expect(resolveActionRef({ version: 1, entries: [] }, today, "1")).toMatchObject({
      problem: expect.stringContaining("no open next steps"),
    });
  });

  it("collects every action id, done or not", () => {
    expect(actionIds(journal()).has("finished")).toBe(true);
    expect(actionIds(journal()).size).toBe(7);
  });
});
