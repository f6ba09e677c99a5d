import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JournalStore } from "../../src/journal/store.js";
import { bundleScript } from "../helpers/bundle.js";
import { removeDir, runCli, tempDir } from "../helpers/cli.js";
import { random } from "../helpers/random.js";
import { storedJournal } from "../helpers/stored-journal.js";

/**
 * The store under real processes: writers killed with SIGKILL part-way, and many
 * writers at once. The child is test/helpers/store-writer.ts, bundled like the CLI.
 */
let writer: string;
const dirs: string[] = [];
beforeAll(async () => {
  writer = await bundleScript("test/helpers/store-writer.ts");
});
afterAll(() => {
  for (const dir of dirs) removeDir(dir);
  removeDir(join(writer, ".."));
});

function freshDir(): string {
  const root = tempDir();
  dirs.push(root);
  return join(root, "home");
}

interface Run {
  /** Ids the child printed in full, i.e. appends whose update had resolved. */
  ids: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Starts the writer; kills it with SIGKILL `killAfterMs` after it starts, or
 * `killAfterFirstMs` after its first completed append (start-up time varies a lot
 * on a busy machine), unless it ends first.
 */
function runWriter(
  dir: string,
  count: string,
  killAfterMs?: number,
  killAfterFirstMs?: number,
  env: NodeJS.ProcessEnv = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dir, count], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    let timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    if (killAfterFirstMs !== undefined) timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      if (killAfterFirstMs !== undefined && !stdout.includes("\n") && chunk.includes("\n")) {
        clearTimeout(timer);
        timer = setTimeout(() => child.kill("SIGKILL"), killAfterFirstMs);
      }
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      // Only whole lines count: a line cut by the kill was never fully reported.
      const ids = stdout.split("\n").slice(0, -1);
      resolve({ ids, code, signal, stderr });
    });
  });
}

describe("a writer killed with SIGKILL at random moments", () => {
  it("always leaves a journal that parses and holds every append the writer reported", async () => {
    // Fixed unless CRASH_SEED says otherwise, so a failure can be run again as it was.
    const seed = Number(process.env.CRASH_SEED ?? 20261129);
    console.log(`crash test seed ${seed} (set CRASH_SEED to change it)`);
    const next = random(seed);
    const dir = freshDir();
    const store = new JournalStore(dir);
    const reported = new Set<string>();
    let lateRounds = 0;
    let killedMidRun = 0;
    // A fixed number of rounds, not as many as fit in some time: the same seed is the same test.
    for (let rounds = 1; rounds <= 20; rounds++) {
      // Mostly part-way through a run of appends; sometimes before the first one ends.
      const early = next() < 0.25;
      const delay = Math.floor(next() * (early ? 500 : 300));
      if (!early) lateRounds++;
      const run = early ? await runWriter(dir, "forever", delay) : await runWriter(dir, "forever", undefined, delay);
      expect(run.signal, `seed ${seed}, round ${rounds}: ${run.stderr}`).toBe("SIGKILL");
      if (run.ids.length > 0) killedMidRun++;
      for (const id of run.ids) reported.add(id);

      if (existsSync(store.file)) {
        const raw = readFileSync(store.file, "utf8");
        expect(() => JSON.parse(raw), `seed ${seed}, round ${rounds}: the file does not parse`).not.toThrow();
      }
      const ids = new Set(storedJournal(store.dir).entries.map((entry) => entry.id));
      const missing = [...reported].filter((id) => !ids.has(id));
      expect(missing, `seed ${seed}, round ${rounds}: reported but missing`).toEqual([]);
      expect(ids.size, `seed ${seed}: no entry appears twice`).toBe(storedJournal(store.dir).entries.length);

      // A killed writer's lock stays behind; the next writer sees its holder has
      // ended and takes it over at once, which every round exercises.
    }
    // A late kill comes only after the writer reported its first append.
    expect(killedMidRun, `seed ${seed}`).toBeGreaterThanOrEqual(lateRounds);
    expect(reported.size, `seed ${seed}`).toBeGreaterThanOrEqual(lateRounds);
  }, 90_000);

  it("a writer killed while holding the lock does not block the next one: its lock is taken over without waiting", async () => {
    const dir = freshDir();
    const store = new JournalStore(dir);
    // Kill runs until one leaves its lock behind (a kill mid-update).
    let before: Run | undefined;
    for (let attempt = 0; attempt < 20 && !existsSync(`${store.file}.lock`); attempt++) {
      before = await runWriter(dir, "forever", 400 + attempt * 37);
    }
    expect(existsSync(`${store.file}.lock`), "some kill landed inside an update").toBe(true);
    // Allowed no wait at all for a live holder: only a lock whose holder has ended can be taken.
    const after = await runWriter(dir, "1", undefined, undefined, { REJECTION_COACH_LOCK_WAIT: "0.001" });
    expect(after.code, after.stderr).toBe(0);
    const ids = storedJournal(store.dir).entries.map((entry) => entry.id);
    expect(ids).toEqual(expect.arrayContaining([...(before?.ids ?? []), ...after.ids]));
  }, 60_000);

  it("doctor --repair clears whatever the killed writers left behind, without losing an entry", async () => {
    const dir = freshDir();
    const store = new JournalStore(dir);
    for (let attempt = 0; attempt < 8; attempt++) {
      await runWriter(dir, "forever", undefined, attempt * 41);
    }
    const entries = storedJournal(store.dir).entries;
    // As when the person runs doctor later: leftovers are older than any save takes.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const name of readdirSync(dir)) utimesSync(join(dir, name), anHourAgo, anHourAgo);
    const repair = runCli(["doctor", "--repair"], { dataDir: dir });
    expect(repair.code, repair.stderr).toBe(0);
    // The journal and the seal of its validated write; no temporary copy or lock.
    expect(readdirSync(dir).sort()).toEqual(["journal.json", "journal.json.checked"]);
    expect(storedJournal(store.dir).entries).toEqual(entries);
    expect(runCli(["doctor"], { dataDir: dir }).code).toBe(0);
  }, 60_000);
});

describe("many writers at once", () => {
  it("20 processes appending at the same moment leave 20 entries and a valid store", async () => {
    const dir = freshDir();
    const runs = await Promise.all(Array.from({ length: 20 }, () => runWriter(dir, "1")));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const entries = storedJournal(dir).entries;
    expect(entries).toHaveLength(20);
    expect(new Set(entries.map((entry) => entry.id))).toEqual(new Set(runs.flatMap((run) => run.ids)));
  }, 60_000);

  it("10 processes appending 5 times each, interleaved, lose nothing", async () => {
    const dir = freshDir();
    const runs = await Promise.all(Array.from({ length: 10 }, () => runWriter(dir, "5")));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(storedJournal(dir).entries).toHaveLength(50);
  }, 60_000);
});
