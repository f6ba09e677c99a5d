import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decryptJournal, encryptJournal } from "../../src/journal/journal-cipher.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { seedJournal } from "../helpers/journal-fixture.js";
import { KEY, PtySession } from "../helpers/pty.js";

/**
 * The passphrase at a terminal: asked once per command, hidden as it is typed,
 * and typed twice when a journal is encrypted.
 */
const PASS = "tidal quartz morning lantern";
const ASK = "Passphrase of the journal";

let root: string;
let dataDir: string;
let file: string;
let plain: Buffer;

beforeEach(async () => {
  root = tempDir();
  dataDir = join(root, "home");
  file = (await seedJournal(dataDir)).file;
  plain = readFileSync(file);
});
afterEach(() => removeDir(root));

const times = (text: string, part: string) => text.split(part).length - 1;

describe("the passphrase at a terminal", () => {
  it("is asked once for a command that reads and writes, and never shown", async () => {
    writeFileSync(file, await encryptJournal(plain, PASS, { workFactor: 4 }));
    const session = new PtySession(["delete", "a1000001", "--yes"], { dataDir });
    await session.answer(ASK, PASS);
    expect(await session.exited()).toBe(0);
    expect(session.output).toMatch(/Deleted/);
    // The prompt is drawn again at every key; the mark of an answered one shows once per question.
    expect(times(session.output, `✔ ${ASK}`)).toBe(1);
    expect(session.output).not.toContain(PASS);
    const text = Buffer.from(await decryptJournal(readFileSync(file), PASS)).toString("utf8");
    expect(text).not.toContain("a1000001");
  });

  it("encrypt warns first, then asks for the new passphrase twice", async () => {
    const session = new PtySession(["encrypt"], { dataDir });
    await session.waitFor(/If you forget it, nobody can read the journal/);
    await session.answer("New passphrase", PASS);
    await session.answer("The same passphrase again", PASS);
    expect(await session.exited()).toBe(0);
    expect(session.output).not.toContain(PASS);
    expect(Buffer.from(await decryptJournal(readFileSync(file), PASS)).equals(plain)).toBe(true);
  });

  it("encrypt changes nothing when the two passphrases differ", async () => {
    const session = new PtySession(["encrypt"], { dataDir });
    await session.answer("New passphrase", PASS);
    await session.answer("The same passphrase again", `${PASS}!`);
    expect(await session.exited()).toBe(1);
    expect(session.output).toMatch(/the two passphrases differ; nothing was changed/);
    expect(readFileSync(file).equals(plain)).toBe(true);
  });

  it("Ctrl+C at the passphrase prompt exits 130 and changes nothing", async () => {
    const sealed = await encryptJournal(plain, PASS, { workFactor: 4 });
    writeFileSync(file, sealed);
    const session = new PtySession(["delete", "a1000001", "--yes"], { dataDir });
    await session.waitForPrompt(ASK);
    session.type("half typ");
    session.type(KEY.ctrlC);
    expect(await session.exited()).toBe(130);
    expect(readFileSync(file).equals(sealed)).toBe(true);
  });

  it("passphrase asks for the current one first, then the new one twice", async () => {
    writeFileSync(file, await encryptJournal(plain, PASS, { workFactor: 4 }));
    const session = new PtySession(["passphrase"], { dataDir });
    await session.answer(ASK, PASS);
    await session.answer("New passphrase", "sea glass at noon");
    await session.answer("The same passphrase again", "sea glass at noon");
    expect(await session.exited()).toBe(0);
    expect(times(session.output, `✔ ${ASK}`)).toBe(1);
    expect(Buffer.from(await decryptJournal(readFileSync(file), "sea glass at noon")).equals(plain)).toBe(true);
  });

  it("passphrase stops at a wrong current passphrase before asking for a new one", async () => {
    const sealed = await encryptJournal(plain, PASS, { workFactor: 4 });
    writeFileSync(file, sealed);
    const session = new PtySession(["passphrase"], { dataDir });
    await session.answer(ASK, "not the one");
    expect(await session.exited()).toBe(1);
    expect(session.output).toMatch(/wrong passphrase/);
    expect(session.output).not.toContain("New passphrase");
    expect(readFileSync(file).equals(sealed)).toBe(true);
  });
});
