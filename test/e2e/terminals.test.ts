import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import stringWidth from "fast-string-width";
import stripAnsi from "strip-ansi";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RejectionEntry } from "../../src/journal/entry.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { EMAIL_OFFER, KEY, NO_EMAIL, PtySession } from "../helpers/pty.js";
import { logInitechSearch } from "../helpers/initech-search.js";

let dataDir: string;
beforeEach(() => (dataDir = tempDir()));
afterEach(() => removeDir(dataDir));

/** A locale whose character set is not UTF-8, whatever the machine running the tests has. */
const ASCII_LOCALE = { LANG: "C", LC_ALL: "", LC_CTYPE: "" };
const NON_ASCII = /[^\x00-\x7f]/;

const seed = () => logInitechSearch(dataDir);

const entries = (): RejectionEntry[] =>
  (JSON.parse(readFileSync(join(dataDir, "journal.json"), "utf8")) as { entries: RejectionEntry[] }).entries;

/** Lines as the terminal received them, colour and cursor codes removed. */
const screenLines = (text: string): string[] => stripAnsi(text).split(/\r?\n/);

describe("a narrow terminal (50 columns)", () => {
  it("wraps the intro and a long question between words, never past the edge", async () => {
    const session = new PtySession(["log"], { dataDir, cols: 50 });
    await session.answer(EMAIL_OFFER, NO_EMAIL);
    await session.answer("Which company was it?", "Acme");
    await session.answer("What was the role?", "Dev");
    await session.answer("How far did it get?", "");
    await session.answer("How did it end?", "");
    await session.waitFor("last friday");
    const raw = session.rawOutput;
    const intro = raw.slice(0, raw.indexOf(`? ${EMAIL_OFFER}`));
    for (const line of screenLines(intro)) expect(stringWidth(line)).toBeLessThan(50);
    // Words stay whole: the intro reads the same once its line breaks are spaces again.
    expect(stripAnsi(intro).replace(/\s+/g, " ")).toContain("A few questions, then some ideas that may help.");
    const question = stripAnsi(raw.slice(raw.lastIndexOf("? When did you hear?")));
    const questionLines = question.split(/\r?\n/).map((line) => line.replace(/\u001b\[\d*G/g, ""));
    expect(questionLines.length).toBeGreaterThan(1);
    for (const line of questionLines) expect(stringWidth(line)).toBeLessThan(50);
    expect(question.replace(/\s+/g, " ")).toContain("or a day like yesterday or last friday");
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
  });

  it("lists with the date and kind kept, so a win reads as a win", async () => {
    await seed();
    const session = new PtySession(["list"], { dataDir, cols: 50 });
    expect(await session.exited()).toBe(0);
    const lines = screenLines(session.output).filter(Boolean);
    expect(lines[0]).toMatch(/^id\s+date\s+kind\s/);
    expect(lines.filter((line) => /^\S+\s+\d{4}-\d{2}-\d{2}\s+win\s/.test(line))).toHaveLength(1);
    expect(lines.filter((line) => /^\S+\s+\d{4}-\d{2}-\d{2}\s+rej\S*\s+Initech/.test(line))).toHaveLength(2);
    for (const line of lines) expect(stringWidth(line)).toBeLessThan(50);
  });
});

describe("a non-UTF-8 locale (LANG=C)", () => {
  it("cuts long list cells with three dots", async () => {
    await runInProcess(
      [
        "log",
        "--company",
        "International Consolidated Widgets",
        "--role",
        "Dev",
        "--stage",
        "applied",
        "--ended",
        "rejected",
        "--mood",
        "5",
      ],
      { dataDir },
    );
    const session = new PtySession(["list"], { dataDir, cols: 50, env: ASCII_LOCALE });
    expect(await session.exited()).toBe(0);
    expect(session.output).toContain("...");
    expect(session.rawOutput).not.toMatch(NON_ASCII);
  });

  // @inquirer/figures picks its symbols from TERM alone (Unicode unless TERM=linux), so
  // the prompts' own marks need the tool's ASCII theme too.
  it("asks its questions with ASCII marks", async () => {
    const session = new PtySession(["log"], { dataDir, env: ASCII_LOCALE });
    await session.answer(EMAIL_OFFER, NO_EMAIL);
    await session.answer("Which company was it?", "Acme");
    await session.answer("What was the role?", "Dev");
    await session.answer("How far did it get?", "");
    await session.waitFor("How did it end?");
    await session.answer("How did it end?", "");
    await session.answer("When did you hear?", "");
    await session.answer("Did they give a reason?", "");
    await session.waitFor("played a part");
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
    expect(session.output).toContain("> Applied");
    expect(session.output).toMatch(/\[ \] Skills/);
    expect(session.rawOutput).not.toMatch(NON_ASCII);
  });
});

describe("plain questions and answers", () => {
  /**
   * The whole of `log`, answered by typing numbers and words only. `again`:
   * the same rejection is in the journal already, and is saved anyway.
   */
  async function logByNumbers(session: PtySession, again = false): Promise<void> {
    await session.answer(/Do you have their email\?[\s\S]*Type a number/, "3");
    await session.answer("Which company was it?", "Globex");
    await session.answer("What was the role?", "Data Analyst");
    await session.waitFor("6) Offer");
    await session.answer(/How far did it get\?[\s\S]*Type a number/, "5");
    await session.answer(/How did it end\?[\s\S]*Type a number/, "2");
    await session.answer("go quiet?", "yesterday");
    await session.answer(/played a part[\s\S]*separated by commas/, "4, 1");
    await session.answer("How are you feeling about it right now?", "abc");
    await session.answer("Please type a whole number", "3");
    await session.answer(/Which of these words fit[\s\S]*separated by commas/, "1,3");
    await session.answer("Any tags?", "remote");
    await session.answer("Anything else you want to remember", "");
    await session.answer(/Does this look right\?[\s\S]*Type a number/, "");
    if (again)
      await session.answer(
        /You already logged Data Analyst at Globex[\s\S]*Save it anyway\? \(y\/n, Enter for n\)/,
        "y",
      );
    await session.answer(/reflect on it now\?.*y\/n/, "n");
  }

  const expectSaved = () =>
    expect(entries()[0]).toMatchObject({
      company: "Globex",
      stage: "final",
      ended: "ghosted",
      reasons: ["skills", "competition"],
      mood: 3,
      emotions: ["disappointed", "sad"],
      tags: ["remote"],
    });

  it("on TERM=dumb: numbered choices, a whole log typed as numbers, and not one escape code", async () => {
    const session = new PtySession(["log"], { dataDir, term: "dumb", env: { NO_COLOR: "" } });
    await logByNumbers(session);
    expect(await session.exited()).toBe(0);
    expectSaved();
    expect(session.output).toContain("  1) Applied: it ended before any conversation");
    expect(session.output).toContain("Type a number (Enter for 1):");
    expect(session.rawOutput).not.toContain("\u001b");
  });

  it("with --plain, or the plain setting, on an ordinary terminal", async () => {
    const flagged = new PtySession(["--plain", "log"], { dataDir, env: { NO_COLOR: "" } });
    await logByNumbers(flagged);
    expect(await flagged.exited()).toBe(0);
    expect(flagged.rawOutput).not.toContain("\u001b");

    writeFileSync(join(dataDir, "settings.json"), JSON.stringify({ plain: "yes" }));
    const set = new PtySession(["log"], { dataDir, env: { NO_COLOR: "" } });
    await logByNumbers(set, true);
    expect(await set.exited()).toBe(0);
    expect(set.rawOutput).not.toContain("\u001b");
    expect(entries()).toHaveLength(2);
  });

  it("refuses a number that is not a choice and asks again; Ctrl+C stops with nothing saved", async () => {
    const session = new PtySession(["log"], { dataDir, term: "dumb" });
    await session.answer(/Do you have their email\?[\s\S]*Type a number/, "3");
    await session.answer("Which company was it?", "Globex");
    await session.answer("What was the role?", "Dev");
    await session.answer(/How far did it get\?[\s\S]*Type a number/, "9");
    await session.waitFor("Please type a number from 1 to 6.");
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
    expect(session.output).toContain("Stopped. Nothing was saved.");
  });
});
