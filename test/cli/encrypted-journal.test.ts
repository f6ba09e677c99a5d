import { spawnSync } from "node:child_process";
import { PassThrough, Readable } from "node:stream";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decryptJournal, encryptJournal } from "../../src/journal/journal-cipher.js";
import { run as runWith } from "../../src/run.js";
import { cliEnv, removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { fixtureEntries, seedJournal } from "../helpers/journal-fixture.js";

/**
 * Commands on an encrypted journal, run as a script runs them (no terminal):
 * the passphrase comes from the environment or a file, never an argument.
 * The fixture is encrypted at a low work factor; what commands write uses the
 * default, a fraction of a second.
 */
const PASS = "correct horse battery staple";
const ENV = "REJECTION_COACH_PASSPHRASE";

let root: string;
let dataDir: string;
let file: string;
let plain: Buffer;
let sealed: Buffer;

beforeEach(async () => {
  root = tempDir();
  dataDir = join(root, "home");
  const store = await seedJournal(dataDir, fixtureEntries());
  file = store.file;
  plain = readFileSync(file);
  sealed = Buffer.from(await encryptJournal(plain, PASS, { workFactor: 4 }));
  writeFileSync(file, sealed);
});
afterEach(() => removeDir(root));

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runInProcess(args, { dataDir, env });
const unchanged = () => expect(readFileSync(file).equals(sealed)).toBe(true);

describe("an encrypted journal from the command line", () => {
  it("lists the entries with the passphrase in REJECTION_COACH_PASSPHRASE", async () => {
    const result = await run(["list"], { [ENV]: PASS });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Globex");
  });

  it("reads the passphrase from --passphrase-file, without its final line break", async () => {
    const passFile = join(root, "pass");
    writeFileSync(passFile, `${PASS}\n`);
    const result = await run(["--passphrase-file", passFile, "delete", "a1000001", "--yes"]);
    expect(result.stderr).toMatch(/^Deleted /);
    expect(result.code).toBe(0);
    const written = readFileSync(file);
    expect(written.subarray(0, 22).toString("latin1")).toBe("age-encryption.org/v1\n");
    const text = Buffer.from(await decryptJournal(written, PASS)).toString("utf8");
    expect(text).not.toContain("a1000001");
    expect(text).toContain("b2000002");
  });

  it("refuses an empty passphrase file (exit 2) and writes nothing", async () => {
    const passFile = join(root, "pass");
    writeFileSync(passFile, "\n");
    const result = await run(["--passphrase-file", passFile, "delete", "a1000001", "--yes"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is empty/);
    unchanged();
  });

  it("off a terminal with no passphrase, exits 2 saying how to give one", async () => {
    const result = await run(["delete", "a1000001", "--yes"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/REJECTION_COACH_PASSPHRASE=\.\.\. or --passphrase-file FILE/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    unchanged();
  });

  it("with a wrong passphrase, exits 1 with 'wrong passphrase' and writes nothing", async () => {
    const result = await run(["delete", "a1000001", "--yes"], { [ENV]: "not it" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/wrong passphrase/);
    unchanged();
    expect(
      readdirSync(dataDir)
        .filter((name) => name.startsWith("journal.json"))
        .sort(),
    ).toEqual(["journal.json", "journal.json.checked"]);
  });

  it("reports a damaged file and leaves it as it is", async () => {
    const damaged = Buffer.from(sealed);
    damaged[damaged.length - 1]! ^= 0x01;
    writeFileSync(file, damaged);
    const result = await run(["delete", "a1000001", "--yes"], { [ENV]: PASS });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/changed or damaged/);
    expect(readFileSync(file).equals(damaged)).toBe(true);
  });

  it("asks nothing for a plain journal, even with no way to give a passphrase", async () => {
    writeFileSync(file, plain);
    const result = await run(["list"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Globex");
  });
});

describe("REJECTION_COACH_PASSPHRASE", () => {
  it("is taken out of the environment before any command runs, even one that never opens the journal", async () => {
    const env = cliEnv(dataDir, { [ENV]: PASS });
    const streams = { stdin: Readable.from([]), stdout: new PassThrough(), stderr: new PassThrough(), env };
    expect(await runWith(["tips", "--json"], streams)).toBe(0);
    expect(env).not.toHaveProperty(ENV);
  });
});

describe("doctor on an encrypted journal", () => {
  it("says it is encrypted and leaves it as it is", async () => {
    const result = await run(["doctor"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/the journal is encrypted; doctor does not look inside it/);
    unchanged();
  });

  it("repairs what is beside it, never the journal itself", async () => {
    // What a killed save leaves: a repair clears it under the lock, then looks at the journal.
    const { pid } = spawnSync(process.execPath, ["-e", ""]);
    const leftover = join(dataDir, `journal.json.tmp-${pid}-abcdef`);
    writeFileSync(leftover, "half a save");
    const result = await run(["doctor", "--repair"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Removed 1 unfinished temporary file/);
    expect(readdirSync(dataDir).filter((name) => name.includes("backup"))).toEqual([]);
    unchanged();
  });
});

describe("encrypt and decrypt", () => {
  beforeEach(() => writeFileSync(file, plain));

  it("encrypt warns, keeps a plain backup first, and leaves a file that decrypts to the same journal", async () => {
    const backup = join(root, "plain-backup.json");
    const result = await run(["encrypt", "--backup", backup], { [ENV]: PASS });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/If you forget it, nobody can read the journal/);
    expect(readFileSync(backup).equals(plain)).toBe(true);
    const written = readFileSync(file);
    expect(written.includes("Globex")).toBe(false);
    expect(Buffer.from(await decryptJournal(written, PASS)).equals(plain)).toBe(true);
    expect((await run(["list"], { [ENV]: PASS })).stdout).toContain("Globex");
  });

  it("encrypt never overwrites an existing backup file, and then changes nothing", async () => {
    const backup = join(root, "taken.json");
    writeFileSync(backup, "someone else's");
    const result = await run(["encrypt", "--backup", backup], { [ENV]: PASS });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/already exists; nothing was changed/);
    expect(readFileSync(backup, "utf8")).toBe("someone else's");
    expect(readFileSync(file).equals(plain)).toBe(true);
  });

  it("encrypt off a terminal with no passphrase exits 2 and changes nothing", async () => {
    const result = await run(["encrypt"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/give the new passphrase with REJECTION_COACH_PASSPHRASE/);
    expect(readFileSync(file).equals(plain)).toBe(true);
  });

  it("encrypt refuses a journal that is already encrypted", async () => {
    writeFileSync(file, sealed);
    const result = await run(["encrypt"], { [ENV]: PASS });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/already encrypted/);
    unchanged();
  });

  it("decrypt writes the plain journal back, and refuses one that is not encrypted", async () => {
    writeFileSync(file, sealed);
    const result = await run(["decrypt"], { [ENV]: PASS });
    expect(result.code).toBe(0);
    expect(readFileSync(file).equals(plain)).toBe(true);
    const again = await run(["decrypt"], { [ENV]: PASS });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not encrypted/);
  });

  it("decrypt with a wrong passphrase exits 1 and writes nothing", async () => {
    writeFileSync(file, sealed);
    const result = await run(["decrypt"], { [ENV]: "not it" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/wrong passphrase/);
    unchanged();
  });
});

describe("passphrase", () => {
  const NEW_ENV = "REJECTION_COACH_NEW_PASSPHRASE";
  const NEW_PASS = "a new and longer passphrase";

  it("writes the journal under the new passphrase: the new one opens it, the old one no longer does", async () => {
    const result = await run(["passphrase"], { [ENV]: PASS, [NEW_ENV]: NEW_PASS });
    expect(result.stderr).toMatch(/Passphrase changed/);
    expect(result.code).toBe(0);
    const written = readFileSync(file);
    expect(Buffer.from(await decryptJournal(written, NEW_PASS)).equals(plain)).toBe(true);
    await expect(decryptJournal(written, PASS)).rejects.toThrow(/wrong passphrase/);
    expect((await run(["list"], { [ENV]: NEW_PASS })).stdout).toContain("Globex");
    expect((await run(["list"], { [ENV]: PASS })).code).toBe(1);
  });

  it("reads the new passphrase from --new-passphrase-file, the current one from --passphrase-file", async () => {
    const oldFile = join(root, "old");
    const newFile = join(root, "new");
    writeFileSync(oldFile, `${PASS}\n`);
    writeFileSync(newFile, `${NEW_PASS}\n`);
    const result = await run(["--passphrase-file", oldFile, "passphrase", "--new-passphrase-file", newFile]);
    expect(result.code).toBe(0);
    expect(Buffer.from(await decryptJournal(readFileSync(file), NEW_PASS)).equals(plain)).toBe(true);
  });

  it("with a wrong current passphrase, exits 1 and writes nothing", async () => {
    const result = await run(["passphrase"], { [ENV]: "not it", [NEW_ENV]: NEW_PASS });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/wrong passphrase/);
    unchanged();
  });

  it("off a terminal with no new passphrase, exits 2 naming the new passphrase's sources", async () => {
    const result = await run(["passphrase"], { [ENV]: PASS });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/REJECTION_COACH_NEW_PASSPHRASE=\.\.\. or --new-passphrase-file FILE/);
    unchanged();
  });

  it("refuses a new passphrase that is the current one, and an empty one", async () => {
    const same = await run(["passphrase"], { [ENV]: PASS, [NEW_ENV]: PASS });
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/already has; nothing was changed/);
    const empty = await run(["passphrase"], { [ENV]: PASS, [NEW_ENV]: "" });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/REJECTION_COACH_NEW_PASSPHRASE is empty/);
    unchanged();
  });

  it("refuses a plain journal: encrypt gives one a passphrase", async () => {
    writeFileSync(file, plain);
    const result = await run(["passphrase"], { [ENV]: PASS, [NEW_ENV]: NEW_PASS });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not encrypted; 'rejection-coach encrypt'/);
    expect(readFileSync(file).equals(plain)).toBe(true);
  });

  it("takes REJECTION_COACH_NEW_PASSPHRASE out of the environment before any command runs", async () => {
    const env = cliEnv(dataDir, { [NEW_ENV]: NEW_PASS });
    const streams = { stdin: Readable.from([]), stdout: new PassThrough(), stderr: new PassThrough(), env };
    expect(await runWith(["tips", "--json"], streams)).toBe(0);
    expect(env).not.toHaveProperty(NEW_ENV);
  });
});
