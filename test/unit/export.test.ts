import { EXPORT_VERSION } from "../../src/journal/export-version.js";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { CSV_COLUMNS, defuseFormula, formatCsv, quoteCell } from "../../src/export/csv.js";
import { formatEntries } from "../../src/export/index.js";
import { showInvisible } from "../../src/export/invisible.js";
import { formatJson } from "../../src/export/json.js";
import { formatMarkdown, markdownNote, noteFileName } from "../../src/export/markdown.js";
import { writeExportFile, writeNotes } from "../../src/export/write.js";
import { formatYaml } from "../../src/export/yaml.js";
import { newestFirst } from "../../src/journal/queries.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { rejection, win } from "../helpers/fixtures.js";
import { fixtureEntries } from "../helpers/journal-fixture.js";

const entries = newestFirst(fixtureEntries());
const byId = (id: string) => entries.find((entry) => entry.id === id)!;

/** RFC 4180, strictly: the test's own reader, so the writer is checked against the standard, not itself. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  while (i < text.length) {
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (i >= text.length) throw new Error("unterminated quote");
        if (text[i] !== '"') cell += text[i];
        else if (text[i + 1] === '"') cell += text[i++];
        else break;
      }
      i++;
    }
    if (i >= text.length) break;
    if (text[i] === ",") {
      endCell();
      i++;
    } else if (text.startsWith("\r\n", i)) {
      endCell();
      rows.push(row);
      row = [];
      i += 2;
    } else if (text[i] === '"' || text[i] === "\n" || text[i] === "\r") {
      throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
    } else {
      cell += text[i++];
    }
  }
  if (cell || row.length) throw new Error("last record does not end in CRLF");
  return rows;
}

describe("JSON export", () => {
  it("is the versioned document with every entry exactly as stored", () => {
    const text = formatJson(entries);
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text)).toEqual({ version: EXPORT_VERSION, entries });
    expect(Object.keys(JSON.parse(text))).toEqual(["version", "entries"]);
  });

  it("an empty export is still a valid document", () => {
    expect(JSON.parse(formatJson([]))).toEqual({ version: EXPORT_VERSION, entries: [] });
  });

  it("keeps control characters escaped, never raw", () => {
    expect(formatJson([byId("d4000004")])).toContain("evil \\u001b[31mred");
    expect(formatJson(entries)).not.toContain("\u001b");
  });

  it("escapes bidi controls and zero-width characters, and parses back to the same text", () => {
    const note = "left\u202eright \u2067rtl\u2069 zero\u200bwidth \ufeffbom \u200d alone";
    const text = formatJson([rejection({ note })]);
    expect(text).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
    expect(text).toContain("left\\u202eright");
    expect((JSON.parse(text) as { entries: { note: string }[] }).entries[0]!.note).toBe(note);
  });
});

describe("YAML export", () => {
  it("holds the same data as JSON", () => {
    expect(parseYaml(formatYaml(entries))).toEqual({ version: EXPORT_VERSION, entries });
  });

  it("quotes strings an older YAML reader would take for dates, numbers or booleans", () => {
    const tricky = rejection({ id: "12345678", company: "yes", role: "1e5", tags: ["on", "null"] });
    const text = formatYaml([tricky]);
    expect(text).toContain('id: "12345678"');
    expect(text).toContain('date: "2026-11-02"');
    expect(text).toContain('company: "yes"');
    expect(parseYaml(text, { version: "1.1" })).toEqual({ version: EXPORT_VERSION, entries: [tricky] });
  });

  it("quotes text that a YAML 1.2 reader would take for a number, such as 0o17", () => {
    const octal = win({ title: "0o17", tags: ["0x1F", "-.5e3", ".NaN", "~"] });
    expect(parseYaml(formatYaml([octal]))).toEqual({ version: EXPORT_VERSION, entries: [octal] });
  });

  it("keeps lines made only of spaces, which a block scalar would turn into empty lines", () => {
    const spaced = win({ company: " \n", note: "first\n  \nthird", title: "  indented\n tail" });
    expect(parseYaml(formatYaml([spaced]))).toEqual({ version: EXPORT_VERSION, entries: [spaced] });
  });
  it("escapes DEL, C1 controls, bidi and zero-width characters, and reads back exactly", () => {
    const odd = rejection({
      company: "csi\u009b[2J del\u007f nel\u0085 st\u009c",
      role: "left\u202eright \u2066iso\u2069 \u200fmark \u061cal",
      note: "zero\u200bwidth \u2060word \ufeffbom \u2028line\nsecond line \u200d alone",
      tags: ["\u202e", "plain"],
    });
    const text = formatYaml([odd]);
    expect(text).not.toMatch(/[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/);
    expect(text).toContain('company: "csi\\x9B[2J del\\x7F nel\\x85 st\\x9C"');
    expect(text).toContain("\\u202E");
    expect(parseYaml(text)).toEqual({ version: EXPORT_VERSION, entries: [odd] });
    expect(parseYaml(text, { version: "1.1" })).toEqual({ version: EXPORT_VERSION, entries: [odd] });
  });

  it("leaves joiners inside words and emoji as they are, unquoted", () => {
    const joined = win({ title: "می\u200cخواهم 👩\u200d💻" });
    const text = formatYaml([joined]);
    expect(text).toContain("title: می\u200cخواهم 👩\u200d💻\n");
    expect(parseYaml(text)).toEqual({ version: EXPORT_VERSION, entries: [joined] });
  });
});

describe("CSV export", () => {
  const text = formatCsv(entries);
  const rows = parseCsv(text);
  const row = (id: string) => {
    const found = rows.find((cells) => cells[0] === id)!;
    return Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, found[index]]));
  };

  it("has a header and one row per entry, every record ending in CRLF", () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(entries.length + 1);
    expect(rows.every((cells) => cells.length === CSV_COLUMNS.length)).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n")[0]).toBe(CSV_COLUMNS.join(","));
  });

  it("quotes cells with commas, quotes and newlines, doubling the quotes", () => {
    expect(text).toContain('"Acme, Inc."');
    expect(text).toContain('"We chose someone ""more senior"".\nGood luck!"');
    expect(row("a1000001").company).toBe("Acme, Inc.");
    expect(row("a1000001").reason_given).toBe('We chose someone "more senior".\nGood luck!');
  });

  it("puts an apostrophe before a cell a spreadsheet would run as a formula", () => {
    expect(row("a1000001").note).toBe(`'=HYPERLINK("http://example.com","click")`);
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(defuseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    }
    expect(defuseFormula("1-1")).toBe("1-1");
    expect(defuseFormula("a=b")).toBe("a=b");
    const hostile = formatCsv([
      rejection({ id: "f6000006", company: "+cmd|' /C calc'!A0", role: "@SUM(1)", tags: ["-2"] }),
    ]);
    const cells = parseCsv(hostile)[1]!;
    expect(cells[3]).toBe("'+cmd|' /C calc'!A0");
    expect(cells[4]).toBe("'@SUM(1)");
    expect(cells[10]).toBe("'-2");
  });

  it("quoting follows RFC 4180 exactly", () => {
    expect(quoteCell("plain")).toBe("plain");
    expect(quoteCell("a,b")).toBe('"a,b"');
    expect(quoteCell('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCell("line\r\nline")).toBe('"line\r\nline"');
    expect(quoteCell("cr\ronly")).toBe('"cr\ronly"');
  });

  it("has the main fields of a rejection", () => {
    expect(row("a1000001")).toMatchObject({
      kind: "rejection",
      date: "2026-10-01",
      role: "Backend Engineer",
      stage: "screening",
      ended: "rejected",
      reasons: "competition",
      mood: "3",
      emotions: "sad;frustrated",
      tags: "Remote;fintech",
      reflected: "no",
      open_actions: "0",
      title: "",
      win_kind: "",
    });
    expect(row("b2000002")).toMatchObject({ reflected: "yes", open_actions: "1", ended: "ghosted" });
  });

  it("has title and kind of a win, and leaves rejection-only cells empty", () => {
    expect(row("c3000003")).toMatchObject({
      kind: "win",
      company: "Initech",
      title: "First interview at テスト 🎉",
      win_kind: "interview",
      stage: "",
      mood: "",
      reflected: "",
    });
  });

  it("shows control characters as visible escapes", () => {
    expect(row("d4000004").note).toBe("evil \\x1b[31mred\\x1b[0m text");
    expect(text).not.toContain("\u001b");
  });
});

describe("Markdown export", () => {
  const text = formatMarkdown(entries);
  /** The one entry's section: from its ## heading to the next. */
  const section = (id: string) => text.split(/\n(?=## )/).find((block) => block.includes(`\`${id}\``))!;

  it("has one ## heading per entry, newest first, and nothing before the first", () => {
    const headings = text.split("\n").filter((line) => line.startsWith("## "));
    expect(headings).toEqual([
      "## 2026-11-10 · Win: First interview at テスト 🎉 · Initech",
      "## 2026-11-05 · Globex · Platform Lead",
      "## 2026-11-05 · Acme Labs · SRE",
      "## 2026-10-01 · Acme, Inc. · Backend Engineer",
      "## 2026-09-12 · שלום Ltd · مهندس",
    ]);
    expect(text.startsWith("## ")).toBe(true);
    expect(text.endsWith("\n")).toBe(true);
    expect(text.endsWith("\n\n")).toBe(false);
  });

  it("lists the facts, the reason given as a quote, the reflection, check-ins, feedback and actions", () => {
    const globex = section("b2000002");
    expect(globex).toContain("- Stage: final\n- Ended: ghosted\n- Mood: 6/10");
    expect(globex).toContain("- Contact: Dana (recruiter)");
    expect(globex).toContain("### Reflection\n\nWritten 2026-11-07, mood 7/10.");
    expect(globex).toContain("- **What went well?**\n  The system design round.\n  Good rapport.");
    expect(globex).toContain("- Thinking trap: fortune telling");
    expect(globex).toContain("- Was it a fit? partly: on-call heavy");
    expect(globex).toContain("### Check-ins\n\n- 2026-11-08: mood 7/10. Went for a long walk");
    expect(globex).toContain("### Feedback received\n\n- 2026-11-09: Strong on design, lighter on operations");
    expect(globex).toContain(
      "### Actions\n\n- [ ] Practise ops scenarios (due 2026-11-20)\n- [x] Thank the panel (done 2026-11-08)",
    );
    expect(section("a1000001")).toContain('### Reason they gave\n\n> We chose someone "more senior".\n> Good luck!');
  });

  it("keeps a person's text from breaking the layout or the terminal", () => {
    const odd = rejection({
      id: "f6000006",
      company: "Two\nLines",
      role: "R",
      note: "line\n## not a heading?",
      actions: [{ id: "ac000009", text: "first\nsecond", createdAt: "2026-11-07T09:00:00.000Z" }],
    });
    const out = formatMarkdown([odd, byId("d4000004")]);
    expect(out).toContain("## 2026-11-02 · Two Lines · R\n");
    expect(out).toContain("- [ ] first\n  second");
    expect(out).toContain("evil \\x1b[31mred\\x1b[0m text");
    expect(out).not.toContain("\u001b");
  });

  it("turns a bare CR into a line break, so no line can overwrite another in a terminal", () => {
    const odd = rejection({
      id: "f9000009",
      company: "Shown\rHidden",
      note: "first\rsecond\r\nthird",
      actions: [{ id: "ac000010", text: "step\ragain", createdAt: "2026-11-07T09:00:00.000Z" }],
    });
    const out = formatMarkdown([odd]);
    expect(out).not.toContain("\r");
    expect(out).toContain("## 2026-11-02 · Shown Hidden · Backend Engineer\n");
    expect(out).toContain("### Note\n\nfirst\nsecond\nthird\n");
    expect(out).toContain("- [ ] step\n  again");
  });

  it("shows bidi controls and zero-width characters by name, in the text and the front matter", () => {
    const odd = rejection({ id: "fa00000a", company: "Ac\u202eme", role: "R\u200bole", note: "n\u2066o\u2069te" });
    const out = formatMarkdown([odd]) + markdownNote(odd);
    expect(out).not.toMatch(/[\u200b\u202e\u2066\u2069]/);
    expect(out).toContain("## 2026-11-02 · Ac<U+202E>me · R<U+200B>ole");
    expect(out).toContain("n<U+2066>o<U+2069>te");
    expect(out).toContain("company: Ac<U+202E>me");
  });

  describe("a note per entry", () => {
    const note = markdownNote(byId("b2000002"));
    const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(note)?.[1];

    it("starts with front matter that parses as YAML and holds the entry's properties", () => {
      expect(frontMatter).toBeDefined();
      expect(parseYaml(frontMatter!)).toEqual({
        id: "b2000002",
        kind: "rejection",
        date: "2026-11-05",
        tags: ["remote"],
        company: "Globex",
        role: "Platform Lead",
        stage: "final",
        ended: "ghosted",
        mood: 6,
        emotions: [],
        reasons: [],
        contact: "Dana (recruiter)",
        reflected: true,
        openActions: 1,
      });
    });

    it("then a # title and ## sections", () => {
      expect(note).toContain("---\n\n# Globex · Platform Lead\n\n## Reflection\n");
      expect(note).toContain("## Actions\n\n- [ ] Practise ops scenarios");
    });

    it("front matter of a win, with vault-friendly tags", () => {
      const text = markdownNote(win({ id: "f7000007", title: 'Offer: "yes"', tags: ["big news"] }));
      expect(parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!)).toEqual({
        id: "f7000007",
        kind: "win",
        date: "2026-11-03",
        tags: ["big-news"],
        winKind: "interview",
        title: 'Offer: "yes"',
      });
    });

    it("front matter of hostile text still parses, with control characters escaped", () => {
      const text = markdownNote(
        rejection({ id: "f8000008", company: "---\nx: y", role: "a: b # c", contact: "\u001b]0;title\u0007" }),
      );
      const parsed = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, string>;
      expect(parsed.company).toBe("--- x: y");
      expect(parsed.role).toBe("a: b # c");
      expect(parsed.contact).toBe("\\x1b]0;title\\x07");
    });
  });

  it("note file names are date-company-role-id.md, made of letters, digits and hyphens only", () => {
    expect(noteFileName(byId("a1000001"))).toBe("2026-10-01-acme-inc-backend-engineer-a1000001.md");
    expect(noteFileName(byId("c3000003"))).toBe("2026-11-10-win-first-interview-at-テスト-c3000003.md");
    expect(noteFileName(byId("d4000004"))).toBe("2026-09-12-שלום-ltd-مهندس-d4000004.md");
    const hostile = rejection({ id: "f9000009", company: "../../etc", role: "/passwd\u0000..\\x" });
    expect(noteFileName(hostile)).toBe("2026-11-02-etc-passwd-x-f9000009.md");
    expect(noteFileName(rejection({ id: "fa00000a", company: "!!!", role: "???" }))).toBe("2026-11-02-fa00000a.md");
    expect(noteFileName(rejection({ id: "fb00000b", company: "x".repeat(200), role: "r" }))).toBe(
      `2026-11-02-${"x".repeat(40)}-r-fb00000b.md`,
    );
  });
});

describe("formatEntries picks the formatter", () => {
  it("for each format", async () => {
    expect(await formatEntries("json", entries)).toBe(formatJson(entries));
    expect(await formatEntries("yaml", entries)).toBe(formatYaml(entries));
    expect(await formatEntries("csv", entries)).toBe(formatCsv(entries));
    expect(await formatEntries("md", entries)).toBe(formatMarkdown(entries));
  });
});

describe("writing export files", () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => removeDir(dir));

  it("replaces a file whole, private, leaving no temporary file", () => {
    const file = join(dir, "out.json");
    writeFileSync(file, "old");
    expect(writeExportFile(file, "new text")).toBe(file);
    expect(readFileSync(file, "utf8")).toBe("new text");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(["out.json"]);
  });

  it("refuses a folder or a missing parent, naming the path", () => {
    expect(() => writeExportFile(dir, "x")).toThrow(`${dir}: cannot write the export: it is a folder`);
    expect(() => writeExportFile(join(dir, "no", "such.md"), "x")).toThrow(/the folder does not exist/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("writes one note per entry, creating the folder, and replaces a note on a second run", () => {
    const vault = join(dir, "vault", "Job search");
    expect(writeNotes(vault, entries).length).toBe(entries.length);
    expect(readdirSync(vault).sort()).toEqual(entries.map(noteFileName).sort());
    expect(readFileSync(join(vault, noteFileName(byId("b2000002"))), "utf8")).toBe(markdownNote(byId("b2000002")));
    writeNotes(vault, entries);
    expect(readdirSync(vault)).toHaveLength(entries.length);
  });

  it("reports a notes folder that is a file", () => {
    const file = join(dir, "file");
    writeFileSync(file, "");
    expect(() => writeNotes(file, entries)).toThrow(/cannot create the notes folder/);
  });
});

describe("JSON text", () => {
  it("escapes DEL and C1 controls, which JSON.stringify leaves raw, and parses back to the same text", () => {
    const note = "csi\u009b[2J del\u007f nel\u0085 esc\u001b[31m";
    const text = formatJson([rejection({ note })]);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain("\\u009b");
    expect((JSON.parse(text) as { entries: { note: string }[] }).entries[0]!.note).toBe(note);
  });
});

describe("invisible characters", () => {
  it("shows bidi controls and zero-width characters by name", () => {
    expect(showInvisible("a\u202eb\u2066c\u200bd\ufeffe\u061cf\u200eg")).toBe(
      "a<U+202E>b<U+2066>c<U+200B>d<U+FEFF>e<U+061C>f<U+200E>g",
    );
  });

  it("leaves joiners that join letters or emoji, and shows those that join nothing", () => {
    for (const word of ["می\u200cخواهم", "क्\u200dष", "👩\u200d💻", "🏳\ufe0f\u200d🌈", "👋🏽\u200d🔥"]) {
      expect(showInvisible(word)).toBe(word);
    }
    expect(showInvisible("a\u200d")).toBe("a<U+200D>");
    expect(showInvisible("\u200cA")).toBe("<U+200C>A");
    expect(showInvisible("x \u200d y")).toBe("x <U+200D> y");
  });
});
