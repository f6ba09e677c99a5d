import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CURRENT_VERSION } from "../../src/journal/migrations.js";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, ROOT, runCli, runCliAsync, tempDir } from "../helpers/cli.js";
import { rejection } from "../helpers/fixtures.js";
import { PtySession } from "../helpers/pty.js";
import { storedJournal } from "../helpers/stored-journal.js";

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
 * journal they run on holds one rejection, ID aaaa0001, with one open next step.
 */
const DUE = "2099-01-15";
let shared: string;
const COMMANDS: ((shared: string) => string[])[] = [
  () => ["--help"],
  () => ["--version"],
  () => ["tips"],
  () => ["tips", "ask-feedback", "--json"],
  () => ["doctor"],
  () => ["doctor", "--json"],
  () => ["doctor", "--repair"],
  () => [
    ...["log", "--company", "Acme", "--role", "Analyst", "--stage", "interview", "--ended", "rejected"],
    ...["--reason-given", "We went another way", "--reason", "skills", "--mood", "4", "--emotion", "sad"],
    ...["--date", "yesterday", "--tag", "remote", "--note", "A note"],
  ],
  () => [
    "log",
    "--company",
    "Acme",
    "--role",
    "Analyst",
    "--stage",
    "final",
    "--ended",
    "ghosted",
    "--mood",
    "4",
    "--json",
  ],
  () => ["win", "--kind", "interview", "--title", "First interview", "--company", "Acme", "--date", "last friday"],
  () => ["edit", "aaaa0001", "--mood", "6", "--note", "changed", "--json"],
  () => [
    ...["reflect", "aaaa0001", "--mood", "6", "--in-control", "interview", "--thought", "I always freeze"],
    ...["--trap", "overgeneralising", "--balanced", "Once", "--fit", "partly", "--went-well", "Calm"],
    ...["--change", "Practise", "--action", "Practise aloud", "--due", "next friday"],
  ],
  () => ["next"],
  () => ["next", "--json"],
  () => ["next", "add", "aaaa0001", "Ask", "for", "a", "referral", "--due", DUE],
  () => ["next", "done", "1"],
  () => ["feedback", "aaaa0001", "--kind", "reply", "--contact", "Sam", "--sender", "Al"],
  () => ["feedback", "aaaa0001", "--kind", "checkin", "--json"],
  () => ["feedback", "aaaa0001", "--received", "Strong on design"],
  () => ["list"],
  () => ["list", "--search", "acme", "--since", "2 weeks ago", "--json"],
  () => ["show", "aaaa0001"],
  () => ["delete", "aaaa0001", "--yes"],
  () => ["export", "--format", "md"],
  () => ["export", "--format", "json"],
  () => ["export", "--format", "yaml"],
  () => ["export", "--format", "csv"],
  (dir) => ["export", "--format", "md", "--per-file", join(dir, "notes")],
  (dir) => ["import", join(dir, "import.json")],
  () => ["config", "set", "name", "Sam Lee"],
  () => ["config", "list"],
  () => ["config", "path"],
  () => ["stats"],
  () => ["stats", "--json"],
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

  it.concurrent.for(COMMANDS.map((args) => [args("DIR").join(" "), args] as const))(
    "%s opens no connection",
    async ([, args], { expect }) => {
      const { dataDir, log } = home();
      const result = await runCliAsync(args(shared), {
        dataDir,
        env: { NODE_OPTIONS: `--import ${PRELOAD}`, NO_NETWORK_LOG: log },
      });
      expect(result.code, result.stderr).toBe(0);
      expect(existsSync(log) ? readFileSync(log, "utf8") : "").toBe("");
    },
  );

  it("an interactive log in a terminal opens no connection either", async () => {
    const { dataDir, log } = home();
    const session = new PtySession(["log", "--company", "Acme", "--role", "Analyst", "--stage", "final"], {
      dataDir,
      env: { NODE_OPTIONS: `--import ${PRELOAD}`, NO_NETWORK_LOG: log },
    });
    await session.answer("? How did it end?", "");
    for (const prompt of ["? When did you hear?", "? Did they give a reason?", "? What do you think played a part?"]) {
      await session.answer(prompt, "");
    }
    await session.answer("? How are you feeling about it right now?", "5");
    for (const prompt of ["? Which of these words fit", "? Any tags?", "? Anything else you want to remember"]) {
      await session.answer(prompt, "");
    }
    await session.answer("? Does this look right?", "");
    await session.answer("? Would you like to reflect on it now?", ""); // later, the default
    expect(await session.exited()).toBe(0);
    expect(storedJournal(dataDir).entries).toHaveLength(2);
    expect(existsSync(log) ? readFileSync(log, "utf8") : "").toBe("");
  });
});

/** A data folder holding one rejection (aaaa0001) with one open next step, and where network attempts are logged. */
function home(): { dataDir: string; log: string } {
  const root = newRoot();
  const dataDir = join(root, "home");
  mkdirSync(dataDir, { mode: 0o700 });
  const entry = rejection({
    id: "aaaa0001",
    actions: [{ id: "ac000001", text: "Practise", createdAt: "2026-11-02T10:00:00.000Z" }],
  });
  writeFileSync(join(dataDir, "journal.json"), JSON.stringify({ version: 1, entries: [entry] }), { mode: 0o600 });
  return { dataDir, log: join(root, "network.log") };
}

beforeAll(() => {
  shared = newRoot();
  writeFileSync(join(shared, "import.json"), JSON.stringify({ version: 1, entries: [rejection({ id: "eeee0001" })] }));
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
    "after a migration from an unversioned journal that was left world-readable: the file 0600, the folder as the person left it",
    umask(0o000, async () => {
      const dir = join(newRoot(), "home");
      mkdirSync(dir, { mode: 0o755 });
      const file = join(dir, "journal.json");
      writeFileSync(file, JSON.stringify({ entries: [rejection({ id: "old00001" })] }), { mode: 0o666 });
      await new JournalStore(dir).update((journal) => {
        journal.entries.push(rejection({ id: "new00001" }));
      });
      expect(JSON.parse(readFileSync(file, "utf8")).version).toBe(CURRENT_VERSION);
      expect(mode(file)).toBe(0o600);
      expect(mode(dir)).toBe(0o755);
    }),
  );

  it(
    "after doctor --repair: the journal and its backup 0600 even with umask 000; a folder others can write is named, not changed",
    // The child inherits the umask.
    umask(0o000, () => {
      const dir = join(newRoot(), "home");
      mkdirSync(dir, { mode: 0o777 });
      writeFileSync(join(dir, "journal.json"), '{"version":1,"entries":[', { mode: 0o666 });
      expect(mode(dir)).toBe(0o777);
      const result = runCli(["doctor", "--repair"], { dataDir: dir });
      // Repaired, but the folder still lets others replace the journal: that is the person's to change.
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toContain("Still needs your attention");
      expect(result.stderr).toMatch(/other users can add, replace or delete files in the folder \(mode 0777\)/);
      const backup = /Kept a copy of the original file: (\S+)/.exec(result.stdout)![1]!;
      expect(mode(backup)).toBe(0o600);
      expect(mode(join(dir, "journal.json"))).toBe(0o600);
      expect(mode(dir)).toBe(0o777);
    }),
  );
});
