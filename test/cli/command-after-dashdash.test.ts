import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

/*
 * Commander reads the word after `--` as the command to run
 * (`rejection-coach -- stats` runs stats). The command that runs must be one
 * that was loaded: a command listed by name only has no options, arguments or
 * action, and does nothing and exits 0.
 */
let dataDir: string;
beforeEach(() => (dataDir = tempDir()));
afterEach(() => removeDir(dataDir));

const run = (args: string[]) => runInProcess(args, { dataDir });

describe("a command named after --", () => {
  for (const args of [["stats"], ["list"], ["export"], ["delete", "abcd"], ["show", "abcd"]]) {
    it(`runs \`${args.join(" ")}\` as it runs without --`, async () => {
      const saved = await run([
        "log",
        ...["--company", "Acme", "--role", "Engineer", "--mood", "4", "--stage", "interview", "--ended", "rejected"],
      ]);
      expect(saved.code).toBe(0);
      const plain = await run(args);
      const afterDashes = await run(["--", ...args]);
      expect(afterDashes).toEqual(plain);
    });
  }
});

describe("help for a command named after a global option", () => {
  for (const args of [
    ["help", "--plain", "log"],
    ["help", "--no-color", "stats"],
    ["help", "--data", "elsewhere", "journal"],
  ]) {
    it(`\`${args.join(" ")}\` shows the command's own help`, async () => {
      const name = args.at(-1)!;
      const plain = await run(["help", name]);
      expect(plain.stdout).toContain("Options:\n  --");
      expect(await run(args)).toEqual(plain);
    });
  }
});
