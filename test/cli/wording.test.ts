import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

let dataDir: string;
beforeEach(() => (dataDir = tempDir()));
afterEach(() => removeDir(dataDir));

const help = async (command: string) =>
  (await runInProcess([command, "--help"], { dataDir })).stdout.replace(/\s+/g, " ");

describe("help and messages say what is true, in one spelling", () => {
  it("edit --help says the date is kept, not set to today", async () => {
    const text = await help("edit");
    expect(text).toMatch(/--date <when> move it to another day: [^(]*\(default: kept\)/);
    expect(text).not.toContain("(default: today)");
  });

  it("delete --help recommends --output for the backup, as the README does", async () => {
    const text = await help("delete");
    expect(text).toContain("export --format json --output backup.json");
    expect(text).not.toContain("> backup.json");
  });

  it("a bad -n ends in a sentence that starts with a capital", async () => {
    const result = await runInProcess(["list", "-n", "abc"], { dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is invalid\. It must be a whole number of 1 or more\.\n$/);
  });

  it("the global help spells color the US way", async () => {
    const text = (await runInProcess(["--help"], { dataDir })).stdout;
    expect(text).toContain("plain output without color");
    expect(text).not.toMatch(/colour/i);
  });
});
