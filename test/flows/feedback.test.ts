import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.js";
import { draftFlow, receivedFlow } from "../../src/flows/feedback.js";
import { choiceValues, CTRL_C, fakePrompts } from "./fake-prompts.js";

const { templates } = loadContent();

describe("the draft flow", () => {
  it("asks for the kind, the contact, the sender and the check-in news when none is known", async () => {
    const { prompts, calls } = fakePrompts((call) => {
      if (call.kind === "select") return "checkin";
      if (/Who is it to/.test(call.message)) return " Sam ";
      if (/done since/.test(call.message)) return "shipped a search feature";
      return "";
    });
    const choices = await draftFlow(prompts, templates, {});
    expect(choices).toEqual({ kind: "checkin", contact: "Sam", sender: undefined, update: "shipped a search feature" });
    expect(choiceValues(calls[0]!)).toEqual(["request", "reply", "checkin"]);
    expect(calls.map((call) => call.kind)).toEqual(["select", "input", "input", "input"]);
  });

  it("asks nothing that flags, the entry or the settings already answered", async () => {
    const { prompts, calls } = fakePrompts();
    const choices = await draftFlow(prompts, templates, { kind: "reply", contact: "Sam", sender: "Alex" });
    expect(choices).toMatchObject({ kind: "reply", contact: "Sam", sender: "Alex" });
    // The news question belongs to the check-in draft only.
    expect(calls).toEqual([]);
  });
});

describe("the received flow", () => {
  it("asks for the feedback as typed text when the editor exits with an error", async () => {
    const { prompts, calls } = fakePrompts((call) => {
      if (call.kind !== "editor") return "  Not enough experience with Go.  ";
      const error = new Error("the editor exited with status 1");
      error.name = "EditorExitError";
      throw error;
    });
    const said: string[] = [];
    const text = await receivedFlow(prompts, "Acme", (line) => said.push(line));
    expect(calls.map((call) => call.kind)).toEqual(["editor", "input"]);
    expect(calls[0]!.message).toContain("Opening your editor");
    expect(said).toEqual([
      "Could not open your editor (the editor exited with status 1); type the answer here instead.",
    ]);
    expect(text).toBe("Not enough experience with Go.");
  });

  it("lets Ctrl+C in the editor stop the flow rather than fall back", async () => {
    const { prompts } = fakePrompts((call) => (call.kind === "editor" ? CTRL_C : "typed"));
    await expect(receivedFlow(prompts, "Acme", () => {})).rejects.toMatchObject({ name: "ExitPromptError" });
  });
});
