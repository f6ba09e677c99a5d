import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addDays, toDay } from "../../src/journal/dates.js";
import type { Entry, RejectionEntry } from "../../src/journal/entry.js";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { rejection, win } from "../helpers/fixtures.js";
import { KEY, PtySession } from "../helpers/pty.js";

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
  store()
    .read()
    .entries.find((entry) => entry.id === id) as RejectionEntry;

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
    await reply(session, "keeps coming back", "Nobody wants me");
    // "None of these fits" comes first.
    await reply(session, "Pick the closest", KEY.down + KEY.down);
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
        thought: "Nobody wants me",
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

describe("reflect without a terminal", () => {
  it("saves a reflection from flags and prints it with --json", async () => {
    await seed(rejection({ id: "flag0001", stage: "interview", reasons: ["interview", "competition"] }));
    const result = await run([
      "reflect",
      "flag0001",
      "--mood",
      "5",
      "--answer",
      "your-questions=Generic ones, sadly",
      "--rate",
      "interview=2",
      "--rate",
      "preparation=4",
      "--in-control",
      "interview",
      "--thought",
      "I blew it",
      "--trap",
      "all-or-nothing",
      "--balanced",
      "One answer was weak; the rest were fine",
      "--fit",
      "yes",
      "--went-well",
      "Research",
      "--change",
      "Prepare questions",
      "--action",
      "Write five questions for the next one",
      "--due",
      "in 3 days",
      "--action",
      "Rest",
      "--json",
    ]);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { entry: string; reflection: unknown; actions: unknown[] };
    const saved = stored("flag0001");
    expect(printed.reflection).toEqual(saved.reflection);
    expect(saved.reflection).toMatchObject({
      mood: 5,
      answers: [{ questionId: "your-questions", answer: "Generic ones, sadly" }],
      ratings: [
        { step: "preparation", rating: 4 },
        { step: "interview", rating: 2 },
      ],
      inControl: ["interview"],
      outOfControl: ["competition"],
      thought: { trap: "all-or-nothing" },
    });
    expect(saved.actions).toMatchObject([
      { text: "Write five questions for the next one", due: addDays(today, 3) },
      { text: "Rest" },
    ]);
    expect(saved.actions[1]!.due).toBeUndefined();
  });

  it("--trap accepts the -ize spelling of an -ise id", async () => {
    await seed(rejection({ id: "trap0001" }));
    const result = await run([
      "reflect",
      "trap0001",
      "--mood",
      "5",
      "--thought",
      "Nobody hires me",
      "--trap",
      "overgeneralizing",
    ]);
    expect(result.code).toBe(0);
    expect(stored("trap0001").reflection).toMatchObject({ thought: { trap: "overgeneralising" } });
    expect((await run(["reflect", "--help"])).stdout).not.toMatch(/overgeneralising|labelling/);
  });

  it("without an id takes the most recent rejection that has no reflection", async () => {
    await seed(
      rejection({ id: "recent01", date: "2026-11-10" }),
      rejection({ id: "older001", date: "2026-11-01" }),
      win(),
    );
    const result = await run(["reflect", "--mood", "6"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("recent01");
    expect(stored("recent01").reflection?.mood).toBe(6);
    expect(stored("older001").reflection).toBeUndefined();
  });

  it("says kindly when there is nothing to reflect on, and exits 0 without writing", async () => {
    const result = await run(["reflect"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Nothing to reflect on yet");
    expect(result.stdout).toBe("");
    expect(existsSync(store().file)).toBe(false);
  });

  it("adds a check-in from flags once reflected", async () => {
    await seed(
      rejection({
        id: "again001",
        actions: [{ id: "step0001", text: "Mock interview", createdAt: "2026-11-10T10:00:00.000Z" }],
      }),
    );
    expect((await run(["reflect", "again001", "--mood", "4"])).code).toBe(0);
    const result = await run([
      "reflect",
      "again001",
      "--mood",
      "8",
      "--note",
      "Much better",
      "--done",
      "step0001",
      "--json",
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ checkin: { mood: 8, note: "Much better" }, done: ["step0001"] });
    const saved = stored("again001");
    expect(saved.reflection?.mood).toBe(4);
    expect(saved.checkins).toHaveLength(1);
    expect(saved.actions[0]!.doneAt).toBeDefined();
  });

  it.each([
    [["reflect", "nope0000", "--mood", "5"], 1, "no entry with id 'nope0000'"],
    [["reflect", "bad00001"], 2, "missing --mood"],
    [["reflect", "bad00001", "--mood", "0"], 2, "from 1 to 10"],
    [["reflect", "bad00001", "--mood", "5", "--rate", "interview=6"], 2, "from 1 to 5"],
    [["reflect", "bad00001", "--mood", "5", "--rate", "interview"], 2, "--rate ID=VALUE"],
    [["reflect", "bad00001", "--mood", "5", "--rate", "final=3"], 2, "steps: preparation"],
    [["reflect", "bad00001", "--mood", "5", "--answer", "first-glance=x"], 2, "not a question for the interview stage"],
    [["reflect", "bad00001", "--mood", "5", "--thought", "x", "--trap", "gloom"], 2, "traps: personalizing"],
    [["reflect", "bad00001", "--mood", "5", "--trap", "labelling"], 2, "go with a --thought"],
    [["reflect", "bad00001", "--mood", "5", "--in-control", "luck"], 2, "not a reason"],
    [["reflect", "bad00001", "--mood", "5", "--fit", "maybe"], 2, "yes, partly, no, unsure"],
    [["reflect", "bad00001", "--mood", "5", "--due", "friday"], 2, "after the --action"],
    [["reflect", "bad00001", "--mood", "5", "--action", "x", "--due", "last monday"], 2, "in the past"],
    [["reflect", "bad00001", "--mood", "5", "--note", "x"], 2, "--note is for a check-in"],
  ])("%j exits %i naming the problem, and writes nothing", async (args, code, message) => {
    await seed(rejection({ id: "bad00001", stage: "interview" }));
    const before = readFileSync(store().file);
    const result = await run(args as string[]);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message as string);
    expect(result.stdout).toBe("");
    expect(readFileSync(store().file).equals(before)).toBe(true);
  });
});

describe("next", () => {
  const action = (id: string, text: string, due?: string) => ({
    id,
    text,
    createdAt: "2026-11-01T10:00:00.000Z",
    ...(due ? { due } : {}),
  });

  beforeEach(async () => {
    await seed(
      rejection({
        id: "acme0001",
        company: "Acme",
        role: "Backend Engineer",
        actions: [action("undated1", "Update LinkedIn"), action("later001", "Mock interview", addDays(today, 10))],
      }),
      rejection({
        id: "globex01",
        company: "Globex",
        role: "Data Analyst",
        actions: [
          action("late0001", "Send thank-you note", addDays(today, -2)),
          { ...action("gone0001", "Already done"), doneAt: "2026-11-02T10:00:00.000Z" },
        ],
      }),
    );
  });

  it("lists open steps soonest first, overdue marked, with company and role", async () => {
    const result = await run(["next"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^1\. Send thank-you note\s+was due \w{3} \d{1,2} \w{3}/);
    expect(result.stdout).not.toContain("overdue by");
    expect(lines[1]).toContain("Globex · Data Analyst · late0001");
    expect(lines[2]).toMatch(/^2\. Mock interview\s+due in 10 days/);
    expect(lines[4]).toBe("3. Update LinkedIn");
    expect(lines[5]).toContain("Acme · Backend Engineer · undated1");
    expect(result.stdout).not.toContain("Already done");
    expect(result.stdout).not.toContain("\u001b[");
  });

  it("prints JSON for scripts", async () => {
    const items = JSON.parse((await run(["next", "--json"])).stdout) as {
      n: number;
      id: string;
      overdue: boolean;
      entry: { company: string };
    }[];
    expect(items.map((item) => [item.n, item.id, item.overdue])).toEqual([
      [1, "late0001", true],
      [2, "later001", false],
      [3, "undated1", false],
    ]);
    expect(items[0]!.entry.company).toBe("Globex");
  });

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

  it("next done N marks the Nth step done, and the list moves up", async () => {
    const result = await run(["next", "done", "1"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Done: Send thank-you note");
    expect(stored("globex01").actions[0]!.doneAt).toBeDefined();
    expect((await run(["next"])).stdout).toMatch(/^1\. Mock interview/);
    expect((await run(["next", "done", "undated1", "--json"])).stdout).toContain('"doneAt"');
  });

  it("next done with a number out of range exits 1 and changes nothing", async () => {
    const before = readFileSync(store().file);
    const result = await run(["next", "done", "9"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("no next step number 9");
    expect(readFileSync(store().file).equals(before)).toBe(true);
  });

  it("next add puts a step on an entry, with a due date in plain words", async () => {
    const result = await run([
      "next",
      "add",
      "acme",
      "Ask",
      "Sam",
      "for",
      "a",
      "referral",
      "--due",
      "tomorrow",
      "--json",
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ text: "Ask Sam for a referral", due: addDays(today, 1) });
    expect(stored("acme0001").actions.at(-1)).toMatchObject({ text: "Ask Sam for a referral" });
    expect((await run(["next"])).stdout).toMatch(/^2\. Ask Sam for a referral\s+due tomorrow/m);
  });

  it("next add refuses a past due date (2) and an unknown entry (1)", async () => {
    expect(await run(["next", "add", "acme", "x", "--due", "yesterday"])).toMatchObject({ code: 2 });
    expect(await run(["next", "add", "zzzz", "x"])).toMatchObject({ code: 1 });
  });
});

describe("feedback", () => {
  beforeEach(async () => {
    await seed(rejection({ id: "feed0001", company: "Acme", role: "Backend Engineer" }));
  });

  it("prints a filled draft on stdout, ready to pipe, with tips on stderr", async () => {
    const result = await run(["feedback", "feed0001", "--contact", "Sam", "--sender", "Alex"]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith("Subject: Feedback on my application for Backend Engineer\n\nHi Sam,\n")).toBe(
      true,
    );
    expect(result.stdout.trimEnd().endsWith("Alex")).toBe(true);
    expect(result.stdout).not.toMatch(/\{\{|\u001b\[/);
    expect(stored("feed0001").contact).toBe("Sam");
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

  it("uses the saved contact next time, and a neutral sign-off without a name", async () => {
    await run(["feedback", "feed0001", "--contact", "Sam"]);
    const result = await run(["feedback", "feed0001", "--kind", "reply"]);
    expect(result.stdout).toMatch(/^Subject: Re: Backend Engineer at Acme\n\nHi Sam,/);
    expect(result.stdout.trimEnd().endsWith("Kind regards,")).toBe(true);
    expect(result.stderr).toContain("--sender");
  });

  it("the check-in draft asks (on stderr) for the [bracketed] part, or takes --update", async () => {
    const open = await run(["feedback", "feed0001", "--kind", "checkin"]);
    expect(open.stdout).toMatch(/^Hello,$/m);
    expect(open.stdout).toContain("[one or two concrete things");
    expect(open.stderr).toContain("Fill in the [bracketed] part");
    const filled = await run([
      "feedback",
      "feed0001",
      "--kind",
      "checkin",
      "--update",
      "shipped a search feature",
      "--json",
    ]);
    const draft = JSON.parse(filled.stdout) as { kind: string; subject: string; body: string };
    expect(draft.kind).toBe("checkin");
    expect(draft.body).toContain("Since then I have shipped a search feature.");
    expect(draft.body).not.toContain("[");
  });

  it("--received saves the feedback from an argument or from stdin", async () => {
    expect((await run(["feedback", "feed0001", "--received", "Strong design, thin on testing"])).code).toBe(0);
    const piped = await run(["feedback", "feed0001", "--received", "-", "--json"], "Second note\nover two lines\n");
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout)).toMatchObject({ feedback: { text: "Second note\nover two lines" } });
    expect(stored("feed0001").feedback.map((item) => item.text)).toEqual([
      "Strong design, thin on testing",
      "Second note\nover two lines",
    ]);
  });

  it("--received with nothing to save exits 2 and writes nothing", async () => {
    const before = readFileSync(store().file);
    expect(await run(["feedback", "feed0001", "--received"])).toMatchObject({ code: 2 });
    expect(await run(["feedback", "feed0001", "--received", "-"], "   \n")).toMatchObject({ code: 2 });
    expect(readFileSync(store().file).equals(before)).toBe(true);
  });

  it("an unknown entry exits 1, an unknown kind 2", async () => {
    expect(await run(["feedback", "zzzz"])).toMatchObject({ code: 1 });
    const kind = await run(["feedback", "feed0001", "--kind", "poem"]);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain("request, reply, checkin");
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
