import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../bin/rejection-coach.js", import.meta.url));
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh data folder for one test; never the person's real journal. */
export function tempDir(prefix = "rc-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The environment the built CLI runs in: no colour, no TTY, a private home. */
export function cliEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, REJECTION_COACH_HOME: dataDir, NO_COLOR: "1", ...extra };
  delete env.FORCE_COLOR;
  // chalk turns colour off when CI is set; the tests want a person's terminal.
  delete env.CI;
  return env;
}

/** Runs the built binary without a terminal, as a script or a pipe would. */
export function runCli(
  args: string[],
  options: { dataDir: string; input?: string; env?: NodeJS.ProcessEnv } = { dataDir: tempDir() },
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: cliEnv(options.dataDir, options.env),
    input: options.input ?? "",
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, asynchronously, for tests that start many processes at once. */
export function runCliAsync(
  args: string[],
  options: { dataDir: string; input?: string; env?: NodeJS.ProcessEnv },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cliEnv(options.dataDir, options.env) });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/** A CLI process started in the background: the test can signal it while it runs. */
export interface RunningCli {
  child: ChildProcess;
  /** What it has written to stderr so far. */
  stderr(): string;
  done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

export function startCli(
  args: string[],
  options: { dataDir: string; input?: string; env?: NodeJS.ProcessEnv; nodeOptions?: string[] },
): RunningCli {
  const child = spawn(process.execPath, [...(options.nodeOptions ?? []), BIN, ...args], {
    env: cliEnv(options.dataDir, options.env),
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  child.stdin!.end(options.input ?? "");
  return { child, stderr: () => stderr, done };
}

/**
 * The files in a data folder, less the seal the store keeps of its last
 * validated write: what tests compare when they check that nothing else
 * (temporary copy, lock, backup) was left behind.
 */
export function storeFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name !== "journal.json.checked")
    .sort();
}
