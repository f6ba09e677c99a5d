import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RejectionEntry } from "../../src/journal/entry.js";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { win } from "../helpers/fixtures.js";
import { KEY, PtySession } from "../helpers/pty.js";
import { storedJournal } from "../helpers/stored-journal.js";
import { EMOJI, hostile, RAW_BIDI_OR_ZERO_WIDTH, codeOf } from "../helpers/escape-samples.js";

/**
 * Stored text never drives the terminal, in any view: no escape sequence, no
 * C1 control, no bare carriage return, no bidi override or zero-width
 * character reaches the screen raw. Terminal views and Markdown show them
 * visibly; the data exports escape them in their own syntax and read back
 * exactly; the interactive edit shows them safely and keeps them on Enter.
 */

/**
 * Output as a terminal received it: the prompts' own colours and cursor moves
 * are there, but none of the stored sequences, C1 controls, bare CRs or bidi.
 */
function expectNoStoredSequence(raw: string): void {
  for (const sequence of ["\u001b[2J", "\u001b]", "\u0007", "shown\rhidden"]) {
    expect(raw, JSON.stringify(sequence)).not.toContain(sequence);
  }
  expect(codeOf(/[\u007f-\u009f]/.exec(raw))).toBeNull();
  expect(codeOf(RAW_BIDI_OR_ZERO_WIDTH.exec(raw.replaceAll(EMOJI, "")))).toBeNull();
}

let root: string;
let dataDir: string;
let rejectionId: string;
const run = (...args: string[]) => runInProcess(args, { dataDir });
const entries = () => storedJournal(dataDir).entries;

beforeAll(async () => {
  root = tempDir();
  dataDir = join(root, "home");
  const logged = await run(
    ...["log", "--company", hostile("Company"), "--role", hostile("Role"), "--stage", "interview"],
    ...["--ended", "rejected", "--mood", "4", "--reason-given", hostile("Reason"), "--tag", hostile("Tag")],
    ...["--note", hostile("Note")],
  );
  expect(logged.code, logged.stderr).toBe(0);
  rejectionId = entries()[0]!.id;
  const won = await run("win", "--kind", "skill", "--title", hostile("Title"), "--company", hostile("Co"));
  expect(won.code, won.stderr).toBe(0);
  const added = await run("next", "add", rejectionId, hostile("Step"), "--due", "2099-01-02");
  expect(added.code, added.stderr).toBe(0);
});
afterAll(() => removeDir(root));

describe("the interactive edit", () => {
  it("shows stored values safely; Enter and Tab-Enter keep them exactly; a typed value replaces one", async () => {
    const before = entries().find((entry) => entry.id === rejectionId) as RejectionEntry;
    const session = new PtySession(["edit", rejectionId], { dataDir });
    const change = (keys: string) => session.answer("What would you like to change?", keys, false);
    await change(KEY.enter); // the first field: company
    await session.answer("? Which company was it?", ""); // Enter keeps
    expect(session.output).toContain("(Company ^[[2J");
    session.clear();
    await change(KEY.down.repeat(11) + KEY.enter); // note
    await session.answer("? Anything else you want to remember", "");
    session.clear();
    await change(KEY.down.repeat(10) + KEY.enter); // tags
    await session.answer("? Any tags?", "\t", false); // Tab puts the shown form in for editing ...
    await session.waitFor(/Any tags\?.* Tag \^\[\[2J/);
    session.type(KEY.enter); // ... and Enter keeps it as stored
    session.clear();
    await change(KEY.down.repeat(2) + KEY.enter); // role
    await session.answer("? What was the role?", "Plain role");
    session.clear();
    await change(KEY.enter); // save the changes
    expect(await session.exited()).toBe(0);
    expect(session.output).toContain(`Updated ${rejectionId}: role.`);
    expectNoStoredSequence(session.rawOutput);
    const after = entries().find((entry) => entry.id === rejectionId) as RejectionEntry;
    expect(after).toMatchObject({
      company: before.company,
      note: before.note,
      tags: before.tags,
      reasonGiven: before.reasonGiven,
      role: "Plain role",
    });
  });

  it("a win: the title and company defaults are safe, and Enter changes nothing", async () => {
    const home = join(root, "pty-win");
    const stored = win({ id: "win00001", title: hostile("Title"), company: hostile("Co"), note: hostile("Note") });
    await new JournalStore(home).update((journal) => {
      journal.entries.push(stored);
    });
    const journal = join(home, "journal.json");
    const bytes = readFileSync(journal);
    const session = new PtySession(["edit", "win00001"], { dataDir: home });
    const change = (keys: string) => session.answer("What would you like to change?", keys, false);
    await change(KEY.down + KEY.enter); // title
    await session.answer("? In a few words, what happened?", "");
    expect(session.output).toContain("(Title ^[[2J");
    session.clear();
    await change(KEY.down.repeat(3) + KEY.enter); // company
    await session.answer("? Which company, if any?", "");
    session.clear();
    await change(KEY.down.repeat(6) + KEY.enter); // note
    await session.answer("? Anything to add?", "");
    session.clear();
    await change(KEY.enter); // save
    expect(await session.exited()).toBe(0);
    expect(session.output).toContain("Nothing changed.");
    expectNoStoredSequence(session.rawOutput);
    expect(readFileSync(journal).equals(bytes)).toBe(true);
    expect(storedJournal(home).entries).toEqual([stored]);
  });
});
