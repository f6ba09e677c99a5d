import { describe, expect, it } from "vitest";
import type { Journal } from "../../src/journal/entry.js";
import { sameRejection } from "../../src/journal/queries.js";
import { rejection, win } from "../helpers/fixtures.js";

describe("the same rejection logged twice", () => {
  const journal: Journal = {
    version: 1,
    entries: [
      rejection({ id: "aaaa0001", company: "Globex", role: "Analyst", date: "2026-11-29" }),
      win({ id: "bbbb0001", company: "Initech", title: "Analyst", date: "2026-11-29" }),
    ],
  };

  it("is found by company and role whatever their case, edges and spacing, on the same day", () => {
    expect(sameRejection(journal, { company: "  globex ", role: "ANALYST", date: "2026-11-29" })?.id).toBe("aaaa0001");
    expect(sameRejection(journal, { company: "Globex", role: " analyst  ", date: "2026-11-29" })?.id).toBe("aaaa0001");
  });

  it("is not another day, another role or another company", () => {
    expect(sameRejection(journal, { company: "Globex", role: "Analyst", date: "2026-11-28" })).toBeUndefined();
    expect(sameRejection(journal, { company: "Globex", role: "Senior Analyst", date: "2026-11-29" })).toBeUndefined();
    expect(sameRejection(journal, { company: "Initech", role: "Analyst", date: "2026-11-29" })).toBeUndefined();
  });
});
