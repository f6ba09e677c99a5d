import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Entry, RejectionEntry } from "../../src/journal/entry.js";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { rejection } from "../helpers/fixtures.js";
import { KEY, PtySession } from "../helpers/pty.js";
import { storedJournal } from "../helpers/stored-journal.js";

// Answers in a real terminal say only what the person chose: an untouched Enter
// records nothing, and choices that rule each other out are refused together.

let dataDir: string;
beforeEach(() => {
  dataDir = tempDir();
});
afterEach(() => removeDir(dataDir));

const store = () => new JournalStore(dataDir);

async function seed(...entries: Entry[]): Promise<void> {
  await store().update((journal) => {
    journal.entries.push(...entries);
  });
}

const entries = (): RejectionEntry[] => storedJournal(store().dir).entries as RejectionEntry[];

/** Answers a prompt once it is drawn and listening (see PtySession.answer), then forgets the screen. */
async function reply(session: PtySession, prompt: string | RegExp, keys: string, enter = true): Promise<void> {
  await session.answer(prompt, keys, enter);
  session.clear();
}

describe("reflect in a terminal", () => {
  it("saves no fit and no thinking trap when Enter is pressed on those untouched questions", async () => {
    await seed(rejection({ id: "honest01", company: "Globex", stage: "applied", reasons: ["skills"], mood: 4 }));
    const session = new PtySession(["reflect", "honest01"], { dataDir });
    await reply(session, "how are you feeling", "6");
    await reply(session, "Which would you like to think through", "");
    await reply(session, "Preparation and research (1-5)", "");
    await reply(session, "CV and cover letter (1-5)", "");
    await reply(session, "actually in your hands", "");
    // A thought with no trap in its words: the list starts on "None of these fits".
    await reply(session, "keeps coming back", "I had a long week");
    await reply(session, "Pick the closest", "");
    await reply(session, "fair-minded friend", "");
    await reply(session, "suit your values", "");
    await reply(session, "would like to do again", "");
    await reply(session, "do differently next time", "");
    await reply(session, "A next step", "");
    await reply(session, "Does this look right?", "");
    expect(await session.exited()).toBe(0);
    const { reflection } = entries()[0]!;
    expect(reflection).toBeDefined();
    expect(reflection!.fit).toBeUndefined();
    expect(reflection!.thought).toEqual({ thought: "I had a long week" });
  });

  it("refuses 'None of them' ticked with a reason, then saves the answer once one is unticked", async () => {
    await seed(rejection({ id: "honest02", stage: "applied", reasons: ["skills"], mood: 4 }));
    const session = new PtySession(["reflect", "honest02"], { dataDir });
    await reply(session, "how are you feeling", "6");
    await reply(session, "Which would you like to think through", "");
    await reply(session, "Preparation and research (1-5)", "");
    await reply(session, "CV and cover letter (1-5)", "");
    // Tick the reason, then "None of them" below it, and try to go on.
    await reply(session, "actually in your hands", KEY.space + KEY.down + KEY.space);
    await session.waitFor("'None of them' can't go with other choices; untick one");
    // Untick "None of them" (the cursor is still on it).
    session.type(KEY.space + KEY.enter);
    session.clear();
    await reply(session, "keeps coming back", "");
    await reply(session, "suit your values", "");
    await reply(session, "would like to do again", "");
    await reply(session, "do differently next time", "");
    await reply(session, "A next step", "");
    await reply(session, "Does this look right?", "");
    expect(await session.exited()).toBe(0);
    expect(entries()[0]!.reflection).toMatchObject({ inControl: ["skills"] });
  });
});

describe("log in a terminal", () => {
  const LOG = ["log", "--company", "Acme", "--role", "Dev", "--stage", "interview", "--ended", "rejected"];
  const GIVEN = ["--date", "yesterday", "--reason-given", "Went with another person", "--tag", "x", "--note", "n"];

  it("does not offer a canceled role after a no, and refuses select-all with 'I don't know'", async () => {
    const session = new PtySession([...LOG, ...GIVEN], { dataDir });
    await session.waitFor("played a part");
    expect(session.output).toContain("How an interview went");
    expect(session.output).not.toContain("The role was canceled or put on hold");
    // a ticks every reason offered, "I don't know" included.
    await reply(session, "played a part", "a");
    await session.waitFor("'I don't know' can't go with other choices; untick one");
    // a again unticks them all; then the first reason alone.
    session.type("a" + KEY.space + KEY.enter);
    session.clear();
    await reply(session, "1 is awful", "5");
    await reply(session, "Which of these words fit", "");
    await reply(session, "Does this look right?", "");
    await reply(session, "reflect on it now?", "");
    expect(await session.exited()).toBe(0);
    expect(entries()[0]).toMatchObject({ ended: "rejected", reasons: ["skills"] });
  });

  it("says how to finish a note read from the terminal with --note -", async () => {
    const session = new PtySession([...LOG, "--mood", "5", "--note", "-"], { dataDir });
    await session.waitFor("Type the note, then press Ctrl+D on an empty line.");
    session.type("Liked the team\r\u0004");
    expect(await session.exited()).toBe(0);
    expect(entries()[0]).toMatchObject({ note: "Liked the team" });
  });
});
