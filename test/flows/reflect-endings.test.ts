import stripAnsi from "strip-ansi";
import { describe, expect, it } from "vitest";
import {
  emptyAnswers,
  hasSubstance,
  reflectionScope,
  stageQuestions,
  toReflection,
} from "../../src/coach/reflection.js";
import { loadContent } from "../../src/content/load.js";
import { moodResponse, reflectFlow } from "../../src/flows/reflect.js";
import type { RejectionEntry } from "../../src/journal/entry.js";
import { STAGES } from "../../src/journal/vocabulary.js";
import { rejection } from "../helpers/fixtures.js";
import { byMessage, choiceValues, fakePrompts } from "./fake-prompts.js";

const content = loadContent().reflection;
const now = new Date(2026, 10, 24, 12);

/** What the flow said and which stage questions it offered, with every question skipped. */
async function walk(entry: RejectionEntry) {
  // The mood is the one answer a reflection needs; everything else is skipped.
  const { prompts, calls } = fakePrompts(byMessage([[/how are you feeling/i, "5"]]));
  const said: string[] = [];
  const answers = await reflectFlow({
    prompts,
    entry,
    content,
    scope: reflectionScope(content, entry),
    preset: emptyAnswers(),
    now,
    say: (t) => said.push(t),
  });
  if (!answers) throw new Error("the flow ended without saving");
  const picker = calls.find((call) => call.message.startsWith("Which would you like to think through"))!;
  return { answers, said: stripAnsi(said.join("\n")).replace(/\s+/g, " "), offered: choiceValues(picker) as string[] };
}

describe("reflecting on a ghosting or a closed role", () => {
  it("a ghosting is not called a no, and is not asked about feedback or the person they chose", async () => {
    const { said, offered } = await walk(rejection({ stage: "interview", ended: "ghosted" }));
    expect(said).not.toMatch(/after a no/);
    expect(said).toMatch(/when a company goes quiet at the interview stage/);
    expect(offered).not.toContain("feedback-useful");
    expect(offered).toEqual(expect.arrayContaining(["silence-last-word", "silence-follow-up", "silence-story"]));
  });

  it("a clear no keeps its own wording and questions, without the silence ones", async () => {
    const { said, offered } = await walk(rejection({ stage: "interview", ended: "rejected" }));
    expect(said).toMatch(/after a no at the interview stage/);
    expect(offered).toContain("feedback-useful");
    expect(offered.filter((id) => id.startsWith("silence-") || id.startsWith("closed-"))).toEqual([]);
  });

  it("at every stage, a ghosting gets no question that assumes they answered", () => {
    for (const stage of STAGES) {
      const ids = stageQuestions(content, { stage, ended: "ghosted" }).map((question) => question.id);
      expect(ids).not.toEqual(expect.arrayContaining(["feedback-useful"]));
      expect(ids).not.toContain("other-candidate");
      expect(ids).not.toContain("offer-reason");
      expect(ids).toContain("silence-follow-up");
      const closed = stageQuestions(content, { stage, ended: "role-closed" }).map((question) => question.id);
      expect(closed).toContain("closed-what-said");
      expect(closed).not.toContain("other-candidate");
    }
  });

  it("saves only answers to questions that fit the ending", () => {
    const entry = rejection({ stage: "final", ended: "ghosted" });
    const answers = {
      ...emptyAnswers(),
      mood: 5,
      answers: { "other-candidate": "x", "silence-story": "they are busy" },
    };
    const saved = toReflection(answers, reflectionScope(content, entry), now);
    expect(saved.answers.map((answer) => answer.questionId)).toEqual(["silence-story"]);
  });
});

describe("saying what is true", () => {
  it("a rise that is still low is not called good", () => {
    for (const [before, after] of [[1, 2], [1, 3], [2, 3]] as const) {
      const line = stripAnsi(moodResponse(before, after));
      expect(line).not.toMatch(/good to see/i);
      expect(line).toMatch(new RegExp(`up from ${before}`, "i"));
    }
    expect(stripAnsi(moodResponse(2, 6))).toMatch(/Up from 2\. Good to see/);
  }); // prettier-ignore

  it("a reflection with every question skipped is not counted as work done", async () => {
    const entry = rejection({ stage: "interview", ended: "rejected" });
    const { answers } = await walk(entry);
    const skipped = toReflection(answers, reflectionScope(content, entry), now);
    expect(hasSubstance(skipped, answers.actions)).toBe(false);
    const answered = toReflection({ ...answers, change: "Practice out loud" }, reflectionScope(content, entry), now);
    expect(hasSubstance(answered)).toBe(true);
    expect(hasSubstance(skipped, [{ text: "Apply to two roles" }])).toBe(true);
  });
});
