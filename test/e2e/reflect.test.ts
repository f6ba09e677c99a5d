import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addDays, toDay } from "../../src/journal/dates.js";
import type { Entry, RejectionEntry } from "../../src/journal/entry.js";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { rejection } from "../helpers/fixtures.js";
import { KEY, PtySession } from "../helpers/pty.js";
import { storedJournal } from "../helpers/stored-journal.js";
import { entriesWithSteps } from "../helpers/journal-fixture.js";

let dataDir: string;
beforeEach(() => {
  dataDir = tempDir();
});
afterEach(() => removeDir(dataDir));

const run = (args: string[], input?: string) => runInProcess(args, { dataDir, input });
const store = () => new JournalStore(dataDir);
const today = toDay(new Date());

async function seed(...entries: Entry[]): Promise<void> {
  await store().update((journal) => {
    journal.entries.push(...entries);
  });
}

const stored = (id: string): RejectionEntry =>
  storedJournal(store().dir).entries.find((entry) => entry.id === id) as RejectionEntry;

/** Answers a prompt once it is drawn and listening (see PtySession.answer), then forgets the screen. */
async function reply(session: PtySession, prompt: string | RegExp, keys: string): Promise<void> {
  await session.answer(prompt, keys);
  session.clear();
}

/** An $EDITOR that writes a fixed answer into the file it is given. */
function fakeEditor(text: string): string {
  const path = join(dataDir, "fake-editor.sh");
  writeFileSync(path, `#!/bin/sh\nprintf '%s\\n' '${text}' > "$1"\n`);
  chmodSync(path, 0o755);
  return path;
}

describe("reflect in a terminal", () => {
  it("walks through a whole reflection and saves it on the entry", async () => {
    const entry = rejection({
      id: "appl0001",
      company: "Globex",
      role: "Data Analyst",
      stage: "applied",
      reasons: ["skills"],
      mood: 3,
    });
    await seed(entry);
    const session = new PtySession(["reflect"], { dataDir, env: { EDITOR: fakeEditor("Written in the editor") } });
    await reply(session, "how are you feeling", "6");
    await reply(session, "Which would you like to think through", KEY.space + KEY.down + KEY.space);
    await reply(session, "? How many of the must-have requirements", "Most of them");
    await reply(session, "? What drew you to this particular role", "e");
    await reply(session, "Preparation and research (1-5)", "4");
    await reply(session, "CV and cover letter (1-5)", "");
    await reply(session, "actually in your hands", KEY.space);
    await reply(session, "keeps coming back", "This always happens to me, every single time");
    // The trap its words suggest comes first, marked, and Enter takes it.
    await session.waitFor(/Overgeneralizing\s+likely, from 'This always happens to me', 'every single time'/);
    await reply(session, "Pick the closest", "");
    await reply(session, "fair-minded friend", "One team said no to one application");
    // "Skip" comes first.
    await reply(session, "suit your values", KEY.down + KEY.down);
    await reply(session, "Anything to add about the fit", "");
    await reply(session, "would like to do again", "A tailored summary");
    await reply(session, "do differently next time", "Ask for a referral first");
    await reply(session, "A next step", "Email a former colleague");
    await reply(session, "By when?", "tomorrow");
    await reply(session, "Another", "");
    await reply(session, "Does this look right?", "");
    expect(await session.exited()).toBe(0);
    expect(session.output).toContain("Saved your reflection on Globex · Data Analyst");

    const saved = stored("appl0001");
    expect(saved.reflection).toMatchObject({
      mood: 6,
      answers: [
        { questionId: "fit-requirements", answer: "Most of them" },
        { questionId: "why-this-role", answer: "Written in the editor" },
      ],
      ratings: [{ step: "preparation", rating: 4 }],
      inControl: ["skills"],
      outOfControl: [],
      thought: {
        thought: "This always happens to me, every single time",
        trap: "overgeneralising",
        balanced: "One team said no to one application",
      },
      fit: "partly",
      wentWell: "A tailored summary",
      change: "Ask for a referral first",
    });
    expect(saved.actions).toMatchObject([{ text: "Email a former colleague", due: addDays(today, 1) }]);
  });

  it("shows a summary where an answer can be changed before saving, or nothing saved at all", async () => {
    await seed(
      rejection({ id: "appl0001", company: "Globex", stage: "applied", reasons: ["skills"] }),
      rejection({ id: "appl0002", company: "Hooli", stage: "applied", reasons: ["skills"] }),
    );
    const FLAGS = ["--mood", "6", "--in-control", "none", "--thought", "Nobody wants me", "--trap", "labelling"];
    const MORE = ["--balanced", "One no", "--fit", "yes", "--fit-note", "Near home", "--change", "Ask for a referral"];
    const RATED = ["--rate", "preparation=3", "--rate", "application=4"];
    const session = new PtySession(["reflect", "appl0001", ...FLAGS, ...MORE, ...RATED], { dataDir });
    await reply(session, "Which would you like to think through", "");
    await reply(session, "would like to do again", "A tailored sumary");
    await reply(session, "A next step", "");
    await session.waitFor("Does this look right?");
    expect(session.output).toMatch(/Went well +A tailored sumary/);
    expect(session.output).toMatch(/Thinking trap +Labeling/);
    await reply(session, "Does this look right?", KEY.down.repeat(7)); // Change: what went well
    await session.waitFor("would like to do again");
    expect(session.output).toContain("Enter keeps your answer, - removes it");
    await reply(session, "would like to do again", "A tailored summary");
    await session.waitFor("Does this look right?");
    expect(session.output).toMatch(/Went well +A tailored summary/);
    await reply(session, "Does this look right?", "");
    expect(await session.exited()).toBe(0);
    expect(stored("appl0001").reflection).toMatchObject({ mood: 6, wentWell: "A tailored summary", fit: "yes" });

    const before = readFileSync(store().file);
    const declined = new PtySession(["reflect", "appl0002", ...FLAGS, ...MORE, ...RATED], { dataDir });
    await reply(declined, "Which would you like to think through", "");
    await reply(declined, "would like to do again", "");
    await reply(declined, "A next step", "");
    await reply(declined, "Does this look right?", KEY.up); // Don't save it, the last choice
    expect(await declined.exited()).toBe(0);
    expect(declined.output).toContain("Your reflection was not saved.");
    expect(readFileSync(store().file).equals(before)).toBe(true);
  });

  it("Ctrl+C in the middle exits 130 and leaves the journal byte for byte as it was", async () => {
    await seed(
      rejection({ id: "newer001", company: "Initech", date: "2026-11-10" }),
      rejection({ id: "older001", company: "Hooli", date: "2026-11-01" }),
    );
    const before = readFileSync(store().file);
    const session = new PtySession(["reflect"], { dataDir });
    await session.waitFor("Which one would you like to reflect on?");
    expect(session.output).toContain("Initech");
    expect(session.output).toContain("Hooli");
    await reply(session, "Hooli", KEY.down);
    await reply(session, "how are you feeling", "4");
    await reply(session, "Which would you like to think through", KEY.space);
    await session.answer("? Did pay come up", "Half an answer", false);
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
    expect(session.output).toContain("Nothing was saved");
    expect(readFileSync(store().file).equals(before)).toBe(true);
  });

  it("reflecting again adds a check-in and keeps the first reflection", async () => {
    await seed(rejection({ id: "done0001", mood: 2 }));
    expect((await run(["reflect", "done0001", "--mood", "4", "--action", "Mock interview"])).code).toBe(0);
    const first = stored("done0001");
    const session = new PtySession(["reflect", "done0001"], { dataDir });
    await session.waitFor("Mood so far: 2 (logged) → 4 (reflection)");
    await reply(session, "how are you feeling", "7");
    await reply(session, "What has changed for you", "Two new interviews");
    await reply(session, "Have you done any of these", KEY.space);
    await reply(session, "A next step", "");
    await reply(session, "Does this look right?", "");
    expect(await session.exited()).toBe(0);
    const saved = stored("done0001");
    expect(saved.reflection).toEqual(first.reflection);
    expect(saved.checkins).toMatchObject([{ mood: 7, note: "Two new interviews" }]);
    expect(saved.actions[0]!.doneAt).toBeDefined();
  });
});

describe("next", () => {
  beforeEach(() => seed(...entriesWithSteps(today)));

  it("next done N in a terminal shows the steps still open with their new numbers", async () => {
    const session = new PtySession(["next", "done", "1"], { dataDir });
    expect(await session.exited()).toBe(0);
    expect(session.output).toContain("Done: Send thank-you note");
    expect(session.output).toContain("Still open, with their new numbers:");
    expect(session.output).toMatch(/1\. Mock interview/);
    expect(session.output).toMatch(/2\. Update LinkedIn/);
    // Piped, only the confirmation.
    expect((await run(["next", "done", "1"])).stdout).toBe("");
  });
});

describe("feedback", () => {
  beforeEach(async () => {
    await seed(rejection({ id: "feed0001", company: "Acme", role: "Backend Engineer" }));
  });

  it("offers once to keep the sign-off name typed in a terminal, and signs with it next time", async () => {
    const settings = () => join(dataDir, "settings.json");
    const declined = new PtySession(["feedback", "feed0001", "--kind", "reply", "--contact", "Sam"], { dataDir });
    await declined.answer("Your name for the sign-off", "Lee Park");
    await declined.answer("Save 'Lee Park' as your sign-off name for next time?", "n");
    expect(await declined.exited()).toBe(0);
    expect(existsSync(settings())).toBe(false);

    const kept = new PtySession(["feedback", "feed0001", "--kind", "reply"], { dataDir });
    await kept.answer("Your name for the sign-off", "Lee Park");
    await kept.answer("Save 'Lee Park' as your sign-off name for next time?", ""); // yes, the default
    expect(await kept.exited()).toBe(0);
    expect(JSON.parse(readFileSync(settings(), "utf8"))).toMatchObject({ name: "Lee Park" });

    const next = await run(["feedback", "feed0001", "--kind", "reply"]);
    expect(next.stdout.trimEnd().endsWith("Lee Park")).toBe(true);
    const again = new PtySession(["feedback", "feed0001", "--kind", "reply"], { dataDir });
    expect(await again.exited()).toBe(0);
    expect(again.output).not.toMatch(/sign-off name|Your name for/);
  });

  it("--received opens the editor in a terminal, and the feedback shows up when reflecting", async () => {
    const session = new PtySession(["feedback", "feed0001", "--received"], {
      dataDir,
      env: { EDITOR: fakeEditor("Good energy, needs sharper examples") },
    });
    await session.answer("What did Acme tell you", "");
    expect(await session.exited()).toBe(0);
    expect(stored("feed0001").feedback[0]!.text).toBe("Good energy, needs sharper examples");

    const reflect = new PtySession(["reflect", "feed0001"], { dataDir });
    await reflect.answer("how are you feeling", "5");
    await reflect.waitFor(/What they told you[\s\S]*Good energy, needs sharper examples/);
    reflect.type(KEY.ctrlC);
    expect(await reflect.exited()).toBe(130);
  });
});
