import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, removeDir, runCli, runCliAsync, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { PtySession } from "../helpers/pty.js";

/**
 * The built bundle, started as a person starts it: through the bin file. The
 * rest of the CLI's flags and output are tested in-process (test/cli); these
 * prove the bundle itself works.
 */
const dataDir = tempDir();
afterAll(() => removeDir(dataDir));

const LOG = [
  ...["log", "--company", "Acme", "--role", "Analyst", "--stage", "interview", "--ended", "rejected"],
  ...["--mood", "5", "--date", "2026-11-01", "--tag", "remote"],
];

describe("the built CLI", () => {
  it("the bin file is executable and starts the bundle: --version prints the package's version", () => {
    const version = (
      JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
    ).version;
    const result = runCli(["--version"], { dataDir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(version);
    expect(readFileSync(BIN, "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it("prints help with examples and exits 0; an unknown command exits 2 with one line", async () => {
    const help = await runCliAsync(["--help"], { dataDir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: rejection-coach");
    expect(help.stdout).toContain("Examples:");
    const wrong = await runCliAsync(["nonsense"], { dataDir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("log without a terminal saves the entry; list shows it, as the in-process run does", async () => {
    const home = tempDir();
    try {
      const logged = await runCliAsync([...LOG, "--json"], { dataDir: home });
      expect(logged.code, logged.stderr).toBe(0);
      const entry = JSON.parse(logged.stdout) as { id: string; company: string };
      expect(entry.company).toBe("Acme");
      const listed = await runCliAsync(["list"], { dataDir: home });
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stdout).toContain("Acme");
      expect(listed.stdout).toContain(entry.id);
      const json = await runCliAsync(["list", "--json"], { dataDir: home });
      expect(json.stdout).toBe((await runInProcess(["list", "--json"], { dataDir: home })).stdout);
    } finally {
      removeDir(home);
    }
  });

  it("piped output has no colour codes; a terminal gets colour unless NO_COLOR is set", async () => {
    expect((await runCliAsync(["tips"], { dataDir })).stdout).not.toContain("\u001b[");
    const coloured = new PtySession(["tips"], { dataDir, env: { NO_COLOR: "" } });
    expect(await coloured.exited()).toBe(0);
    expect(coloured.rawOutput).toContain("\u001b[");
    const plain = new PtySession(["tips"], { dataDir, env: { NO_COLOR: "1" } });
    expect(await plain.exited()).toBe(0);
    expect(plain.output).toContain("Let yourself feel it");
    expect(plain.rawOutput).not.toMatch(/\u001b\[[0-9;]*m/);
    const flag = new PtySession(["tips", "--no-color"], { dataDir, env: { NO_COLOR: "" } });
    expect(await flag.exited()).toBe(0);
    expect(flag.rawOutput).not.toMatch(/\u001b\[[0-9;]*m/);
  });
});
