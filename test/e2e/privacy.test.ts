import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, ROOT, runCli, tempDir } from "../helpers/cli.js";
import { rejection } from "../helpers/fixtures.js";

/**
 * The journal is private: no network, ever, and owner-only file modes after
 * every kind of write.
 */
const PRELOAD = pathToFileURL(join(ROOT, "test/helpers/no-network.mjs")).href;
const roots: string[] = [];
afterAll(() => roots.forEach(removeDir));

function newRoot(): string {
  const root = tempDir();
  roots.push(root);
  return root;
}

/**
 * Every command, run with the network blocked. Add a row per new command; the
 * journal they run on holds one entry, ID aaaa0001.
 */
const COMMANDS: string[][] = [
  ["--help"],
  ["--version"],
  ["tips"],
  ["tips", "ask-feedback", "--json"],
  ["doctor"],
  ["doctor", "--json"],
  ["doctor", "--repair"],
];

const mode = (path: string) => statSync(path).mode & 0o777;

describe("no network", () => {
  it("the preload catches a connection attempt (so the test below can fail)", () => {
    const log = join(newRoot(), "network.log");
    const result = spawnSync(
      process.execPath,
      ["--import", PRELOAD, "-e", "try { fetch('http://example.invalid') } catch {} require('net').connect(80, 'x')"],
      { env: { ...process.env, NO_NETWORK_LOG: log }, encoding: "utf8" },
    );
    expect(result.status).not.toBe(0);
    expect(readFileSync(log, "utf8")).toMatch(/fetch[\s\S]*net\.connect/);
  });

  it.each(COMMANDS.map((args) => [args.join(" "), args]))("%s opens no connection", (_, args) => {
    const root = newRoot();
    const dataDir = join(root, "home");
    mkdirSync(dataDir, { mode: 0o700 });
    writeFileSync(
      join(dataDir, "journal.json"),
      JSON.stringify({ version: 1, entries: [rejection({ id: "aaaa0001" })] }),
      { mode: 0o600 },
    );
    const log = join(root, "network.log");
    const result = runCli(args as string[], {
      dataDir,
      env: { NODE_OPTIONS: `--import ${PRELOAD}`, NO_NETWORK_LOG: log },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(log) ? readFileSync(log, "utf8") : "").toBe("");
  });
});

describe("file modes", () => {
  const umask = (value: number, run: () => Promise<void> | void) => async () => {
    const previous = process.umask(value);
    try {
      await run();
    } finally {
      process.umask(previous);
    }
  };

  it(
    "after a write: file 0600, folder 0700, even with umask 000",
    umask(0o000, async () => {
      const dir = join(newRoot(), "new", "home");
      await new JournalStore(dir).update((journal) => {
        journal.entries.push(rejection());
      });
      expect(mode(join(dir, "journal.json"))).toBe(0o600);
      expect(mode(dir)).toBe(0o700);
    }),
  );

  it(
    "after a migration from an unversioned journal that was left world-readable",
    umask(0o000, async () => {
      const dir = join(newRoot(), "home");
      mkdirSync(dir, { mode: 0o755 });
      const file = join(dir, "journal.json");
      writeFileSync(file, JSON.stringify({ entries: [rejection({ id: "old00001" })] }), { mode: 0o666 });
      await new JournalStore(dir).update((journal) => {
        journal.entries.push(rejection({ id: "new00001" }));
      });
      expect(JSON.parse(readFileSync(file, "utf8")).version).toBe(1);
      expect(mode(file)).toBe(0o600);
      expect(mode(dir)).toBe(0o700);
    }),
  );

  it(
    "after doctor --repair: the journal and its backup 0600, the folder 0700, even with umask 000",
    // The child inherits the umask.
    umask(0o000, () => {
      const dir = join(newRoot(), "home");
      mkdirSync(dir, { mode: 0o777 });
      writeFileSync(join(dir, "journal.json"), '{"version":1,"entries":[', { mode: 0o666 });
      expect(mode(dir)).toBe(0o777);
      const result = runCli(["doctor", "--repair"], { dataDir: dir });
      expect(result.code, result.stderr).toBe(0);
      const backup = /Kept a copy of the original file: (\S+)/.exec(result.stdout)![1]!;
      expect(mode(backup)).toBe(0o600);
      expect(mode(join(dir, "journal.json"))).toBe(0o600);
      expect(mode(dir)).toBe(0o700);
    }),
  );
});
