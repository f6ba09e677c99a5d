import { existsSync, readFileSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Entry } from "../../src/journal/entry.js";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, startCli, tempDir, type RunningCli } from "../helpers/cli.js";
import { rejection } from "../helpers/fixtures.js";
import { waitFor } from "../helpers/wait.js";
import { storedJournal } from "../helpers/stored-journal.js";

/**
 * Saves that overlap with a slow or stopped writer, through the real CLI, on a
 * journal of more than 10 MB. Whatever the timing, every command that exited 0
 * has its entry afterwards, and none that was deleted comes back.
 */
const SLOW_FSYNC = fileURLToPath(new URL("../helpers/slow-fsync.mjs", import.meta.url));
const LOCK_LOOKS = fileURLToPath(new URL("../helpers/count-lock-looks.mjs", import.meta.url));
/** How many times a process preloaded with count-lock-looks.mjs has looked at the lock. */
const lookCount = (file: string): number => (existsSync(file) ? readFileSync(file, "utf8").split("\n").length - 1 : 0);
const BIG = 10_500;
let root: string;
let bigJournal: Buffer;
let bigSeal: Buffer;

beforeAll(async () => {
  root = tempDir();
  const seedDir = join(root, "seed");
  const note = "A long evening note about the interview, what went well and what to practise next. ".repeat(8);
  await new JournalStore(seedDir).update((journal) => {
    for (let i = 0; i < BIG; i++) {
      journal.entries.push(rejection({ id: `b${i.toString(16).padStart(7, "0")}`, company: `Seed ${i}`, note }));
    }
  });
  bigJournal = readFileSync(join(seedDir, "journal.json"));
  bigSeal = readFileSync(join(seedDir, "journal.json.checked"));
  expect(bigJournal.length).toBeGreaterThan(10 * 1024 * 1024);
}, 120_000);
afterAll(() => removeDir(root));

let count = 0;
async function bigHome(): Promise<string> {
  const dir = join(root, `home-${++count}`);
  const store = new JournalStore(dir);
  await store.withLock(() => undefined); // creates the folder as the store does
  const { writeFileSync } = await import("node:fs");
  writeFileSync(store.file, bigJournal, { mode: 0o600 });
  writeFileSync(store.files.seal, bigSeal, { mode: 0o600 });
  return dir;
}

/** Generous: the tests are about who wins the lock, never about how fast. */
const PATIENT = { REJECTION_COACH_LOCK_WAIT: "600" };

const log = (dir: string, company: string, extra: { env?: NodeJS.ProcessEnv; nodeOptions?: string[] } = {}) =>
  startCli(
    ["log", "--company", company, "--role", "Engineer", "--stage", "interview", "--ended", "rejected", "--mood", "4"],
    {
      dataDir: dir,
      env: { ...PATIENT, ...extra.env },
      nodeOptions: extra.nodeOptions,
    },
  );

const companies = (dir: string): string[] =>
  storedJournal(dir).entries.map((entry: Entry) => (entry.kind === "rejection" ? entry.company : entry.title));

const lockHolder = (dir: string): number | undefined => {
  try {
    return (JSON.parse(readFileSync(join(dir, "journal.json.lock"), "utf8")) as { pid: number }).pid;
  } catch {
    return undefined;
  }
};

/** Waits until `writer` holds the journal's lock. */
const holdsLock = (dir: string, writer: RunningCli) =>
  waitFor(() => lockHolder(dir) === writer.child.pid, `pid ${writer.child.pid} to take the lock`, 120_000);

/** A `log` stopped with SIGSTOP while it holds the lock (a slow fsync keeps it there long enough). */
async function stoppedHolder(): Promise<{ dir: string; sleeper: RunningCli }> {
  const dir = await bigHome();
  const sleeper = log(dir, "Sleeping Laptop", {
    env: { SLOW_FSYNC_MS: "1500" },
    nodeOptions: ["--import", SLOW_FSYNC],
  });
  await holdsLock(dir, sleeper);
  sleeper.child.kill("SIGSTOP");
  return { dir, sleeper };
}

describe("a slow writer keeps the lock for as long as it needs it", () => {
  it("a writer whose every fsync takes 7 s and one started while it holds the lock both keep their entries", async () => {
    const dir = await bigHome();
    const slow = log(dir, "Slow Disk Ltd", { env: { SLOW_FSYNC_MS: "7000" }, nodeOptions: ["--import", SLOW_FSYNC] });
    await holdsLock(dir, slow);
    const quick = log(dir, "Quick Corp");
    const [a, b] = await Promise.all([slow.done, quick.done]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    // The second one waited, and said for whom.
    expect(b.stderr).toContain(`pid ${slow.child.pid}`);
    const saved = companies(dir);
    expect(saved).toHaveLength(BIG + 2);
    expect(saved).toEqual(expect.arrayContaining(["Slow Disk Ltd", "Quick Corp"]));
  }, 180_000);

  it("a writer stopped (SIGSTOP, a laptop lid closing) while it holds the lock is waited for, not overwritten", async () => {
    const { dir, sleeper } = await stoppedHolder();
    try {
      const looks = join(root, `looks-${count}`);
      const waiter = log(dir, "Awake Inc", { env: { LOCK_LOOKS_FILE: looks }, nodeOptions: ["--import", LOCK_LOOKS] });
      await waitFor(() => waiter.stderr().includes("Waiting"), "the second writer to say it is waiting", 120_000);
      // Stopped for an hour, as far as the lock's age shows: well past the 5 s after
      // which the old lock counted as stale. The waiter then looks at least once more.
      const anHourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(join(dir, "journal.json.lock"), anHourAgo, anHourAgo);
      const seen = lookCount(looks);
      await waitFor(() => lookCount(looks) >= seen + 2, "the waiter to look at the aged lock again", 120_000);
      expect(lockHolder(dir)).toBe(sleeper.child.pid);
      sleeper.child.kill("SIGCONT");
      const [a, b] = await Promise.all([sleeper.done, waiter.done]);
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      expect(companies(dir)).toEqual(expect.arrayContaining(["Sleeping Laptop", "Awake Inc"]));
      expect(companies(dir)).toHaveLength(BIG + 2);
    } finally {
      sleeper.child.kill("SIGCONT");
    }
  }, 180_000);

  it("a writer that gives up waiting says who holds the lock and since when, saves nothing, and exits 1", async () => {
    const { dir, sleeper } = await stoppedHolder();
    try {
      const impatient = await log(dir, "Impatient Co", { env: { REJECTION_COACH_LOCK_WAIT: "2" } }).done;
      expect(impatient.code).toBe(1);
      expect(impatient.stderr).toMatch(new RegExp(`pid ${sleeper.child.pid} on .*, since \\d`));
      expect(impatient.stderr).toContain("nothing was saved");
    } finally {
      sleeper.child.kill("SIGCONT");
    }
    const done = await sleeper.done;
    expect(done.code, done.stderr).toBe(0);
    expect(companies(dir)).toContain("Sleeping Laptop");
    expect(companies(dir)).not.toContain("Impatient Co");
  }, 180_000);
});

describe("many writers at once on a large journal", () => {
  it("logs, wins and deletes all land: every command that exited 0 has its effect, and no deleted entry returns", async () => {
    const dir = await bigHome();
    const runs: { what: string; run: RunningCli }[] = [];
    for (let i = 0; i < 6; i++) runs.push({ what: `log Parallel ${i}`, run: log(dir, `Parallel ${i}`) });
    for (let i = 0; i < 3; i++) {
      runs.push({
        what: `win Small win ${i}`,
        run: startCli(["win", "--kind", "skill", "--title", `Small win ${i}`], { dataDir: dir, env: PATIENT }),
      });
    }
    for (let i = 0; i < 3; i++) {
      runs.push({
        what: `delete Seed ${i}`,
        run: startCli(["delete", "--yes", `b${i.toString(16).padStart(7, "0")}`], { dataDir: dir, env: PATIENT }),
      });
    }
    const results = await Promise.all(runs.map(({ run }) => run.done));
    const saved = new Set(companies(dir));
    results.forEach((result, i) => {
      expect(result.code, `${runs[i]!.what}: ${result.stderr}`).toBe(0);
      const [verb, ...rest] = runs[i]!.what.split(" ");
      const name = rest.join(" ");
      if (verb === "delete") expect(saved.has(name), runs[i]!.what).toBe(false);
      else expect(saved.has(name), runs[i]!.what).toBe(true);
    });
    expect(saved.size).toBe(BIG + 6 + 3 - 3);
    expect(existsSync(join(dir, "journal.json.lock"))).toBe(false);
    expect(statSync(join(dir, "journal.json")).mode & 0o777).toBe(0o600);
  }, 300_000);
});
