import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lastNudgeDay, rememberNudgeDay } from "../../src/journal/nudge-state.js";
import { removeDir, tempDir } from "../helpers/cli.js";

let root: string;
let dir: string;
beforeEach(() => {
  root = tempDir();
  dir = join(root, "home");
  mkdirSync(dir, { mode: 0o700 });
});
afterEach(() => removeDir(root));

describe("the day the nudge was last shown", () => {
  it("is recorded in a private file beside the journal and read back", () => {
    expect(lastNudgeDay(dir)).toBeUndefined();
    expect(rememberNudgeDay(dir, "2026-11-30")).toBe(true);
    expect(lastNudgeDay(dir)).toBe("2026-11-30");
    expect(statSync(join(dir, "nudge-shown")).mode & 0o777).toBe(0o600);
  });

  it("is not recorded through a symlink, which would write over the file it points to", () => {
    const target = join(root, "someone-else.txt");
    writeFileSync(target, "theirs\n", { mode: 0o644 });
    symlinkSync(target, join(dir, "nudge-shown"));
    expect(rememberNudgeDay(dir, "2026-11-30")).toBe(false);
    expect(readFileSync(target, "utf8")).toBe("theirs\n");
    expect(statSync(target).mode & 0o777).toBe(0o644);
  });

  it("is not recorded over a folder", () => {
    mkdirSync(join(dir, "nudge-shown"));
    expect(rememberNudgeDay(dir, "2026-11-30")).toBe(false);
  });
});
