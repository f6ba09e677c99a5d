import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Entry, RejectionEntry } from "../../src/journal/entry.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { rejection } from "../helpers/fixtures.js";
import { storedJournal } from "../helpers/stored-journal.js";
import { EMOJI, hostile, RAW_BIDI_OR_ZERO_WIDTH, RAW_CONTROL, codeOf } from "../helpers/escape-samples.js";

/**
 * Stored text never drives the terminal, in any view: no escape sequence, no
 * C1 control, no bare carriage return, no bidi override or zero-width
 * character reaches the screen raw. Terminal views and Markdown show them
 * visibly; the data exports escape them in their own syntax and read back
 * exactly; the interactive edit shows them safely and keeps them on Enter.
 */

/** Output read without a terminal (colour off): no raw control at all, CR included, and no raw bidi. */
function expectSafe(output: string, ...mustShow: string[]): void {
  expect(codeOf(RAW_CONTROL.exec(output)), output).toBeNull();
  // The emoji's joiner is the one zero-width character that may stay.
  expect(codeOf(RAW_BIDI_OR_ZERO_WIDTH.exec(output.replaceAll(EMOJI, ""))), output).toBeNull();
  for (const text of mustShow) expect(output).toContain(text);
}

let root: string;
let dataDir: string;
let rejectionId: string;
let winId: string;
const run = (...args: string[]) => runInProcess(args, { dataDir });
const entries = () => storedJournal(dataDir).entries;
const byId = (list: Entry[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

beforeAll(async () => {
  root = tempDir();
  dataDir = join(root, "home");
  const logged = await run(
    ...["log", "--company", hostile("Company"), "--role", hostile("Role"), "--stage", "interview"],
    ...["--ended", "rejected", "--mood", "4", "--reason-given", hostile("Reason"), "--tag", hostile("Tag")],
    ...["--note", hostile("Note")],
  );
  expect(logged.code, logged.stderr).toBe(0);
  rejectionId = entries()[0]!.id;
  const won = await run("win", "--kind", "skill", "--title", hostile("Title"), "--company", hostile("Co"));
  expect(won.code, won.stderr).toBe(0);
  winId = entries().find((entry) => entry.kind === "win")!.id;
  const added = await run("next", "add", rejectionId, hostile("Step"), "--due", "2099-01-02");
  expect(added.code, added.stderr).toBe(0);
});
afterAll(() => removeDir(root));

describe("terminal views show stored text visibly", () => {
  it("the journal holds the text exactly as typed", () => {
    const entry = entries().find((candidate) => candidate.id === rejectionId) as RejectionEntry;
    expect(entry).toMatchObject({ company: hostile("Company"), note: hostile("Note"), tags: [hostile("Tag")] });
    expect(entry.actions[0]!.text).toBe(hostile("Step"));
  });

  it.each([
    ["list", ["list"]],
    ["list --search", ["list", "--search", "Company"]],
    ["show (the rejection)", ["show", "REJECTION"]],
    ["show (the win)", ["show", "WIN"]],
    ["stats", ["stats"]],
    ["next", ["next"]],
  ])("%s: no raw control, CR or bidi; bidi shown by name", async (_, args) => {
    const filled = args.map((arg) => (arg === "REJECTION" ? rejectionId : arg === "WIN" ? winId : arg));
    const result = await run(...filled);
    expect(result.code, result.stderr).toBe(0);
    expectSafe(result.stdout + result.stderr, "<U+202E>");
  });

  it("show: every kind of character has its visible form, and the emoji stays whole", async () => {
    const result = await run("show", rejectionId);
    expectSafe(
      result.stdout,
      "^[[2J",
      "^[]52;c;aGk=\\x07",
      "\\x9b31m",
      "\\x7fdel",
      "shown\\x0dhidden",
      "<U+202A>a<U+202B>b<U+202C>c<U+202D>d<U+202E>e<U+2066>f<U+2067>g<U+2068>h<U+2069>i<U+200E>j<U+200F>k<U+061C>l",
      "m<U+200B>n o<U+2060>p <U+FEFF>q <U+200D> r",
      EMOJI,
    );
  });

  it("an error line quoting typed text shows it visibly", async () => {
    const result = await run("show", "zz\u202eyy\u001b[2J");
    expect(result.code).toBe(1);
    expectSafe(result.stderr, "zz<U+202E>yy^[[2J");
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("doctor names a damaged entry with its company shown visibly", async () => {
    const damaged = join(root, "damaged");
    mkdirSync(damaged, { mode: 0o700 });
    const bad = { ...rejection({ id: "bad00001", company: hostile("Company") }), mood: "x" };
    writeFileSync(join(damaged, "journal.json"), JSON.stringify({ version: 1, entries: [bad] }), { mode: 0o600 });
    const result = await runInProcess(["doctor"], { dataDir: damaged });
    expectSafe(result.stdout + result.stderr, "bad00001", "Company ^[[2J");
  });
});

describe("exports", () => {
  it("Markdown: no raw control, no bare CR, bidi shown by name; a CR becomes a line break", async () => {
    const result = await run("export", "--format", "md");
    expect(result.code, result.stderr).toBe(0);
    expectSafe(result.stdout, "\\x1b[2J", "\\x9b31m", "<U+202E>e", "<U+200B>", EMOJI);
    expect(result.stdout).toContain("shown\nhidden");
  });

  it("JSON: bidi and C1 escaped, and it parses to exactly the stored text", async () => {
    const result = await run("export", "--format", "json");
    expect(result.code, result.stderr).toBe(0);
    expectSafe(result.stdout, "\\u202e", "\\u009b");
    expect(byId(JSON.parse(result.stdout).entries as Entry[])).toEqual(byId(entries()));
  });

  it("YAML: DEL, C1 and bidi escaped, and an import of it holds exactly the same entries", async () => {
    const result = await run("export", "--format", "yaml");
    expect(result.code, result.stderr).toBe(0);
    expectSafe(result.stdout, "\\x9B", "\\x7F", "\\x85", "\\u202E", "\\uFEFF");
    const other = join(root, "from-yaml");
    const imported = await runInProcess(["import", "-"], { dataDir: other, input: result.stdout });
    expect(imported.code, imported.stderr).toBe(0);
    expect(byId(storedJournal(other).entries)).toEqual(byId(entries()));
  });

  it("import: a YAML warning is one safe line, not the source line raw", async () => {
    const yaml = (await run("export", "--format", "yaml")).stdout.replace(
      /^(\s+)winKind: skill$/m,
      "$1winKind: !odd skill # \u001b]52;c;aGk=\u0007\u001b[2J",
    );
    expect(yaml).toContain("!odd");
    const result = await runInProcess(["import", "-"], { dataDir: join(root, "warned"), input: yaml });
    expect(result.code, result.stderr).toBe(0);
    expectSafe(result.stderr, "Unresolved tag: !odd");
    const warnings = result.stderr.split("\n").filter((line) => line.includes("!odd"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: standard input: .*line \d+/);
    expect(result.stderr).not.toContain("(node:");
  });
});

describe("the test's own text", () => {
  it("holds each kind of character the checks look for", () => {
    const text = hostile("x");
    expect(text).toContain("\u001b[2J");
    expect(RAW_CONTROL.test(text)).toBe(true);
    expect(RAW_BIDI_OR_ZERO_WIDTH.test(text)).toBe(true);
    expect(text).toContain("\r");
    expect(text).toContain("\u200d r");
  });
});
