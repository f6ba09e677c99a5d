import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Entry, RejectionEntry, WinEntry } from "../../src/journal/entry.js";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { rejection } from "../helpers/fixtures.js";
import { PtySession } from "../helpers/pty.js";
import { storedJournal } from "../helpers/stored-journal.js";
import { RAW_CONTROL } from "../helpers/escape-samples.js";

/**
 * Terminal escape sequences typed into every text field (by flags, by
 * feedback --received, in a person's own content folder) are shown neutralised
 * by every command that prints them, and kept exactly as typed in the data.
 */

/** Colour, clear screen and cursor home, an OSC title, an OSC 8 hyperlink and a C1 CSI. */
const SEQUENCES = ["\u001b[31m", "\u001b[2J\u001b[H", "\u001b]0;pwned\u0007", "\u001b]8;;http://x\u001b\\", "\u009b"];
const hostile = (field: string) =>
  `${field}\u001b[31m red\u001b[0m \u001b[2J\u001b[H \u001b]0;pwned\u0007 \u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\ \u009b31m end`;

/** What a person sees, as text: the sequences shown as visible escapes ("^[[31m", "^[]0;pwned"). */
function expectNeutralised(output: string, ...mustShow: string[]): void {
  const raw = RAW_CONTROL.exec(output);
  expect(raw, `raw control character U+${raw?.[0].charCodeAt(0).toString(16)} in:\n${output}`).toBeNull();
  for (const text of mustShow) expect(output).toContain(text);
}

/** As the terminal receives it, colour included: none of the typed sequences arrive raw. */
function expectNoTypedSequence(raw: string): void {
  for (const sequence of SEQUENCES) expect(raw, JSON.stringify(sequence)).not.toContain(sequence);
  expect(raw).not.toContain("\u0007");
}

const SHOWN = "^[[31m red";
const TITLE = "^[]0;pwned";

let root: string;
let dataDir: string;
let contentDir: string;
let rejectionId: string;
const run = (...args: string[]) => runInProcess(args, { dataDir });
const entries = () => storedJournal(dataDir).entries;

beforeAll(() => {
  root = tempDir();
  dataDir = join(root, "home");
  contentDir = join(root, "my-content");
  mkdirSync(contentDir);
  // YAML double quotes take \e (ESC), \a (BEL) and \x9b.
  const yamlHostile = (field: string) =>
    `"${field}\\e[31m red\\e[0m \\e[2J\\e[H \\e]0;pwned\\a \\e]8;;http://x\\e\\\\link\\e]8;;\\e\\\\ \\x9b31m end"`;
  writeFileSync(
    join(contentDir, "strategies.yaml"),
    [
      "strategies:",
      "  - id: my-own",
      `    title: ${yamlHostile("Title")}`,
      "    phase: feel",
      `    summary: ${yamlHostile("Summary")}`,
      `    why: ${yamlHostile("Why")}`,
      "    try:",
      `      - ${yamlHostile("Try one")}`,
      `      - ${yamlHostile("Try two")}`,
      "    fits: { stages: [applied], mood: { min: 1, max: 10 } }",
      "",
    ].join("\n"),
  );
});
afterAll(() => removeDir(root));

describe("hostile text, without a terminal", () => {
  it("log: the confirmation and the coaching show it neutralised; the journal keeps it exactly", async () => {
    const result = await run(
      ...["--content", contentDir, "log", "--company", hostile("Company"), "--role", hostile("Role")],
      ...["--stage", "applied", "--ended", "rejected", "--mood", "2", "--reason-given", hostile("Reason")],
      ...["--tag", hostile("Tag"), "--note", hostile("Note")],
    );
    expect(result.code, result.stderr).toBe(0);
    expectNeutralised(result.stderr, `Company${SHOWN}`, `Role${SHOWN}`, TITLE);
    expectNeutralised(result.stdout);
    const entry = entries()[0] as RejectionEntry;
    rejectionId = entry.id;
    expect(entry).toMatchObject({
      company: hostile("Company"),
      role: hostile("Role"),
      reasonGiven: hostile("Reason"),
      tags: [hostile("Tag")],
      note: hostile("Note"),
    });
  });

  it("win and edit: the confirmations show it neutralised", async () => {
    const won = await run("win", "--kind", "skill", "--title", hostile("Title"), "--company", hostile("Co"));
    expect(won.code, won.stderr).toBe(0);
    expectNeutralised(won.stderr + won.stdout, `Title${SHOWN}`);
    const edited = await run("edit", rejectionId, "--note", hostile("Edited note"));
    expect(edited.code, edited.stderr).toBe(0);
    expectNeutralised(edited.stderr + edited.stdout);
    const win = entries().find((entry) => entry.kind === "win") as WinEntry;
    expect(win).toMatchObject({ title: hostile("Title"), company: hostile("Co") });
  });

  it("reflect by flags, a check-in, next add and feedback --received: confirmations neutralised", async () => {
    const reflected = await run(
      ...["reflect", rejectionId, "--mood", "4", "--answer", `fit-requirements=${hostile("Answer")}`],
      ...["--thought", hostile("Thought"), "--balanced", hostile("Balanced"), "--fit", "partly"],
      ...["--fit-note", hostile("Fit"), "--went-well", hostile("Well"), "--change", hostile("Change")],
      ...["--action", hostile("Action"), "--due", "2099-01-01"],
    );
    expect(reflected.code, reflected.stderr).toBe(0);
    expectNeutralised(reflected.stderr + reflected.stdout, `Company${SHOWN}`);
    const checkin = await run("reflect", rejectionId, "--mood", "5", "--note", hostile("Checkin"));
    expect(checkin.code, checkin.stderr).toBe(0);
    expectNeutralised(checkin.stderr + checkin.stdout);
    const added = await run("next", "add", rejectionId, hostile("Next"), "--due", "2099-01-02");
    expect(added.code, added.stderr).toBe(0);
    expectNeutralised(added.stderr + added.stdout, `Next${SHOWN}`);
    const received = await run("feedback", rejectionId, "--received", hostile("Feedback"));
    expect(received.code, received.stderr).toBe(0);
    expectNeutralised(received.stderr + received.stdout, `Company${SHOWN}`);

    const entry = entries().find((candidate) => candidate.id === rejectionId) as RejectionEntry;
    expect(entry.reflection).toMatchObject({
      answers: [{ answer: hostile("Answer") }],
      thought: { thought: hostile("Thought"), balanced: hostile("Balanced") },
      fitNote: hostile("Fit"),
      wentWell: hostile("Well"),
      change: hostile("Change"),
    });
    expect(entry.checkins[0]!.note).toBe(hostile("Checkin"));
    expect(entry.actions.map((action) => action.text)).toEqual([hostile("Action"), hostile("Next")]);
    expect(entry.feedback[0]!.text).toBe(hostile("Feedback"));
  });

  it.each([
    ["list", ["list"], [`Company${SHOWN}`.slice(0, 12)]],
    ["list --search", ["list", "--search", "pwned"], ["Company^[[31m"]],
    [
      "show",
      ["show", "REJECTION"],
      [`Edited note${SHOWN}`, `Thought${SHOWN}`, `Feedback${SHOWN}`, `Checkin${SHOWN}`, TITLE],
    ],
    ["show (the win)", ["show", "WIN"], [`Title${SHOWN}`]],
    ["stats", ["stats"], [`Action${SHOWN}`]],
    ["next", ["next"], [`Next${SHOWN}`, `Action${SHOWN}`]],
    ["next done", ["next", "done", "1"], [SHOWN]],
    ["tips with a content folder", ["--content", "CONTENT", "tips"], [`Title${SHOWN}`, `Summary${SHOWN}`]],
    ["tips ID with a content folder", ["--content", "CONTENT", "tips", "my-own"], [`Why${SHOWN}`, `Try two${SHOWN}`]],
    ["feedback: a request draft", ["feedback", "REJECTION", "--sender", hostile("Sender")], [`Company${SHOWN}`]],
    [
      "feedback: a check-in draft",
      ["feedback", "REJECTION", "--kind", "checkin", "--contact", hostile("Contact"), "--update", hostile("Update")],
      [`Contact${SHOWN}`, `Update${SHOWN}`],
    ],
    ["export --format md", ["export", "--format", "md"], ["Company\\x1b[31m red"]],
    ["delete --yes (the win)", ["delete", "WIN", "--yes"], [`Title${SHOWN}`]],
  ])("%s shows it neutralised", async (_, args, mustShow) => {
    const winId = entries().find((entry) => entry.kind === "win")?.id ?? "none";
    const filled = args.map((arg) =>
      arg === "REJECTION" ? rejectionId : arg === "WIN" ? winId : arg === "CONTENT" ? contentDir : arg,
    );
    const result = await run(...filled);
    expect(result.code, result.stderr).toBe(0);
    expectNeutralised(result.stdout + result.stderr, ...mustShow);
  });

  it("the JSON export keeps every field exactly as typed; YAML reads back the same", async () => {
    const json = await run("export", "--format", "json");
    expect(json.code).toBe(0);
    const byId = (list: Entry[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(JSON.parse(json.stdout).entries as Entry[])).toEqual(byId(JSON.parse(JSON.stringify(entries()))));
    const yaml = await run("export", "--format", "yaml");
    const other = join(root, "other");
    const imported = await runInProcess(["import", "-"], { dataDir: other, input: yaml.stdout });
    expect(imported.code, imported.stderr).toBe(0);
    expect(byId(storedJournal(other).entries)).toEqual(byId(entries()));
  });

  it("an import conflict names the entry neutralised", async () => {
    const changed = JSON.parse((await run("export", "--format", "json")).stdout) as { entries: RejectionEntry[] };
    changed.entries[0]!.mood = 9;
    const result = await runInProcess(["import", "-", "--dry-run"], { dataDir, input: JSON.stringify(changed) });
    expect(result.code, result.stderr).toBe(0);
    expectNeutralised(result.stderr, "conflict", `Company${SHOWN}`.slice(0, 12));
  });

  it("doctor names a damaged entry without passing its text to the terminal", async () => {
    const damaged = join(root, "damaged");
    mkdirSync(damaged, { mode: 0o700 });
    const bad = { ...rejection({ id: "bad00001", company: hostile("Company") }), mood: hostile("Mood") };
    writeFileSync(join(damaged, "journal.json"), JSON.stringify({ version: 1, entries: [bad] }), { mode: 0o600 });
    for (const args of [["doctor"], ["doctor", "--repair"]]) {
      const result = await runInProcess(args, { dataDir: damaged });
      expectNeutralised(result.stdout + result.stderr, "bad00001");
    }
  });

  it("CSV cells that start with = + - @ are escaped; control characters are made visible", () => {
    const csvHome = join(root, "csv");
    const store = new JournalStore(csvHome);
    const formulas = ["=1+2", "+SUM(A1)", "-2+3", "@cmd", '=HYPERLINK("http://x","y")'];
    return store
      .update((journal) => {
        journal.entries.push(
          rejection({
            id: "csv00001",
            company: formulas[0],
            role: formulas[1],
            note: formulas[2],
            reasonGiven: formulas[3],
            tags: [formulas[4]!],
          }),
          rejection({ id: "csv00002", company: hostile("Company") }),
        );
      })
      .then(async () => {
        const result = await runInProcess(["export", "--format", "csv"], { dataDir: csvHome });
        expect(result.code).toBe(0);
        const cells = result.stdout.split("\r\n").find((row) => row.startsWith("csv00001"))!;
        for (const formula of formulas.slice(0, 4)) expect(cells).toContain(`,'${formula},`);
        expect(cells).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
        expect(cells).not.toMatch(/,[=+\-@]/);
        expectNeutralised(result.stdout.replace(/\r\n/g, "\n"), "Company\\x1b[31m red");
      });
  });
});

describe("hostile text, in a terminal", () => {
  it("log: the summary before saving, the confirmation and the coaching", async () => {
    const home = join(root, "pty-log");
    const session = new PtySession(
      [
        ...["--content", contentDir, "log", "--company", hostile("Company"), "--role", hostile("Role")],
        ...["--stage", "applied", "--ended", "rejected", "--date", "yesterday", "--reason-given", hostile("Reason")],
        ...["--reason", "skills", "--emotion", "sad", "--tag", hostile("Tag"), "--note", hostile("Note")],
      ],
      { dataDir: home },
    );
    await session.answer("? How are you feeling about it right now?", "3");
    await session.waitFor("? Does this look right?");
    expect(session.output).toContain(`Note${SHOWN}`);
    await session.answer("? Does this look right?", "");
    await session.answer("? Would you like to reflect on it now?", ""); // later, the default
    expect(await session.exited()).toBe(0);
    expect(session.output).toContain(`Role${SHOWN}`);
    expect(session.output).toContain(TITLE);
    expectNoTypedSequence(session.rawOutput);
    expect((storedJournal(home).entries[0] as RejectionEntry).note).toBe(hostile("Note"));
  });

  it("reflect: the heading, the feedback shown, the steps already added and the confirmation", async () => {
    const home = join(root, "pty-reflect");
    await new JournalStore(home).update((journal) => {
      journal.entries.push(
        rejection({
          id: "pty00001",
          company: hostile("Company"),
          role: hostile("Role"),
          stage: "applied",
          feedback: [{ receivedAt: "2026-11-03T10:00:00.000Z", text: hostile("Feedback") }],
        }),
      );
    });
    const session = new PtySession(
      [
        ...["reflect", "pty00001", "--mood", "6", "--in-control", "none", "--thought", hostile("Thought")],
        ...["--trap", "overgeneralising", "--balanced", hostile("Balanced"), "--fit", "yes"],
        ...["--fit-note", hostile("Fit"), "--went-well", hostile("Well"), "--change", hostile("Change")],
        ...["--rate", "preparation=3", "--rate", "application=4", "--action", hostile("Action")],
      ],
      { dataDir: home },
    );
    await session.answer("? Which would you like to think through?", "");
    await session.answer("? A next step (Enter to finish)", "");
    await session.answer("? Does this look right?", "");
    expect(await session.exited()).toBe(0);
    for (const text of [`Company${SHOWN}`, `Feedback${SHOWN}`, `Action${SHOWN}`, `Balanced${SHOWN}`]) {
      expect(session.output).toContain(text);
    }
    expectNoTypedSequence(session.rawOutput);
  });

  it("tips and show on a terminal, with colour on", async () => {
    for (const args of [["--content", contentDir, "tips", "my-own"], ["show", rejectionId], ["list"]]) {
      const session = new PtySession(args, { dataDir, env: { NO_COLOR: "" } });
      expect(await session.exited()).toBe(0);
      expect(session.rawOutput, "coloured").toMatch(/\u001b\[\d+m/);
      expect(session.output).toContain("^[[31m");
      expectNoTypedSequence(session.rawOutput);
    }
  });
});
