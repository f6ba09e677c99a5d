import { describe, expect, it } from "vitest";
import { editRejectionFlow, logFlow } from "../../src/flows/log.js";
import { editWinFlow, winFlow } from "../../src/flows/win.js";
import type { RejectionFields, WinFields } from "../../src/journal/make-entry.js";
import { checkedValues, choiceValues, CTRL_C, ENTER, fakePrompts, inOrder, type Answer } from "./fake-prompts.js";

// A Wednesday, at noon, so that "yesterday" and "last friday" are fixed days.
const now = new Date(2026, 10, 18, 12, 0, 0);

function run(answers: Answer[], given: Partial<RejectionFields> = {}) {
  const script = inOrder(answers);
  const fake = fakePrompts(script.respond);
  const shown: string[] = [];
  const result = logFlow(fake.prompts, given, { show: (text) => shown.push(text), now });
  return { ...fake, remaining: script.remaining, shown, result };
}

/** A whole log, answered in the order the flow asks. */
const WHOLE_LOG: Answer[] = [
  "Acme",
  "Backend Engineer",
  "final",
  "rejected",
  "yesterday",
  "We chose someone with more Go experience",
  ["skills", "competition"],
  "3",
  ["sad", "numb"],
  "go, remote",
  "Liked the team.",
  "save",
];

describe("the log flow", () => {
  it("asks every question in order and returns the answers", async () => {
    const { result, calls, remaining } = run(WHOLE_LOG);
    expect(await result).toEqual({
      company: "Acme",
      role: "Backend Engineer",
      stage: "final",
      ended: "rejected",
      date: "2026-11-17",
      reasonGiven: "We chose someone with more Go experience",
      reasons: ["skills", "competition"],
      mood: 3,
      emotions: ["sad", "numb"],
      tags: ["go", "remote"],
      note: "Liked the team.",
    });
    const messages = calls.map((call) => call.message);
    expect(messages[0]).toContain("Which company");
    expect(messages[1]).toContain("role");
    expect(messages[2]).toContain("How far did it get");
    expect(messages[3]).toContain("How did it end");
    expect(messages[4]).toContain("When did you hear");
    expect(messages[5]).toContain("reason");
    expect(messages[6]).toContain("played a part");
    expect(messages[7]).toContain("1 is awful, 10 is fine");
    expect(messages[8]).toContain("Which of these words fit");
    expect(messages[9]).toContain("tags");
    expect(messages[10]).toContain("Anything else");
    expect(messages[11]).toContain("Does this look right?");
    expect(remaining()).toBe(0);
  });

  it("shows a summary of every answer before saving", async () => {
    const { result, shown } = run(WHOLE_LOG);
    await result;
    const summary = shown.at(-1)!;
    for (const text of ["Acme", "Backend Engineer", "Final round", "2026-11-17", "skills or experience, a closer match", "3 of 10", "sad, numb", "go, remote", "Liked the team."]) {
      expect(summary).toContain(text);
    }
  }); // prettier-ignore

  it("asks only for what the flags did not give", async () => {
    const { result, calls } = run(["interview", "rejected", ENTER, ENTER, [], "6", [], ENTER, ENTER, "save"], {
      company: "Initech",
      role: "Analyst",
      tags: ["finance"],
    });
    const answers = await result;
    expect(answers).toMatchObject({ company: "Initech", role: "Analyst", stage: "interview", tags: ["finance"] });
    expect(answers?.date).toBe("2026-11-18");
    const messages = calls.map((call) => call.message).join("\n");
    expect(messages).not.toContain("Which company");
    expect(messages).not.toContain("What was the role");
    expect(messages).not.toContain("tags");
  });

  it("refuses a future date with a clear message and asks again", async () => {
    const { result, refused, calls } = run([
      "Acme", "Dev", "applied", "rejected", "next friday", "tomorrow", "2026-11-13", ENTER, [], "5", [], ENTER, ENTER, "save",
    ]); // prettier-ignore
    expect((await result)?.date).toBe("2026-11-13");
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatch(/^'next friday' is in the future \(2026-11-2\d\)/);
    expect(refused[1]).toMatch(/is in the future/);
    expect(calls.filter((call) => call.message.includes("When did you hear"))).toHaveLength(1);
  });

  it("refuses a date it cannot read, and a mood outside 1 to 10", async () => {
    const { result, refused } = run([
      "Acme", "Dev", "applied", "rejected", "the other day", "last friday", ENTER, [], "11", "zero", "0", "4", [], ENTER, ENTER, "save",
    ]); // prettier-ignore
    const answers = await result;
    expect(answers?.date).toBe("2026-11-13");
    expect(answers?.mood).toBe(4);
    expect(refused[0]).toContain("cannot read 'the other day'");
    expect(refused.slice(1)).toHaveLength(3);
    for (const message of refused.slice(1)) expect(message).toContain("1 to 10");
  });

  it("lets the person fix any field from the summary, as often as needed, then saves", async () => {
    const { result, calls, shown } = run([
      ...WHOLE_LOG.slice(0, -1),
      "mood",
      "5",
      "company",
      "Acme Corp",
      "emotions",
      ["sad"],
      "save",
    ]);
    const answers = await result;
    expect(answers).toMatchObject({ company: "Acme Corp", mood: 5, emotions: ["sad"], role: "Backend Engineer" });
    // Each fix re-asks the field with its current value as the default.
    const moodAgain = calls.filter((call) => call.message.includes("1 is awful")).at(-1)!;
    expect(moodAgain.config.default).toBe("3");
    const companyAgain = calls.filter((call) => call.message.includes("Which company")).at(-1)!;
    expect(companyAgain.config.default).toBe("Acme");
    const feelingsAgain = calls.filter((call) => call.kind === "checkbox").at(-1)!;
    expect(checkedValues(feelingsAgain)).toEqual(["sad", "numb"]);
    // The summary is shown again after each change.
    const summaries = shown.filter((text) => text.includes("Company"));
    expect(summaries).toHaveLength(4);
    expect(summaries.at(-1)).toContain("Acme Corp");
    expect(summaries.at(-1)).toContain("5 of 10");
  });

  it("returns nothing when the person chooses not to save", async () => {
    const { result } = run([...WHOLE_LOG.slice(0, -1), "stop"]);
    expect(await result).toBeUndefined();
  });

  it("speaks gently after a low mood, and plainly otherwise", async () => {
    const low = run(WHOLE_LOG);
    await low.result;
    expect(low.calls[8]!.message).toContain("That sounds like a hard day");
    const fine = run(["A", "B", "applied", "rejected", ENTER, ENTER, [], "8", [], ENTER, ENTER, "save"]);
    await fine.result;
    expect(fine.calls[8]!.message).not.toContain("hard day");
  });

  it("does not ask for a reason given when they went quiet, and asks when it went quiet", async () => {
    const { result, calls } = run(["Acme", "Dev", "screening", "ghosted", ENTER, ["unknown"], "5", ["anxious"], ENTER, ENTER, "save"]);
    const answers = await result;
    expect(answers?.ended).toBe("ghosted");
    expect(answers?.reasonGiven).toBeUndefined();
    const messages = calls.map((call) => call.message);
    expect(messages.some((message) => message.includes("Did they give a reason"))).toBe(false);
    expect(messages[4]).toContain("go quiet");
  }); // prettier-ignore

  it("says what Enter picks on the stage and ending questions, and takes the one that claims least", async () => {
    const { result, calls } = run(["Acme", "Dev", ENTER, ENTER, ENTER, ENTER, [], "5", [], ENTER, ENTER, "save"]);
    expect(await result).toMatchObject({ stage: "applied", ended: "rejected" });
    expect(calls[2]!.message).toBe('How far did it get? Enter for "Applied"');
    expect(calls[3]!.message).toBe('How did it end? Enter for "They said no"');
  });

  it("does not offer a canceled role as a reason when they said no", async () => {
    const offered = async (ended: string) => {
      const { result, calls } = run(["Acme", "Dev", "interview", ended, ENTER, ENTER, [], "5", [], ENTER, ENTER, "save"]);
      await result;
      return choiceValues(calls.find((call) => call.message.includes("played a part"))!);
    };
    expect(await offered("rejected")).not.toContain("cancelled");
    expect(await offered("rejected")).toContain("unknown");
    expect(await offered("ghosted")).toContain("cancelled");
    expect(await offered("role-closed")).toContain("cancelled");
  }); // prettier-ignore

  it("refuses 'I don't know' ticked with other reasons, as select-all would tick it", async () => {
    const { result, calls } = run([
      "Acme", "Dev", "interview", "rejected", ENTER, ENTER,
      ["skills", "interview", "culture", "competition", "salary", "internal", "unknown"], ["skills"],
      "5", [], ENTER, ENTER, "save",
    ]); // prettier-ignore
    expect((await result)?.reasons).toEqual(["skills"]);
    const reasons = calls.find((call) => call.message.includes("played a part"))!;
    expect(reasons.refused).toEqual(["'I don't know' can't go with other choices; untick one"]);
  });

  it("names a rejection already logged for that company, role and day, and saves it only when told to", async () => {
    const duplicate = (fields: RejectionFields) =>
      fields.date === "2026-11-17"
        ? "You already logged Backend Engineer at Acme on Tue 17 Nov (id 3738e2e9)"
        : undefined;
    const ask = (answers: Answer[]) => {
      const fake = fakePrompts(inOrder([...WHOLE_LOG, ...answers]).respond);
      const shown: string[] = [];
      const result = logFlow(fake.prompts, {}, { show: (text) => shown.push(text), now, duplicate });
      return { ...fake, shown, result };
    };
    // Enter at "Save it anyway?" is no: back to the summary, where the date is fixed.
    const fixed = ask([ENTER, "date", "2026-11-16", "save"]);
    expect((await fixed.result)?.date).toBe("2026-11-16");
    const confirm = fixed.calls.find((call) => call.kind === "confirm")!;
    expect(confirm.message).toBe("Save it anyway?");
    expect(confirm.config.default).toBe(false);
    expect(fixed.shown).toContain("You already logged Backend Engineer at Acme on Tue 17 Nov (id 3738e2e9)");
    expect(fixed.calls.filter((call) => call.kind === "confirm")).toHaveLength(1);

    expect((await ask([true]).result)?.date).toBe("2026-11-17");
    expect(await ask([false, "stop"]).result).toBeUndefined();
  });

  it("lets Ctrl+C reject, so the command saves nothing", async () => {
    const { result } = run(["Acme", "Dev", CTRL_C]);
    await expect(result).rejects.toMatchObject({ name: "ExitPromptError" });
  });
});

const saved: RejectionFields = {
  company: "Acme",
  role: "Dev",
  stage: "interview",
  ended: "rejected",
  date: "2026-11-10",
  reasonGiven: "Not enough experience",
  reasons: ["skills"],
  mood: 4,
  emotions: ["sad"],
  tags: ["remote"],
  note: "First note",
};

describe("editing a rejection", () => {
  const edit = (answers: Answer[]) => {
    const fake = fakePrompts(inOrder(answers).respond);
    return { ...fake, result: editRejectionFlow(fake.prompts, saved, { show: () => undefined, now }) };
  };

  it("fills in the current values and keeps what is left alone", async () => {
    const { result, calls } = edit(["note", ENTER, "reasonGiven", "-", "tags", "-", "stage", "final", "save"]);
    const answers = await result;
    expect(answers).toMatchObject({ note: "First note", stage: "final", tags: [], company: "Acme", mood: 4 });
    expect(answers?.reasonGiven).toBeUndefined();
    expect(calls.find((call) => call.message.includes("Anything else"))?.config.default).toBe("First note");
    expect(calls.find((call) => call.message.includes("How far"))?.config.default).toBe("interview");
    expect(calls[0]!.message).toBe("What would you like to change?");
  });

  it("changes the date, refusing a future one", async () => {
    const { result, refused } = edit(["date", "next monday", "2026-11-02", "save"]);
    expect((await result)?.date).toBe("2026-11-02");
    expect(refused[0]).toContain("future");
  });

  it("asks the logged mood and feelings as they were then, not as they are now", async () => {
    const { result, calls } = edit(["mood", "5", "emotions", ["sad"], "save"]);
    expect(await result).toMatchObject({ mood: 5, emotions: ["sad"] });
    const mood = calls.find((call) => call.message.includes("1 is awful"))!;
    expect(mood.message).toMatch(/^How did you feel when you logged it\?/);
    const feelings = calls.find((call) => call.kind === "checkbox")!;
    expect(feelings.message).toMatch(/^Which of these words fit how you felt then\?/);
  });

  it("leaves the entry as it was on request", async () => {
    const { result } = edit(["mood", "9", "stop"]);
    expect(await result).toBeUndefined();
  });
});

describe("the win flow", () => {
  it("asks for what is missing, in order, with today as the default date", async () => {
    const fake = fakePrompts(
      inOrder(["interview", "Second interview at Globex", "Globex", ENTER, "good-news", ENTER, "save"]).respond,
    );
    const answers = await winFlow(fake.prompts, {}, { show: () => undefined, now });
    expect(answers).toEqual<WinFields>({
      winKind: "interview",
      title: "Second interview at Globex",
      company: "Globex",
      date: "2026-11-18",
      tags: ["good-news"],
      note: undefined,
    });
    expect(fake.calls.map((call) => call.message)[0]).toContain("What kind of win");
  });

  it("records 'something else' when Enter is pressed on the untouched kind, and says so", async () => {
    const fake = fakePrompts(inOrder([ENTER, "Sent three applications", ENTER, ENTER, ENTER, ENTER, ENTER]).respond);
    const answers = await winFlow(fake.prompts, {}, { show: () => undefined, now });
    expect(answers?.winKind).toBe("other");
    expect(fake.calls[0]!.message).toBe('What kind of win? Enter for "Something else"');
  });

  it("asks nothing the flags gave", async () => {
    const fake = fakePrompts(inOrder(["Finished the course", ENTER, "yesterday", ENTER, ENTER, "save"]).respond);
    const answers = await winFlow(fake.prompts, { winKind: "skill" }, { show: () => undefined, now });
    expect(answers).toMatchObject({ winKind: "skill", title: "Finished the course", date: "2026-11-17" });
    expect(fake.calls.some((call) => call.message.includes("What kind"))).toBe(false);
  });

  it("shows a summary of every answer and lets the person fix any field before saving", async () => {
    const fake = fakePrompts(
      inOrder([
        "interview", "Second interview at Globex", "Globex", "yesterday", ENTER, "Went well",
        "title", "Third interview at Globex", "company", "-", "save",
      ]).respond,
    ); // prettier-ignore
    const shown: string[] = [];
    const answers = await winFlow(fake.prompts, {}, { show: (text) => shown.push(text), now });
    expect(answers).toMatchObject({ winKind: "interview", title: "Third interview at Globex", date: "2026-11-17" });
    expect(answers?.company).toBeUndefined();
    const summaries = shown.filter((text) => text.includes("What happened"));
    expect(summaries).toHaveLength(3);
    for (const text of ["An interview secured", "Second interview at Globex", "Globex", "2026-11-17", "Went well"]) {
      expect(summaries[0]).toContain(text);
    }
    expect(summaries.at(-1)).toContain("Third interview at Globex");
    const review = fake.calls.filter((call) => call.message === "Does this look right?");
    expect(review).toHaveLength(3);
    expect(choiceValues(review[0]!)).toEqual(["save", "winKind", "title", "company", "date", "tags", "note", "stop"]);
    // Each fix re-asks the field with its current value as the default.
    expect(fake.calls.filter((call) => call.message.includes("what happened")).at(-1)!.config.default).toBe(
      "Second interview at Globex",
    );
  });

  it("saves nothing when the person chooses not to save, or presses Ctrl+C at the summary", async () => {
    const declined = fakePrompts(inOrder(["skill", "Finished the course", ENTER, ENTER, ENTER, ENTER, "stop"]).respond);
    expect(await winFlow(declined.prompts, {}, { show: () => undefined, now })).toBeUndefined();
    const stopped = fakePrompts(inOrder(["skill", "Finished the course", ENTER, ENTER, ENTER, ENTER, CTRL_C]).respond);
    await expect(winFlow(stopped.prompts, {}, { show: () => undefined, now })).rejects.toMatchObject({
      name: "ExitPromptError",
    });
  });

  it("edits a win with its current values as defaults", async () => {
    const current: WinFields = {
      winKind: "feedback",
      title: "Kind words",
      date: "2026-11-01",
      tags: [],
      company: "Acme",
    };
    const fake = fakePrompts(inOrder(["title", ENTER, "winKind", "interview", "save"]).respond);
    const answers = await editWinFlow(fake.prompts, current, { show: () => undefined, now });
    expect(answers).toMatchObject({ title: "Kind words", winKind: "interview", company: "Acme" });
    expect(fake.calls.find((call) => call.message.includes("what happened"))?.config.default).toBe("Kind words");
  });
});
