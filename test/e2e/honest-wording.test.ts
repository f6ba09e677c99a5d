import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { rejection } from "../helpers/fixtures.js";
import { PtySession } from "../helpers/pty.js";
import { storedJournal } from "../helpers/stored-journal.js";

let dataDir: string;
const store = () => new JournalStore(dataDir);
const stored = (id: string) => storedJournal(store().dir).entries.find((entry) => entry.id === id)!;
beforeEach(() => (dataDir = tempDir()));
afterEach(() => removeDir(dataDir));

describe("feedback --received says where the feedback went, and how to finish typing it", () => {
  it("--received - on a terminal says how to finish, then saves what was typed", async () => {
    await store().update((journal) => {
      journal.entries.push(rejection({ id: "feed0002" }));
    });
    const session = new PtySession(["feedback", "feed0002", "--received", "-"], { dataDir });
    await session.waitFor("Type or paste their feedback, then press Ctrl+D on an empty line.");
    session.type("Good on design\r\u0004");
    expect(await session.exited()).toBe(0);
    expect(stored("feed0002")).toMatchObject({ feedback: [{ text: "Good on design" }] });
  });
});
