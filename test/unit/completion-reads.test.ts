import { PassThrough } from "node:stream";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { removeDir, tempDir } from "../helpers/cli.js";

// The journal is read through peekEntries alone; counting its calls shows when it is read.
const peekEntries = vi.hoisted(() => vi.fn(() => []));
vi.mock("../../src/journal/peek-entries.js", () => ({ peekEntries }));

const { completionCandidates } = await import("../../src/commands/complete.js");
const { withIo } = await import("../../src/io.js");

const dataDir = tempDir();
afterAll(() => removeDir(dataDir));
beforeEach(() => peekEntries.mockClear());

const candidates = (words: string[]) =>
  withIo(
    {
      stdin: new PassThrough(),
      stdout: new PassThrough(),
      stderr: new PassThrough(),
      env: { REJECTION_COACH_HOME: dataDir },
    },
    () => completionCandidates(words),
  );

describe("completion reads the journal only for an id", () => {
  it.each([
    [["ti"]],
    [[""]],
    [["log", "--stage", ""]],
    [["log", "--company", ""]],
    [["tips", ""]],
    [["show", "--"]],
    [["config", "get", ""]],
  ])("%j: not read", async (words) => {
    await candidates(words);
    expect(peekEntries).not.toHaveBeenCalled();
  });

  it.each([[["show", ""]], [["reflect", "a1"]], [["next", "add", ""]], [["--data", dataDir, "delete", ""]]])(
    "%j: read once",
    async (words) => {
      await candidates(words);
      expect(peekEntries).toHaveBeenCalledTimes(1);
      expect(peekEntries).toHaveBeenCalledWith(dataDir);
    },
  );
});
