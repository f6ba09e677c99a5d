import stringWidth from "fast-string-width";
import stripAnsi from "strip-ansi";
import { describe, expect, it } from "vitest";
import { renderEntryList } from "../../src/ui/entry-view.js";
import { rejection, win } from "../helpers/fixtures.js";

const entries = [
  rejection({
    company: "International Consolidated Widgets Holdings",
    role: "Senior Staff Platform Reliability Engineer, Payments Infrastructure",
    stage: "assessment",
  }),
  rejection({ company: "Acme", role: "Dev", stage: "interview" }),
  win({ title: "Finished the distributed systems course with a project" }),
];

const lines = (width?: number) => stripAnsi(renderEntryList(entries, width)).split("\n");

describe("the entry list", () => {
  it.each([60, 80, 100, 120])("fits a %i-column terminal", (width) => {
    for (const line of lines(width)) expect(stringWidth(line)).toBeLessThan(width);
    expect(lines(width)[0]).toMatch(/^id\s+.*company\s+role/);
    expect(lines(width).join("\n")).toContain("…");
    expect(lines(width)[2]).toMatch(/Acme\s+Dev/);
  });

  it("drops the least useful columns first when narrow, and keeps them when wide", () => {
    expect(lines(60)[0]).not.toMatch(/reflected|mood/);
    expect(lines(200)[0]).toMatch(/^id\s+date\s+kind\s+company\s+role\s+stage\s+mood\s+reflected$/);
  });

  it.each([40, 50, 60])("keeps the date and kind at %i columns, so a win reads as a win", (width) => {
    const shown = lines(width);
    expect(shown[0]).toMatch(/^id\s+date\s+kind\s+com/);
    expect(shown[3]).toMatch(/^\S+\s+\d{4}-\d{2}-\d{2}\s+win\s/);
    expect(shown[2]).toMatch(/^\S+\s+\d{4}-\d{2}-\d{2}\s+rej(ection)?\s+Acme/);
    for (const line of shown) expect(stringWidth(line)).toBeLessThan(width);
  });

  it("treats a terminal that reports 0 columns as 80 wide rather than leaving the list empty", () => {
    expect(lines(0)).toEqual(lines(80));
    expect(lines(0)[2]).toMatch(/Acme\s+Dev/);
  });

  it("keeps every column in full when piped", () => {
    const text = lines().join("\n");
    expect(text).toContain("International Consolidated Widgets Holdings");
    expect(text).toContain("Senior Staff Platform Reliability Engineer, Payments Infrastructure");
    expect(text).toContain("Finished the distributed systems course with a project");
    expect(text).not.toContain("…");
    expect(lines()[0]).toMatch(/reflected$/);
  });
});
