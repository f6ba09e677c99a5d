import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { resolveFilterFlags } from "../../src/commands/filter-options.js";
import {
  filterEntries,
  isFiltered,
  PeriodError,
  resolveFilter,
  stringsOf,
  type EntryFilter,
} from "../../src/journal/filters.js";
import { fixtureEntries } from "../helpers/journal-fixture.js";

const entries = fixtureEntries();
const ids = (filter: EntryFilter) => filterEntries(entries, filter).map((entry) => entry.id);
/** A fixed "now": Thursday 2026-11-12, local time. */
const now = new Date(2026, 10, 12, 15, 0);

describe("filterEntries", () => {
  it("keeps everything, newest first, with an empty filter (same day: the later logged first)", () => {
    expect(ids({})).toEqual(["c3000003", "b2000002", "e5000005", "a1000001", "d4000004"]);
  });

  it("--since and --until keep the days in between, both ends included", () => {
    expect(ids({ since: "2026-11-05" })).toEqual(["c3000003", "b2000002", "e5000005"]);
    expect(ids({ until: "2026-10-01" })).toEqual(["a1000001", "d4000004"]);
    expect(ids({ since: "2026-10-01", until: "2026-11-05" })).toEqual(["b2000002", "e5000005", "a1000001"]);
  });

  it("--company matches part of the name in any case, wins included", () => {
    expect(ids({ company: "acme" })).toEqual(["e5000005", "a1000001"]);
    expect(ids({ company: "INITECH" })).toEqual(["c3000003"]);
    expect(ids({ company: "שלום" })).toEqual(["d4000004"]);
    expect(ids({ company: "nobody" })).toEqual([]);
  });

  it("--stage keeps rejections that reached that stage or went further, and never a win", () => {
    expect(ids({ stage: "final" })).toEqual(["b2000002"]);
    // Globex ended at final, so it reached interview on the way.
    expect(ids({ stage: "interview" })).toEqual(["b2000002", "e5000005"]);
    expect(ids({ stage: "screening" })).toEqual(["b2000002", "e5000005", "a1000001"]);
    expect(ids({ stage: "applied" })).toEqual(["b2000002", "e5000005", "a1000001", "d4000004"]);
    expect(ids({ stage: "offer" })).toEqual([]);
  });

  it("--kind keeps one kind", () => {
    expect(ids({ kind: "win" })).toEqual(["c3000003"]);
    expect(ids({ kind: "rejection" })).not.toContain("c3000003");
    expect(ids({ kind: "rejection" })).toHaveLength(4);
  });

  it("--tag matches whole tags in any case; several tags must all be there", () => {
    expect(ids({ tags: ["remote"] })).toEqual(["c3000003", "b2000002", "a1000001"]);
    expect(ids({ tags: ["remote", "FINTECH"] })).toEqual(["a1000001"]);
    expect(ids({ tags: ["rem"] })).toEqual([]);
  });

  describe("--search looks through every text field, in any case", () => {
    const cases: [string, string][] = [
      ["a reflection answer", "SYSTEM DESIGN"],
      ["a thought record", "final round"],
      ["a check-in note", "long walk"],
      ["feedback", "lighter on operations"],
      ["an action", "practise ops"],
      ["the contact", "dana"],
    ];
    for (const [where, text] of cases) {
      it(where, () => expect(ids({ search: text })).toEqual(["b2000002"]));
    }

    it("the reason given, the note, the company and the title", () => {
      expect(ids({ search: "more senior" })).toEqual(["a1000001"]);
      expect(ids({ search: "hyperlink" })).toEqual(["a1000001"]);
      expect(ids({ search: "🎉" })).toEqual(["c3000003"]);
      expect(ids({ search: "مهندس" })).toEqual(["d4000004"]);
    });

    it("values, not field names", () => {
      expect(ids({ search: "questionId" })).toEqual([]);
      expect(ids({ search: "reasonGiven" })).toEqual([]);
    });
  });

  it("-n keeps the newest N of what matched", () => {
    expect(ids({ limit: 2 })).toEqual(["c3000003", "b2000002"]);
    expect(ids({ kind: "rejection", limit: 1 })).toEqual(["b2000002"]);
    expect(ids({ limit: 99 })).toHaveLength(5);
  });

  it("filters combine: every one must hold", () => {
    expect(ids({ company: "acme", since: "2026-11-01" })).toEqual(["e5000005"]);
    expect(ids({ tags: ["remote"], kind: "rejection", search: "walk" })).toEqual(["b2000002"]);
  });

  it("stringsOf reaches nested lists and objects", () => {
    expect(stringsOf({ a: ["x", { b: "y" }], c: 3, d: { e: ["z"] } })).toEqual(["x", "y", "z"]);
  });
});

describe("resolveFilter", () => {
  it("reads ISO days and natural language as days already past", async () => {
    expect(await resolveFilter({ since: "2026-11-01", until: "yesterday" }, now)).toEqual({
      since: "2026-11-01",
      until: "2026-11-11",
    });
    expect((await resolveFilter({ since: "3 days ago" }, now)).since).toBe("2026-11-09");
    expect((await resolveFilter({ since: "last friday" }, now)).since).toBe("2026-11-06");
    expect((await resolveFilter({ since: "monday" }, now)).since).toBe("2026-11-09");
  });

  it("passes the other filters through and drops what was not given", async () => {
    expect(await resolveFilter({ company: "acme", limit: 3, since: undefined }, now)).toEqual({
      company: "acme",
      limit: 3,
    });
  });

  it("a future, unreadable or impossible day is bad usage saying which end of the period", async () => {
    await expect(resolveFilter({ since: "tomorrow" }, now)).rejects.toThrow(UsageError);
    await expect(resolveFilter({ since: "tomorrow" }, now)).rejects.toMatchObject({
      problem: { kind: "unreadable", end: "since", reason: expect.stringMatching(/'tomorrow' is in the future/) },
    });
    await expect(resolveFilter({ until: "blurple" }, now)).rejects.toMatchObject({
      problem: { kind: "unreadable", end: "until", reason: expect.stringMatching(/cannot read 'blurple'/) },
    });
    await expect(resolveFilter({ until: "2026-02-30" }, now)).rejects.toThrow(/not a calendar date/);
  });

  it("a start after the end is bad usage, and names no flag", async () => {
    const reversed = resolveFilter({ since: "2026-11-10", until: "2026-11-01" }, now);
    await expect(reversed).rejects.toBeInstanceOf(PeriodError);
    await expect(reversed).rejects.toMatchObject({
      problem: { kind: "reversed", since: "2026-11-10", until: "2026-11-01" },
      message: expect.not.stringContaining("--"),
    });
  });

  it("the commands word a period problem with their flags", async () => {
    await expect(resolveFilterFlags({ since: "tomorrow" }, now)).rejects.toThrow(
      /^--since: 'tomorrow' is in the future/,
    );
    await expect(resolveFilterFlags({ until: "blurple" }, now)).rejects.toThrow(/^--until: cannot read 'blurple'/);
    await expect(resolveFilterFlags({ since: "2026-11-10", until: "2026-11-01" }, now)).rejects.toThrow(
      "--since 2026-11-10 is after --until 2026-11-01; nothing could match",
    );
  });

  it("isFiltered tells a filter from none", () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ tags: [] })).toBe(false);
    expect(isFiltered({ company: "x" })).toBe(true);
    expect(isFiltered({ limit: 1 })).toBe(true);
  });
});
