import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "../helpers/cli.js";
import { rejection } from "../helpers/fixtures.js";
import { seedJournal } from "../helpers/journal-fixture.js";
import { EMAIL_OFFER, KEY, NO_EMAIL, PtySession } from "../helpers/pty.js";

/*
 * The nudge in a real pseudo-terminal, with the built CLI: on stderr, before the
 * command's own output; and never in log, which starts with a question.
 * The waiting rejection was logged three days ago, so "an earlier day of the last
 * two weeks" holds whenever the test runs, midnight or not.
 */

let dataDir: string;
beforeEach(async () => {
  dataDir = tempDir();
  const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
  await seedJournal(dataDir, [
    rejection({
      id: "a0000001",
      company: "Acme",
      role: "Backend Engineer",
      date: "2026-11-01",
      createdAt: threeDaysAgo.toISOString(),
      updatedAt: threeDaysAgo.toISOString(),
    }),
  ]);
});
afterEach(() => removeDir(dataDir));

const NUDGE = "When you are ready: a reflection on Acme";
/** Any nudge; log's own closing line ("When you are ready: rejection-coach reflect ID") is not one. */
const ANY_NUDGE = /When you are ready: (?!rejection-coach)/;

describe("the nudge on a terminal", () => {
  it("comes first, on its own line, before the command's output", async () => {
    const session = new PtySession(["list"], { dataDir });
    await session.waitFor("Backend Engineer");
    expect(await session.exited()).toBe(0);
    const { output } = session;
    expect(output.indexOf(NUDGE)).toBeGreaterThanOrEqual(0);
    expect(output.indexOf(NUDGE)).toBeLessThan(output.indexOf("Backend Engineer"));
    expect(output.split(/\r?\n/).find((line) => line.includes(NUDGE))).toMatch(/^When you are ready.*\.$/);
    expect(output.match(new RegExp(ANY_NUDGE, "g"))).toHaveLength(1);
  });

  it("never in log: not before its first question, nor after saving; the day is left for the next command", async () => {
    const session = new PtySession(["log"], { dataDir });
    const steps: [prompt: string, keys: string][] = [
      [`? ${EMAIL_OFFER}`, NO_EMAIL],
      ["? Which company was it?", "Globex"],
      ["? What was the role?", "Analyst"],
      ["? How far did it get?", ""],
      ["? How did it end?", ""],
      ["? When did you hear?", ""],
      ["? Did they give a reason?", ""],
      ["? What do you think played a part?", ""],
      ["? How are you feeling about it right now?", "5"],
      ["? Which of these words fit how you feel?", ""],
      ["? Any tags?", ""],
      ["? Anything else you want to remember about it?", ""],
      ["? Does this look right?", ""],
      ["? Would you like to reflect on it now?", ""],
    ];
    await session.waitForPrompt(`? ${EMAIL_OFFER}`);
    expect(session.output).not.toMatch(ANY_NUDGE);
    for (const [prompt, keys] of steps) await session.answer(prompt, keys);
    expect(await session.exited()).toBe(0);
    expect(session.output).toContain("Saved");
    expect(session.output).not.toMatch(ANY_NUDGE);
    expect(existsSync(join(dataDir, "nudge-shown"))).toBe(false);

    const next = new PtySession(["next"], { dataDir });
    expect(await next.exited()).toBe(0);
    expect(next.output).toContain(NUDGE);
  });

  it("Ctrl+C at log's first question leaves no nudge behind either", async () => {
    const session = new PtySession(["log"], { dataDir });
    await session.waitForPrompt(`? ${EMAIL_OFFER}`);
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
    expect(session.output).not.toMatch(ANY_NUDGE);
  });
});
