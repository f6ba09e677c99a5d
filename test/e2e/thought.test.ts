import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "../helpers/cli.js";
import { KEY, PtySession } from "../helpers/pty.js";

let dataDir: string;
beforeEach(() => (dataDir = tempDir()));
afterEach(() => removeDir(dataDir));

describe("thought in a terminal", () => {
  it("asks for the thought when none is given, then names its likely trap", async () => {
    const session = new PtySession(["thought"], { dataDir });
    await session.answer("What is the thought that keeps coming back?", "This always happens to me, every single time");
    expect(await session.exited()).toBe(0);
    expect(session.output).toMatch(
      /Overgeneralizing \(overgeneralising\), from 'This always happens to me', 'every\s+single time'/,
    );
    expect(session.output).toContain("Ask yourself:");
  });

  it("asks again for an empty thought, and Ctrl+C stops with 130", async () => {
    const session = new PtySession(["thought"], { dataDir });
    await session.answer("What is the thought that keeps coming back?", "");
    await session.waitFor("Please type the thought, in your own words");
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
    expect(session.output).toContain("Stopped.");
    expect(session.output).not.toContain("saved");
  });
});
