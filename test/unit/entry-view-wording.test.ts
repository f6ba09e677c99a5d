import chalk from "chalk";
import { beforeAll, describe, expect, it } from "vitest";
import { describeRejectionField } from "../../src/ui/entry-summary.js";
import { renderEntry } from "../../src/ui/entry-view.js";
import { rejection, win } from "../helpers/fixtures.js";

beforeAll(() => {
  chalk.level = 0;
});

// Ids are how the journal stores a value; a person reads the words for it.
describe("labels, not ids, in what a person reads", () => {
  it("the summary before saving names the likely reasons in words", () => {
    const text = describeRejectionField("reasons", { reasons: ["skills", "competition", "cancelled"] });
    expect(text).toBe("skills or experience, a closer match, role canceled");
  });

  it("show names the stage, the ending, the reasons, what was in your hands and the fit in words", () => {
    const text = renderEntry(
      rejection({
        stage: "final",
        ended: "role-closed",
        reasons: ["internal", "cancelled"],
        reflection: {
          createdAt: "2026-11-04T10:00:00.000Z",
          mood: 6,
          answers: [],
          ratings: [],
          inControl: ["interview"],
          outOfControl: ["competition"],
          fit: "partly",
        },
      } as never),
    );
    expect(text).toMatch(/stage\s+Final round \(the role was closed, canceled or frozen\)/);
    expect(text).toMatch(/reasons\s+an internal candidate, role canceled/);
    expect(text).toMatch(/in control\s+the interview/);
    expect(text).toMatch(/outside\s+a closer match/);
    expect(text).toMatch(/fit\s+Partly/);
    expect(text).not.toMatch(/cancelled|role-closed|\bfinal\b/);
  });

  it("show names a win's kind in words", () => {
    expect(renderEntry(win({ winKind: "skill" }))).toContain("a skill learned");
  });
});
