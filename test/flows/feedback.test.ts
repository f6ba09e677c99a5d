import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.js";
import { draftFlow, receivedFlow, type DraftChoices } from "../../src/flows/feedback.js";
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

describe("the sign-off name", () => {
  const draft = (known: DraftChoices, name: string, keep: boolean | undefined) => {
    const fake = fakePrompts((call) => {
      if (/sign-off/.test(call.message) && call.kind === "input") return name;
      if (call.kind === "confirm") return keep;
      return undefined;
    });
    return { ...fake, result: draftFlow(fake.prompts, templates, { kind: "request", contact: "Sam", ...known }) };
  };

  it("offers once to keep a typed name for next time, yes by default", async () => {
    const kept = draft({}, " Sam Lee ", true);
    expect(await kept.result).toMatchObject({ sender: "Sam Lee", rememberSender: true });
    const offers = kept.calls.filter((call) => call.kind === "confirm");
    expect(offers.map((call) => call.message)).toEqual(["Save 'Sam Lee' as your sign-off name for next time?"]);
    expect(offers[0]!.config.default).toBe(true);

    const declined = draft({}, "Sam Lee", false);
    const choices = await declined.result;
    expect(choices.sender).toBe("Sam Lee");
    expect(choices.rememberSender).toBeUndefined();
  });

  it("does not offer it when no name was typed, or the name came from a flag or the settings", async () => {
    for (const { calls, result } of [draft({}, "", true), draft({ sender: "Alex" }, "Sam", true)]) {
      expect((await result).rememberSender).toBeUndefined();
      expect(calls.filter((call) => call.kind === "confirm")).toEqual([]);
    }
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
