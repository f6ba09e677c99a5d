import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.js";
import { suggestTraps } from "../../src/coach/thinking-traps.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { scoreThoughts, type ThoughtScore } from "../helpers/thought-corpus.js";

const CORPUS = "test/corpora/thoughts.yaml";
/** Written apart from the cues; once held out, now a second set to read misses from. */
const SECOND_CORPUS = "test/corpora/second/thoughts.yaml";
/** Written apart and measured blind once; its misses were read since, so it is a third set held to the targets. */
const THIRD_CORPUS = "test/corpora/third/thoughts.yaml";
/** Never tuned on: only what must hold everywhere is asserted, that plain thoughts are left alone. */
const HELD_OUT = "test/corpora/held-out/thoughts.yaml";

const percent = (share: number | null) => (share === null ? "-" : `${Math.round(share * 100)}%`);
const summary = (score: ThoughtScore) =>
  [
    `top-1 ${percent(score.strict)} strict, ${percent(score.lenient)} lenient; neutral with a suggestion ${percent(score.neutralSuggested)}`,
    ...Object.entries(score.perTrap).map(
      ([id, trap]) => `  ${id}: precision ${percent(trap.precision)}, recall ${percent(trap.recall)}`,
    ),
    ...score.misses.map((miss) => `  missed: ${miss.trap ?? "neutral"} -> ${miss.top ?? "none"}: ${miss.text}`),
  ].join("\n");

describe("the thinking-trap suggestion on the labeled thoughts", () => {
  const traps = loadContent().reflection.traps;
  const score = scoreThoughts(CORPUS, (thought) => suggestTraps(thought, traps));

  it("names the labeled trap first for at least 80% of the thoughts that have one", () => {
    // The corpus keeps at least 7 thoughts per trap and 30 neutral ones (test/corpora/README.md).
    expect(score.labeled).toBeGreaterThanOrEqual(70);
    expect(score.strict, summary(score)).toBeGreaterThanOrEqual(0.8);
  });

  it("suggests a trap for at most 10% of the neutral thoughts", () => {
    expect(score.neutral).toBeGreaterThanOrEqual(30);
    expect(score.neutralSuggested, summary(score)).toBeLessThanOrEqual(0.1);
  });
});

describe("the thinking-trap suggestion on the second labeled set", () => {
  const traps = loadContent().reflection.traps;
  const score = scoreThoughts(SECOND_CORPUS, (thought) => suggestTraps(thought, traps));

  it("names the labeled trap first for at least 80% of the thoughts that have one", () => {
    expect(score.labeled).toBeGreaterThanOrEqual(40);
    expect(score.strict, summary(score)).toBeGreaterThanOrEqual(0.8);
  });

  it("suggests a trap for at most 10% of the neutral thoughts", () => {
    expect(score.neutral).toBeGreaterThanOrEqual(20);
    expect(score.neutralSuggested, summary(score)).toBeLessThanOrEqual(0.1);
  });
});

describe("scoreThoughts", () => {
  let dir: string;
  beforeEach(() => (dir = tempDir("rc-thoughts-")));
  afterEach(() => removeDir(dir));

  it("counts strict and lenient top-1, per-trap precision and recall, and neutral suggestions", () => {
    const file = join(dir, "thoughts.yaml");
    writeFileSync(
      file,
      [
        "- { text: 'a', trap: labelling, also: [] }",
        "- { text: 'b', trap: labelling, also: [comparing] }",
        "- { text: 'c', trap: comparing, also: [] }",
        "- { text: 'd', trap: comparing, also: [] }",
        "- { text: 'e', trap: null, also: [] }",
        "- { text: 'f', trap: null, also: [] }",
      ].join("\n"),
    );
    const answers: Record<string, string[]> = {
      a: ["labelling"],
      b: ["comparing", "labelling"],
      c: [],
      d: ["comparing"],
      e: ["labelling"],
      f: [],
    };
    const score = scoreThoughts(file, (text) => (answers[text] ?? []).map((id) => ({ id })));
    expect(score).toMatchObject({ labeled: 4, neutral: 2, strict: 0.5, lenient: 0.75, neutralSuggested: 0.5 });
    expect(score.perTrap.labelling).toMatchObject({
      labeled: 2,
      suggested: 2,
      correct: 1,
      precision: 0.5,
      recall: 0.5,
    });
    expect(score.perTrap.comparing).toMatchObject({
      labeled: 2,
      suggested: 2,
      correct: 1,
      precision: 0.5,
      recall: 0.5,
    });
    expect(score.misses.map((miss) => miss.text)).toEqual(["b", "c", "e"]);
  });

  it("refuses a file that is not a list of labeled thoughts", () => {
    const file = join(dir, "bad.yaml");
    writeFileSync(file, "- { text: 'a' }\n");
    expect(() => scoreThoughts(file, () => [])).toThrow(/item 1/);
  });
});

describe("the thinking-trap suggestion on the third labeled set", () => {
  const traps = loadContent().reflection.traps;
  const score = scoreThoughts(THIRD_CORPUS, (thought) => suggestTraps(thought, traps));

  it("names the labeled trap first for at least 80% of the thoughts that have one", () => {
    expect(score.labeled).toBeGreaterThanOrEqual(50);
    expect(score.strict, summary(score)).toBeGreaterThanOrEqual(0.8);
  });

  it("suggests a trap for at most 10% of the neutral thoughts", () => {
    expect(score.neutral).toBeGreaterThanOrEqual(25);
    expect(score.neutralSuggested, summary(score)).toBeLessThanOrEqual(0.1);
  });
});

describe("the thinking-trap suggestion on the held-out thoughts, never tuned on", () => {
  const traps = loadContent().reflection.traps;
  const score = scoreThoughts(HELD_OUT, (thought) => suggestTraps(thought, traps));

  it("suggests a trap for at most 10% of the neutral thoughts", () => {
    expect(score.neutral).toBe(25);
    expect(score.neutralSuggested, summary(score)).toBeLessThanOrEqual(0.1);
  });
});
