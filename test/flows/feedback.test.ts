import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.js";
import { draftFlow } from "../../src/flows/feedback.js";
import { choiceValues, fakePrompts } from "./fake-prompts.js";

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
