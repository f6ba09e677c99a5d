import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RejectionEntry } from "../../src/journal/entry.js";
import type { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { rejection } from "../helpers/fixtures.js";
import { seedJournal } from "../helpers/journal-fixture.js";
import { KEY, PtySession } from "../helpers/pty.js";
import { storedJournal } from "../helpers/stored-journal.js";

// Steps due far ahead, so the `next` numbers do not depend on today's date.
const reflected = (): RejectionEntry =>
  rejection({
    id: "aa000001",
    stage: "interview",
    ended: "rejected",
    reflection: {
      createdAt: "2026-11-03T10:00:00.000Z",
      mood: 5,
      answers: [
        { questionId: "likely-questions", question: "Which questions did you expect?", answer: "The usual ones" },
        { questionId: "your-questions", question: "What did you ask them?", answer: "Two things" },
      ],
      ratings: [],
      inControl: [],
      outOfControl: [],
    },
    checkins: [
      { at: "2026-11-10T12:00:00.000Z", mood: 4, note: "still low" },
      { at: "2026-11-20T12:00:00.000Z", mood: 6 },
    ],
    actions: [
      { id: "st000001", text: "Practice two stories", createdAt: "2026-11-03T10:00:00.000Z", due: "2099-01-10" },
      { id: "st000002", text: "Ask Sam for a referral", createdAt: "2026-11-03T10:00:00.000Z", due: "2099-01-20" },
    ],
  });

let root: string;
let dataDir: string;
let store: JournalStore;

beforeEach(async () => {
  root = tempDir();
  dataDir = join(root, "home");
  store = await seedJournal(dataDir, [reflected()]);
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
