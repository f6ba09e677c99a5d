import { EXPORT_VERSION } from "../../src/journal/export-version.js";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatEntries } from "../../src/export/index.js";
import { EXPORT_FORMATS } from "../../src/export/formats.js";
import { filterEntries } from "../../src/journal/filters.js";
import type { JournalStore } from "../../src/journal/store.js";
import { BIN, cliEnv, removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { rejection } from "../helpers/fixtures.js";
import { fixtureEntries, seedJournal } from "../helpers/journal-fixture.js";
import { KEY, PtySession } from "../helpers/pty.js";
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
  it("is coloured on a terminal (unless NO_COLOR), plain when piped", async () => {
    const coloured = new PtySession(["list"], { dataDir, env: { NO_COLOR: "" } });
    expect(await coloured.exited()).toBe(0);
    expect(coloured.rawOutput).toMatch(/\u001b\[[0-9;]*m/);
    expect(coloured.output).toContain("Platform Lead");
    expect((await run("list")).stdout).not.toContain("\u001b");
  });
});

describe("delete", () => {
  it("on a terminal: shows what will go, and deletes on yes", async () => {
    const session = new PtySession(["delete", "b2"], { dataDir });
    await session.waitFor("with its reflection, 1 check-in, 1 piece of feedback and 2 actions");
    expect(session.output).toContain("2026-11-05 · Globex · Platform Lead (b2000002)");
    await session.answer("Delete it for good?", "y");
    expect(await session.exited()).toBe(0);
    expect(session.output).toContain("Deleted");
    expect(ids()).not.toContain("b2000002");
    expect(ids()).toHaveLength(4);
  });

  it("on a terminal: no (the default) keeps everything byte for byte", async () => {
    const before = journalBytes();
    const session = new PtySession(["delete", "b2"], { dataDir });
    await session.answer("Delete it for good?", "");
    expect(await session.exited()).toBe(0);
    expect(session.output).toContain("Kept it. Nothing was deleted.");
    expect(journalBytes()).toEqual(before);
  });

  it("on a terminal: Ctrl+C exits 130 and changes nothing", async () => {
    const before = journalBytes();
    const session = new PtySession(["delete", "b2"], { dataDir });
    await session.waitFor("Delete it for good?");
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
    expect(journalBytes()).toEqual(before);
  });
});

describe("export", () => {
  /** The whole journal as stored (the store keeps its own key order), newest first. */
  const expected = (format: (typeof EXPORT_FORMATS)[number]) =>
    formatEntries(format, filterEntries(storedJournal(store.dir).entries, {}));

  for (const format of EXPORT_FORMATS) {
    it(`--format ${format} piped: exactly the data on stdout, no escape bytes even with colour forced, nothing on stderr`, async () => {
      const env: NodeJS.ProcessEnv = { ...cliEnv(dataDir), FORCE_COLOR: "3" };
      delete env.NO_COLOR;
      const result = spawnSync(process.execPath, [BIN, "export", "--format", format], { env, encoding: "buffer" });
      expect(result.status).toBe(0);
      expect(result.stderr.toString()).toBe("");
      expect(result.stdout.includes(0x1b)).toBe(false);
      expect(result.stdout.toString("utf8")).toBe(await expected(format));
    });
  }

  it("export --format json | node -e 'JSON.parse(...)' works, stderr kept apart", () => {
    const reader = `let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const d=JSON.parse(s);console.log(d.version, d.entries.length)})`;
    const result = spawnSync(
      "sh",
      [
        "-c",
        `"${process.execPath}" "${BIN}" export --format json --kind rejection | "${process.execPath}" -e '${reader}'`,
      ],
      { env: cliEnv(dataDir), encoding: "utf8" },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${EXPORT_VERSION} 4\n`);
    expect(result.stderr).toBe("");
  });

  it("a reader that stops early (| head) is not an error", async () => {
    await store.update((journal) => {
      for (let i = 0; i < 400; i++) journal.entries.push(rejection({ note: "n".repeat(400) }));
    });
    const result = spawnSync(
      "bash",
      ["-c", `"${process.execPath}" "${BIN}" export --format json | head -c 10; echo " \${PIPESTATUS[0]}"`],
      { env: cliEnv(dataDir), encoding: "utf8" },
    );
    expect(result.stdout).toBe('{\n  "versi 0\n');
    expect(result.stderr).toBe("");
  });
});
