import stripAnsi from "strip-ansi";
import { describe, expect, it } from "vitest";
import type { EmailSuggestion } from "../../src/coach/email-fields.js";
import { logFlow, type LogFlowOptions } from "../../src/flows/log.js";
import type { RejectionFields } from "../../src/journal/make-entry.js";
import { checkedValues, CTRL_C, ENTER, fakePrompts, inOrder, type Answer } from "./fake-prompts.js";

const now = new Date(2026, 10, 18, 12, 0, 0);

const EMAIL = "Dear Sam, thank you for speaking with our team about the Data Analyst role at Globex...";

/** What a reader made of EMAIL: fixed here, so the flow is tested apart from the reading. */
const READ: EmailSuggestion = {
  fields: { company: "Globex", role: "Data Analyst", stage: "interview", ended: "rejected", reasons: ["competition"] },
  from: {
    stage: "speaking with our team",
    ended: "not to move forward",
    reasons: [{ value: "competition", from: "other candidates" }],
  },
};

function run(answers: Answer[], options: Partial<LogFlowOptions> = {}, given: Partial<RejectionFields> = {}) {
  const script = inOrder(answers);
  const fake = fakePrompts(script.respond);
  const shown: string[] = [];
  const read: string[] = [];
  const result = logFlow(fake.prompts, given, {
    show: (text) => shown.push(stripAnsi(text)),
    now,
    email: {
      read: (text) => {
        read.push(text);
        return READ;
      },
    },
    ...options,
  });
  return { ...fake, remaining: script.remaining, shown, read, result };
}

/** After the email: each question with Enter where the email answered it, the rest typed. */
const REST: Answer[] = [ENTER, ENTER, ENTER, ENTER, "yesterday", "", ENTER, "4", [], "", "", "save"];

describe("log with their email", () => {
  it("offers to paste it first, and asks each question with what it said as the default", async () => {
    const { result, calls, read, remaining, shown } = run(["paste", EMAIL, false, ...REST]);
    const answers = await result;
    expect(calls[0]!.kind).toBe("select");
    expect(calls[0]!.message).toContain("Do you have their email?");
    expect(calls[1]!.kind).toBe("paste");
    expect(read).toEqual([EMAIL]);
    expect(answers).toMatchObject({
      company: "Globex",
      role: "Data Analyst",
      stage: "interview",
      ended: "rejected",
      reasons: ["competition"],
      mood: 4,
    });
    expect(remaining()).toBe(0);
    const company = calls.find((call) => call.message.includes("Which company"))!;
    expect(company.config.default).toBe("Globex");
    const reasons = calls.find((call) => call.message.includes("played a part"))!;
    expect(checkedValues(reasons)).toEqual(["competition"]);
    // What it found, with the words each guess came from, before the questions.
    const findings = shown.find((text) => text.includes("From their email"))!;
    expect(findings).toContain("Interview");
    expect(findings).toContain("from their email: 'speaking with our team'");
  });

  it("shows a guess in the summary with its words, and drops the words once the person changes it", async () => {
    const kept = run(["paste", EMAIL, false, ...REST]);
    await kept.result;
    const summary = kept.shown.filter((text) => text.includes("Stage reached")).at(-1)!;
    expect(summary).toMatch(/Stage reached .*from their email: 'speaking with our team'/);
    expect(summary).toMatch(/Likely reasons .*from their email: 'other candidates'/);

    const changed = run(["paste", EMAIL, false, ENTER, ENTER, "final", ...REST.slice(3)]);
    expect(await changed.result).toMatchObject({ stage: "final" });
    const after = changed.shown.filter((text) => text.includes("Stage reached")).at(-1)!;
    expect(after).not.toMatch(/Stage reached .*from their email/);
  });

  it("keeps the email only when the person says so", async () => {
    const notKept = run(["paste", EMAIL, false, ...REST]);
    expect(await notKept.result).not.toHaveProperty("email");
    const kept = run(["paste", EMAIL, true, ...REST]);
    expect(await kept.result).toMatchObject({ email: EMAIL });
    const keepFlag = run(["paste", EMAIL, ...REST], { email: { read: () => READ, keep: true } });
    expect(await keepFlag.result).toMatchObject({ email: EMAIL });
    expect(keepFlag.calls.some((call) => call.message.includes("Keep a copy"))).toBe(false);
  });

  it("asks every question as usual when the person has no email, or pastes nothing", async () => {
    const none = run(["none", "Acme", "Dev", "applied", "rejected", "", "", [], "5", [], "", "", "save"]);
    const answers = await none.result;
    expect(answers).toMatchObject({ company: "Acme", stage: "applied" });
    expect(none.read).toEqual([]);
    expect(none.calls[1]!.message).toContain("Which company");
    expect(none.calls[1]!.config.default).toBeUndefined();

    const empty = run(["paste", "  \n ", "Acme", "Dev", "applied", "rejected", "", "", [], "5", [], "", "", "save"]);
    expect(await empty.result).toMatchObject({ company: "Acme" });
    expect(empty.read).toEqual([]);
  });

  it("reads an email given with --email without offering to paste one", async () => {
    const { calls, read, result } = run([false, ...REST], { email: { text: EMAIL, read: () => READ } });
    await result;
    expect(calls.some((call) => call.kind === "paste" || call.message.includes("Do you have their email"))).toBe(false);
    expect(calls[0]!.message).toContain("Keep a copy");
    expect(read).toEqual([]);
  });

  it("never asks again what the flags gave, and says nothing of it as missing", async () => {
    const partial: EmailSuggestion = { fields: { stage: "final" }, from: { stage: "final round" } };
    const { calls, shown, result } = run(
      ["paste", EMAIL, false, ENTER, "rejected", "", "", [], "4", [], "", "", "save"],
      { email: { read: () => partial, given: ["company", "role"] } },
      { company: "Initech", role: "Tester" },
    );
    expect(await result).toMatchObject({ company: "Initech", role: "Tester", stage: "final" });
    expect(calls.some((call) => call.message.includes("Which company"))).toBe(false);
    const findings = shown.find((text) => text.includes("From their email"))!;
    expect(findings).toContain("It did not say: how it ended, reason given, likely reasons.");
  });

  it("stops with nothing returned when Ctrl+C is pressed while pasting", async () => {
    const { result } = run(["paste", CTRL_C]);
    await expect(result).rejects.toThrow(expect.objectContaining({ name: "ExitPromptError" }));
  });
});

describe("a reason typed by hand", () => {
  it("ticks the likely reasons its words suggest, naming the words", async () => {
    const asked: string[] = [];
    const script = inOrder([
      "Acme",
      "Dev",
      "interview",
      "rejected",
      "",
      "They hired an internal candidate",
      ENTER,
      "5",
      [],
      "",
      "",
      "save",
    ]);
    const fake = fakePrompts(script.respond);
    const answers = await logFlow(
      fake.prompts,
      {},
      {
        show: () => undefined,
        now,
        likelyReasons: (text) => {
          asked.push(text);
          return [{ value: "internal", from: "internal candidate" }];
        },
      },
    );
    expect(asked).toEqual(["They hired an internal candidate"]);
    const reasons = fake.calls.find((call) => call.message.includes("played a part"))!;
    expect(checkedValues(reasons)).toEqual(["internal"]);
    const internal = (reasons.config.choices as { value: string; name: string }[]).find((c) => c.value === "internal")!;
    expect(stripAnsi(internal.name)).toContain("from 'internal candidate'");
    expect(answers).toMatchObject({ reasons: ["internal"] });
  });

  it("ticks nothing when no reason was typed", async () => {
    const script = inOrder(["Acme", "Dev", "interview", "rejected", "", "", ENTER, "5", [], "", "", "save"]);
    const fake = fakePrompts(script.respond);
    const answers = await logFlow(
      fake.prompts,
      {},
      { show: () => undefined, now, likelyReasons: () => [{ value: "skills", from: "x" }] },
    );
    expect(answers).toMatchObject({ reasons: [] });
  });
});
