import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, realpathSync } from "node:fs";
import { userInfo } from "node:os";
import { isAbsolute, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BIN, cliEnv, removeDir, tempDir, type CliResult } from "../helpers/cli.js";

/**
 * Where the journal goes when REJECTION_COACH_HOME is not set, or is set to a
 * path a shell did not expand: never under the folder the command runs in.
 */

let root: string;
let home: string;
let cwd: string;
beforeEach(() => {
  root = realpathSync(tempDir());
  home = join(root, "home");
  cwd = join(root, "work");
  mkdirSync(home);
  mkdirSync(cwd);
});
afterEach(() => removeDir(root));

/** The CLI in `cwd`, with this environment instead of the tests' own REJECTION_COACH_HOME. */
function run(args: string[], env: NodeJS.ProcessEnv): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: cliEnv(root, { REJECTION_COACH_HOME: undefined, XDG_CONFIG_HOME: undefined, HOME: home, ...env }),
    input: "",
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function dataDir(env: NodeJS.ProcessEnv, args: string[] = []): string {
  const result = run([...args, "config", "path", "--json"], env);
  expect(result.code, result.stderr).toBe(0);
  const { dataDir: dir, journal } = JSON.parse(result.stdout) as { dataDir: string; journal: string };
  expect(isAbsolute(dir), dir).toBe(true);
  expect(journal).toBe(join(dir, "journal.json"));
  return dir;
}

const LOG = [
  "log",
  "--company",
  "Acme",
  "--role",
  "Analyst",
  "--stage",
  "applied",
  "--ended",
  "rejected",
  "--mood",
  "5",
];

/** Logs one entry and checks where the journal landed, and that nothing appeared in `cwd`. */
function logLandsIn(dir: string, env: NodeJS.ProcessEnv, args: string[] = []): void {
  const result = run([...args, ...LOG], env);
  expect(result.code, result.stderr).toBe(0);
  expect(existsSync(join(dir, "journal.json")), `journal in ${dir}`).toBe(true);
  expect(readdirSync(cwd), "nothing is created in the current folder").toEqual([]);
}

describe("where the journal lives", () => {
  it("a relative XDG_CONFIG_HOME is ignored: $HOME/.config is used", () => {
    const env = { XDG_CONFIG_HOME: "relative/dir" };
    const dir = dataDir(env);
    expect(dir).toBe(join(home, ".config", "rejection-coach"));
    logLandsIn(dir, env);
  });

  it("an absolute XDG_CONFIG_HOME is used as before", () => {
    const env = { XDG_CONFIG_HOME: join(root, "xdg") };
    const dir = dataDir(env);
    expect(dir).toBe(join(root, "xdg", "rejection-coach"));
    logLandsIn(dir, env);
  });

  it.skipIf(process.platform !== "linux")(
    "an empty HOME falls back to the home folder in the password database, not the current folder",
    () => {
      // Only the path is asked for: a log would write into this machine's real home folder.
      const dir = dataDir({ HOME: "" });
      expect(dir).toBe(join(userInfo().homedir, ".config", "rejection-coach"));
      expect(readdirSync(cwd)).toEqual([]);
    },
  );

  it.each([
    ["REJECTION_COACH_HOME='~/x'", { REJECTION_COACH_HOME: "~/x" }, [] as string[], ["x"]],
    ["REJECTION_COACH_HOME='~'", { REJECTION_COACH_HOME: "~" }, [] as string[], []],
    ["--data '~/y'", {}, ["--data", "~/y"], ["y"]],
    ["--data=~/y", {}, ["--data=~/y"], ["y"]],
  ])("%s expands to the home folder", (_name, env, args, under) => {
    const dir = dataDir(env, args);
    expect(dir).toBe(join(home, ...under));
    logLandsIn(dir, env, args);
  });

  it("a relative REJECTION_COACH_HOME is resolved against the current folder, and shown absolute", () => {
    const dir = dataDir({ REJECTION_COACH_HOME: "journal-here" });
    expect(dir).toBe(join(cwd, "journal-here"));
  });
});
