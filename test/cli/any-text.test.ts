import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { Entry, RejectionEntry, WinEntry } from "../../src/journal/entry.js";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { storedJournal } from "../helpers/stored-journal.js";

/**
 * Any text a person types: Unicode, emoji, right-to-left scripts, very long
 * notes and newlines, entered through the CLI (run in-process), survive the store and every
 * export unchanged.
 */

const TEXT = {
  company: "Société Générale 株式会社 🎉",
  role: "مهندس برمجيات (Backend) עברית",
  reasonGiven: 'First line,\nsecond line "quoted";\r\nthird line with a tab\there',
  tag: "👩🏽‍💻 remote",
  otherTag: "שלום",
  thought: "I keep thinking\nthat I am not enough 😔",
  feedback: "Strong on design.\n\nLess so on testing — see: ✓ ✗ ½ ∑ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  action: "Write to ሰላም and 你好, then rest",
  title: "First interview at テスト 🎉 e\u0301 (combining) a\u200db",
};

/** About 100 KB, of every kind of character above, over many lines and paragraphs. */
const NOTE = Array.from(
  { length: 900 },
  (_, i) => `${i}: ${TEXT.company} · ${TEXT.role} · ${TEXT.tag} · e\u0301\u200b zero-width${i % 7 === 0 ? "\n" : " "}`,
)
  .join("")
  .slice(0, 100_000)
  .trim();

let root: string;
let dataDir: string;
let store: JournalStore;
let rejectionId: string;
const run = (args: string[], input?: string) => runInProcess(args, { dataDir, input });

beforeAll(async () => {
  root = tempDir();
  dataDir = join(root, "home");
  store = new JournalStore(dataDir);
  const logged = await run(
    [
      ...["log", "--company", TEXT.company, "--role", TEXT.role, "--stage", "final", "--ended", "rejected"],
      ...["--mood", "4", "--reason-given", TEXT.reasonGiven, "--tag", TEXT.tag, "--tag", TEXT.otherTag],
      ...["--note", "-", "--json"],
    ],
    NOTE,
  );
  expect(logged.code, logged.stderr).toBe(0);
  rejectionId = (JSON.parse(logged.stdout) as Entry).id;
  for (const args of [
    ["reflect", rejectionId, "--mood", "6", "--thought", TEXT.thought, "--action", TEXT.action],
    ["feedback", rejectionId, "--received", TEXT.feedback],
    ["win", "--kind", "interview", "--title", TEXT.title, "--company", TEXT.company, "--note", TEXT.reasonGiven],
  ]) {
    const result = await run(args);
    expect(result.code, result.stderr).toBe(0);
  }
});
afterAll(() => removeDir(root));

const stored = () => storedJournal(store.dir).entries;
const theRejection = () => stored().find((entry) => entry.id === rejectionId) as RejectionEntry;
const theWin = () => stored().find((entry) => entry.kind === "win") as WinEntry;

/** The export lists newest first, the journal in the order written: compare in id order. */
const byId = (entries: Entry[]) => [...entries].sort((a, b) => a.id.localeCompare(b.id));

/** Every typed text and where it is kept. */
function expectAllKept(entries: Entry[]): void {
  const rejection = entries.find((entry) => entry.kind === "rejection") as RejectionEntry;
  const win = entries.find((entry) => entry.kind === "win") as WinEntry;
  expect(rejection).toMatchObject({
    company: TEXT.company,
    role: TEXT.role,
    reasonGiven: TEXT.reasonGiven,
    tags: [TEXT.tag, TEXT.otherTag],
    note: NOTE,
  });
  expect(rejection.reflection!.thought!.thought).toBe(TEXT.thought);
  expect(rejection.actions[0]!.text).toBe(TEXT.action);
  expect(rejection.feedback[0]!.text).toBe(TEXT.feedback);
  expect(win).toMatchObject({ title: TEXT.title, company: TEXT.company, note: TEXT.reasonGiven });
}

/** RFC 4180, as the export writes it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += char;
  }
  return rows;
}

describe("any text, through the CLI", () => {
  it("the note is about 100 KB, over many lines", () => {
    expect(Buffer.byteLength(NOTE)).toBeGreaterThan(100_000);
    expect(NOTE.split("\n").length).toBeGreaterThan(100);
  });

  it("is stored exactly as typed", () => {
    expectAllKept(stored());
  });

  it("the JSON export holds it exactly, and imports back to the same bytes", async () => {
    const json = await run(["export", "--format", "json"]);
    expect(json.code).toBe(0);
    const entries = (JSON.parse(json.stdout) as { entries: Entry[] }).entries;
    expectAllKept(entries);
    expect(byId(entries)).toEqual(byId(JSON.parse(JSON.stringify(stored())) as Entry[]));
    const other = join(root, "from-json");
    expect((await runInProcess(["import", "-"], { dataDir: other, input: json.stdout })).code).toBe(0);
    expect((await runInProcess(["export", "--format", "json"], { dataDir: other })).stdout).toBe(json.stdout);
  });

  it("the YAML export holds it exactly, and imports back to the same entries", async () => {
    const yaml = await run(["export", "--format", "yaml"]);
    expect(yaml.code).toBe(0);
    const entries = (parseYaml(yaml.stdout) as { entries: Entry[] }).entries;
    expectAllKept(entries);
    const other = join(root, "from-yaml");
    expect((await runInProcess(["import", "-"], { dataDir: other, input: yaml.stdout })).code).toBe(0);
    expect(byId(storedJournal(other).entries)).toEqual(byId(stored()));
  });

  it("the CSV export holds each text intact in its cell", async () => {
    const csv = await run(["export", "--format", "csv"]);
    expect(csv.code).toBe(0);
    const [header, ...rows] = parseCsv(csv.stdout);
    const cell = (id: string, column: string) => rows.find((row) => row[0] === id)![header!.indexOf(column)];
    expect(cell(rejectionId, "company")).toBe(TEXT.company);
    expect(cell(rejectionId, "role")).toBe(TEXT.role);
    expect(cell(rejectionId, "reason_given")).toBe(TEXT.reasonGiven);
    expect(cell(rejectionId, "tags")).toBe(`${TEXT.tag};${TEXT.otherTag}`);
    expect(cell(rejectionId, "note")).toBe(NOTE);
    expect(cell(theWin().id, "title")).toBe(TEXT.title);
    expect(cell(theWin().id, "note")).toBe(TEXT.reasonGiven);
  });

  it("the Markdown export, one stream and one note per entry, holds every line of every text", async () => {
    const md = await run(["export", "--format", "md"]);
    expect(md.code).toBe(0);
    const folder = join(root, "notes");
    expect((await run(["export", "--format", "md", "--per-file", folder])).code).toBe(0);
    const notes = readdirSync(folder).map((name) => readFileSync(join(folder, name), "utf8"));
    const rejectionNote = notes.find((note) => note.includes(rejectionId))!;
    const texts = [TEXT.company, TEXT.role, TEXT.reasonGiven, TEXT.thought, TEXT.feedback, TEXT.action, NOTE];
    for (const markdown of [md.stdout, rejectionNote]) {
      for (const text of texts) {
        // Markdown, read in terminals too, shows a zero-width space by name.
        for (const line of text.split(/\r?\n/).filter(Boolean)) {
          expect(markdown).toContain(line.replaceAll("\u200b", "<U+200B>"));
        }
      }
      expect(markdown).toContain(TEXT.otherTag);
    }
    expect(md.stdout).toContain(TEXT.title);
  });

  it("show and list print it without error", async () => {
    const show = await run(["show", rejectionId]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain(TEXT.company);
    expect(show.stdout).toContain(TEXT.feedback.split("\n")[0]);
    const list = await run(["list"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain("Société");
    expect(theRejection().note).toBe(NOTE);
  });
});
