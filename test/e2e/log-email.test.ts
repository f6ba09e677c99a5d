import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Entry, RejectionEntry } from "../../src/journal/entry.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { EMAIL_OFFER, KEY, PtySession } from "../helpers/pty.js";

/*
 * Pasting their email into `log` in a real terminal. A terminal in bracketed
 * paste mode wraps a paste in ESC[200~ ... ESC[201~, which is what tmux and
 * every common terminal send; without it, a paste arrives as one chunk.
 */

let dataDir: string;
beforeEach(() => (dataDir = tempDir()));
afterEach(() => removeDir(dataDir));

const entries = (): RejectionEntry[] =>
  (JSON.parse(readFileSync(join(dataDir, "journal.json"), "utf8")) as { entries: Entry[] }).entries as RejectionEntry[];

/** An email as a terminal sends a paste: lines end in CR, and blank lines sit between paragraphs. */
const EMAIL = readFileSync(join(import.meta.dirname, "../corpora/emails/03-phone-screen-skills.txt"), "utf8");
const asTyped = (text: string) => text.replace(/\r?\n/g, "\r");
const bracketed = (text: string) => `\u001b[200~${asTyped(text)}\u001b[201~`;
const PASTE = "Paste their email.";

async function startPaste(): Promise<PtySession> {
  const session = new PtySession(["log"], { dataDir });
  await session.answer(EMAIL_OFFER, ""); // Enter: "Yes, I'll paste it here"
  await session.waitForPrompt(PASTE);
  return session;
}

describe("pasting their email into log", () => {
  it("takes a whole email with blank lines, ends at Enter on an empty line, and fills in what it read", async () => {
    const session = await startPaste();
    session.type(bracketed(EMAIL));
    session.type(KEY.enter); // the paste ended with a line break: this Enter is on an empty line
    await session.waitFor(`Read ${EMAIL.trim().split("\n").length} lines.`);
    await session.waitFor("From their email:");
    expect(session.output).toMatch(/Company\s+Bluefin Systems/);
    expect(session.output).toMatch(/Stage reached\s+Screening/);
    await session.answer("Keep a copy of the email", ""); // Enter: no
    await session.answer("Which company was it?", ""); // Enter keeps what the email said
    await session.answer("What was the role?", "");
    await session.answer("How far did it get?", "");
    await session.answer("How did it end?", "");
    await session.answer("When did you hear?", "");
    await session.answer("Did they give a reason?", "");
    await session.answer("played a part", "");
    await session.answer("How are you feeling about it right now?", "4");
    await session.answer("Which of these words fit", "");
    await session.answer("Any tags?", "");
    await session.answer("Anything else you want to remember", "");
    await session.waitForPrompt("Does this look right?");
    expect(session.output).toMatch(/Stage reached\s+Screening\s+from their email: '/);
    session.type(KEY.enter);
    await session.answer("reflect on it now?", "");
    expect(await session.exited()).toBe(0);
    const [entry] = entries();
    expect(entry).toMatchObject({ company: "Bluefin Systems", role: "Platform Engineer", stage: "screening", mood: 4 });
    expect(entry!.reasons).toContain("skills");
    expect(entry).not.toHaveProperty("email");
    expect(readFileSync(join(dataDir, "journal.json"), "utf8")).not.toContain("Rachel");
  });

  it("keeps a paste that arrives as one chunk, blank lines and all, without the terminal's paste marks", async () => {
    const session = await startPaste();
    session.type(asTyped("Dear Sam,\n\nThank you for your time.\n\nKind regards,\nThe Initech Team\n"));
    // The Enter a person presses after pasting comes later, on its own: once the paste is on screen.
    await session.waitFor("The Initech Team");
    session.type(KEY.enter);
    await session.waitFor("Read 6 lines.");
    await session.waitFor(/Company\s+Initech/);
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
  });

  it("takes lines typed one by one, with a backspace, ended by Ctrl+D", async () => {
    const session = await startPaste();
    for (const key of [..."Regards,", KEY.enter, ..."The Globez", KEY.backspace, "x Talent Team"]) session.type(key);
    session.type("\u0004");
    await session.waitFor("Read 2 lines.");
    await session.waitFor(/Company\s+Globex\b/);
    // The backspace took the typo out of what was read, not only off the screen.
    expect(session.output.slice(session.output.indexOf("Read 2 lines."))).not.toContain("Globez");
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
  });

  it("log --email - at a terminal asks for the paste at once, and the questions follow it", async () => {
    const session = new PtySession(["log", "--email", "-"], { dataDir });
    await session.waitForPrompt(PASTE);
    expect(session.output).not.toContain(EMAIL_OFFER);
    session.type(bracketed("Thank you for applying to Globex for the Analyst role.\n"));
    session.type(KEY.enter);
    await session.answer("Keep a copy of the email", "");
    await session.waitForPrompt("Which company was it?");
    expect(session.output).toMatch(/Which company was it\?.*Globex/);
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
  });

  it("on a plain terminal, takes the paste line by line, blank lines too, until a line of a full stop", async () => {
    const session = new PtySession(["log"], { dataDir, term: "dumb" });
    await session.answer(/Do you have their email\?[\s\S]*Type a number/, "1");
    await session.waitFor("type a line with only a full stop (.) to finish");
    for (const line of [
      "Dear Sam,",
      "",
      "Thank you for applying. We will not progress your application.",
      "",
      "The Globex Recruitment Team",
      ".",
    ]) {
      session.type(`${line}\r`);
    }
    await session.waitFor(/Company\s+Globex/);
    expect(session.output).toMatch(/Stage reached\s+Applied/);
    expect(session.rawOutput).not.toContain("\u001b");
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
  });

  it("log --email FILE at a terminal still asks every question, starting from what the email said", async () => {
    const file = join(import.meta.dirname, "../corpora/emails/08-final-panel-competition.txt");
    const session = new PtySession(["log", "--email", file, "--mood", "4"], { dataDir });
    await session.waitFor("From their email:");
    await session.answer("Keep a copy of the email", "");
    await session.waitForPrompt("Which company was it?");
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
    expect(session.output).not.toContain("Saved");
  });

  it("Ctrl+C while pasting stops with exit 130, saves nothing and leaves the terminal as it was", async () => {
    const session = await startPaste();
    session.type(bracketed("Dear Sam,\n\nWe regret"));
    await session.waitFor("We regret");
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
    expect(session.output).toContain("Nothing was saved");
    // Bracketed paste is switched off again, so the shell gets pastes as it did before.
    expect(session.rawOutput.lastIndexOf("\u001b[?2004l")).toBeGreaterThan(
      session.rawOutput.lastIndexOf("\u001b[?2004h"),
    );
  });
});
