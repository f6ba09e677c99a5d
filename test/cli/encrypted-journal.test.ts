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

  it("names a change to the file beside 'wrong passphrase' when a damaged salt makes the two look alike", async () => {
    // The tool's own write leaves a seal; the salt is the first argument of the scrypt stanza.
    const written = await run(["delete", "a1000001", "--yes"], { [ENV]: PASS });
    expect(written.code).toBe(0);
    const saved = readFileSync(file);
    const text = saved.toString("latin1");
    const saltAt = text.indexOf("-> scrypt ") + "-> scrypt ".length;
    const damaged = Buffer.from(saved);
    damaged[saltAt] = damaged[saltAt] === 0x41 ? 0x42 : 0x41;
    writeFileSync(file, damaged);
    const result = await run(["list"], { [ENV]: PASS });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/wrong passphrase, or the file was changed since rejection-coach last saved it/);
    expect(readFileSync(file).equals(damaged)).toBe(true);
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

  it("exports plain text to a file, saying nothing of it to a script", async () => {
    const output = join(root, "export.json");
    const result = await run(["export", "--format", "json", "--output", output], { [ENV]: PASS });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/not encrypted/);
    expect(readFileSync(output, "utf8")).toContain("Globex");
    unchanged();
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
  it("without a passphrase, says it is encrypted, checks the rest, and leaves it as it is", async () => {
    const result = await run(["doctor"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/the journal is encrypted; with its passphrase .* doctor checks its entries too/);
    expect(result.stdout).not.toMatch(/entries, all valid/);
    unchanged();
  });

  it("with the passphrase, checks its entries", async () => {
    const result = await run(["doctor", "--json"], { [ENV]: PASS });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      encrypted: true,
      healthy: true,
      entries: fixtureEntries().length,
    });
    const text = await run(["doctor"], { [ENV]: PASS });
    expect(text.stdout).toMatch(/the journal is encrypted, and the passphrase opens it/);
    expect(text.stdout).toMatch(new RegExp(`${fixtureEntries().length} entries, all valid`));
    unchanged();
  });

  it("with a wrong passphrase, exits 1 saying so, and changes nothing", async () => {
    const result = await run(["doctor"], { [ENV]: "not it" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/wrong passphrase/);
    unchanged();
  });

  it("for a damaged file, says what can be done and never writes over it, even with --repair", async () => {
    const damaged = Buffer.from(sealed);
    damaged[damaged.length - 3]! ^= 0x40;
    writeFileSync(file, damaged);
    const listed = await run(["list"], { [ENV]: PASS });
    expect(listed.code).toBe(1);
    expect(listed.stderr).toMatch(/changed or damaged.*'rejection-coach doctor' says what can be done/);
    for (const args of [["doctor"], ["doctor", "--repair"]]) {
      const result = await run(args, { [ENV]: PASS });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/changed or damaged.*Put back a copy from a backup/);
      expect(readFileSync(file).equals(damaged)).toBe(true);
    }
    expect(readdirSync(dataDir).filter((name) => name.includes("backup"))).toEqual([]);
  });

  it("repairs valid ciphertext around broken entries in memory: the journal, its backup and what is set aside stay encrypted", async () => {
    const journal = JSON.parse(plain.toString("utf8")) as { entries: { id: string; mood?: number }[] };
    const [first, ...rest] = journal.entries;
    first!.mood = 42; // a required answer that is wrong: the entry is set aside whole
    const broken = Buffer.from(
      await encryptJournal(Buffer.from(JSON.stringify(journal, undefined, "\t")), PASS, { workFactor: 4 }),
    );
    writeFileSync(file, broken);

    const without = await run(["doctor", "--repair"]);
    expect(without.stdout).not.toMatch(/Saved/);
    expect(readFileSync(file).equals(broken)).toBe(true);

    const result = await run(["doctor", "--repair"], { [ENV]: PASS });
    expect(result.stdout).toMatch(/The journal is repaired/);
    expect(result.code).toBe(0);
    const names = readdirSync(dataDir);
    const backup = names.find((name) => name.startsWith("journal.json.backup-"));
    const setAside = names.find((name) => name.startsWith("journal.json.set-aside-"));
    expect(readFileSync(join(dataDir, backup!)).equals(broken)).toBe(true);
    expect(result.stdout).toMatch(/It is encrypted with the journal's passphrase. To bring them back: age -d/);
    const setAsideText = Buffer.from(await decryptJournal(readFileSync(join(dataDir, setAside!)), PASS)).toString();
    expect(setAsideText).toContain(first!.id);
    const repaired = JSON.parse(Buffer.from(await decryptJournal(readFileSync(file), PASS)).toString()) as {
      entries: { id: string }[];
    };
    expect(repaired.entries.map((entry) => entry.id)).toEqual(rest.map((entry) => entry.id));
    for (const name of readdirSync(dataDir)) {
      expect(readFileSync(join(dataDir, name)).includes("Globex"), name).toBe(false);
    }
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

  it("encrypt removes what an interrupted plain save left, and names the plain copies earlier repairs kept", async () => {
    const { pid } = spawnSync(process.execPath, ["-e", ""]);
    const abandoned = join(dataDir, `journal.json.tmp-${pid}-abcdef`);
    writeFileSync(abandoned, plain);
    const backup = join(dataDir, "journal.json.backup-20261101-101010");
    writeFileSync(backup, plain, { mode: 0o600 });
    const result = await run(["encrypt"], { [ENV]: PASS });
    expect(result.code).toBe(0);
    expect(readdirSync(dataDir)).not.toContain(`journal.json.tmp-${pid}-abcdef`);
    expect(result.stderr).toContain(`Still plain text beside it, from earlier repairs: ${backup}`);
    // doctor holds it against the encrypted journal until it is gone.
    const doctor = await run(["doctor"], { [ENV]: PASS });
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/1 older copy beside the encrypted journal is plain text/);
    expect(readFileSync(backup).equals(plain)).toBe(true);
  });

  it("encrypt --backup with no journal yet makes no backup and says none", async () => {
    removeDir(dataDir);
    const backup = join(root, "plain-backup.json");
    const result = await run(["encrypt", "--backup", backup], { [ENV]: PASS });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/Plain backup/);
    expect(readdirSync(root)).not.toContain("plain-backup.json");
  });

  it("encrypt never overwrites an existing backup file, and then changes nothing", async () => {
    const backup = join(root, "taken.json");
    writeFileSync(backup, "someone else's");
    const result = await run(["encrypt", "--backup", backup], { [ENV]: PASS });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/already exists; choose a new file; nothing was changed/);
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
