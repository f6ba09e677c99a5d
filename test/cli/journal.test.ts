import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import stringWidth from "fast-string-width";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatEntries } from "../../src/export/index.js";
import type { EXPORT_FORMATS } from "../../src/export/formats.js";
import { noteFileName } from "../../src/export/markdown.js";
import type { Entry } from "../../src/journal/entry.js";
import { filterEntries } from "../../src/journal/filters.js";
import type { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { rejection } from "../helpers/fixtures.js";
import { fixtureEntries, seedJournal } from "../helpers/journal-fixture.js";
import { storedJournal } from "../helpers/stored-journal.js";

let root: string;
let dataDir: string;
let store: JournalStore;
const fixture = fixtureEntries();

beforeEach(async () => {
  root = tempDir();
  dataDir = join(root, "home");
  store = await seedJournal(dataDir, fixture);
});
afterEach(() => removeDir(root));

const run = (...args: string[]) => runInProcess(args, { dataDir });
const journalBytes = () => readFileSync(store.file);
const ids = () => storedJournal(store.dir).entries.map((entry) => entry.id);

describe("list", () => {
  it("prints one aligned line per entry, newest first, with a header", async () => {
    const result = await run("list");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^id\s+date\s+kind\s+company\s+role\s+stage\s+mood\s+reflected$/);
    expect(lines.slice(1).map((line) => line.slice(0, 8))).toEqual([
      "c3000003",
      "b2000002",
      "e5000005",
      "a1000001",
      "d4000004",
    ]);
    expect(lines[2]).toMatch(/^b2000002 {2}2026-11-05 {2}rejection {2}Globex +Platform Lead +final +6\/10 +yes$/);
    expect(lines[4]).toMatch(/Acme, Inc\. +Backend Engineer +screening +3\/10 +no$/);
    // Columns line up on screen: each value starts under its heading, wide characters counted as two.
    const column = (line: string, at: number) => stringWidth(line.slice(0, at));
    const dateAt = column(lines[0]!, lines[0]!.indexOf("date"));
    const moodAt = column(lines[0]!, lines[0]!.indexOf("mood"));
    for (const line of lines.slice(1)) {
      expect(column(line, line.indexOf("2026-"))).toBe(dateAt);
      if (line.includes("rejection")) expect(column(line, line.search(/\d+\/10/))).toBe(moodAt);
    }
  });

  it("neutralises terminal escapes typed into the journal, and answers to its alias 'journal'", () => {
    const evil = rejection({ id: "f6000006", company: "Evil\u001b]0;pwned\u0007Co", role: "x\ny" });
    const dir = join(root, "evil");
    return seedJournal(dir, [evil]).then(async () => {
      const result = await runInProcess(["journal"], { dataDir: dir });
      expect(result.code).toBe(0);
      expect(result.stdout).not.toContain("\u001b");
      expect(result.stdout).toContain("Evil^[]0;pwned\\x07Co");
      expect(result.stdout).toContain("x y");
    });
  });

  it("filters, and --json prints only the matching entries exactly as stored", async () => {
    const result = await run("list", "--company", "ACME", "--json");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(
      fixture.filter((e) => e.id === "e5000005" || e.id === "a1000001").reverse(),
    );
    expect(JSON.parse((await run("list", "--search", "long walk", "--json")).stdout).map((e: Entry) => e.id)).toEqual([
      "b2000002",
    ]);
    expect((await run("list", "--kind", "win", "-n", "1")).stdout).toContain("c3000003");
  });

  it("an empty journal gives a kind hint on stderr and exit 0; no match says so", async () => {
    const empty = await runInProcess(["list"], { dataDir: join(root, "empty") });
    expect(empty.code).toBe(0);
    expect(empty.stdout).toBe("");
    expect(empty.stderr).toContain("Your journal is empty. Log a rejection with: rejection-coach log");
    expect(existsSync(join(root, "empty"))).toBe(false);
    const none = await run("list", "--company", "nobody");
    expect(none.code).toBe(0);
    expect(none.stdout).toBe("");
    expect(none.stderr).toContain("No entries match those filters (5 in the journal)");
  });

  it("bad filter values are usage errors (exit 2) naming what is allowed", async () => {
    const stage = await run("list", "--stage", "lunch");
    expect(stage.code).toBe(2);
    expect(stage.stderr).toContain("applied, screening, interview, assessment, final, offer");
    const since = await run("list", "--since", "next year sometime");
    expect(since.code).toBe(2);
    expect(since.stderr).toContain("--since");
    expect((await run("list", "-n", "0")).code).toBe(2);
    expect((await run("list", "--kind", "loss")).stderr).toContain("rejection, win");
  });
});

describe("show", () => {
  it("lays out the whole entry: fields, reflection, check-ins, feedback, actions", async () => {
    const result = await run("show", "b2");
    expect(result.code).toBe(0);
    const out = result.stdout;
    for (const text of [
      "Globex · Platform Lead",
      "2026-11-05 · rejection · id b2000002",
      "Final round (they stopped replying)",
      "Dana (recruiter)",
      "Reflection",
      "What went well?",
      "The system design round.",
      "Preparation: 4/5",
      "Thinking trap: fortune telling",
      "Partly · on-call heavy",
      "Check-ins",
      "mood 7/10 · Went for a long walk",
      "Feedback received",
      "Strong on design, lighter on operations",
      "[ ] Practise ops scenarios (due 2026-11-20)",
      "[x] Thank the panel (done 2026-11-08)",
    ]) {
      expect(out).toContain(text);
    }
  });

  it("shows the reason given and the note, with escapes neutralised", async () => {
    const result = await run("show", "d4000004");
    expect(result.stdout).toContain("evil ^[[31mred^[[0m text");
    expect(result.stdout).not.toContain("\u001b");
    expect((await run("show", "a1")).stdout).toContain('We chose someone "more senior".');
  });

  it("--json prints the entry exactly as stored", async () => {
    const result = await run("show", "c3000003", "--json");
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(fixture.find((e) => e.id === "c3000003"));
  });

  it("an unknown or ambiguous id exits 1 with one line", async () => {
    const unknown = await run("show", "zzzz");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
    expect(unknown.stderr).toContain("no entry with id 'zzzz'");
    await store.update((journal) => {
      journal.entries.push(rejection({ id: "abcd0001" }), rejection({ id: "abcd0002" }));
    });
    const ambiguous = await run("show", "abcd");
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain("'abcd' matches 2 entries (abcd0001, abcd0002)");
  });
});

describe("delete", () => {
  it("off a terminal without --yes: refuses with exit 2 and changes nothing", async () => {
    const before = journalBytes();
    const result = await run("delete", "a1000001");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("add --yes");
    expect(journalBytes()).toEqual(before);
  });

  it("--yes deletes the one entry, and says so on stderr", async () => {
    const result = await run("delete", "a1", "--yes");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Deleted 2026-10-01 · Acme, Inc. · Backend Engineer (a1000001)");
    expect(ids()).toEqual(["b2000002", "c3000003", "d4000004", "e5000005"]);
  });

  it("an unknown, ambiguous or empty id exits 1 and changes nothing", async () => {
    await store.update((journal) => {
      journal.entries.push(rejection({ id: "abcd0001" }), rejection({ id: "abcd0002" }));
    });
    const before = journalBytes();
    expect((await run("delete", "nope", "--yes")).code).toBe(1);
    const ambiguous = await run("delete", "abcd", "--yes");
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain("type more of the id");
    expect((await run("delete", " ", "--yes")).code).toBe(1);
    expect(journalBytes()).toEqual(before);
  });
});

describe("export", () => {
  /** The whole journal as stored (the store keeps its own key order), newest first. */
  const expected = (format: (typeof EXPORT_FORMATS)[number]) =>
    formatEntries(format, filterEntries(storedJournal(store.dir).entries, {}));

  it("takes the same filters as list", async () => {
    const csv = await run("export", "--format", "csv", "--since", "2026-11-01", "--kind", "rejection");
    expect(csv.stdout.split("\r\n").map((line) => line.split(",")[0])).toEqual(["id", "b2000002", "e5000005", ""]);
  });

  it("--output writes the same bytes to a private file, atomically, and reports on stderr", async () => {
    const file = join(root, "backup.json");
    writeFileSync(file, "old contents");
    const result = await run("export", "--format", "json", "--output", file);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`Wrote 5 entries to ${file}`);
    expect(readFileSync(file, "utf8")).toBe(await expected("json"));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(root).sort()).toEqual(["backup.json", "home"]);
  });

  it("--output into a folder that does not exist fails with exit 1 and writes nothing", async () => {
    const result = await run("export", "--format", "md", "--output", join(root, "missing", "notes.md"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("the folder does not exist");
    expect(existsSync(join(root, "missing"))).toBe(false);
  });

  it("--per-file writes one note per matching entry with safe names", async () => {
    const vault = join(root, "vault", "Job search");
    const result = await run("export", "--format", "md", "--per-file", vault, "--kind", "rejection");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`Wrote 4 notes to ${vault}`);
    const names = readdirSync(vault).sort();
    expect(names).toEqual(
      fixture
        .filter((e) => e.kind === "rejection")
        .map(noteFileName)
        .sort(),
    );
    expect(names).toContain("2026-10-01-acme-inc-backend-engineer-a1000001.md");
    const note = readFileSync(join(vault, "2026-11-05-globex-platform-lead-b2000002.md"), "utf8");
    expect(note.startsWith("---\nid: b2000002\n")).toBe(true);
    expect(note).toContain("- [x] Thank the panel (done 2026-11-08)");
  });

  it("needs --format from the allowed values (exit 2), and --per-file only with md", async () => {
    const missing = await run("export");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--format");
    const bad = await run("export", "--format", "xml");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("md, json, yaml, csv");
    const perFile = await run("export", "--format", "json", "--per-file", join(root, "x"));
    expect(perFile.code).toBe(2);
    expect(perFile.stderr).toContain("--per-file writes Markdown notes");
    expect(existsSync(join(root, "x"))).toBe(false);
  });

  it("--help shows the piping recipes", async () => {
    const help = (await run("export", "--help")).stdout;
    expect(help).toContain(">> notes.md");
    expect(help).toContain("| jq");
  });
});

describe("import", () => {
  let other: string;
  beforeEach(() => {
    other = join(root, "other");
  });
  const runOther = (args: string[], input?: string) => runInProcess(args, { dataDir: other, input });
  const otherFile = () => join(other, "journal.json");

  it("brings a whole export into an empty journal; exporting it again gives the same bytes", async () => {
    const exported = (await run("export", "--format", "json")).stdout;
    const file = join(root, "export.json");
    writeFileSync(file, exported);
    const result = await runOther(["import", file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Added 5, skipped 0 already there, 0 conflicts.");
    expect((await runOther(["export", "--format", "json"])).stdout).toBe(exported);
    expect(statSync(otherFile()).mode & 0o777).toBe(0o600);
  });

  it("reads YAML, and - reads standard input; the same entries again are skipped", async () => {
    const yaml = (await run("export", "--format", "yaml")).stdout;
    expect((await runOther(["import", "-"], yaml)).stderr).toContain("Added 5");
    const again = await runOther(["import", "-", "--json"], (await run("export", "--format", "json")).stdout);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ added: 0, skipped: 5, conflicts: 0, prefer: "mine", dryRun: false });
  });

  it("--dry-run says what would happen and writes nothing", async () => {
    const result = await runOther(["import", "-", "--dry-run"], (await run("export", "--format", "json")).stdout);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Dry run, nothing written. Would add 5, skip 0 already there, 0 conflicts.");
    expect(existsSync(other)).toBe(false);
    const before = journalBytes();
    const changed = (await run("export", "--format", "json")).stdout.replace('"Globex"', '"Globex Corp"');
    expect(
      (await runInProcess(["import", "-", "--dry-run", "--prefer", "theirs"], { dataDir, input: changed })).stderr,
    ).toContain("would take theirs");
    expect(journalBytes()).toEqual(before);
  });

  it("a conflicting entry is reported and kept as mine, unless --prefer theirs", async () => {
    const changed = (await run("export", "--format", "json")).stdout.replace('"Globex"', '"Globex Corp"');
    const before = journalBytes();
    const kept = await runInProcess(["import", "-"], { dataDir, input: changed });
    expect(kept.code).toBe(0);
    expect(kept.stderr).toContain(
      "conflict b2000002 (2026-11-05 · Globex · Platform Lead) differs from yours; kept yours",
    );
    expect(kept.stderr).toContain("Added 0, skipped 4 already there, 1 conflict (kept yours).");
    expect(journalBytes()).toEqual(before);

    const taken = await runInProcess(["import", "-", "--prefer", "theirs"], { dataDir, input: changed });
    expect(taken.code).toBe(0);
    expect(taken.stderr).toContain("1 conflict (took theirs)");
    expect(storedJournal(store.dir).entries.find((e) => e.id === "b2000002")?.company).toBe("Globex Corp");
    expect((await run("import", "x", "--prefer", "both")).code).toBe(2);
  });

  describe("a malformed file writes nothing and says what and where (exit 1)", () => {
    const good = async () =>
      JSON.parse((await run("export", "--format", "json")).stdout) as { version: number; entries: Entry[] };
    const cases: [string, () => string | Buffer | Promise<string>, RegExp][] = [
      ["not JSON or YAML", () => "{ this is not json", /is not valid JSON/],
      ["random bytes", () => Buffer.from([0, 1, 2, 0xff, 0xfe]), /not a rejection-coach export|neither JSON nor/],
      [
        "a wrong type in one entry",
        async () => {
          const doc = await good();
          (doc.entries[3] as unknown as { mood: string }).mood = "awful";
          return JSON.stringify({ ...doc, entries: [...doc.entries, rejection({ id: "f0000001" })] });
        },
        /entry #4 \(id "a1000001"\): field `mood`/,
      ],
      [
        "duplicate ids",
        async () => {
          const doc = await good();
          return JSON.stringify({ ...doc, entries: [...doc.entries, { ...doc.entries[0], note: "twin" }] });
        },
        /entry #6 \(id "c3000003"\): the id is already used by entry #1/,
      ],
      ["a version from the future", () => JSON.stringify({ version: 7, entries: [] }), /newer rejection-coach/],
    ];
    for (const [name, content, message] of cases) {
      it(name, async () => {
        const file = join(root, "bad-import");
        writeFileSync(file, await content());
        const before = journalBytes();
        const result = await run("import", file);
        expect(result.code).toBe(1);
        expect(result.stderr.trim().split("\n")).toHaveLength(1);
        expect(result.stderr).toMatch(message);
        expect(result.stderr).toContain(file);
        expect(journalBytes()).toEqual(before);
      });
    }

    it("a file over the size limit", async () => {
      const file = join(root, "huge.json");
      writeFileSync(file, "");
      truncateSync(file, 51 * 1024 * 1024);
      const before = journalBytes();
      const result = await run("import", file);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("is larger than 50 MB");
      expect(journalBytes()).toEqual(before);
    });

    it("a file that does not exist", async () => {
      const result = await run("import", join(root, "nope.json"));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("nope.json: cannot be read: no such file");
    });
  });
});

describe("config", () => {
  it("set, get, list, unset and path", async () => {
    const set = await run("config", "set", "name", "Sam Lee");
    expect(set.code).toBe(0);
    expect(set.stderr).toContain("name = Sam Lee");
    expect((await run("config", "get", "name")).stdout).toBe("Sam Lee\n");
    const settingsFile = join(dataDir, "settings.json");
    expect(statSync(settingsFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(settingsFile, "utf8"))).toEqual({ name: "Sam Lee" });

    await run("config", "set", "contentDir", root);
    expect((await run("config", "list")).stdout).toBe(
      `contentDir  ${root}\nname        Sam Lee\ndateOrder   (not set)\nplain       (not set)\nnudges      (not set)\n`,
    );
    expect(JSON.parse((await run("config", "list", "--json")).stdout)).toEqual({ name: "Sam Lee", contentDir: root });

    expect((await run("config", "unset", "name")).code).toBe(0);
    const unset = await run("config", "get", "name");
    expect(unset.code).toBe(1);
    expect(unset.stderr).toContain("name is not set");

    expect((await run("config", "path")).stdout).toBe(
      `data folder  ${dataDir}\njournal      ${join(dataDir, "journal.json")}\nsettings     ${settingsFile}\n`,
    );
  });

  it("an unknown key is exit 2 naming the settings; an empty value too", async () => {
    for (const args of [
      ["get", "colour"],
      ["set", "colour", "red"],
      ["unset", "colour"],
    ]) {
      const result = await run("config", ...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        "unknown setting 'colour' (settings: contentDir, name, dateOrder, plain, nudges)",
      );
    }
    expect((await run("config", "set", "name", "  ")).code).toBe(2);
    expect(existsSync(join(dataDir, "settings.json"))).toBe(false);
  });

  it("nudges takes on or off, in any case, and nothing else", async () => {
    const off = await run("config", "set", "nudges", "OFF");
    expect(off.code).toBe(0);
    expect(off.stderr).toContain("nudges = off");
    expect((await run("config", "get", "nudges")).stdout).toBe("off\n");
    const wrong = await run("config", "set", "nudges", "sometimes");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("nudges must be on or off");
    expect((await run("config", "get", "nudges")).stdout).toBe("off\n");
  });

  it("the settings are used: contentDir set here is the content folder tips reads", async () => {
    await run("config", "set", "contentDir", join(root, "no-such-folder"));
    const tips = await run("tips");
    expect(tips.code).toBe(1);
    expect(tips.stderr).toContain("no-such-folder");
  });
});
