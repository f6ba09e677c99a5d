import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { WinEntry } from "../../src/journal/entry.js";
import { CURRENT_VERSION } from "../../src/journal/migrations.js";
import type { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { rejection, win } from "../helpers/fixtures.js";
import { seedJournal } from "../helpers/journal-fixture.js";
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

const run = (...args: string[]) => runInProcess(args, { dataDir });
const winEntry = (): WinEntry => storedJournal(store.dir).entries.find((entry) => entry.id === "bb000002") as WinEntry;

describe("next steps on a win", () => {
  it("next add takes a win's id; next lists the step with the win's title; next done ticks it off", async () => {
    const added = await run("next", "add", "bb000002", "Prepare two stories", "--due", "2099-01-05");
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toMatch(/Added: Prepare two stories .* to win: First interview at Initech/);
    expect(winEntry().actions).toEqual([expect.objectContaining({ text: "Prepare two stories", due: "2099-01-05" })]);

    const listed = await run("next");
    expect(listed.stdout).toMatch(/1\. Prepare two stories .*\n\s+win: First interview at Initech · [0-9a-f]{8}/);
    const json = JSON.parse((await run("next", "--json")).stdout) as { entry: Record<string, string> }[];
    expect(json[0]!.entry).toEqual({ id: "bb000002", kind: "win", title: "First interview at Initech" });

    expect((await run("next", "done", "1")).code).toBe(0);
    expect(winEntry().actions[0]!.doneAt).toBeDefined();
  });

  it("show lists a win's steps with their ids", async () => {
    await run("next", "add", "bb000002", "Research the team");
    const id = winEntry().actions[0]!.id;
    expect((await run("show", "bb000002")).stdout).toMatch(
      new RegExp(`Actions\\n\\s+\\[ \\] Research the team · id ${id}`),
    );
  });

  it("a journal written before wins had steps reads its wins with none, and takes a step on them", async () => {
    const { actions: _none, ...older } = win({ id: "cc000003", title: "An older win" });
    writeFileSync(store.file, JSON.stringify({ version: CURRENT_VERSION, entries: [older] }));
    const read = storedJournal(store.dir).entries[0] as WinEntry;
    expect(read.actions).toEqual([]);
    expect((await run("next", "add", "cc000003", "Thank the panel")).code).toBe(0);
    expect((storedJournal(store.dir).entries[0] as WinEntry).actions.map((action) => action.text)).toEqual([
      "Thank the panel",
    ]);
  });
});
