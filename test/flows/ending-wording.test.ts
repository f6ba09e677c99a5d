import stripAnsi from "strip-ansi";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emptyAnswers, reflectionScope } from "../../src/coach/reflection.js";
import { fitWording } from "../../src/coach/wording.js";
import { loadContent } from "../../src/content/load.js";
import { receivedFlow } from "../../src/flows/feedback.js";
import { checkinFlow } from "../../src/flows/checkin.js";
import { reflectFlow } from "../../src/flows/reflect.js";
import { ENDINGS } from "../../src/journal/vocabulary.js";
import { rejection } from "../helpers/fixtures.js";
import { reflected } from "../helpers/stats-journal.js";
import { byMessage, fakePrompts } from "./fake-prompts.js";

const content = loadContent();
const now = new Date(2026, 10, 24, 12);
/** Words that call this process's ending a no, which a silence or a closed role is not. */
const CALLED_A_NO = /ending was a no|one no\b/i;

describe("thinking traps and reframes fit every ending", () => {
  it.each(ENDINGS)("picking 'all or nothing' after '%s' is answered without calling it a no", async (ended) => {
    const { prompts, calls } = fakePrompts(
      byMessage([
        [/how are you feeling/i, "5"],
        [/keeps coming back/i, "The whole thing was a waste of time"],
        [/thinking traps/i, "all-or-nothing"],
      ]),
    );
    const said: string[] = [];
    const entry = rejection({ stage: "final", ended });
    await reflectFlow({
      prompts,
      entry,
      content: content.reflection,
      scope: reflectionScope(content.reflection, entry),
      preset: emptyAnswers(),
      now,
      say: (t) => said.push(t),
    });
    const trapCall = calls.find((call) => JSON.stringify(call.config).includes("all-or-nothing"));
    expect(trapCall, "the trap question was asked").toBeDefined();
    const shown = stripAnsi([...said, ...calls.map((call) => JSON.stringify(call.config))].join("\n"));
    expect(shown).toContain("even though it did not end in an offer");
    expect(shown).not.toMatch(CALLED_A_NO);
  });

  it("the progress reframe does not call a ghosting or a closed role a no", () => {
    const card = content.strategies.find((strategy) => strategy.id === "small-victories")!;
    for (const ended of ENDINGS) {
      const worded = fitWording(card, { stage: "final", ended, age: 0 });
      expect([worded.summary, worded.why, ...worded.try].join(" ")).not.toMatch(CALLED_A_NO);
    }
  });
});

describe("without a UTF-8 locale, the flows' own marks are ASCII", () => {
  const NOT_ASCII = /[^\x00-\x7f]/;
  const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_CTYPE: process.env.LC_CTYPE };
  beforeEach(() => Object.assign(process.env, { LANG: "C", LC_ALL: "C", LC_CTYPE: "C" }));
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("a check-in's mood trail and the editor's message", async () => {
    const { prompts } = fakePrompts(
      byMessage([
        [/how are you feeling/i, "7"],
        // Every other question skipped; the summary ("Does this look right?") takes Enter: save.
        [/^(?!.*(how are you feeling|look right))/i, ""],
      ]),
    );
    const said: string[] = [];
    const entry = rejection({ company: "Acme", role: "Designer", mood: 3, reflection: reflected("2026-11-20", 5) });
    await checkinFlow({
      prompts,
      entry,
      content: content.reflection,
      preset: emptyAnswers(),
      now,
      say: (t) => said.push(t),
    });
    const trail = stripAnsi(said.join("\n"));
    expect(trail).toMatch(/Mood so far: 3 \(.*\) -> 5/);
    expect(trail).not.toMatch(NOT_ASCII);

    const editor = fakePrompts(
      byMessage([
        [/tell you/i, "e"],
        [/./, "Clear on design"],
      ]),
    );
    await receivedFlow(editor.prompts, "Acme", () => {});
    const messages = editor.calls.map((call) => stripAnsi(JSON.stringify(call.config)));
    expect(messages.join("\n")).toContain("Opening your editor...");
    expect(messages.join("\n")).not.toMatch(NOT_ASCII);
  });
});
