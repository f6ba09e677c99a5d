import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { markdownNote, noteFileName } from "../../src/export/markdown.js";
import { exportTarget, StorePathError, writeNotes } from "../../src/export/write.js";
import type { Entry } from "../../src/journal/entry.js";
import { pidExists } from "../../src/journal/liveness.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { rejection } from "../helpers/fixtures.js";

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

/** The characters of a text as a reader sees them (a letter with its accents is one). */
const characters = (text: string) =>
  [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(text)].map((part) => part.segment);

/** A pid that no process has: one of a process that has ended. */
function deadPid(): number {
  for (;;) {
    const { pid } = spawnSync(process.execPath, ["-e", ""]);
    if (pid && !pidExists(pid)) return pid;
  }
}

const CJK = "株式会社テクノロジー研究所東京本社開発部門";
const CJK_4_BYTES = "𠮷𠀋𡈽𡌛𡑮𡢽𠮟𡚴𡸴𣇄"; // CJK Extension B: 4 bytes each in UTF-8
const KEYCAP = "1\uFE0F\u20E3"; // an emoji keycap: a digit and two marks, 7 bytes
const DOTTED_Q = "q\u0323\u0303"; // no precomposed form: a letter and two marks, 5 bytes
const ZALGO = "z\u0301\u0302\u0303".normalize("NFKC"); // ź and two marks, 6 bytes
const DEVANAGARI_KI = "\u0915\u093F"; // कि: a letter and a vowel sign, 6 bytes

/**
 * Names that went over 200 bytes in a name cut at 40 code points: characters of
 * 3 or 4 bytes, or of several code points each (40 code points then also cut a
 * letter from its marks).
 */
const longNames: [string, Entry][] = [
  ["CJK", rejection({ id: "aa000001", company: CJK.repeat(3), role: `${CJK}エンジニア`.repeat(2) })],
  ["4-byte CJK", rejection({ id: "aa000002", company: CJK_4_BYTES.repeat(5), role: CJK_4_BYTES.repeat(5) })],
  ["emoji keycaps", rejection({ id: "aa000003", company: `🎉 ${KEYCAP.repeat(50)}`, role: KEYCAP.repeat(50) })],
  ["combining marks", rejection({ id: "aa000004", company: DEVANAGARI_KI.repeat(60), role: ZALGO.repeat(60) })],
];

describe("note file names are capped in bytes", () => {
  it.each(longNames)("%s: at most 200 bytes, still dated and ending in the id", (_, entry) => {
    const name = noteFileName(entry);
    expect(bytes(name)).toBeLessThanOrEqual(200);
    expect(name.startsWith(`${entry.date}-`)).toBe(true);
    expect(name.endsWith(`-${entry.id}.md`)).toBe(true);
    expect(name.length).toBeGreaterThan(`${entry.date}-x-${entry.id}.md`.length);
  });

  it.each([
    ["an emoji keycap", KEYCAP],
    ["a letter with two marks", DOTTED_Q],
    ["a composed letter with two more marks", ZALGO],
  ])("%s is never cut apart", (_, character) => {
    const name = noteFileName(rejection({ id: "ab000001", company: character.repeat(80), role: character.repeat(80) }));
    const words = name.slice("2026-11-02-".length, -"-ab000001.md".length).split("-");
    expect(words).toHaveLength(2);
    for (const word of words) {
      expect(word.length).toBeGreaterThan(0);
      expect(characters(word).every((each) => each === character)).toBe(true);
    }
  });

  it("a short company leaves its share of the bytes to a long role", () => {
    const company = CJK_4_BYTES.slice(0, 16); // 8 characters, 32 bytes
    const role = CJK_4_BYTES.repeat(4); // 40 characters, 160 bytes: more than half of what is left
    // 200 bytes less the date, the id, ".md", three hyphens and the company leave 144 for the role: 36 characters.
    expect(noteFileName(rejection({ id: "ac000001", date: "2026-11-02", company, role }))).toBe(
      `2026-11-02-${company}-${[...role].slice(0, 36).join("")}-ac000001.md`,
    );
  });

  it("short names are unchanged", () => {
    expect(noteFileName(rejection({ id: "ad000001", date: "2026-10-01", company: "Acme, Inc.", role: "SRE" }))).toBe(
      "2026-10-01-acme-inc-sre-ad000001.md",
    );
  });
});

describe("writing notes", () => {
  let root: string;
  beforeEach(() => (root = tempDir()));
  afterEach(() => removeDir(root));

  it("writes every note with a long name (they reached ENAMETOOLONG before)", () => {
    const vault = join(root, "vault");
    const entries = longNames.map(([, entry]) => entry);
    expect(writeNotes(vault, entries).length).toBe(entries.length);
    expect(readdirSync(vault).sort()).toEqual(entries.map(noteFileName).sort());
    for (const entry of entries) {
      expect(readFileSync(join(vault, noteFileName(entry)), "utf8")).toBe(markdownNote(entry));
    }
  });

  it("a note that cannot be written does not stop the others, and the error counts both", () => {
    const vault = join(root, "vault");
    const entries = [rejection({ id: "ae000001" }), rejection({ id: "ae000002" }), rejection({ id: "ae000003" })];
    const blocked = noteFileName(entries[0]!);
    mkdirSync(join(vault, blocked), { recursive: true });
    expect(() => writeNotes(vault, entries)).toThrow(
      `${vault}: wrote 2 of 3 notes; could not write: ${blocked} (it is a folder)`,
    );
    expect(readdirSync(vault).sort()).toEqual(entries.map(noteFileName).sort());
  });

  it("says how many more failed after the first", () => {
    const vault = join(root, "vault");
    const entries = [rejection({ id: "af000001" }), rejection({ id: "af000002" }), rejection({ id: "af000003" })];
    for (const entry of entries.slice(1)) mkdirSync(join(vault, noteFileName(entry)), { recursive: true });
    expect(() => writeNotes(vault, entries)).toThrow(
      `wrote 1 of 3 notes; could not write: ${noteFileName(entries[1]!)} (it is a folder), and 1 more`,
    );
  });

  it("removes the temporary copies a killed export left of its notes, and nothing else", () => {
    const vault = join(root, "vault");
    mkdirSync(vault);
    const entry = rejection({ id: "b0000001" });
    const note = noteFileName(entry);
    const dead = `${note}.tmp-${deadPid()}-abcd`;
    const live = `${note}.tmp-${process.pid}-abcd`;
    const other = `other.md.tmp-${deadPid()}-abcd`;
    for (const name of [dead, live, other]) writeFileSync(join(vault, name), "half a note");
    writeNotes(vault, [entry]);
    expect(readdirSync(vault).sort()).toEqual([note, live, other].sort());
  });

  it("refuses the data folder, or a note that leads into it, and leaves the journal alone", () => {
    const data = join(root, "home");
    mkdirSync(data);
    writeFileSync(join(data, "journal.json"), "the journal");
    expect(() => writeNotes(data, [rejection()], { dataDir: data })).toThrow(StorePathError);
    expect(() => writeNotes(data, [rejection()], { dataDir: data })).toThrow("that is the journal's own data folder");
    expect(readdirSync(data)).toEqual(["journal.json"]);

    const vault = join(root, "vault");
    mkdirSync(vault);
    const entry = rejection({ id: "b1000001" });
    symlinkSync(join(data, "journal.json"), join(vault, noteFileName(entry)));
    expect(() => writeNotes(vault, [entry], { dataDir: data })).toThrow(
      /wrote 0 of 1 notes; could not write: .* \(that is one of the journal's own files/,
    );
    expect(readFileSync(join(data, "journal.json"), "utf8")).toBe("the journal");
  });
});

describe("what an export target is", () => {
  let root: string;
  let data: string;
  beforeEach(() => {
    root = tempDir();
    data = join(root, "home");
    mkdirSync(data);
  });
  afterEach(() => removeDir(root));

  it("a device or a named pipe is a stream; a new or regular file is a file", () => {
    expect(exportTarget("/dev/null", data)).toEqual({ kind: "device", path: "/dev/null" });
    const fifo = join(root, "fifo");
    spawnSync("mkfifo", [fifo]);
    expect(exportTarget(fifo, data)).toEqual({ kind: "pipe", path: fifo });
    expect(exportTarget(join(root, "new.json"), data)).toEqual({ kind: "file", path: join(root, "new.json") });
  });

  it("this process's own stdout and stderr are its standard streams, however they are named", () => {
    expect(exportTarget("/dev/stdout", data)).toEqual({ kind: "standard", path: "/dev/stdout", fd: 1 });
    expect(exportTarget("/dev/fd/2", data)).toEqual({ kind: "standard", path: "/dev/fd/2", fd: 2 });
    symlinkSync("/dev/stdout", join(root, "out"));
    expect(exportTarget(join(root, "out"), data)).toMatchObject({ kind: "standard", fd: 1 });
  });

  it("refuses the store's files with exit 2, and a folder with exit 1", () => {
    for (const name of ["journal.json", "settings.json", "journal.json.checked", "journal.json.lock"]) {
      expect(() => exportTarget(join(data, name), data)).toThrow(StorePathError);
    }
    expect(() => exportTarget(root, data)).toThrow(`${root}: cannot write the export: it is a folder`);
    try {
      exportTarget(root, data);
    } catch (error) {
      expect((error as StorePathError).exitCode).toBe(1);
    }
    expect(new StorePathError("x", "y").exitCode).toBe(2);
    expect(existsSync(join(data, "journal.json"))).toBe(false);
  });
});
