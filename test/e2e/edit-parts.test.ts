import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RejectionEntry } from "../../src/journal/entry.js";
import type { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { reflectedWithSteps, seedJournal } from "../helpers/journal-fixture.js";
import { KEY, PtySession } from "../helpers/pty.js";
import { storedJournal } from "../helpers/stored-journal.js";

let root: string;
let dataDir: string;
let store: JournalStore;

beforeEach(async () => {
  root = tempDir();
  dataDir = join(root, "home");
  store = await seedJournal(dataDir, [reflectedWithSteps()]);
});
afterEach(() => removeDir(root));
const saved = (): RejectionEntry => storedJournal(store.dir).entries[0] as RejectionEntry;

describe("edit on a terminal: the reflection", () => {
  it("offers the reflection as a part; one answer is changed, another cleared, then saved", async () => {
    const session = new PtySession(["edit", "aa000001"], { dataDir });
    await session.answer("Which part would you like to change?", KEY.down, true); // the reflection
    await session.waitFor("Which answer would you like to change?");
    expect(session.output).toMatch(/Which questions did you expect\? The usual ones/);
    expect(session.output).toMatch(/What did you ask them\? Two things/);
    session.type(KEY.enter); // the first answer
    await session.answer(/Which questions did you expect\?.*Enter keeps/, "Salary and notice period");
    session.clear();
    // "Save the changes" now comes first and is the default; the second answer is two down.
    await session.answer("Which answer would you like to change?", KEY.down.repeat(2), true);
    await session.answer(/What did you ask them\?.*- removes/, "-");
    session.clear();
    await session.answer("Which answer would you like to change?", "", true); // save
    expect(await session.exited()).toBe(0);
    expect(session.output).toContain("Updated aa000001: answer likely-questions, cleared your-questions.");
    expect(saved().reflection!.answers).toEqual([
      {
        questionId: "likely-questions",
        question: "Which questions did you expect?",
        answer: "Salary and notice period",
      },
    ]);
  });
});
