import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { StoreError } from "../../src/errors.js";
import type * as AtomicFile from "../../src/journal/atomic-file.js";
import type { Journal } from "../../src/journal/entry.js";
import { decryptJournal, encryptJournal, WrongPassphraseError } from "../../src/journal/journal-cipher.js";
import { journalText, sealOf } from "../../src/journal/journal-text.js";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { rejection } from "../helpers/fixtures.js";

/**
 * Every file in the data folder, read just before each atomic rename: the
 * moment a temporary copy holds everything it will ever hold.
 */
const commits: { target: string; files: { name: string; bytes: Buffer }[] }[] = [];
const seenOnDisk = () => commits.flatMap(({ files }) => files);
vi.mock("../../src/journal/atomic-file.js", async (importOriginal) => {
  const original = await importOriginal<typeof AtomicFile>();
  return {
    ...original,
    writeFileAtomic: (...[file, data, options]: Parameters<typeof original.writeFileAtomic>) =>
      original.writeFileAtomic(file, data, {
        ...options,
        beforeCommit: () => {
          const folder = join(file, "..");
          const files = readdirSync(folder)
            .filter((name) => !name.endsWith(".lock") && existsSync(join(folder, name)))
            .map((name) => ({ name, bytes: readFileSync(join(folder, name)) }));
          commits.push({ target: basename(file), files });
          options.beforeCommit?.();
        },
      }),
  };
});

/** Low enough that a derivation takes a millisecond; the default is checked in journal-cipher.test.ts. */
const WF = 4;
const PASS = "correct horse battery staple";
/** A name that occurs nowhere in the age format, so finding it on disk means plain text leaked. */
const SECRET = "Quixotrel Holdings";

let root: string;
let dir: string;
let file: string;

beforeEach(() => {
  root = tempDir();
  dir = join(root, "journal-home");
  file = join(dir, "journal.json");
  commits.length = 0;
});
afterEach(() => removeDir(root));

/** A provider that counts how often it is asked. */
function provider(passphrase = PASS) {
  const ask = vi.fn(() => Promise.resolve(passphrase));
  return ask;
}

const storeWith = (ask?: () => Promise<string>) => new JournalStore(dir, { passphrase: ask, workFactor: WF });

/** An encrypted journal on disk, as `age -p` or the encrypt command would leave it. */
async function seedEncrypted(entries = [rejection({ id: "seed0001" })]): Promise<Buffer> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const bytes = Buffer.from(await encryptJournal(Buffer.from(journalText(entries)), PASS, { workFactor: WF }));
  writeFileSync(file, bytes, { mode: 0o600 });
  return bytes;
}

async function decrypted(): Promise<Journal> {
  return JSON.parse(Buffer.from(await decryptJournal(readFileSync(file), PASS)).toString("utf8")) as Journal;
}

const rejected = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe("an encrypted journal in the store", () => {
  it("round-trips through update, asking for the passphrase once, and stays encrypted", async () => {
    await seedEncrypted();
    const ask = provider();
    const store = storeWith(ask);
    expect((await store.read()).entries.map((entry) => entry.id)).toEqual(["seed0001"]);
    await store.update((journal) => {
      journal.entries.push(rejection({ id: "new00001", company: SECRET }));
    });
    expect(ask).toHaveBeenCalledTimes(1);

    const onDisk = readFileSync(file);
    expect(onDisk.subarray(0, 22).toString("latin1")).toBe("age-encryption.org/v1\n");
    expect((await decrypted()).entries.map((entry) => entry.id)).toEqual(["seed0001", "new00001"]);
    // The seal vouches for the ciphertext: a plain hash beside it would tell what the journal holds.
    expect(readFileSync(join(dir, "journal.json.checked"), "utf8")).toBe(sealOf(onDisk));
    expect((await storeWith(provider()).read()).entries.map((entry) => entry.company)).toContain(SECRET);
  });

  it("never puts the plain text on disk: not in the temporary copy, the seal or anything else", async () => {
    await seedEncrypted();
    const store = storeWith(provider());
    for (let i = 0; i < 3; i++) {
      await store.update((journal) => {
        journal.entries.push(rejection({ id: `leak000${i}`, company: SECRET, note: `${SECRET} again` }));
      });
    }
    const temps = seenOnDisk().filter(({ name }) => name.includes(".tmp-"));
    expect(temps.some(({ name }) => name.startsWith("journal.json.tmp-"))).toBe(true);
    expect(temps.some(({ name }) => name.startsWith("journal.json.checked.tmp-"))).toBe(true);
    const after = readdirSync(dir).map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
    for (const { name, bytes } of [...seenOnDisk(), ...after]) {
      expect(bytes.includes(SECRET), name).toBe(false);
      expect(bytes.includes("leak0001"), name).toBe(false);
    }
    expect((await decrypted()).entries).toHaveLength(4);
  });

  it("with a wrong passphrase, says so and leaves every file as it was", async () => {
    const before = await seedEncrypted();
    const change = vi.fn();
    const error = await rejected(storeWith(provider("not the passphrase")).update(change));
    expect(error).toBeInstanceOf(WrongPassphraseError);
    expect((error as Error).message).toBe("wrong passphrase");
    expect(change).not.toHaveBeenCalled();
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["journal.json"]);
  });

  it("reports a tampered file as not repairable and never writes over it", async () => {
    const sealed = await seedEncrypted();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 0x01;
    writeFileSync(file, tampered);
    const store = storeWith(provider());
    for (const attempt of [() => store.read(), () => store.update(() => undefined)]) {
      const error = await rejected(attempt());
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).repairable).toBe(false);
      expect((error as Error).message).toMatch(/changed or damaged/);
    }
    expect(readFileSync(file).equals(tampered)).toBe(true);
  });

  it("without a way to ask for the passphrase, reports the journal as encrypted and writes nothing", async () => {
    const before = await seedEncrypted();
    const error = await rejected(storeWith(undefined).update(() => undefined));
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/encrypted, and no passphrase was given/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("trusts a seal over the ciphertext, and only that one", async () => {
    // An entry the schema refuses: read without complaint only when the seal vouches for the file.
    const unchecked = [rejection({ id: "seal0001", mood: 0 })];
    const sealed = await seedEncrypted(unchecked);
    const sealFile = join(dir, "journal.json.checked");
    writeFileSync(sealFile, sealOf(Buffer.from(journalText(unchecked))));
    await expect(storeWith(provider()).read()).rejects.toThrow(/entry seal0001: field `mood`/);
    writeFileSync(sealFile, sealOf(sealed));
    expect((await storeWith(provider()).read()).entries).toHaveLength(1);
  });

  it("reads an armored file and writes it back binary", async () => {
    const { armor } = await import("age-encryption");
    const binary = await seedEncrypted();
    writeFileSync(file, armor.encode(binary));
    await storeWith(provider()).update(() => undefined);
    expect(readFileSync(file).subarray(0, 22).toString("latin1")).toBe("age-encryption.org/v1\n");
    expect((await decrypted()).entries).toHaveLength(1);
  });
});

describe("rewrite", () => {
  it("encrypts a plain journal, handing the plain bytes to the backup first, and decrypts it again", async () => {
    const ask = provider();
    const plainStore = storeWith(ask);
    await plainStore.update((journal) => {
      journal.entries.push(rejection({ id: "rw000001", company: SECRET }));
    });
    const plain = readFileSync(file);
    let backedUp: Buffer | undefined;
    commits.length = 0;
    await plainStore.rewrite(PASS, { from: "plain", backup: (raw) => (backedUp = raw) });
    expect(backedUp?.equals(plain)).toBe(true);
    // When the ciphertext takes the journal's place, the plain bytes' seal is already gone.
    const replacing = commits.find(({ target }) => target === "journal.json");
    expect(replacing?.files.map(({ name }) => name)).not.toContain("journal.json.checked");
    expect(ask).not.toHaveBeenCalled();
    expect(readFileSync(file).includes(SECRET)).toBe(false);
    expect(readFileSync(join(dir, "journal.json.checked")).toString()).toBe(sealOf(readFileSync(file)));
    expect((await decrypted()).entries.map((entry) => entry.id)).toEqual(["rw000001"]);

    const other = storeWith(ask);
    await other.rewrite(undefined, { from: "encrypted" });
    expect(ask).toHaveBeenCalledTimes(1);
    expect(readFileSync(file).equals(plain)).toBe(true);
  });

  it("writes nothing when the journal is no longer in the form the command found it in", async () => {
    const before = await seedEncrypted();
    await expect(storeWith(provider()).rewrite(PASS, { from: "plain" })).rejects.toThrow(
      /another rejection-coach has just encrypted the journal; nothing was changed/,
    );
    await expect(storeWith(provider()).rewrite("new words", { from: "encrypted" })).resolves.toBeUndefined();
    expect(readFileSync(file).equals(before)).toBe(false);
    writeFileSync(file, before);
    const plain = Buffer.from(await decryptJournal(before, PASS));
    writeFileSync(file, plain);
    await expect(storeWith(provider()).rewrite(undefined, { from: "encrypted" })).rejects.toThrow(
      /has just decrypted the journal/,
    );
    expect(readFileSync(file).equals(plain)).toBe(true);
  });

  it("does not decrypt with a wrong passphrase, and writes nothing", async () => {
    const before = await seedEncrypted();
    await expect(storeWith(provider("not it")).rewrite(undefined, { from: "encrypted" })).rejects.toThrow(
      WrongPassphraseError,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe("a plain journal in the store", () => {
  it("never asks for a passphrase and stays plain", async () => {
    const ask = provider();
    const store = storeWith(ask);
    await store.update((journal) => {
      journal.entries.push(rejection({ company: SECRET }));
    });
    expect((await store.read()).entries).toHaveLength(1);
    expect(readFileSync(file, "utf8")).toContain(SECRET);
    expect(ask).not.toHaveBeenCalled();
  });
});
