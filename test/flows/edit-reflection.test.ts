import { describe, expect, it } from "vitest";
import { editAnswersFlow } from "../../src/flows/edit-reflection.js";
import { choiceValues, ENTER, fakePrompts, inOrder } from "./fake-prompts.js";

const reflection = {
  answers: [{ questionId: "first", question: "First question?", answer: "first answer" }],
};
const questions = [
  { id: "first", text: "First question?" },
  { id: "second", text: "Second question?" },
];

describe("editing the reflection's answers", () => {
  it("lists answered and unanswered questions; returns only the answers that changed", async () => {
    const answers = inOrder(["second", "A new answer", "first", ENTER, ENTER]);
    const { prompts, calls } = fakePrompts(answers.respond);
    const changes = await editAnswersFlow(prompts, reflection, questions);
    expect(changes).toEqual([{ questionId: "second", question: "Second question?", answer: "A new answer" }]);
    expect(choiceValues(calls[0]!)).toEqual(["first", "second", "stop"]);
    // Once something changed, saving comes first and Enter takes it.
    expect(choiceValues(calls[2]!)).toEqual(["save", "first", "second", "stop"]);
    expect(calls[1]!.message).toMatch(/Second question\? optional, Enter to skip/);
    expect(answers.remaining()).toBe(0);
  });

  it("clears an answer with -, and leaving it as it was returns nothing", async () => {
    const cleared = fakePrompts(inOrder(["first", "-", "save"]).respond);
    expect(await editAnswersFlow(cleared.prompts, reflection, questions)).toEqual([
      { questionId: "first", question: "First question?", answer: undefined },
    ]);
    const left = fakePrompts(inOrder(["first", "changed", "stop"]).respond);
    expect(await editAnswersFlow(left.prompts, reflection, questions)).toBeUndefined();
  });
});
