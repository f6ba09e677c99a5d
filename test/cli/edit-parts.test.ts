import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Entry, RejectionEntry } from "../../src/journal/entry.js";
import type { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { rejection } from "../helpers/fixtures.js";
import { reflectedWithSteps, seedJournal } from "../helpers/journal-fixture.js";
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

const run = (...args: string[]) => runInProcess(args, { dataDir });
const saved = (): RejectionEntry => storedJournal(store.dir).entries[0] as RejectionEntry;
const bytes = () => readFileSync(store.file);

describe("next edit", () => {
  it("changes step 2's text and due date, found by its number in the list", async () => {
    const result = await run("next", "edit", "2", "--text", "Ask Sam about the referral", "--due", "2099-02-01");
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^Updated Ask Sam about the referral \(due .*2099.*\) · st000002/);
    expect(saved().actions[1]).toMatchObject({ id: "st000002", text: "Ask Sam about the referral", due: "2099-02-01" });
    expect(saved().actions[0]).toEqual(reflectedWithSteps().actions[0]);
  });

  it("removes a due date with --no-due, found by the start of the id", async () => {
    expect((await run("next", "edit", "st000001", "--no-due")).code).toBe(0);
    expect(saved().actions[0]).not.toHaveProperty("due");
    expect(saved().actions[0]!.text).toBe("Practice two stories");
  });

  it("prints the changed step as JSON", async () => {
    const result = await run("next", "edit", "1", "--text", "Practice three stories", "--json");
    expect(JSON.parse(result.stdout)).toMatchObject({ id: "st000001", text: "Practice three stories" });
  });

  it("refuses an edit with nothing to change, or a step that is not there, and changes nothing", async () => {
    const before = bytes();
    const nothing = await run("next", "edit", "1");
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/nothing to change: give --text TEXT, --due DATE or --no-due/);
    const missing = await run("next", "edit", "3", "--text", "x");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no next step number 3/);
    expect(bytes()).toEqual(before);
  });
});

describe("next remove", () => {
  it("removes one step with --yes and keeps the other", async () => {
    const result = await run("next", "remove", "1", "--yes");
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^Removed Practice two stories \(Acme · Backend Engineer\)/);
    expect(saved().actions.map((action) => action.id)).toEqual(["st000002"]);
  });

  it("does not remove without --yes when there is no terminal to ask in", async () => {
    const before = bytes();
    const result = await run("next", "remove", "st000002");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not removing next step st000002 without a confirmation; add --yes/);
    expect(bytes()).toEqual(before);
  });
});

describe("edit: check-ins", () => {
  it("changes check-in 2's mood and note, leaving check-in 1 as it was", async () => {
    const result = await run("edit", "aa000001", "--checkin", "2", "--mood", "8", "--note", "Slept on it");
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Updated aa000001: check-in 2 \(mood, note\)/);
    expect(saved().checkins).toEqual([
      reflectedWithSteps().checkins[0],
      { at: "2026-11-20T12:00:00.000Z", mood: 8, note: "Slept on it" },
    ]);
    // The entry's own mood and note are not touched.
    expect(saved().mood).toBe(reflectedWithSteps().mood);
    expect(saved()).not.toHaveProperty("note");
  });

  it("removes check-in 1", async () => {
    expect((await run("edit", "aa000001", "--remove-checkin", "1")).code).toBe(0);
    expect(saved().checkins).toEqual([reflectedWithSteps().checkins[1]]);
  });

  it("numbers the check-ins in show, as --checkin takes them", async () => {
    const shown = (await run("show", "aa000001")).stdout;
    expect(shown).toMatch(/1\. 2026-11-10 · mood 4\/10 · still low/);
    expect(shown).toMatch(/2\. 2026-11-20 · mood 6\/10/);
  });

  it("refuses a check-in that is not there, a check-in edit with other fields, and changes nothing", async () => {
    const before = bytes();
    const missing = await run("edit", "aa000001", "--checkin", "3", "--mood", "7");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/aa000001 has no check-in number 3 \(it has 1 to 2/);
    const mixed = await run("edit", "aa000001", "--checkin", "1", "--mood", "7", "--stage", "final");
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/--checkin changes a check-in's --mood and --note only/);
    const bare = await run("edit", "aa000001", "--checkin", "1");
    expect(bare.code).toBe(2);
    expect(bytes()).toEqual(before);
  });
});

describe("edit: reflection answers", () => {
  it("changes one answer, adds another for the stage and clears a third, in one write", async () => {
    const result = await run(
      "edit",
      "aa000001",
      "--answer",
      "likely-questions=Salary and notice period",
      "--answer",
      "shakiest-moment=The system design part",
      "--remove-answer",
      "your-questions",
      "--json",
    );
    expect(result.code).toBe(0);
    const answers = (JSON.parse(result.stdout) as RejectionEntry).reflection!.answers;
    expect(answers.map((answer) => [answer.questionId, answer.answer])).toEqual([
      ["likely-questions", "Salary and notice period"],
      ["shakiest-moment", "The system design part"],
    ]);
    // A question answered for the first time keeps the content's wording with the answer.
    expect(answers[1]!.question).toMatch(/\?$/);
    expect(saved().reflection!.answers).toEqual(answers);
  });

  it("clears an answer given an empty text", async () => {
    expect((await run("edit", "aa000001", "--answer", "your-questions=")).code).toBe(0);
    expect(saved().reflection!.answers.map((answer) => answer.questionId)).toEqual(["likely-questions"]);
  });

  it("refuses a question this reflection does not have, naming the ones it does, and changes nothing", async () => {
    const before = bytes();
    const result = await run("edit", "aa000001", "--answer", "no-such-question=hi");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /'no-such-question' is not a question of this reflection \(questions: likely-questions, your-questions,/,
    );
    expect(bytes()).toEqual(before);
  });

  it("refuses answers on a rejection with no reflection yet", async () => {
    const plain: Entry = rejection({ id: "bb000002" });
    await store.update((journal) => {
      journal.entries.push(plain);
    });
    const result = await run("edit", "bb000002", "--answer", "likely-questions=x");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bb000002 has no reflection yet; add one with 'rejection-coach reflect bb000002'/);
  });
});
