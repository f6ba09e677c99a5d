import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeDir, runCli, tempDir } from "../helpers/cli.js";

let dataDir: string;
beforeEach(() => (dataDir = tempDir()));
afterEach(() => removeDir(dataDir));

const help = (command: string) => runCli([command, "--help"], { dataDir }).stdout.replace(/\s+/g, " ");

describe("help and messages say what is true, in one spelling", () => {
  it("edit --help says the date is kept, not set to today", () => {
    const text = help("edit");
    expect(text).toMatch(/--date <when> move it to another day: [^(]*\(default: kept\)/);
    expect(text).not.toContain("(default: today)");
  });

  it("delete --help recommends --output for the backup, as the README does", () => {
    const text = help("delete");
    expect(text).toContain("export --format json --output backup.json");
    expect(text).not.toContain("> backup.json");
  });

  it("a bad -n ends in a sentence that starts with a capital", () => {
    const result = runCli(["list", "-n", "abc"], { dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is invalid\. It must be a whole number of 1 or more\.\n$/);
  });

  it("the global help spells color the US way", () => {
    const text = runCli(["--help"], { dataDir }).stdout;
    expect(text).toContain("plain output without color");
    expect(text).not.toMatch(/colour/i);
  });
});
