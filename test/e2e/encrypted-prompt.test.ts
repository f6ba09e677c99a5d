import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, readFileSync, statfsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decryptJournal, encryptJournal } from "../../src/journal/journal-cipher.js";
import { BIN, cliEnv, removeDir, tempDir } from "../helpers/cli.js";
import { seedJournal } from "../helpers/journal-fixture.js";
import { EMAIL_OFFER, KEY, PtySession } from "../helpers/pty.js";

/**
 * The passphrase at a terminal: asked once per command, hidden as it is typed,
 * and typed twice when a journal is encrypted.
 */
const PASS = "tidal quartz morning lantern";
const ASK = "Passphrase of the journal";
const BACKUP = "Keep a plain copy first?";

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
    await session.answer(BACKUP, "");
    await session.answer("New passphrase", PASS);
    await session.answer("The same passphrase again", PASS);
    expect(await session.exited()).toBe(0);
    expect(session.output).not.toContain(PASS);
    expect(Buffer.from(await decryptJournal(readFileSync(file), PASS)).equals(plain)).toBe(true);
  });

  it("encrypt offers a plain copy first: a taken path is refused at the prompt, a new one gets the journal as it was", async () => {
    const taken = join(root, "taken.json");
    writeFileSync(taken, "someone else's");
    const session = new PtySession(["encrypt"], { dataDir });
    await session.answer(BACKUP, taken);
    await session.waitFor("already exists; choose a new file");
    // Ctrl+U clears what was typed; the same prompt takes the new path.
    session.type(`\u0015${join(root, "plain-copy.json")}\r`);
    await session.answer("New passphrase", PASS);
    await session.answer("The same passphrase again", PASS);
    expect(await session.exited()).toBe(0);
    expect(readFileSync(join(root, "plain-copy.json")).equals(plain)).toBe(true);
    expect(readFileSync(taken, "utf8")).toBe("someone else's");
    expect(session.output).toMatch(/Plain backup: .*plain-copy\.json/);
  });

  it("encrypt changes nothing when the two passphrases differ", async () => {
    const session = new PtySession(["encrypt"], { dataDir });
    await session.answer(BACKUP, "");
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

  it("an export of an encrypted journal to a file says once, at a terminal, that the export is plain", async () => {
    writeFileSync(file, await encryptJournal(plain, PASS, { workFactor: 4 }));
    const notes = join(root, "notes");
    const output = join(root, "export.csv");
    for (const args of [
      ["export", "--format", "md", "--per-file", notes],
      ["export", "--format", "csv", "--output", output],
    ]) {
      const session = new PtySession(args, { dataDir, env: { REJECTION_COACH_PASSPHRASE: PASS } });
      expect(await session.exited()).toBe(0);
      expect(times(session.output, "not encrypted, though your journal is")).toBe(1);
    }
    expect(readFileSync(output, "utf8")).toContain("Globex");
    // The same export of a plain journal says nothing of it.
    writeFileSync(file, plain);
    const session = new PtySession(["export", "--format", "json", "--output", join(root, "plain.json")], { dataDir });
    expect(await session.exited()).toBe(0);
    expect(session.output).not.toContain("not encrypted");
  });

  it.runIf(process.platform === "linux")(
    "an encrypted journal's words typed in the editor stay in memory: its file is in a tmpfs folder, private, and gone after",
    async () => {
      writeFileSync(file, await encryptJournal(plain, PASS, { workFactor: 4 }));
      const record = join(root, "editor-saw");
      const editor = join(root, "editor.sh");
      // Notes where its file is, the file system and mode, then writes an email into it.
      writeFileSync(
        editor,
        `#!/bin/sh\nprintf '%s\\n%s\\n' "$1" "$(stat -c %a "$1")" > '${record}'\nprintf 'Dear Sam,\\nThank you for applying.\\n' > "$1"\n`,
      );
      chmodSync(editor, 0o755);
      const session = new PtySession(["log"], { dataDir, env: { REJECTION_COACH_PASSPHRASE: PASS, EDITOR: editor } });
      await session.answer(EMAIL_OFFER, KEY.down);
      await session.waitFor(/Keep a copy of the email|company/i);
      session.type(KEY.ctrlC);
      expect(await session.exited()).toBe(130);
      const [path, mode] = readFileSync(record, "utf8").trim().split("\n");
      expect(statfsSync(path!.replace(/\/[^/]*\/[^/]*$/, "")).type).toBe(0x01021994);
      expect(mode).toBe("600");
      expect(existsSync(path!)).toBe(false);
    },
  );

  it("is asked on standard error when standard output goes to a file", async () => {
    writeFileSync(file, await encryptJournal(plain, PASS, { workFactor: 4 }));
    const out = join(root, "notes.md");
    const session = new PtySession(["export", "--format", "md"], { dataDir, stdoutTo: out });
    await session.answer(ASK, PASS);
    expect(await session.exited()).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("Globex");
    expect(readFileSync(out, "utf8")).not.toContain(ASK);
  });

  it("is asked before the lock is taken: nobody else's save waits on the prompt", async () => {
    writeFileSync(file, await encryptJournal(plain, PASS, { workFactor: 4 }));
    const session = new PtySession(["decrypt"], { dataDir });
    await session.waitForPrompt(ASK);
    expect(existsSync(join(dataDir, "journal.json.lock"))).toBe(false);
    await session.answer(ASK, PASS);
    expect(await session.exited()).toBe(0);
    expect(readFileSync(file).equals(plain)).toBe(true);
  });
});

describe("the passphrase from a script", () => {
  it("can be a pipe (a process substitution), read once, for doctor as for any command", async () => {
    writeFileSync(file, await encryptJournal(plain, PASS, { workFactor: 4 }));
    const result = spawnSync(
      "bash",
      ["-c", 'exec "$0" "$1" --passphrase-file <(printf %s "$PASS") doctor', process.execPath, BIN],
      { env: { ...cliEnv(dataDir), PASS }, encoding: "utf8" },
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/the passphrase opens it/);
  });
});
