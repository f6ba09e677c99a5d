import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ContentError } from "../../src/errors.js";
import { loadContent } from "../../src/content/load.js";
import { PHASES, TEMPLATE_KINDS } from "../../src/content/vocabulary.js";
import { fitWording } from "../../src/coach/wording.js";
import { ENDINGS, STAGES } from "../../src/journal/vocabulary.js";
import { removeDir, tempDir } from "../helpers/cli.js";

/** The ids the strategy catalogue requires the content to cover. */
const REQUIRED_IDS = [
  "feel-it", "not-personal", "time-to-process", "lean-on-people", "self-care", "mindfulness", "professional-help",
  "beyond-control", "ask-feedback", "analyze-objectively", "review-each-stage", "common-reasons", "was-it-right",
  "learn-and-improve", "growth-mindset", "redirection", "remember-wins", "stay-positive", "realistic-expectations",
  "small-victories", "inspiration", "persist", "diversify", "network", "tailor", "upskill", "review-strategy",
  "new-goals", "no-burned-bridges", "use-the-contact", "open-to-surprises", "talk-to-experts",
]; // prettier-ignore

let own: string;
beforeEach(() => (own = tempDir("rc-content-")));
afterEach(() => removeDir(own));

const write = (name: string, text: string) => {
  mkdirSync(join(own, name, ".."), { recursive: true });
  writeFileSync(join(own, name), text);
};

const strategy = (id: string, extra = "") => `
  - id: ${id}
    title: My own ${id}
    phase: act
    summary: A line of summary.
    why: A line of why.
    try:
      - Do one thing.
      - Do another thing.${extra}
`;

describe("the built-in content", () => {
  const content = loadContent();

  it("validates and has at least 30 strategies covering every required id", () => {
    expect(content.strategies.length).toBeGreaterThanOrEqual(30);
    const ids = content.strategies.map((s) => s.id);
    expect(REQUIRED_IDS.filter((id) => !ids.includes(id))).toEqual([]);
  });

  it("has every phase, and 2 to 4 actions in each strategy", () => {
    for (const phase of PHASES) expect(content.strategies.some((s) => s.phase === phase)).toBe(true);
    for (const s of content.strategies) expect(s.try.length).toBeGreaterThanOrEqual(2);
  });

  it("gives every stage its own reflection questions", () => {
    for (const stage of ["applied", "screening", "interview", "assessment", "final", "offer"] as const) {
      expect(content.reflection.questions.filter((q) => q.stages.includes(stage)).length).toBeGreaterThanOrEqual(4);
    }
    const early = content.reflection.questions.filter((q) => q.stages.includes("applied")).map((q) => q.id);
    const final = content.reflection.questions.filter((q) => q.stages.includes("final")).map((q) => q.id);
    expect(early).not.toEqual(final);
  });

  it("has an older-rejection wording for every text that assumes the news just arrived", () => {
    const JUST_NOW = /request today|day or two|within a week of the|just heard/i;
    const texts = (item: object) =>
      Object.entries(item)
        .filter(([key]) => ["summary", "why", "try", "when", "subject", "body"].includes(key))
        .flatMap(([, value]) => (Array.isArray(value) ? value : [value]) as string[]);
    const items = [...content.strategies, ...TEMPLATE_KINDS.map((kind) => content.templates[kind])];
    for (const item of items) {
      for (const stage of STAGES) {
        for (const ended of ENDINGS) {
          const older = fitWording(item, { stage, ended, age: 21 });
          for (const text of texts(older)) expect(text, `${item.id} (${ended}, 21 days)`).not.toMatch(JUST_NOW);
        }
      }
    }
  });

  it("asks its own questions after a silence and after a closed role", () => {
    const tagged = (ending: string) => content.reflection.questions.filter((q) => q.endings?.includes(ending as never));
    expect(tagged("ghosted").length).toBeGreaterThanOrEqual(2);
    expect(tagged("role-closed").length).toBeGreaterThanOrEqual(2);
  });

  it("has the three email templates", () => {
    expect(Object.keys(content.templates).sort()).toEqual(["checkin", "reply", "request"]);
  });
});

describe("a person's own content folder", () => {
  it("adds new strategies and replaces built-in ones by id", () => {
    write("strategies.yaml", `strategies:${strategy("my-walk")}${strategy("feel-it")}`);
    const content = loadContent({ userDir: own });
    const byId = new Map(content.strategies.map((s) => [s.id, s]));
    expect(byId.get("my-walk")?.title).toBe("My own my-walk");
    expect(byId.get("feel-it")?.title).toBe("My own feel-it");
    expect(content.strategies.filter((s) => s.id === "feel-it")).toHaveLength(1);
    expect(byId.get("persist")).toBeDefined();
  });

  it("can override one reflection prompt and add a trap, keeping the rest", () => {
    write(
      "reflection.yaml",
      `prompts:\n  mood: How is it now?\ntraps:\n  - { id: my-trap, name: Mine, description: D., example: E., question: Q? }\n`,
    );
    const content = loadContent({ userDir: own });
    expect(content.reflection.prompts.mood).toBe("How is it now?");
    expect(content.reflection.prompts.change).toBeTruthy();
    expect(content.reflection.traps.some((t) => t.id === "my-trap")).toBe(true);
    expect(content.reflection.traps.length).toBeGreaterThan(1);
  });

  it("adds a person's cues to a built-in trap, keeping its wording and its own cues", () => {
    const builtIn = loadContent().reflection.traps.find((trap) => trap.id === "labelling")!;
    write("reflection.yaml", `traps:\n  - { id: labelling, cues: ["such a muppet"] }\n`);
    const trap = loadContent({ userDir: own }).reflection.traps.find((candidate) => candidate.id === "labelling")!;
    expect(trap.name).toBe(builtIn.name);
    expect(trap.question).toBe(builtIn.question);
    expect(trap.cues).toEqual([...builtIn.cues, "such a muppet"]);
  });

  it("asks a new trap for every field, naming the missing ones", () => {
    write("reflection.yaml", `traps:\n  - { id: my-trap, cues: [doomed] }\n`);
    expect(() => loadContent({ userDir: own })).toThrow(
      /reflection\.yaml: trap 'my-trap' is not a built-in trap, so it needs name, description, example, question/,
    );
  });

  it("names a cue it cannot read, with its line", () => {
    write("reflection.yaml", `traps:\n  - id: labelling\n    cues: ["... idiot"]\n`);
    expect(() => loadContent({ userDir: own })).toThrow(
      /reflection\.yaml:3:\d+: trap 'labelling': .*cue '\.\.\. idiot' cannot start/,
    );
  });

  it("adds a person's reading cues to the built-in ones", () => {
    const builtIn = loadContent().reading;
    write("reading.yaml", `reasons:\n  salary: ["pay band"]\nstages:\n  final: ["last chat"]\n`);
    const reading = loadContent({ userDir: own }).reading;
    expect(reading.reasons.salary).toEqual([...(builtIn.reasons.salary ?? []), "pay band"]);
    expect(reading.stages.final).toEqual([...(builtIn.stages.final ?? []), "last chat"]);
    expect(reading.endings).toEqual(builtIn.endings);
  });

  it("refuses a reading cue for a stage that does not exist", () => {
    write("reading.yaml", `stages:\n  lunch: ["had lunch"]\n`);
    expect(() => loadContent({ userDir: own })).toThrow(/reading\.yaml:\d+:\d+: /);
  });

  it("reports a YAML syntax error with file, line and column", () => {
    write("strategies.yaml", "strategies:\n  - id: broken\n    title: [unclosed\n");
    expect(() => loadContent({ userDir: own })).toThrow(ContentError);
    expect(() => loadContent({ userDir: own })).toThrow(/strategies\.yaml:\d+:\d+: invalid YAML/);
  });

  it("names the entry id and the missing field", () => {
    write("strategies.yaml", `strategies:${strategy("no-why").replace("    why: A line of why.\n", "")}`);
    expect(() => loadContent({ userDir: own })).toThrow(/strategies\.yaml:2:\d+: strategy 'no-why': field 'why'/);
  });

  it("names an unknown phase", () => {
    write("strategies.yaml", `strategies:${strategy("odd").replace("phase: act", "phase: dance")}`);
    expect(() => loadContent({ userDir: own })).toThrow(/strategy 'odd': field 'phase'/);
  });

  it("names a wrong type, with its line", () => {
    write("strategies.yaml", `strategies:${strategy("typed", "\n    fits:\n      mood: { min: low }")}`);
    expect(() => loadContent({ userDir: own })).toThrow(
      /strategies\.yaml:11:\d+: strategy 'typed': field 'fits.mood.min'/,
    );
  });

  it("refuses a duplicate id in one file", () => {
    write("strategies.yaml", `strategies:${strategy("twice")}${strategy("twice")}`);
    expect(() => loadContent({ userDir: own })).toThrow(/strategy 'twice' is defined twice/);
  });

  it("refuses an unknown placeholder in a template", () => {
    write("templates/request.yaml", "id: request\ntitle: T\nwhen: W\nsubject: Hi {{boss}}\nbody: Text\n");
    expect(() => loadContent({ userDir: own })).toThrow(/request\.yaml:4:\d+: field 'subject' may only use/);
  });

  it("names a `first` condition that sets nothing, and an unknown field in a variant", () => {
    write("strategies.yaml", `strategies:${strategy("lead", "\n    first:\n      - {}")}`);
    expect(() => loadContent({ userDir: own })).toThrow(
      /strategy 'lead': field 'first\.0'.*mood range, emotions or both/,
    );
    write(
      "strategies.yaml",
      `strategies:${strategy("worded", "\n    variants:\n      - fits: { age: { min: 7 } }\n        title: New")}`,
    );
    expect(() => loadContent({ userDir: own })).toThrow(/strategy 'worded': .*variants\.0/);
  });

  it("says when the folder does not exist", () => {
    expect(() => loadContent({ userDir: join(own, "nope") })).toThrow(/does not exist/);
  });
});
