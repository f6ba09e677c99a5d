import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

const dataDir = tempDir();
afterAll(() => removeDir(dataDir));
const run = (...args: string[]) => runInProcess(args, { dataDir });

describe("the CLI (in-process)", () => {
  it("prints help with examples and exits 0", async () => {
    const result = await run("--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: rejection-coach");
    expect(result.stdout).toContain("Examples:");
    expect((await run("tips", "--help")).stdout).toContain("rejection-coach tips ask-feedback");
  });

  it("prints its version", async () => {
    const result = await run("--version");
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("exits 2 on an unknown command or option, with one line on stderr", async () => {
    const command = await run("nonsense");
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("unknown command 'nonsense'");
    expect(command.stdout).toBe("");
    const option = await run("tips", "--bogus");
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--bogus'");
  });

  it("exits 2 on a value outside the allowed set, naming the allowed values", async () => {
    const result = await run("tips", "--phase", "dance");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("feel, learn, reframe, act");
  });

  it("tips --json prints only JSON on stdout", async () => {
    const result = await run("tips", "--json");
    expect(result.code).toBe(0);
    const strategies = JSON.parse(result.stdout) as { id: string; phase: string }[];
    expect(strategies.length).toBeGreaterThanOrEqual(30);
    expect(result.stderr).toBe("");
  });

  it("tips --phase and tips ID narrow the output", async () => {
    const act = JSON.parse((await run("tips", "--phase", "act", "--json")).stdout) as { phase: string }[];
    expect(act.length).toBeGreaterThan(0);
    expect(act.every((s) => s.phase === "act")).toBe(true);
    const one = await run("tips", "ask-feedback");
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("Why it helps");
    expect(one.stdout).toContain("Try today");
  });

  it("an unknown strategy id exits 1 with one line", async () => {
    const result = await run("tips", "no-such-tip");
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("no-such-tip");
  });

  it("a broken user content folder exits 1 naming file and line", async () => {
    const own = join(dataDir, "own-content");
    mkdirSync(own, { recursive: true });
    writeFileSync(join(own, "strategies.yaml"), "strategies:\n  - id: x\n    title: [oops\n");
    const result = await run("--content", own, "tips");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/strategies\.yaml:\d+:\d+: invalid YAML/);
    expect(result.stdout).toBe("");
  });
});
