import { EXPORT_VERSION } from "../../src/journal/export-version.js";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreError } from "../../src/errors.js";
import type { Entry } from "../../src/journal/entry.js";
import { CURRENT_VERSION, NewerJournalError } from "../../src/journal/migrations.js";
import { diagnose } from "../../src/journal/diagnose.js";
import { repair } from "../../src/journal/repair.js";
import { readJournalBytes } from "../../src/journal/journal-check.js";
import { salvageJournal } from "../../src/journal/salvage.js";
import { JournalStore } from "../../src/journal/store.js";
import { isStorePath, storeFileKind } from "../../src/journal/store-files.js";
import { removeDir, storeFiles, tempDir } from "../helpers/cli.js";
import { rejection, win } from "../helpers/fixtures.js";

/** The journal as the store writes it (conf: JSON with tabs). */
const serialize = (entries: unknown[], version: number = CURRENT_VERSION) =>
  JSON.stringify({ version, entries }, undefined, "\t");
const bytes = (text: string) => Buffer.from(text);
const mode = (path: string) => statSync(path).mode & 0o777;
/** The pid of a process that has ended (and so cannot be holding anything). */
const deadPid = () => spawnSync(process.execPath, ["-e", "0"]).pid!;

describe("readJournalBytes", () => {
  it("tells healthy, empty, damaged and newer apart", () => {
    expect(readJournalBytes(bytes(serialize([rejection()]))).state).toBe("healthy");
    expect(readJournalBytes(bytes(" \n")).state).toBe("empty");
    expect(readJournalBytes(bytes('{"version":1,"entr')).state).toBe("damaged");
    expect(readJournalBytes(bytes(serialize([{ kind: "nope" }]))).state).toBe("damaged");
    expect(readJournalBytes(bytes(serialize([], 99)))).toMatchObject({ state: "newer", version: 99 });
  });

  it("keeps its message on one line, without quoting the raw bytes", () => {
    const reading = readJournalBytes(Buffer.from([0x00, 0x0a, 0xff, 0x7b, 0x0a, 0x22]));
    expect(reading.state).toBe("damaged");
    expect((reading as { problem: string }).problem).not.toMatch(/[\n\r]/);
  });
});

describe("salvageJournal", () => {
  const a = rejection({ id: "aaaa0001", company: "Acme" });
  const b = win({ id: "bbbb0002", title: "A kind reply" });
  const c = rejection({ id: "cccc0003", company: "Initech", note: "line one\nline two 🙂 שלום" });

  it("keeps the complete entries before the place a file was cut off, and names the cut one", () => {
    const text = serialize([a, b, c]);
    const cut = text.indexOf('"Initech"') + 12;
    const salvage = salvageJournal(bytes(text.slice(0, cut)));
    expect(salvage.journal.entries).toEqual([a, b]);
    expect(salvage.found).toBe(3);
    expect(salvage.dropped).toEqual([
      { where: "entry cccc0003 (Initech, 2026-11-02)", reason: expect.stringMatching(/ends in the middle/) },
    ]);
  });

  it("keeps every complete entry, wherever a serialized journal is cut", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.nat(), (count, seed) => {
        const entries: Entry[] = Array.from({ length: count }, (_, i) =>
          i % 2
            ? win({ id: `beef${String(i).padStart(4, "0")}` })
            : rejection({ id: `cafe${String(i).padStart(4, "0")}` }),
        );
        const text = serialize(entries);
        const cut = seed % (text.length + 1);
        // Entry k is complete when the text up to its closing brace fits before the cut.
        const complete = entries.filter((_, k) => serialize(entries.slice(0, k + 1)).length - "\n\t]\n}".length <= cut);
        expect(salvageJournal(bytes(text.slice(0, cut))).journal.entries).toEqual(complete);
      }),
      { numRuns: 300 },
    );
  });

  it("sets aside an entry whose required field is wrong, whole, and says what is wrong in plain words", () => {
    const full = rejection({
      id: "dddd0004",
      company: "Globex",
      mood: 42 as never,
      reflection: {
        createdAt: "2026-11-03T10:00:00.000Z",
        mood: 4,
        answers: [],
        ratings: [],
        inControl: [],
        outOfControl: [],
        wentWell: "prepared",
      },
      checkins: [{ at: "2026-11-05T10:00:00.000Z", mood: 6 }],
      feedback: [{ receivedAt: "2026-11-04T10:00:00.000Z", text: "strong design round" }],
      actions: [{ id: "act00001", text: "ask for notes", createdAt: "2026-11-03T10:00:00.000Z" }],
    });
    const salvage = salvageJournal(bytes(serialize([a, { ...b, winKind: "lottery" }, full, c])));
    expect(salvage.journal.entries.map((entry) => entry.id)).toEqual(["aaaa0001", "cccc0003"]);
    expect(salvage.dropped).toEqual([]);
    expect(salvage.setAside).toEqual([
      {
        where: "entry bbbb0002 (A kind reply, 2026-11-03)",
        reason:
          'field `winKind` is "lottery", which is not one of "interview", "feedback", "application", "skill", "other"',
        entry: { ...b, winKind: "lottery" },
      },
      {
        where: "entry dddd0004 (Globex, 2026-11-02)",
        reason: "field `mood` is 42; the highest it can be is 10",
        entry: full,
      },
    ]);
    for (const { reason } of salvage.setAside) expect(reason).not.toMatch(/Invalid|expected|Too big/);
  });

  it("keeps an entry without a bad optional field or a bad word, and never makes up a required answer", () => {
    const mended = { ...c, note: 5, tags: ["remote", "", "design"], emotions: ["sad", "joyful"], contact: null };
    const noTags = { ...a, tags: "remote" };
    const badCheckin = { ...a, id: "eeee0005", checkins: [{ at: "2026-11-05T10:00:00.000Z", mood: 0 }] };
    const salvage = salvageJournal(bytes(serialize([mended, noTags, badCheckin])));
    const withoutNote: Partial<Entry> = { ...c, tags: ["remote", "design"], emotions: ["sad"] };
    delete withoutNote.note;
    expect(salvage.journal.entries).toEqual([withoutNote, { ...a, tags: [] }]);
    expect(salvage.mended).toEqual([
      {
        where: "entry cccc0003 (Initech, 2026-11-02)",
        removed: [
          { field: "tags.1", reason: "is empty" },
          { field: "note", reason: "is 5; it should be text" },
          { field: "emotions.1", reason: expect.stringMatching(/^is "joyful", which is not one of "disappointed"/) },
          { field: "contact", reason: "is null; it should be text" },
        ],
      },
      {
        where: "entry aaaa0001 (Acme, 2026-11-02)",
        removed: [{ field: "tags", reason: 'is "remote"; it should be a list' }],
      },
    ]);
    expect(salvage.setAside).toEqual([
      {
        where: "entry eeee0005 (Acme, 2026-11-02)",
        reason: "field `checkins.0.mood` is 0; the lowest it can be is 1",
        entry: badCheckin,
      },
    ]);
  });

  it("drops an exact copy, and gives a different entry that reuses an id a new id", () => {
    const twin = { ...a, company: "Other Corp" };
    const salvage = salvageJournal(bytes(serialize([a, a, twin])));
    expect(salvage.journal.entries).toHaveLength(2);
    expect(salvage.dropped).toEqual([
      { where: expect.stringContaining("aaaa0001"), reason: expect.stringMatching(/exact copy/) },
    ]);
    const renamed = salvage.journal.entries[1]!;
    expect(salvage.renamed).toEqual([{ from: "aaaa0001", to: renamed.id }]);
    expect(renamed).toEqual({ ...twin, id: renamed.id });
    expect(renamed.id).not.toBe("aaaa0001");
  });

  it("skips a garbled value in the middle and keeps what follows", () => {
    const text = `{"version":1,"entries":[${JSON.stringify(a)}, nonsense!, ${JSON.stringify(b)}]}`;
    const salvage = salvageJournal(bytes(text));
    expect(salvage.journal.entries).toEqual([a, b]);
    expect(salvage.dropped).toEqual([{ where: "entry #2", reason: expect.stringMatching(/cannot be read as JSON/) }]);
  });

  it("finds nothing in random bytes, and says why", () => {
    const salvage = salvageJournal(Buffer.from([0x00, 0xff, 0x13, 0x8f]));
    expect(salvage.journal.entries).toEqual([]);
    expect(salvage.dropped[0]?.reason).toMatch(/does not start with/);
  });

  it("reads a bare list of entries and an unversioned journal", () => {
    expect(salvageJournal(bytes(JSON.stringify([a, 7]))).journal.entries).toEqual([a]);
    expect(salvageJournal(bytes(JSON.stringify({ entries: [a, {}] }))).journal.entries).toEqual([a]);
  });

  it("never throws on arbitrary text, and what it keeps is always a valid journal", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        const salvage = salvageJournal(bytes(`{"version":1,"entries":[${JSON.stringify(a)},${text}`));
        expect(salvage.journal.version).toBe(CURRENT_VERSION);
        expect(salvage.journal.entries[0]).toEqual(a);
      }),
    );
  });

  it("refuses a journal from a newer version, even a truncated one", () => {
    expect(() => salvageJournal(bytes(serialize([a], 99)))).toThrow(NewerJournalError);
    expect(() => salvageJournal(bytes(serialize([a], 99).slice(0, 60)))).toThrow(NewerJournalError);
  });
});

describe("diagnose and repair", () => {
  let root: string;
  let dir: string;
  let file: string;
  beforeEach(() => {
    root = tempDir();
    dir = join(root, "home");
    file = join(dir, "journal.json");
  });
  afterEach(() => removeDir(root));

  const home = (content: string | Buffer, fileMode = 0o600, dirMode = 0o700) => {
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, dirMode);
    writeFileSync(file, content);
    chmodSync(file, fileMode);
  };
  const a = rejection({ id: "aaaa0001" });
  const b = rejection({ id: "bbbb0002" });

  it("a missing journal is healthy and repair creates nothing", async () => {
    const diagnosis = diagnose(dir);
    expect(diagnosis).toMatchObject({ state: "missing", healthy: true });
    expect(await repair(dir)).toMatchObject({ rewritten: false, fixed: [] });
    expect(existsSync(dir)).toBe(false);
  });

  it("a healthy journal: no problems, and repair changes nothing", async () => {
    home(serialize([a, b]));
    const before = readFileSync(file);
    expect(diagnose(dir)).toMatchObject({ state: "healthy", healthy: true, entries: 2 });
    const report = await repair(dir);
    expect(report).toMatchObject({ rewritten: false, fixed: [] });
    expect(readFileSync(file)).toEqual(before);
    expect(storeFiles(dir)).toEqual(["journal.json"]);
  });

  it("repairs a truncated journal: a 0600 backup of the exact bytes, then every complete entry", async () => {
    const damaged = bytes(serialize([a, b]).slice(0, -40));
    home(damaged);
    const diagnosis = diagnose(dir);
    expect(diagnosis).toMatchObject({ state: "damaged", healthy: false, repairable: true });
    expect(diagnosis.salvage).toMatchObject({ kept: 1, found: 2 });

    const report = await repair(dir, new Date(2026, 10, 24, 9, 5, 7));
    expect(report.backup).toBe(`${file}.backup-20261124-090507`);
    expect(readFileSync(report.backup!)).toEqual(damaged);
    expect(mode(report.backup!)).toBe(0o600);
    expect(report).toMatchObject({ rewritten: true, kept: 1 });
    expect(report.dropped).toHaveLength(1);
    expect((await new JournalStore(dir).read()).entries).toEqual([a]);
    expect(mode(file)).toBe(0o600);
    expect(diagnose(dir).healthy).toBe(true);
  });

  it("writes entries it cannot keep to a 0600 set-aside file the store owns, so export will not overwrite it", async () => {
    const hurt = { ...b, mood: 42 };
    home(serialize([a, hurt]));
    expect(diagnose(dir).salvage).toMatchObject({
      kept: 1,
      setAside: [{ where: expect.stringContaining("bbbb0002") }],
    });
    const report = await repair(dir, new Date(2026, 10, 24, 9, 5, 7));
    expect(report.setAsideFile).toBe(`${file}.set-aside-20261124-090507.json`);
    expect(mode(report.setAsideFile!)).toBe(0o600);
    expect(JSON.parse(readFileSync(report.setAsideFile!, "utf8"))).toEqual({
      version: EXPORT_VERSION,
      entries: [hurt],
    });
    expect(storeFileKind("journal.json.set-aside-20261124-090507.json")).toBe("set-aside");
    expect(isStorePath(dir, report.setAsideFile!)).toBe(true);
    expect(diagnose(dir).checks).toContainEqual({
      severity: "notice",
      message: expect.stringContaining("1 file(s) of entries set aside by a repair"),
    });
  });

  it("never overwrites an earlier backup", async () => {
    const when = new Date(2026, 10, 24, 9, 5, 7);
    home("{");
    const first = (await repair(dir, when)).backup!;
    writeFileSync(file, "{ broken again");
    const second = (await repair(dir, when)).backup!;
    expect(second).not.toBe(first);
    expect(readFileSync(first, "utf8")).toBe("{");
    expect(readFileSync(second, "utf8")).toBe("{ broken again");
  });

  it("leaves a journal from a newer version exactly as it is, with no backup", async () => {
    const newer = serialize([a], 99);
    home(newer);
    expect(diagnose(dir)).toMatchObject({ state: "newer", healthy: false, repairable: false });
    await expect(repair(dir)).rejects.toThrow(/newer rejection-coach.*upgrade/);
    expect(readFileSync(file, "utf8")).toBe(newer);
    expect(storeFiles(dir)).toEqual(["journal.json"]);
  });

  it("makes a journal open to others private again, and reports a shared folder without changing it", async () => {
    home(serialize([a]), 0o644, 0o755);
    const diagnosis = diagnose(dir);
    expect(diagnosis).toMatchObject({ healthy: false, repairable: true, looseFile: true });
    expect(diagnosis.checks).toContainEqual({
      severity: "notice",
      message: expect.stringContaining("other users can list the folder (mode 0755)"),
    });
    const report = await repair(dir);
    expect(report.fixed).toEqual(["made the journal private (0600)"]);
    expect(report.backup).toBeUndefined();
    expect(mode(dir)).toBe(0o755);
    expect(mode(file)).toBe(0o600);
  });

  it("says when others can replace the journal (a group-writable folder), and leaves the folder's bits alone", async () => {
    home(serialize([a]), 0o600, 0o775);
    chmodSync(dir, 0o2775);
    const diagnosis = diagnose(dir);
    expect(diagnosis).toMatchObject({ healthy: false, repairable: false });
    expect(diagnosis.problem).toMatch(/other users can add, replace or delete files in the folder \(mode 02775\)/);
    await expect(repair(dir)).rejects.toThrow(/replace or delete/);
    expect(statSync(dir).mode & 0o7777).toBe(0o2775);
    // A sticky folder (like /tmp) does not let others replace someone else's file.
    chmodSync(dir, 0o1777);
    expect(diagnose(dir)).toMatchObject({ healthy: true });
  });

  it("clears a lock left by a process that has ended and its temporary copies; leaves a live writer's alone", async () => {
    home(serialize([a]));
    const live = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: "live" };
    writeFileSync(`${file}.lock`, JSON.stringify(live));
    writeFileSync(`${file}.tmp-${process.pid}-abcdef01`, serialize([a, b]));
    expect(diagnose(dir)).toMatchObject({ healthy: true });
    expect(diagnose(dir).checks.map((check) => check.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^another rejection-coach is saving right now \(pid \d+/),
        "a save is in progress",
      ]),
    );

    const gone = deadPid();
    writeFileSync(`${file}.lock`, JSON.stringify({ ...live, pid: gone, token: "gone" }));
    rmSync(`${file}.tmp-${process.pid}-abcdef01`);
    writeFileSync(`${file}.tmp-${gone}-abcdef01`, serialize([a, b]));
    writeFileSync(`${file}.checked.tmp-${gone}-abcdef02`, "sha256:…");
    writeFileSync(`${file}.lock.${gone}-0123456789abcdef`, "{}");
    const diagnosis = diagnose(dir);
    expect(diagnosis).toMatchObject({ healthy: false, repairable: true, staleLock: true });
    expect(diagnosis.problem).toMatch(/lock was left .*pid \d+.* \(and 1 more\)/);
    const report = await repair(dir);
    expect(report.fixed).toEqual([
      "removed 3 unfinished temporary file(s)",
      "cleared the lock a stopped save left behind",
    ]);
    expect(storeFiles(dir)).toEqual(["journal.json"]);
    expect((await new JournalStore(dir).read()).entries).toEqual([a]);
  });

  it("clears a lock that blocks every save: a folder with files in it, an unreadable or future-dated lock file", async () => {
    home(serialize([a]));
    for (const make of [
      () => {
        mkdirSync(`${file}.lock/inside`, { recursive: true });
      },
      () => writeFileSync(`${file}.lock`, "garbage"),
      () => {
        writeFileSync(`${file}.lock`, "");
        const future = new Date(Date.now() + 365 * 86_400_000);
        utimesSync(`${file}.lock`, future, future);
      },
    ]) {
      make();
      const old = new Date(Date.now() - 60_000);
      if (statSync(`${file}.lock`).isDirectory()) utimesSync(`${file}.lock`, old, old);
      else if (readFileSync(`${file}.lock`, "utf8") === "garbage") utimesSync(`${file}.lock`, old, old);
      const diagnosis = diagnose(dir);
      expect(diagnosis, JSON.stringify(diagnosis.checks)).toMatchObject({
        healthy: false,
        repairable: true,
        staleLock: true,
      });
      await repair(dir);
      expect(existsSync(`${file}.lock`)).toBe(false);
      expect(diagnose(dir)).toMatchObject({ healthy: true });
    }
  });

  it("names a data path that is a file, and cannot repair it", async () => {
    mkdirSync(root, { recursive: true });
    writeFileSync(dir, "not a folder");
    expect(diagnose(dir)).toMatchObject({ state: "unusable", repairable: false });
    await expect(repair(dir)).rejects.toThrow(/is a file, not a folder/);
    expect(readFileSync(dir, "utf8")).toBe("not a folder");
  });

  it("puts the damage, not the modes, in the one-line summary", () => {
    home("{", 0o644, 0o755);
    // JSON.parse's own words differ between Node versions; the order of the summary does not.
    expect(diagnose(dir).problem).toMatch(/^is not valid JSON \(Expected property name .*\) \(and 1 more\)$/);
  });
});

describe("the store's error for a damaged journal", () => {
  let root: string;
  beforeEach(() => (root = tempDir()));
  afterEach(() => removeDir(root));

  const errorFor = async (content: string): Promise<StoreError> => {
    writeFileSync(join(root, "journal.json"), content);
    try {
      await new JournalStore(root).read();
    } catch (error) {
      expect(error).toBeInstanceOf(StoreError);
      return error as StoreError;
    }
    throw new Error("no error");
  };

  it("offers doctor --repair for damage, not for a journal from a newer version", async () => {
    expect(await errorFor("")).toMatchObject({ problem: "is empty", repairable: true });
    expect((await errorFor("{")).repairable).toBe(true);
    expect((await errorFor("[]")).repairable).toBe(true);
    expect((await errorFor(serialize([], 99))).repairable).toBe(false);
  });
});

describe("a repair stopped part-way", () => {
  let root: string;
  let dir: string;
  beforeEach(() => {
    root = tempDir();
    dir = join(root, "home");
    mkdirSync(dir, { mode: 0o700 });
  });
  afterEach(() => removeDir(root));

  it("leaves a temporary file that doctor clears, never a backup that looks whole", async () => {
    const file = join(dir, "journal.json");
    writeFileSync(file, serialize([rejection({ id: "aaaa0001" })]), { mode: 0o600 });
    // What a repair killed while copying the original leaves behind: half a copy, under a temporary name.
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid!;
    const partial = `${file}.backup-20261129-101010.tmp-${gone}-0badc0de`;
    writeFileSync(partial, '{"version":1,"entr', { mode: 0o600 });
    const diagnosis = diagnose(dir);
    expect(diagnosis.checks.map((check) => check.message).join("\n")).not.toMatch(/backup\(s\) from earlier repairs/);
    expect(diagnosis.problem).toMatch(/1 unfinished temporary file from an interrupted save/);
    const report = await repair(dir);
    expect(report.fixed).toEqual(["removed 1 unfinished temporary file(s)"]);
    expect(existsSync(partial)).toBe(false);
  });
});
