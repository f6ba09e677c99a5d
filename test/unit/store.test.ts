import { execFileSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreError } from "../../src/errors.js";
import { CURRENT_VERSION } from "../../src/journal/migrations.js";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { rejection, win } from "../helpers/fixtures.js";

let root: string;
let dir: string;
let store: JournalStore;

beforeEach(() => {
  root = tempDir();
  dir = join(root, "journal-home");
  store = new JournalStore(dir);
});
afterEach(() => removeDir(root));

const mode = (path: string) => statSync(path).mode & 0o777;

describe("JournalStore", () => {
  it("reads an empty journal when no file exists, and creates nothing", async () => {
    expect(await store.read()).toEqual({ version: CURRENT_VERSION, entries: [] });
    expect(existsSync(dir)).toBe(false);
  });

  it("round-trips entries of both kinds", async () => {
    const entries = [rejection({ note: "línea 1\nlínea 2 🙂", tags: ["remote"] }), win()];
    await store.update((journal) => {
      journal.entries.push(...entries);
    });
    expect((await new JournalStore(dir).read()).entries).toEqual(entries);
  });

  it("keeps the journal private: file 0600, folder 0700", async () => {
    await store.update((journal) => {
      journal.entries.push(rejection());
    });
    expect(mode(store.file)).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
  });

  it("writes the journal 0600 again, and leaves the bits of a folder it did not create alone", async () => {
    await store.update((journal) => {
      journal.entries.push(rejection());
    });
    chmodSync(store.file, 0o644);
    for (const folderMode of [0o755, 0o1777, 0o2775]) {
      chmodSync(dir, folderMode);
      await store.update((journal) => {
        journal.entries.push(rejection());
      });
      expect(mode(store.file)).toBe(0o600);
      expect(statSync(dir).mode & 0o7777).toBe(folderMode);
    }
  });

  it("writes nothing when the change throws", async () => {
    await store.update((journal) => {
      journal.entries.push(rejection());
    });
    const before = readFileSync(store.file);
    await expect(
      store.update((journal) => {
        journal.entries.push(rejection());
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(readFileSync(store.file)).toEqual(before);
  });

  it("refuses to write an entry that breaks the schema", async () => {
    await expect(
      store.update((journal) => {
        journal.entries.push(rejection({ mood: 11 }));
      }),
    ).rejects.toThrow(/mood/);
    expect(existsSync(store.file)).toBe(false);
  });

  it("serialises concurrent updates: none is lost", async () => {
    await Promise.all(
      Array.from({ length: 10 }, () =>
        new JournalStore(dir).update((journal) => {
          journal.entries.push(rejection());
        }),
      ),
    );
    expect((await store.read()).entries).toHaveLength(10);
  });

  describe("a store it cannot use is reported and left byte-identical", () => {
    const damaged: [string, string][] = [
      ["empty file", ""],
      ["truncated JSON", '{"version":1,"entries":[{"id":"abcd1234",'],
      ["random bytes", "\u0000\u00ff\u0013garbage"],
      ["the wrong shape", "[1,2,3]"],
      ["an invalid entry", JSON.stringify({ version: 1, entries: [{ ...rejection({ id: "bad00001" }), mood: 42 }] })],
      ["a version from the future", JSON.stringify({ version: 99, entries: [] })],
    ];
    for (const [name, content] of damaged) {
      it(name, async () => {
        mkdirSync(dir, { recursive: true });
        writeFileSync(store.file, content);
        const before = readFileSync(store.file);
        await expect(store.read()).rejects.toThrow(StoreError);
        await expect(store.read()).rejects.toThrow(store.file);
        await expect(store.update(() => undefined)).rejects.toThrow(StoreError);
        expect(readFileSync(store.file)).toEqual(before);
      });
    }

    it("names the entry and field that is wrong", async () => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        store.file,
        JSON.stringify({ version: 1, entries: [{ ...rejection({ id: "bad00001" }), mood: 42 }] }),
      );
      await expect(store.read()).rejects.toThrow(/entry bad00001: field `mood`/);
    });

    it("reads a version 1 journal as it was, and writes it as version 2, a kept email and all", async () => {
      mkdirSync(dir, { recursive: true });
      const old = rejection({ id: "old00001" });
      writeFileSync(store.file, JSON.stringify({ version: 1, entries: [old] }));
      expect((await store.read()).entries).toEqual([old]);
      await store.update((journal) => {
        journal.entries.push({ ...rejection({ id: "new00001" }), email: "Dear Sam,\n\nThank you." });
      });
      const written = JSON.parse(readFileSync(store.file, "utf8")) as {
        version: number;
        entries: { email?: string }[];
      };
      expect(written.version).toBe(2);
      expect(written.entries[0]).toEqual(old);
      expect(written.entries[1]!.email).toBe("Dear Sam,\n\nThank you.");
    });

    it("says when the version is newer than this build", async () => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(store.file, JSON.stringify({ version: 99, entries: [] }));
      await expect(store.read()).rejects.toThrow(/newer rejection-coach/);
    });
  });

  it("reports a data path that is a file", async () => {
    mkdirSync(root, { recursive: true });
    writeFileSync(dir, "not a folder");
    await expect(store.read()).rejects.toThrow(/is a file, not a folder/);
  });

  describe("the seal of the last validated write", () => {
    it("is written with the journal, private like it", async () => {
      await store.update((journal) => {
        journal.entries.push(rejection());
      });
      expect(mode(store.files.seal)).toBe(0o600);
      expect((await new JournalStore(dir).read()).entries).toHaveLength(1);
    });

    it("does not vouch for a file changed since: an in-place edit of the same size is validated again", async () => {
      await store.update((journal) => {
        journal.entries.push(rejection({ id: "seal0001", mood: 5 }));
      });
      const text = readFileSync(store.file, "utf8");
      expect(text).toContain('"mood": 5');
      writeFileSync(store.file, text.replace('"mood": 5', '"mood": 0'));
      // A later modification time, as an edit a moment later has (set, rather than waited for).
      const later = new Date(statSync(store.file).mtimeMs + 1000);
      utimesSync(store.file, later, later);
      expect(readFileSync(store.file, "utf8").length).toBe(text.length);
      await expect(new JournalStore(dir).read()).rejects.toThrow(/entry seal0001: field `mood`/);
    });

    it("vouches only for the exact bytes: an edit that keeps the size, inode and modification time is validated again", async () => {
      await store.update((journal) => {
        journal.entries.push(rejection({ id: "seal0004", stage: "interview" }));
      });
      const before = statSync(store.file);
      const text = readFileSync(store.file, "utf8");
      // touch -r copies times to the nanosecond; Node's utimes would round them.
      execFileSync("touch", ["-r", store.file, `${dir}/times`]);
      // Written in place (same inode), same length, and the old times put back.
      const fd = openSync(store.file, "r+");
      writeSync(fd, text.replace('"stage": "interview"', '"stage": "intervieX"'), 0);
      closeSync(fd);
      execFileSync("touch", ["-r", `${dir}/times`, store.file]);
      const after = statSync(store.file);
      expect([after.ino, after.size, after.mtimeMs]).toEqual([before.ino, before.size, before.mtimeMs]);
      await expect(new JournalStore(dir).read()).rejects.toThrow(/entry seal0004: field `stage`/);
    });

    it("does not vouch for a file that replaced the journal", async () => {
      await store.update((journal) => {
        journal.entries.push(rejection({ id: "seal0002" }));
      });
      const broken = JSON.stringify({ version: 1, entries: [{ ...rejection({ id: "seal0003" }), stage: "lunch" }] });
      writeFileSync(`${store.file}.new`, broken);
      renameSync(`${store.file}.new`, store.file);
      await expect(new JournalStore(dir).read()).rejects.toThrow(/entry seal0003: field `stage`/);
    });
  });

  describe("migrations", () => {
    it("reads an unversioned journal (version 0) and writes it back as the current version", async () => {
      mkdirSync(dir, { recursive: true });
      const old = rejection({ id: "old00001" });
      writeFileSync(store.file, JSON.stringify({ entries: [old] }));
      expect((await store.read()).entries).toEqual([old]);
      await store.update((journal) => {
        journal.entries.push(win({ id: "new00001" }));
      });
      const written = JSON.parse(readFileSync(store.file, "utf8"));
      expect(written.version).toBe(CURRENT_VERSION);
      expect(written.entries.map((entry: { id: string }) => entry.id)).toEqual(["old00001", "new00001"]);
      expect(mode(store.file)).toBe(0o600);
    });

    it("treats conf's empty object as an empty journal", async () => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(store.file, "{}");
      expect((await store.read()).entries).toEqual([]);
    });
  });
});

describe("a journal with a key given twice", () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => removeDir(dir));

  it("is reported with the line and key, not read as the last value (an empty journal)", async () => {
    const entry = JSON.stringify(rejection({ id: "dup00001" }));
    writeFileSync(join(dir, "journal.json"), `{"version": 1,\n"entries": [${entry}],\n"entries": []}`);
    await expect(new JournalStore(dir).read()).rejects.toThrow(
      /line 3: key "entries" is given twice in the top-level object/,
    );
    writeFileSync(
      join(dir, "journal.json"),
      `{"version": 1, "entries": [${entry.replace('"mood":5', '"mood":5,"mood":9')}]}`,
    );
    await expect(new JournalStore(dir).read()).rejects.toThrow(/key "mood" is given twice in entry #1/);
  });

  it("doctor --repair keeps the entries of both lists, and a backup", async () => {
    const a = JSON.stringify(rejection({ id: "dup00002" }));
    const b = JSON.stringify(rejection({ id: "dup00003" }));
    writeFileSync(join(dir, "journal.json"), `{"version": 1, "entries": [${a}], "entries": [${b}]}`);
    const { repair } = await import("../../src/journal/repair.js");
    const report = await repair(dir);
    expect(report.backup).toBeDefined();
    expect((await new JournalStore(dir).read()).entries.map((entry) => entry.id)).toEqual(["dup00002", "dup00003"]);
  });
});
