import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Entry, RejectionEntry } from "../../src/journal/entry.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { EMAIL_OFFER, KEY, NO_EMAIL, PtySession } from "../helpers/pty.js";

let dataDir: string;
beforeEach(() => (dataDir = tempDir()));
afterEach(() => removeDir(dataDir));

const run = (args: string[], input?: string) => runInProcess(args, { dataDir, input });
const journalFile = () => join(dataDir, "journal.json");
const entries = (): Entry[] => (JSON.parse(readFileSync(journalFile(), "utf8")) as { entries: Entry[] }).entries;
const REQUIRED = ["--company", "Acme", "--role", "Backend Engineer", "--stage", "interview", "--ended", "rejected"];
const logByFlags = (...extra: string[]) => run(["log", ...REQUIRED, "--mood", "4", ...extra]);
const idFromJson = (stdout: string) => (JSON.parse(stdout) as Entry).id;

describe("log in a terminal", () => {
  it("takes a whole log typed at the prompts and saves it to the journal", async () => {
    const session = new PtySession(["log"], { dataDir });
    await session.answer(EMAIL_OFFER, NO_EMAIL);
    await session.answer("Which company was it?", "Globex");
    await session.answer("What was the role?", "Data Analyst");
    await session.answer("How far did it get?", KEY.down.repeat(4)); // final round
    await session.answer("How did it end?", ""); // they said no
    await session.answer("When did you hear?", "yesterday");
    await session.answer("Did they give a reason?", "We went with someone more senior");
    // The reason they gave already ticks "someone else was a closer match": Enter keeps it.
    await session.answer("ticked from their words", "");
    await session.answer("How are you feeling about it right now?", "2");
    await session.answer("That sounds like a hard day", KEY.space + KEY.down.repeat(2) + KEY.space); // disappointed, sad
    await session.answer("Any tags?", "analytics, remote");
    await session.answer("Anything else you want to remember", "The panel was kind.");
    await session.waitFor("Does this look right?");
    expect(session.output).toContain("Globex");
    expect(session.output).toContain("2 of 10");
    session.type(KEY.enter);
    await session.answer("Would you like to reflect on it now?", ""); // later, the default
    expect(await session.exited()).toBe(0);

    const [entry] = entries() as RejectionEntry[];
    const yesterday = new Date();
    yesterday.setDate(yesterday.getDate() - 1);
    expect(entry).toMatchObject({
      kind: "rejection",
      company: "Globex",
      role: "Data Analyst",
      stage: "final",
      ended: "rejected",
      reasonGiven: "We went with someone more senior",
      reasons: ["competition"],
      mood: 2,
      emotions: ["disappointed", "sad"],
      tags: ["analytics", "remote"],
      note: "The panel was kind.",
    });
    expect(entry!.date).toBe(
      `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, "0")}-${String(yesterday.getDate()).padStart(2, "0")}`,
    );
    expect(session.output).toContain(`Saved ${entry!.id}`);
    expect(session.output).toContain("Try:");
    expect(session.output).toContain(`rejection-coach reflect ${entry!.id}`);
  });

  it("refuses a future date at the prompt and asks again", async () => {
    const session = new PtySession(["log", ...REQUIRED], { dataDir });
    await session.answer("When did you hear?", "next friday");
    await session.waitFor("is in the future");
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
  });

  it("asks only for what the flags did not give", async () => {
    const session = new PtySession(["log", ...REQUIRED], { dataDir });
    await session.waitFor("When did you hear?");
    expect(session.output).not.toContain("Which company");
    expect(session.output).not.toContain("How far did it get");
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
  });

  it("offers to reflect straight away and starts the reflection when asked", async () => {
    const session = new PtySession(["log", ...REQUIRED, "--date", "yesterday", "--reason", "skills"], { dataDir });
    await session.answer("Did they give a reason?", "");
    await session.answer("How are you feeling about it right now?", "6");
    await session.answer("Which of these words fit", "");
    await session.answer("Any tags?", "");
    await session.answer("Anything else you want to remember", "");
    await session.answer("Does this look right?", "");
    await session.answer("Would you like to reflect on it now?", "y");
    // Reflecting the day it was logged: no "now that a little time has passed".
    await session.waitFor("How are you feeling about this one at the moment");
    expect(session.output).not.toContain("time has passed");
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
    expect(session.output).toMatch(/Your rejection is saved as [0-9a-f]{8}; the reflection was not saved/);
    const [entry] = entries() as RejectionEntry[];
    expect(entry!.company).toBe("Acme");
    expect(entry!.reflection).toBeUndefined();
  });

  it("saves without a single question when every required flag is given", async () => {
    const session = new PtySession(["log", ...REQUIRED, "--mood", "6"], { dataDir });
    expect(await session.exited()).toBe(0);
    expect(session.output).not.toContain("When did you hear");
    expect(session.output).not.toContain("Does this look right");
    expect(session.output).toContain("Try:");
    expect(entries()).toHaveLength(1);
  });

  it("Ctrl+C at a prompt saves nothing: exit 130 and the journal byte for byte as it was", async () => {
    expect((await logByFlags("--note", "an earlier one")).code).toBe(0);
    const before = readFileSync(journalFile());

    const atStage = new PtySession(["log"], { dataDir });
    await atStage.answer(EMAIL_OFFER, NO_EMAIL);
    await atStage.answer("Which company was it?", "Globex");
    await atStage.answer("What was the role?", "Analyst");
    await atStage.waitFor("How far did it get?");
    atStage.type(KEY.ctrlC);
    expect(await atStage.exited()).toBe(130);
    expect(atStage.output).toContain("Stopped. Nothing was saved.");
    expect(readFileSync(journalFile()).equals(before)).toBe(true);

    // At the very last step, with every answer given, too.
    const atReview = new PtySession(["log", ...REQUIRED, "--date", "today", "--reason-given", "", "--reason", "unknown", "--emotion", "sad", "--tag", "x", "--note", "n"], { dataDir }); // prettier-ignore
    await atReview.answer("How are you feeling", "5");
    await atReview.waitFor("Does this look right?");
    atReview.type(KEY.ctrlC);
    expect(await atReview.exited()).toBe(130);
    expect(readFileSync(journalFile()).equals(before)).toBe(true);
  });

  it("names a rejection logged already for that company, role and day, and does not save it twice by Enter", async () => {
    const first = idFromJson((await logByFlags("--json")).stdout);
    const before = readFileSync(journalFile());
    const session = new PtySession(["log", ...REQUIRED], { dataDir });
    await session.answer("When did you hear?", "");
    await session.answer("Did they give a reason?", "");
    await session.answer("played a part", "");
    await session.answer("How are you feeling about it right now?", "5");
    await session.answer("Which of these words fit", "");
    await session.answer("Any tags?", "");
    await session.answer("Anything else you want to remember", "");
    await session.answer("Does this look right?", "");
    await session.waitFor("Save it anyway?");
    expect(session.output).toContain(`You already logged Backend Engineer at Acme on `);
    expect(session.output).toContain(`(id ${first})`);
    await session.answer("Save it anyway?", ""); // no, the default: back to the summary
    session.clear();
    await session.answer("Does this look right?", KEY.up); // Don't save it
    expect(await session.exited()).toBe(0);
    expect(session.output).toContain("Nothing was saved.");
    expect(readFileSync(journalFile()).equals(before)).toBe(true);
  });

  it("Ctrl+C on a first log leaves no journal file behind", async () => {
    const session = new PtySession(["log"], { dataDir });
    await session.answer(EMAIL_OFFER, NO_EMAIL);
    await session.waitForPrompt("Which company was it?");
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
    expect(existsSync(journalFile())).toBe(false);
  });

  it("reports a broken content folder before the first question and saves nothing", async () => {
    const own = join(dataDir, "own-content");
    mkdirSync(own);
    writeFileSync(join(own, "strategies.yaml"), "strategies:\n  - id: x\n    title: [oops\n");
    const session = new PtySession(["--content", own, "log", ...REQUIRED, "--date", "today", "--reason-given", "", "--reason", "unknown", "--emotion", "sad", "--tag", "x", "--note", "n"], { dataDir }); // prettier-ignore
    expect(await session.exited()).toBe(1);
    expect(session.output).toMatch(/strategies\.yaml:\d+:\d+: invalid YAML/);
    expect(session.output).not.toContain("How are you feeling");
    expect(existsSync(journalFile())).toBe(false);
  });

  it("stops before the first question when the journal cannot be read, and leaves it alone", async () => {
    writeFileSync(journalFile(), "{ not json");
    const session = new PtySession(["log"], { dataDir });
    expect(await session.exited()).toBe(1);
    expect(session.output).toContain("journal.json");
    expect(session.output).not.toContain("Which company");
    expect(readFileSync(journalFile(), "utf8")).toBe("{ not json");
  });
});

describe("win", () => {
  it("asks in a terminal and saves the answers", async () => {
    const session = new PtySession(["win"], { dataDir });
    await session.answer("What kind of win?", KEY.up.repeat(2)); // from "something else" up to an application sent
    await session.answer("what happened?", "Sent three applications");
    await session.answer("Which company", "");
    await session.answer("When was it?", "");
    await session.answer("Any tags?", "");
    await session.answer("Anything to add?", "");
    await session.waitFor("Does this look right?");
    expect(session.output).toMatch(/What happened +Sent three applications/);
    session.type(KEY.enter);
    expect(await session.exited()).toBe(0);
    expect(entries()[0]).toMatchObject({ kind: "win", winKind: "application", title: "Sent three applications" });
    expect(session.output).toContain("An application sent.");
  });

  it("shows a summary where an answer can be fixed before saving, or nothing saved at all", async () => {
    const session = new PtySession(["win", "--kind", "skill", "--date", "today", "--tag", "sql"], { dataDir });
    await session.answer("what happened?", "Finished the SQL corse");
    await session.answer("Which company", "");
    await session.answer("Anything to add?", "");
    await session.waitFor("Does this look right?");
    expect(session.output).toMatch(/What happened +Finished the SQL corse/);
    await session.answer("Does this look right?", KEY.down.repeat(2)); // Change: what happened
    session.clear();
    await session.answer("what happened?", "Finished the SQL course");
    session.clear();
    await session.waitFor("Does this look right?");
    expect(session.output).toMatch(/What happened +Finished the SQL course/);
    await session.answer("Does this look right?", "");
    expect(await session.exited()).toBe(0);
    expect(entries()).toMatchObject([{ kind: "win", winKind: "skill", title: "Finished the SQL course" }]);

    const declined = new PtySession(["win", "--kind", "skill", "--date", "today", "--tag", "sql"], { dataDir });
    await declined.answer("what happened?", "Another");
    await declined.answer("Which company", "");
    await declined.answer("Anything to add?", "");
    await declined.answer("Does this look right?", KEY.up); // Don't save it, the last choice
    expect(await declined.exited()).toBe(0);
    expect(declined.output).toContain("Nothing was saved.");
    expect(entries()).toHaveLength(1);
  });
});

describe("edit", () => {
  const saveOne = async () =>
    idFromJson((await logByFlags("--json", "--note", "first note", "--emotion", "sad")).stdout);

  it("asks in a terminal with the current values filled in", async () => {
    const id = await saveOne();
    const session = new PtySession(["edit", id], { dataDir });
    await session.waitFor("What would you like to change?");
    expect(session.output).toContain("first note");
    session.type(KEY.down.repeat(7) + KEY.enter); // mood
    await session.answer(/How did you feel when you logged it\?.*\(4\)/, "8");
    session.clear();
    await session.waitFor("What would you like to change?");
    expect(session.output).toContain("8 of 10");
    session.type(KEY.enter); // save the changes
    expect(await session.exited()).toBe(0);
    expect(session.output).toContain(`Updated ${id}: mood`);
    expect(entries()[0]).toMatchObject({ id, mood: 8, note: "first note" });
  });

  it("Ctrl+C while editing leaves the journal as it was", async () => {
    const id = await saveOne();
    const before = readFileSync(journalFile());
    const session = new PtySession(["edit", id], { dataDir });
    await session.waitFor("What would you like to change?");
    session.type(KEY.enter);
    await session.answer("Which company", "Changed Co");
    session.clear();
    await session.waitFor("What would you like to change?");
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
    expect(readFileSync(journalFile()).equals(before)).toBe(true);
  });
});
