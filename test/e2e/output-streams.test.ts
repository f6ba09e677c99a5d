import { spawn, spawnSync, type StdioOptions } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Entry } from "../../src/journal/entry.js";
import { BIN, cliEnv, removeDir, runCli, tempDir, type CliResult } from "../helpers/cli.js";

/**
 * stdout or stderr that cannot take what is written: a full device, a pipe
 * whose reader has gone. One plain line instead of a stack trace, and a save
 * that happened is never reported as a failure.
 */

let dataDir: string;
beforeEach(() => (dataDir = tempDir()));
afterEach(() => removeDir(dataDir));

const LOG = ["log", "--company", "Acme", "--role", "Analyst", "--stage", "applied", "--ended", "rejected"];
const log = (company: string, ...extra: string[]): string[] => [...LOG.slice(0, 2), company, ...LOG.slice(3), ...extra];
const companies = (): string[] => {
  const result = runCli(["list", "--json"], { dataDir });
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as Entry[]).map((entry) => (entry.kind === "rejection" ? entry.company : ""));
};

/** Runs the CLI with stdout or stderr opened on a file such as /dev/full. */
function runInto(args: string[], stream: "stdout" | "stderr", path: string): CliResult {
  const fd = openSync(path, "w");
  try {
    const stdio: StdioOptions = stream === "stdout" ? ["ignore", fd, "pipe"] : ["ignore", "pipe", fd];
    const result = spawnSync(process.execPath, [BIN, ...args], {
      env: cliEnv(dataDir),
      stdio,
      encoding: "utf8",
      timeout: 20_000,
    });
    return { code: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
  } finally {
    closeSync(fd);
  }
}

/** Runs the CLI with stdout or stderr a pipe that is closed before the CLI has started. */
function runIntoClosedPipe(args: string[], stream: "stdout" | "stderr"): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: cliEnv(dataDir),
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Node takes far longer to start than this takes to run, so nothing has been written yet.
    child[stream].destroy();
    const other = stream === "stdout" ? child.stderr : child.stdout;
    let text = "";
    other.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve(stream === "stdout" ? { code, stdout: "", stderr: text } : { code, stdout: text, stderr: "" }),
    );
  });
}

const lines = (text: string): string[] => text.split("\n").filter((line) => line.trim() !== "");
const NO_STACK = /^\s+at |Error:|node:internal/m;

describe.skipIf(process.platform !== "linux")("stdout on a full device", () => {
  beforeEach(() => {
    expect(runCli(log("Globex", "--mood", "5"), { dataDir }).code).toBe(0);
  });

  it.each([
    ["list", ["list"]],
    ["export --format json", ["export", "--format", "json"]],
  ])("%s > /dev/full: one line naming /dev/full, exit 1, no stack trace", (_name, args) => {
    const result = runInto(args, "stdout", "/dev/full");
    expect(result.code, result.stderr).toBe(1);
    expect(lines(result.stderr), result.stderr).toEqual([
      "rejection-coach: cannot write the output to /dev/full: the disk is full",
    ]);
    expect(result.stderr).not.toMatch(NO_STACK);
  });

  it("log --json > /dev/full: exit 1, the entry is saved, and the line says so (a retry would add it twice)", () => {
    const result = runInto(log("Hooli", "--mood", "4", "--json"), "stdout", "/dev/full");
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(lines(result.stderr).at(-1)).toBe(
      "rejection-coach: cannot write the output to /dev/full: the disk is full; the journal was saved all the same (running the command again would save it twice)",
    );
    expect(companies().sort()).toEqual(["Globex", "Hooli"]);
  });
});

describe("stdout a pipe whose reader has gone", () => {
  beforeEach(() => {
    expect(runCli(log("Globex", "--mood", "5"), { dataDir }).code).toBe(0);
  });

  it.each([
    ["list", ["list"]],
    ["export --format json", ["export", "--format", "json"]],
  ])("%s: the output just ends; exit 0, nothing on stderr", async (_name, args) => {
    const result = await runIntoClosedPipe(args, "stdout");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("a shell pipe into `true`: exit 0, nothing on stderr", () => {
    const result = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" export --format json | true`], {
      env: cliEnv(dataDir),
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});

describe("stderr that cannot be written after a successful save", () => {
  it.skipIf(process.platform !== "linux")("log 2>/dev/full exits 0 and the entry is in the journal", () => {
    const result = runInto(log("Initech", "--mood", "5", "--date", "2026-11-01"), "stderr", "/dev/full");
    expect(result.code).toBe(0);
    expect(companies()).toEqual(["Initech"]);
  });

  it("log with stderr a closed pipe exits 0 and the entry is in the journal", async () => {
    const result = await runIntoClosedPipe(log("Umbrella", "--mood", "5", "--date", "2026-11-01"), "stderr");
    expect(result.code).toBe(0);
    expect(companies()).toEqual(["Umbrella"]);
  });

  it.skipIf(process.platform !== "linux")("a failing command with stderr on /dev/full still exits 1", () => {
    // The exit code still says how the command went when nothing can be printed.
    const result = runInto(["show", "nosuchid"], "stderr", "/dev/full");
    expect(result.code).toBe(1);
  });
});
