import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { Entry } from "../../src/journal/entry.js";
import { BIN, ROOT, cliEnv, removeDir, tempDir } from "../helpers/cli.js";
import { KEY, PtySession } from "../helpers/pty.js";
import { waitFor } from "../helpers/wait.js";

/**
 * SIGTERM and SIGHUP stop the CLI the way Ctrl+C does (exit 143 and 129, one
 * line), and a stop that comes after the save says the entry was saved.
 */

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));
const fresh = (): string => {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
};

const journalEntries = (dir: string): Entry[] =>
  (JSON.parse(readFileSync(join(dir, "journal.json"), "utf8")) as { entries: Entry[] }).entries;

/** Every flag but --mood: a terminal asks for the mood, then whether this looks right. */
const LOG_BUT_MOOD = [
  "log",
  ...["--company", "Acme", "--role", "Analyst", "--stage", "applied", "--ended", "rejected"],
  ...["--date", "2026-11-01", "--reason-given", "None", "--reason", "unknown", "--emotion", "sad"],
  ...["--tag", "remote", "--note", "A kind panel"],
];
const MOOD = "? How are you feeling about it right now?";
const REFLECT_NOW = "? Would you like to reflect on it now?";

type Stop = "SIGTERM" | "SIGHUP" | "Ctrl+C";
const EXIT: Record<Stop, number> = { SIGTERM: 143, SIGHUP: 129, "Ctrl+C": 130 };

async function stop(session: PtySession, how: Stop): Promise<number> {
  if (how === "Ctrl+C") session.type(KEY.ctrlC);
  else process.kill(session.process.pid, how);
  return session.exited();
}

const stopLines = (output: string): string[] =>
  output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith("Stopped"));

describe.concurrent("a stop signal at a prompt", () => {
  it.for(["SIGTERM", "SIGHUP"] as const)("%s before the save: one line, nothing saved", async (how, { expect }) => {
    const dir = join(fresh(), "home");
    const session = new PtySession(LOG_BUT_MOOD, { dataDir: dir });
    await session.waitForPrompt(MOOD);
    expect(await stop(session, how), session.output).toBe(EXIT[how]);
    expect(stopLines(session.output), session.output).toEqual(["Stopped. Nothing was saved."]);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it.for(["Ctrl+C", "SIGTERM", "SIGHUP"] as const)(
    "%s at 'reflect now?', after the save: says the entry is saved, never that nothing was",
    async (how, { expect }) => {
      const dir = fresh();
      const session = new PtySession(LOG_BUT_MOOD, { dataDir: dir });
      await session.answer(MOOD, "6");
      await session.answer("? Does this look right?", "");
      await session.waitForPrompt(REFLECT_NOW);
      const [entry] = journalEntries(dir);
      expect(await stop(session, how), session.output).toBe(EXIT[how]);
      expect(session.output).not.toMatch(/nothing was saved|unexpected error/i);
      expect(stopLines(session.output), session.output).toEqual([
        `Stopped. Your rejection is saved as ${entry!.id}; the reflection was not saved.`,
      ]);
      expect(journalEntries(dir)).toEqual([entry]);
    },
  );
});

const HOLD_FSYNC = pathToFileURL(join(ROOT, "test/helpers/hold-fsync.mjs")).href;

describe.skipIf(process.platform !== "linux")("SIGTERM while the journal is being written", () => {
  it("the write completes: the journal parses, holds the entry, and no temporary copy is left", async () => {
    const dir = fresh();
    const marker = join(fresh(), "hold");
    writeFileSync(marker, "");
    const child = spawn(process.execPath, ["--import", HOLD_FSYNC, BIN, ...LOG_BUT_MOOD, "--mood", "5"], {
      env: cliEnv(dir, { HOLD_FSYNC_WHILE: marker }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stdout.resume();
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on("close", (code, signal) => resolve({ code, signal })),
    );

    // The writer is now inside its write: the temporary copy exists and its fsync is held.
    const temps = (): string[] => readdirSync(dir).filter((name) => name.includes(".tmp-"));
    await waitFor(() => temps().length > 0, `a temporary copy; stderr: ${stderr}`, 20_000);
    child.kill("SIGTERM");
    rmSync(marker);
    const { code, signal } = await closed;

    expect(signal, "the process handled the signal instead of dying mid-write").toBeNull();
    expect(stderr).not.toMatch(/^\s+at |unexpected error|Nothing was saved/m);
    // The signal waits for the write. It is handled at the next turn of the event loop,
    // which may come after the rest of the command has run (it does on Node 24): either
    // the command stops there as 143 and says the save was kept, or it has finished (0).
    if (code === 143) expect(stderr).toContain("Stopped. Your changes were saved.");
    else expect([code, stderr]).toEqual([0, expect.stringContaining("Saved ")]);
    expect(temps()).toEqual([]);
    expect(journalEntries(dir).map((entry) => (entry.kind === "rejection" ? entry.company : ""))).toEqual(["Acme"]);
  });
});
