import { armor, Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from "age-encryption";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  DamagedJournalError,
  decryptJournal,
  DEFAULT_WORK_FACTOR,
  EmptyPassphraseError,
  encryptJournal,
  journalKind,
  prepareEncryption,
  WorkFactorError,
  WrongPassphraseError,
  type DamageReason,
} from "../../src/journal/journal-cipher.js";
import { ROOT } from "../helpers/cli.js";

/**
 * The journal's bytes ⇄ age ciphertext. Tests write at log2 N 10 (a few
 * milliseconds per key); the default, 16, is checked once.
 */
const WF = 10;
const PASS = "correct horse battery staple";
const encoder = new TextEncoder();

/** A journal-like JSON text of about `bytes` bytes: over 64 KiB, it spans several age payload chunks. */
function journalText(bytes: number): Uint8Array {
  const entries = [];
  for (let i = 0; JSON.stringify(entries).length < bytes; i++) {
    entries.push({
      id: `e${i.toString(16).padStart(7, "0")}`,
      company: "Initech",
      role: "Engineer",
      note: "ü ✓ ".repeat(20),
    });
  }
  return encoder.encode(JSON.stringify({ version: 2, entries }, null, 2));
}

const small = journalText(500);
const large = journalText(150_000);
let sealedSmall: Uint8Array;
let sealedLarge: Uint8Array;
beforeAll(async () => {
  sealedSmall = await encryptJournal(small, PASS, { workFactor: WF });
  sealedLarge = await encryptJournal(large, PASS, { workFactor: WF });
});

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");
/** Where the header ends: just after the MAC line ("--- ..." and its newline). */
function headerEnd(bytes: Uint8Array): number {
  const mac = text(bytes).indexOf("\n--- ");
  return text(bytes).indexOf("\n", mac + 1) + 1;
}
const flip = (bytes: Uint8Array, at: number, mask = 0x01) => {
  const copy = Uint8Array.from(bytes);
  copy[at]! ^= mask;
  return copy;
};
/** The base64 letter at `at` swapped for another valid one: still parses, decodes to other bytes. */
const otherLetter = (bytes: Uint8Array, at: number) => {
  const copy = Uint8Array.from(bytes);
  copy[at] = copy[at] === 0x41 ? 0x42 : 0x41;
  return copy;
};
const replaceText = (bytes: Uint8Array, from: string, to: string) => {
  const header = text(bytes.subarray(0, headerEnd(bytes)));
  expect(header).toContain(from);
  return Uint8Array.from([...Buffer.from(header.replace(from, to), "latin1"), ...bytes.subarray(headerEnd(bytes))]);
};

async function expectDamage(bytes: Uint8Array, reason?: DamageReason): Promise<DamagedJournalError> {
  const error = await decryptJournal(bytes, PASS).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DamagedJournalError);
  if (reason !== undefined) expect((error as DamagedJournalError).reason).toBe(reason);
  expect((error as Error).message).not.toContain(PASS);
  return error as DamagedJournalError;
}

describe("journalKind", () => {
  it("tells a plain journal, an age file and an armored age file apart by their first bytes", () => {
    expect(journalKind(small)).toBe("plain");
    expect(journalKind(new Uint8Array())).toBe("plain");
    expect(journalKind(encoder.encode("age"))).toBe("plain");
    expect(journalKind(sealedSmall)).toBe("age");
    expect(journalKind(encoder.encode(armor.encode(sealedSmall)))).toBe("armored-age");
    expect(journalKind(encoder.encode(`\r\n  ${armor.encode(sealedSmall)}`))).toBe("armored-age");
    // A later version of the format is still not a plain journal: its reader reports it.
    expect(journalKind(encoder.encode("age-encryption.org/v2\n-> x\n"))).toBe("age");
  });
});

describe("encrypting and decrypting the journal", () => {
  it("gives back the same bytes, through a binary age file with one scrypt stanza", async () => {
    expect(text(sealedSmall)).toMatch(/^age-encryption\.org\/v1\n-> scrypt [A-Za-z0-9+/]{22} 10\n/);
    expect(text(sealedSmall)).not.toContain("Initech");
    expect(await decryptJournal(sealedSmall, PASS)).toEqual(small);
    expect(await decryptJournal(sealedLarge, PASS)).toEqual(large);
  });

  it("round-trips an empty journal and a passphrase in any script, used as its bytes without normalising", async () => {
    const nfc = "café ünïcødé ✓ 日本";
    const sealed = await encryptJournal(new Uint8Array(), nfc, { workFactor: WF });
    expect(await decryptJournal(sealed, nfc)).toEqual(new Uint8Array());
    // The same words in another Unicode form are other bytes: another passphrase, as in age.
    await expect(decryptJournal(sealed, nfc.normalize("NFD"))).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it("writes log2 N 16 unless told otherwise", async () => {
    expect(DEFAULT_WORK_FACTOR).toBe(16);
    const sealed = await encryptJournal(small, PASS);
    expect(text(sealed)).toMatch(/^age-encryption\.org\/v1\n-> scrypt \S+ 16\n/);
  });

  it("uses a fresh salt, so a fresh key, every time: two encryptions of the same journal differ", async () => {
    const again = await encryptJournal(small, PASS, { workFactor: WF });
    const salt = (bytes: Uint8Array) => /-> scrypt (\S+) /.exec(text(bytes))![1];
    expect(salt(again)).not.toBe(salt(sealedSmall));
    expect(again).not.toEqual(sealedSmall);
  });

  it("is the age format: the package's own passphrase support opens ours, and ours opens its", async () => {
    const decrypter = new Decrypter();
    decrypter.addPassphrase(PASS);
    expect(await decrypter.decrypt(sealedLarge)).toEqual(large);

    const encrypter = new Encrypter();
    encrypter.setPassphrase(PASS);
    encrypter.setScryptWorkFactor(WF);
    expect(await decryptJournal(await encrypter.encrypt(large), PASS)).toEqual(large);
  });

  it("reads armored input (age -a)", async () => {
    const armored = encoder.encode(armor.encode(sealedLarge));
    expect(await decryptJournal(armored, PASS)).toEqual(large);
    const crlf = encoder.encode(armor.encode(sealedSmall).replaceAll("\n", "\r\n"));
    expect(await decryptJournal(crlf, PASS)).toEqual(small);
  });

  it("encrypts once per prepared encryption: its salt and key are never used for a second file", async () => {
    const prepared = await prepareEncryption(PASS, { workFactor: WF });
    expect(await decryptJournal(await prepared.encrypt(small), PASS)).toEqual(small);
    await expect(prepared.encrypt(small)).rejects.toThrow(/one journal only/);
  });

  it("refuses an empty passphrase, both ways", async () => {
    await expect(encryptJournal(small, "", { workFactor: WF })).rejects.toBeInstanceOf(EmptyPassphraseError);
    await expect(decryptJournal(sealedSmall, "")).rejects.toBeInstanceOf(EmptyPassphraseError);
  });

  it("refuses to write a work factor outside 1..20", async () => {
    for (const workFactor of [0, 21, 1.5, Number.NaN]) {
      await expect(encryptJournal(small, PASS, { workFactor })).rejects.toBeInstanceOf(RangeError);
    }
  });
});

describe("a wrong passphrase", () => {
  it("is told apart from damage, and never named in the error", async () => {
    for (const wrong of ["correct horse battery stapl", "Correct horse battery staple", "x"]) {
      const error = await decryptJournal(sealedLarge, wrong).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(WrongPassphraseError);
      expect((error as Error).message).toBe("wrong passphrase");
    }
  });

  it("is what a changed salt or wrapped key reads as: the format cannot tell those from a wrong passphrase (age says the same)", async () => {
    const stanzaBody = text(sealedSmall).indexOf("\n", text(sealedSmall).indexOf("-> scrypt")) + 3;
    await expect(decryptJournal(otherLetter(sealedSmall, stanzaBody), PASS)).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
  });
});

describe("the keys a passphrase gave", () => {
  it("are kept by salt and reused: a second read of the same file takes its key from the cache, not from scrypt", async () => {
    const sealed = await encryptJournal(Buffer.from("{}"), "pass words", { workFactor: 4 });
    const keys = new Map<string, Promise<Buffer>>();
    await decryptJournal(sealed, "pass words", { keys });
    expect(keys.size).toBe(1);
    // A key swapped in the cache is the one used: the second read derived nothing.
    const [id] = keys.keys();
    keys.set(id!, Promise.resolve(Buffer.alloc(32)));
    await expect(decryptJournal(sealed, "pass words", { keys })).rejects.toThrow(WrongPassphraseError);
    // Another file has another salt, so another key.
    const other = await encryptJournal(Buffer.from("{}"), "pass words", { workFactor: 4 });
    await decryptJournal(other, "pass words", { keys });
    expect(keys.size).toBe(2);
  });
});

describe("a damaged journal is reported as damaged, whatever the passphrase", () => {
  it("a changed byte in the header: the version line, the stanza type, the MAC", async () => {
    await expectDamage(flip(sealedSmall, 3), "not-age");
    await expectDamage(flip(sealedSmall, "age-encryption.org/v".length), "not-age");
    await expectDamage(replaceText(sealedSmall, "-> scrypt", "-> scrypu"), "not-passphrase");
    const mac = headerEnd(sealedSmall) - 10;
    // Another base64 letter (the header MAC fails) and a byte that is not base64 (the header does not parse).
    await expectDamage(otherLetter(sealedSmall, mac), "contents");
    await expectDamage(flip(sealedSmall, mac, 0x80), "header");
  });

  it("a wrong version line", async () => {
    await expectDamage(replaceText(sealedSmall, "age-encryption.org/v1", "age-encryption.org/v2"), "not-age");
    await expectDamage(replaceText(sealedSmall, "age-encryption.org/v1\n", "age-encryption.org/v1 \n"), "not-age");
  });

  it("a changed byte in the payload: the nonce, the first chunk, a middle chunk, the last byte", async () => {
    const start = headerEnd(sealedLarge);
    for (const at of [start, start + 16, start + 16 + 65_536 + 100, sealedLarge.length - 1]) {
      await expectDamage(flip(sealedLarge, at), "contents");
    }
  });

  it("truncation anywhere: in the header, after it, in the nonce, mid-chunk, at a chunk boundary, one byte short", async () => {
    const start = headerEnd(sealedLarge);
    const chunk = 65_536 + 16;
    const cuts = [0, 10, 30, start - 20, start - 1, start, start + 8, start + 16, start + 1000, start + 16 + chunk];
    cuts.push(start + 16 + 2 * chunk, sealedLarge.length - 1);
    for (const cut of cuts) {
      const error = await expectDamage(sealedLarge.subarray(0, cut));
      expect(error.reason, `cut at ${cut}`).toBe(cut >= start ? "contents" : cut < 22 ? "not-age" : "header");
    }
  });

  it("bytes appended after the end", async () => {
    for (const extra of [[0x0a], [0, 0, 0, 0], [...sealedSmall]]) {
      await expectDamage(Uint8Array.from([...sealedSmall, ...extra]), "contents");
    }
  });

  it("damaged armor", async () => {
    const armored = armor.encode(sealedSmall);
    await expectDamage(encoder.encode(armored.replace("-----END", "-----ENDX")), "armor");
    const lines = armored.split("\n");
    lines[2] = lines[2]!.slice(0, -1);
    await expectDamage(encoder.encode(lines.join("\n")), "armor");
  });

  it("a plain journal, or no journal at all, handed to the decryption", async () => {
    await expectDamage(small, "not-age");
    await expectDamage(new Uint8Array(), "not-age");
  });

  it("a file encrypted to a key rather than a passphrase", async () => {
    const identity = await generateX25519Identity();
    const encrypter = new Encrypter();
    encrypter.addRecipient(await identityToRecipient(identity));
    await expectDamage(await encrypter.encrypt(small), "not-passphrase");
  });

  it("a passphrase stanza that is not alone, or malformed", async () => {
    const salt = /-> scrypt (\S+) /.exec(text(sealedSmall))![1]!;
    await expectDamage(replaceText(sealedSmall, `scrypt ${salt} 10`, `scrypt ${salt} 010`), "header");
    await expectDamage(replaceText(sealedSmall, `scrypt ${salt} 10`, `scrypt ${salt} 0`), "header");
    await expectDamage(replaceText(sealedSmall, `scrypt ${salt} 10`, `scrypt ${salt.slice(2)} 10`), "header");
    await expectDamage(replaceText(sealedSmall, `scrypt ${salt} 10`, `scrypt ${salt} 10 x`), "header");
    const stanza = text(sealedSmall).slice(
      text(sealedSmall).indexOf("-> scrypt"),
      text(sealedSmall).indexOf("\n--- ") + 1,
    );
    await expectDamage(replaceText(sealedSmall, stanza, `${stanza}${stanza}`), "header");
  });
});

describe("a file that asks for too much work", () => {
  it("is refused before any key is derived: above 2^20 (time and memory), whatever the passphrase", async () => {
    const salt = /-> scrypt (\S+) /.exec(text(sealedSmall))![1]!;
    for (const workFactor of [21, 22, 64, 1000]) {
      const forged = replaceText(sealedSmall, `scrypt ${salt} 10`, `scrypt ${salt} ${workFactor}`);
      for (const passphrase of [PASS, "other"]) {
        const error = await decryptJournal(forged, passphrase).catch((thrown: unknown) => thrown);
        expect(error).toBeInstanceOf(WorkFactorError);
        expect((error as WorkFactorError).workFactor).toBe(workFactor);
      }
    }
  });
});

describe("loading", () => {
  it("keeps the age package out of what a plain journal loads: it is imported only to encrypt or decrypt", async () => {
    const { build } = await import("esbuild");
    const { metafile } = await build({
      entryPoints: [join(ROOT, "src/journal/journal-cipher.ts")],
      outdir: join(tmpdir(), "rc-cipher-bundle"),
      write: false,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      metafile: true,
      logLevel: "silent",
    });
    const outputs = metafile.outputs;
    const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint !== undefined)!;
    // Everything the entry loads before its code runs: itself and its static imports, transitively.
    const eager = new Set<string>();
    const visit = (path: string) => {
      if (eager.has(path)) return;
      eager.add(path);
      for (const imported of outputs[path]!.imports) if (imported.kind === "import-statement") visit(imported.path);
    };
    visit(entry);
    const inputsOf = (paths: Iterable<string>) => [...paths].flatMap((path) => Object.keys(outputs[path]!.inputs));
    const late = Object.keys(outputs).filter((path) => !eager.has(path));
    expect(inputsOf(eager).filter((input) => /age-encryption|@noble|scrypt-recipient/.test(input))).toEqual([]);
    expect(inputsOf(late).some((input) => input.includes("node_modules/age-encryption/"))).toBe(true);
  });
});
