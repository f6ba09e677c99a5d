import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { JournalStore } from "../../src/journal/store.js";
import { storeFileKind } from "../../src/journal/store-files.js";
import { BIN, cliEnv, removeDir, runCli, runCliAsync, storeFiles, tempDir } from "../helpers/cli.js";
import { random } from "../helpers/random.js";
import { storedJournal } from "../helpers/stored-journal.js";

/**
 * The built CLI under real processes (store-crash.test.ts does the same for the
 * store alone): many `log` processes at once, and `log` processes killed with
 * SIGKILL at random moments. Slow by nature; bounded in time.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

function freshDir(): string {
  const root = tempDir();
  dirs.push(root);
  return join(root, "home");
}

const logArgs = (note: string) => [
  ...["log", "--company", "Acme", "--role", "Analyst", "--stage", "interview", "--ended", "rejected"],
  ...["--mood", "4", "--emotion", "sad", "--tag", "remote", "--note", note, "--json", "--allow-duplicate"],
];

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `log`, killing it with SIGKILL after `killAfterMs` unless it has ended by then. */
function logKilledAfter(dir: string, note: string, killAfterMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...logArgs(note)], { env: cliEnv(dir) });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
    child.stdin.end();
  });
}

describe("many log processes at once", () => {
  it("20 non-interactive logs started together leave 20 entries and a valid store", async () => {
    const dir = freshDir();
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => runCliAsync(logArgs(`run ${i}`), { dataDir: dir })),
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const reported = runs.map((run) => (JSON.parse(run.stdout) as { id: string }).id);
    // read() validates every entry against the schema.
    const entries = storedJournal(dir).entries;
    expect(entries).toHaveLength(20);
    expect(new Set(entries.map((entry) => entry.id))).toEqual(new Set(reported));
    expect(new Set(entries.map((entry) => entry.note))).toEqual(new Set(runs.map((_, i) => `run ${i}`)));
    expect(storeFiles(dir)).toEqual(["journal.json"]);
    expect(runCli(["doctor"], { dataDir: dir }).code).toBe(0);
  }, 60_000);
});

describe("log killed with SIGKILL at random moments", () => {
  it("the store always parses and validates, and holds every entry whose log exited 0", async () => {
    // Fixed unless CRASH_SEED says otherwise, so a failure can be run again as it was.
    const seed = Number(process.env.CRASH_SEED ?? 20261129);
    console.log(`cli crash test seed ${seed} (set CRASH_SEED to change it)`);
    const next = random(seed);
    const dir = freshDir();
    const store = new JournalStore(dir);

    // How long one log takes here, so the kills spread over start-up, the write and the exit.
    const calibration = await logKilledAfter(dir, "calibration", 60_000);
    expect(calibration.code, calibration.stderr).toBe(0);
    const reported = new Set<string>([(JSON.parse(calibration.stdout) as { id: string }).id]);
    const span = Math.max(300, calibration.ms * 2.2);

    let killed = 0;
    let left = 0;
    // A fixed number of rounds, each of three logs at once: one killed before it can have
    // started (no log finishes in 30 ms), one killed at a random moment, and in every other
    // round one left to finish, so the kills land while another process holds the lock.
    for (let rounds = 1; rounds <= 12; rounds++) {
      const delays = [
        Math.floor(next() * 30),
        Math.floor(next() * span),
        rounds % 2 ? 60_000 : Math.floor(next() * span),
      ];
      if (rounds % 2) left++;
      const runs = await Promise.all(delays.map((delay, i) => logKilledAfter(dir, `round ${rounds}.${i}`, delay)));
      const context = `seed ${seed}, round ${rounds}`;
      for (const run of runs) {
        if (run.signal === "SIGKILL") {
          killed++;
          continue;
        }
        expect(run.code, `${context}: ${run.stderr}`).toBe(0);
        reported.add((JSON.parse(run.stdout) as { id: string }).id);
      }

      if (existsSync(store.file)) {
        const raw = readFileSync(store.file, "utf8");
        expect(() => JSON.parse(raw), `${context}: the file does not parse`).not.toThrow();
      }
      const entries = storedJournal(store.dir).entries;
      const ids = new Set(entries.map((entry) => entry.id));
      expect(
        [...reported].filter((id) => !ids.has(id)),
        `${context}: exited 0 but missing`,
      ).toEqual([]);
      expect(ids.size, `${context}: no entry appears twice`).toBe(entries.length);
      // Only a temporary file of the store or its lock may be left by a kill; never a second journal.
      const strays = storeFiles(dir).filter((name) => name !== "journal.json");
      expect(
        strays.filter((name) => !["temp", "lock", "lock-leftover"].includes(storeFileKind(name) ?? "")),
        context,
      ).toEqual([]);
      // A killed writer's lock stays behind: the next log sees its holder has ended and takes it over.
    }
    expect(killed, `seed ${seed}: the first log of every round is killed`).toBeGreaterThanOrEqual(12);
    expect(reported.size, `seed ${seed}: the logs left to finish did`).toBeGreaterThanOrEqual(1 + left);
  }, 90_000);
});
