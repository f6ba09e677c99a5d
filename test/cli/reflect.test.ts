import { existsSync, readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addDays, toDay } from "../../src/journal/dates.js";
import type { Entry, RejectionEntry } from "../../src/journal/entry.js";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { rejection, win } from "../helpers/fixtures.js";
import { storedJournal } from "../helpers/stored-journal.js";
import { entriesWithSteps } from "../helpers/journal-fixture.js";

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
  storedJournal(store().dir).entries.find((entry) => entry.id === id) as RejectionEntry;

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
  beforeEach(() => seed(...entriesWithSteps(today)));

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
});
