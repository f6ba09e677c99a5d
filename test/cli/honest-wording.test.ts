import { readFileSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addDays, toDay } from "../../src/journal/dates.js";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { rejection, win } from "../helpers/fixtures.js";
import { reflected } from "../helpers/stats-journal.js";
import { storedJournal } from "../helpers/stored-journal.js";

let dataDir: string;
const store = () => new JournalStore(dataDir);
const stored = (id: string) => storedJournal(store().dir).entries.find((entry) => entry.id === id)!;
beforeEach(() => (dataDir = tempDir()));
afterEach(() => removeDir(dataDir));

const today = toDay(new Date());

describe("stats with a period says which counts are in it and which are totals", () => {
  it("five wins in the last two weeks of a journal with six are not '5 in all'", async () => {
    await new JournalStore(dataDir).update((journal) => {
      journal.entries.push(
        ...[1, 2, 3, 4, 5, 60].map((ago) =>
          win({ date: addDays(today, -ago), createdAt: `${addDays(today, -ago)}T12:00:00.000Z` }),
        ),
        rejection({ date: addDays(today, -3) }),
      );
    });
    const result = await runInProcess(["stats", "--since", "2 weeks ago"], { dataDir });
    expect(result.code).toBe(0);
    const text = result.stdout.replace(/\s+/g, " ");
    expect(text).toMatch(/You logged 5 wins since \w{3} \d+ \w{3,4}( \d{4})?, 6 in the whole journal\./);
    expect(text).not.toContain("in all");
    expect(text).not.toContain("in the last 30 days");
  });
});

describe("feedback --received says where the feedback went, and how to finish typing it", () => {
  it("after a reflection it does not promise to show it when you reflect", async () => {
    await store().update((journal) => {
      journal.entries.push(
        rejection({ id: "done0001", reflection: reflected("2026-11-02", 6) }),
        rejection({ id: "todo0001" }),
      );
    });
    const done = await runInProcess(["feedback", "done0001", "--received", "Clear answers"], { dataDir });
    expect(done.code).toBe(0);
    expect(done.stderr).not.toContain("when you reflect");
    expect(done.stderr).toContain("It is kept with the entry: rejection-coach show done0001");
    const todo = await runInProcess(["feedback", "todo0001", "--received", "Clear answers"], { dataDir });
    expect(todo.stderr).toContain("It will be there when you reflect.");
  });
});

describe("edit says 'Nothing changed' when nothing did", () => {
  it("clearing text that is not there changes nothing and leaves the file as it was", async () => {
    await store().update((journal) => {
      journal.entries.push(rejection({ id: "bare0001" }), win({ id: "bare0002" }));
    });
    const before = readFileSync(store().file);
    for (const args of [
      ["bare0001", "--note", ""],
      ["bare0001", "--reason-given", "  "],
      ["bare0001", "--note", "", "--mood", "5"],
      ["bare0002", "--note", ""],
      ["bare0002", "--company", ""],
    ]) {
      const result = await runInProcess(["edit", ...args], { dataDir });
      expect(result.code, args.join(" ")).toBe(0);
      expect(result.stderr, args.join(" ")).toBe("Nothing changed.\n");
    }
    expect(readFileSync(store().file).equals(before)).toBe(true);
  });

  it("clearing a note that is there still updates it", async () => {
    await store().update((journal) => {
      journal.entries.push(rejection({ id: "note0001", note: "Liked the team" }));
    });
    const result = await runInProcess(["edit", "note0001", "--note", ""], { dataDir });
    expect(result.stderr).toContain("Updated note0001: note.");
    expect(stored("note0001")).not.toHaveProperty("note");
  });
});

describe("ids a person reads are spelled the US way, and either spelling is accepted", () => {
  const BRITISH = /cancelled|personalising|overgeneralising|catastrophising|labelling/;
  // The same rejection logged more than once on purpose: these tests are about the reason flags.
  const LOG = [
    "log",
    "--company",
    "Acme",
    "--role",
    "Designer",
    "--stage",
    "interview",
    "--mood",
    "5",
    "--json",
    "--allow-duplicate",
  ];

  it("help lists canceled and the -izing traps", async () => {
    for (const command of ["log", "edit", "reflect"]) {
      const help = (await runInProcess([command, "--help"], { dataDir })).stdout;
      expect(help, command).not.toMatch(BRITISH);
    }
    expect((await runInProcess(["log", "--help"], { dataDir })).stdout).toContain('"canceled"');
  });

  it("--reason takes canceled or cancelled and stores the one id; a wrong one lists canceled", async () => {
    for (const spelling of ["canceled", "cancelled"]) {
      const result = await runInProcess([...LOG, "--ended", "role-closed", "--reason", spelling], { dataDir });
      expect(result.code, spelling).toBe(0);
      expect(JSON.parse(result.stdout).reasons).toEqual(["cancelled"]);
    }
    const wrong = await runInProcess([...LOG, "--ended", "role-closed", "--reason", "budget"], { dataDir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("canceled");
    expect(wrong.stderr).not.toMatch(BRITISH);
  });

  it("reflect --trap labeling works, is stored as before, and shows as labeling", async () => {
    await store().update((journal) => {
      journal.entries.push(rejection({ id: "trap0001" }), rejection({ id: "trap0002" }), rejection({ id: "trap0003" }));
    });
    const thought = ["--mood", "6", "--thought", "I am hopeless at this", "--json"];
    const us = await runInProcess(
      ["reflect", "trap0001", ...thought, "--trap", "labeling", "--in-control", "canceled"],
      {
        dataDir,
      },
    );
    expect(us.code).toBe(0);
    expect(JSON.parse(us.stdout).reflection).toMatchObject({
      thought: { trap: "labelling" },
      inControl: ["cancelled"],
    });
    const british = await runInProcess(["reflect", "trap0002", ...thought, "--trap", "personalising"], { dataDir });
    expect(JSON.parse(british.stdout).reflection).toMatchObject({ thought: { trap: "personalising" } });

    const wrong = await runInProcess(["reflect", "trap0003", ...thought, "--trap", "gloom"], { dataDir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("overgeneralizing");
    expect(wrong.stderr).toContain("labeling");
    expect(wrong.stderr).not.toMatch(BRITISH);
    const reasons = await runInProcess(["reflect", "trap0003", ...thought, "--in-control", "budget"], { dataDir });
    expect(reasons.code).toBe(2);
    expect(reasons.stderr).toContain("canceled");
    expect(reasons.stderr).not.toMatch(BRITISH);

    const shown = (await runInProcess(["show", "trap0001"], { dataDir })).stdout;
    expect(shown).toContain("Thinking trap: labeling");
    expect(shown).not.toMatch(BRITISH);
    await store().update((journal) => {
      journal.entries.push(rejection({ id: "trap0004", ended: "role-closed", reasons: ["cancelled"] }));
    });
    const notes = (await runInProcess(["export", "--format", "md"], { dataDir })).stdout;
    expect(notes).toContain("Thinking trap: labeling");
    expect(notes).toMatch(/Reasons\W+canceled/);
    expect(notes).not.toMatch(BRITISH);
  });
});

describe("contradictory flags are bad usage, named in one line", () => {
  const LOG = [
    "log",
    "--company",
    "Acme",
    "--role",
    "Designer",
    "--stage",
    "interview",
    "--mood",
    "5",
    "--allow-duplicate",
  ];

  it.each([
    [["--ended", "rejected", "--reason", "cancelled"], "--ended rejected and --reason canceled conflict"],
    [["--ended", "rejected", "--reason", "canceled", "--reason", "skills"], "--ended rejected and --reason canceled"],
    [
      ["--ended", "ghosted", "--reason", "unknown", "--reason", "skills"],
      "--reason unknown and --reason skills conflict",
    ],
    [["--ended", "role-closed", "--reason", "skills,unknown"], "--reason unknown and --reason skills conflict"],
  ])("log %j exits 2 and saves nothing", async (flags, message) => {
    const result = await runInProcess([...LOG, ...flags], { dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(storedJournal(store().dir).entries).toHaveLength(0);
  });

  it("a canceled role with --ended role-closed, and 'unknown' alone, are fine", async () => {
    expect((await runInProcess([...LOG, "--ended", "role-closed", "--reason", "canceled"], { dataDir })).code).toBe(0);
    expect((await runInProcess([...LOG, "--ended", "rejected", "--reason", "unknown"], { dataDir })).code).toBe(0);
  });

  it("edit weighs a flag against what the entry already says", async () => {
    await store().update((journal) => {
      journal.entries.push(rejection({ id: "edit0001", ended: "rejected", reasons: ["skills"] }));
    });
    const reason = await runInProcess(["edit", "edit0001", "--reason", "canceled"], { dataDir });
    expect(reason.code).toBe(2);
    expect(reason.stderr).toContain("the saved ending 'rejected' and --reason canceled conflict");
    expect(stored("edit0001")).toMatchObject({ reasons: ["skills"] });
    expect(
      (await runInProcess(["edit", "edit0001", "--ended", "role-closed", "--reason", "canceled"], { dataDir })).code,
    ).toBe(0);
    const back = await runInProcess(["edit", "edit0001", "--ended", "rejected"], { dataDir });
    expect(back.code).toBe(2);
    expect(back.stderr).toContain("--ended rejected and the saved reason 'canceled' conflict");
  });
});

describe("without a UTF-8 locale, messages stay in ASCII", () => {
  const C = { LANG: "C", LC_ALL: "C", LC_CTYPE: "" };
  const NOT_ASCII = /[^\x00-\x7f]/;
  const run = async (...args: string[]) => {
    const result = await runInProcess(args, { dataDir, env: C });
    expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
    return `${result.stdout}${result.stderr}`;
  };

  // The interactive lines (a mood trail, "Opening your editor") are in test/flows/ending-wording.test.ts.
  it("next, reflect, feedback, show and import use ASCII marks", async () => {
    await store().update((journal) => {
      journal.entries.push(
        rejection({ id: "asci0001", company: "Acme", role: "Designer", date: addDays(today, -3) }),
        rejection({ id: "asci0002", company: "Bolt", role: "Analyst", date: addDays(today, -2) }),
      );
    });
    const outputs = [
      await run("next", "add", "asci0001", "Ask for notes", "--due", "tomorrow"),
      await run("next"),
      await run("next", "done", "1"),
      await run("reflect", "asci0001", "--mood", "5", "--thought", "I am bad at this", "--trap", "labeling"),
      await run("reflect", "asci0001", "--mood", "7", "--note", "Steadier"),
      await run("feedback", "asci0001", "--received", "Clear on design"),
      await run("show", "asci0001"),
    ];
    expect(outputs.join("")).toMatch(/Acme - Designer/);
    const exported = JSON.parse((await runInProcess(["export", "--format", "json"], { dataDir })).stdout);
    exported.entries.find((entry: { id: string }) => entry.id === "asci0002").role = "Senior Analyst";
    const file = `${dataDir}/changed.json`;
    writeFileSync(file, JSON.stringify(exported));
    const imported = await run("import", file);
    expect(imported).toContain("conflict");
    for (const [index, text] of [...outputs, imported].entries())
      expect(text, `output ${index}`).not.toMatch(NOT_ASCII);
  });
});
