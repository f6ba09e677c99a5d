import stripAnsi from "strip-ansi";
import { describe, expect, it } from "vitest";
import type { Strategy } from "../../src/content/schema.js";
import { renderStrategy } from "../../src/ui/strategy-view.js";

const strategy = (fits: Strategy["fits"]): Strategy => ({
  id: "test-tip",
  phase: "feel",
  title: "A tip",
  summary: "Summary.",
  why: "Why.",
  try: ["One thing."],
  fits,
});

const offered = (fits: Strategy["fits"]) =>
  stripAnsi(renderStrategy(strategy(fits)))
    .split("\n\n")
    .at(-1)!
    .replace(/\s+/g, " ")
    .trim();

describe("when a tip is offered", () => {
  it("names stages, endings, reasons and signals in words, not ids", () => {
    expect(
      offered({
        stages: ["screening", "interview", "final"],
        endings: ["ghosted", "role-closed"],
        reasons: ["competition", "cancelled"],
        signals: ["first-rejection"],
      }),
    ).toBe(
      "Offered at the screening, interview or final round stages; after being left without an answer or a role that closed; " +
        "for reasons such as a closer-matched candidate or a canceled role; when the journal shows a first rejection.",
    );
    expect(offered({ stages: ["applied"] })).toBe("Offered at the application stage.");
  });
});
