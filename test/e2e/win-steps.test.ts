import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { rejection, win } from "../helpers/fixtures.js";
import { seedJournal } from "../helpers/journal-fixture.js";
import { PtySession } from "../helpers/pty.js";
import { storedJournal } from "../helpers/stored-journal.js";

let root: string;
let dataDir: string;
let store: JournalStore;

beforeEach(async () => {
  root = tempDir();
  dataDir = join(root, "home");
  store = await seedJournal(dataDir, [
    rejection({ id: "aa000001", company: "Acme", role: "Backend Engineer" }),
    win({ id: "bb000002", winKind: "interview", title: "First interview at Initech" }),
  ]);
});
afterEach(() => removeDir(root));

describe("win on a terminal", () => {
  it("after an interview win is saved, offers a next step with a due date", async () => {
    const session = new PtySession(["win", "--kind", "interview"], { dataDir });
    await session.answer("what happened?", "Second interview at Globex");
    await session.answer("Which company", "");
    await session.answer("When was it?", "");
    await session.answer("Any tags?", "");
    await session.answer("Anything to add?", "");
    await session.answer("Does this look right?", "");
    await session.waitFor(/Saved [0-9a-f]{8}: Second interview at Globex/);
    await session.answer("Any next step? (e.g. prepare for the interview)", "Practice the system design question");
    await session.answer("By when?", "2099-02-01");
    expect(await session.exited()).toBe(0);
    expect(session.output).toContain("Added: Practice the system design question");
    const saved = storedJournal(store.dir).entries.find(
      (entry) => entry.kind === "win" && entry.title.startsWith("Second"),
    );
    expect(saved!.actions).toEqual([
      expect.objectContaining({ text: "Practice the system design question", due: "2099-02-01" }),
    ]);
  });

  it("Enter at the next-step question skips it", async () => {
    const session = new PtySession(["win", "--kind", "interview"], { dataDir });
    await session.answer("what happened?", "Third interview");
    for (const question of [
      "Which company",
      "When was it?",
      "Any tags?",
      "Anything to add?",
      "Does this look right?",
    ]) {
      await session.answer(question, "");
    }
    await session.answer("Any next step?", "");
    expect(await session.exited()).toBe(0);
    const saved = storedJournal(store.dir).entries.find(
      (entry) => entry.kind === "win" && entry.title === "Third interview",
    );
    expect(saved!.actions).toEqual([]);
    expect(session.output).not.toContain("By when?");
  });

  it("another kind of win is not asked for a next step", async () => {
    const session = new PtySession(["win", "--kind", "skill"], { dataDir });
    await session.answer("what happened?", "Finished the SQL course");
    for (const question of [
      "Which company",
      "When was it?",
      "Any tags?",
      "Anything to add?",
      "Does this look right?",
    ]) {
      await session.answer(question, "");
    }
    expect(await session.exited()).toBe(0);
    expect(session.output).toMatch(/Saved [0-9a-f]{8}: Finished the SQL course/);
    expect(session.output).not.toContain("Any next step?");
  });
});
