import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BIN, cliEnv, removeDir, runCli, tempDir, type CliResult } from "../helpers/cli.js";

/**
 * `tips --content DIR` with a folder that holds no small YAML files where they
 * are expected: one line on stderr naming the file, exit 1, promptly. The
 * test's own time limit is the only guard against a hang.
 */
let root: string;
let dataDir: string;
let own: string;
beforeEach(() => {
  root = tempDir("rc-content-e2e-");
  dataDir = join(root, "home");
  own = join(root, "mine");
  mkdirSync(own);
});
afterEach(() => removeDir(root));

const expectOneLineAbout = (result: CliResult, file: string, problem: RegExp) => {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(join(own, file));
  expect(lines[0]).toMatch(problem);
};

/**
 * Runs the CLI with its address space capped: were a device read to the end
 * (as it was before devices were refused), the process fails at the cap
 * instead of taking the machine's memory with it.
 */
function runCliCapped(args: string[]): CliResult {
  const capKb = 4 * 1024 * 1024;
  const result = spawnSync("sh", ["-c", `ulimit -v ${capKb} && exec "$0" "$@"`, process.execPath, BIN, ...args], {
    env: cliEnv(dataDir),
    input: "",
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("tips --content with hostile files", () => {
  it("a named pipe with no writer: exit 1 and the file named, without waiting for a writer", () => {
    execFileSync("mkfifo", [join(own, "strategies.yaml")]);
    const result = runCli(["tips", "--content", own], { dataDir });
    expectOneLineAbout(result, "strategies.yaml", /is a named pipe \(FIFO\), not a regular file/);
  });

  for (const device of ["/dev/zero", "/dev/urandom"]) {
    it.skipIf(!existsSync(device))(`a symlink to ${device}: refused as a device, not read`, () => {
      symlinkSync(device, join(own, "feedback-themes.yaml"));
      const result = runCliCapped(["tips", "--content", own]);
      expectOneLineAbout(result, "feedback-themes.yaml", /is a device, not a regular file/);
    });
  }

  it("an alias bomb: exit 1 with file, line and alias, no stack trace", () => {
    const lines = ["strategies: []", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level <= 9; level++) {
      lines.push(
        `a${level}: &a${level} [${Array(9)
          .fill(`*a${level - 1}`)
          .join(",")}]`,
      );
    }
    writeFileSync(join(own, "strategies.yaml"), lines.join("\n"));
    const result = runCli(["tips", "--content", own], { dataDir });
    expectOneLineAbout(
      result,
      "strategies.yaml",
      /strategies\.yaml:\d+:\d+: invalid YAML: \*a\d repeats anchored content/,
    );
  });
});
