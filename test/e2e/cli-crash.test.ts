import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { JournalStore } from "../../src/journal/store.js";
import { BIN, cliEnv, removeDir, runCli, runCliAsync, storeFiles, tempDir } from "../helpers/cli.js";
import { random } from "../helpers/random.js";

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
  ...["--mood", "4", "--emotion", "sad", "--tag", "remote", "--note", note, "--json"],
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
    const entries = new JournalStore(dir).read().entries;
    expect(entries).toHaveLength(20);
    expect(new Set(entries.map((entry) => entry.id))).toEqual(new Set(reported));
    expect(new Set(entries.map((entry) => entry.note))).toEqual(new Set(runs.map((_, i) => `run ${i}`)));
    expect(storeFiles(dir)).toEqual(["journal.json"]);
    expect(runCli(["doctor"], { dataDir: dir }).code).toBe(0);
  }, 60_000);
});

describe("log killed with SIGKILL at random moments", () => {
  it("the store always parses and validates, and holds every entry whose log exited 0", async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    const next = random(seed);
    const dir = freshDir();
    const store = new JournalStore(dir);

    // How long one log takes here, so the kills spread over start-up, the write and the exit.
    const calibration = await logKilledAfter(dir, "calibration", 30_000);
    expect(calibration.code, calibration.stderr).toBe(0);
    const reported = new Set<string>([(JSON.parse(calibration.stdout) as { id: string }).id]);
    const span = Math.max(300, calibration.ms * 2.2);

    const deadline = Date.now() + 25_000;
    let rounds = 0;
    let completed = 0;
    let killed = 0;
    while (rounds < 40 && Date.now() < deadline) {
      rounds++;
      // Two or three at once, so some are killed while another waits for the lock.
      const runs = await Promise.all(
        Array.from({ length: 2 + Math.floor(next() * 2) }, (_, i) =>
          logKilledAfter(dir, `round ${rounds}.${i}`, Math.floor(next() * span)),
        ),
      );
      const context = `seed ${seed}, round ${rounds}`;
      for (const run of runs) {
        if (run.signal === "SIGKILL") {
          killed++;
          continue;
        }
        expect(run.code, `${context}: ${run.stderr}`).toBe(0);
        completed++;
        reported.add((JSON.parse(run.stdout) as { id: string }).id);
      }

      if (existsSync(store.file)) {
        const raw = readFileSync(store.file, "utf8");
        expect(() => JSON.parse(raw), `${context}: the file does not parse`).not.toThrow();
      }
      const entries = store.read().entries;
      const ids = new Set(entries.map((entry) => entry.id));
      expect(
        [...reported].filter((id) => !ids.has(id)),
        `${context}: exited 0 but missing`,
      ).toEqual([]);
      expect(ids.size, `${context}: no entry appears twice`).toBe(entries.length);
      // Only a temporary copy (of the journal or its seal) or a lock may be left by a kill; never a second journal.
      const strays = storeFiles(dir).filter((name) => name !== "journal.json");
      expect(
        strays.filter((name) => !/^journal\.json\.(checked\.)?(tmp-\w+|lock)$/.test(name)),
        context,
      ).toEqual([]);

      // A killed writer cannot release its lock; the next one would wait out the
      // stale time. store-crash.test.ts covers that takeover.
      rmSync(`${store.file}.lock`, { recursive: true, force: true });
    }
    expect(rounds, `seed ${seed}`).toBeGreaterThanOrEqual(10);
    expect(completed, `seed ${seed}: some logs finish`).toBeGreaterThan(0);
    expect(killed, `seed ${seed}: some logs are killed`).toBeGreaterThan(rounds / 2);
  }, 90_000);
});
