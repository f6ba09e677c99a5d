/**
 * age's passphrase ("scrypt") recipient, with node:crypto doing the work.
 *
 * Why this file exists: the `age-encryption` package derives the passphrase key
 * with its own scrypt, written in JavaScript. That is slower than node:crypto's
 * (OpenSSL), and it runs on the main thread, blocking it for the whole
 * derivation. The package offers no way to swap the key derivation inside
 * `setPassphrase`/`addPassphrase`, but it documents `Recipient` and `Identity`
 * objects for exactly this kind of extension. This file is such a pair; the
 * package still writes and checks the header, its MAC and the payload.
 *
 * It implements the scrypt recipient stanza as age's specification
 * (age-encryption.org/v1) defines it, nothing more:
 *
 *     -> scrypt <base64 of a 16-byte salt, unpadded> <log2 N, decimal, no leading zero>
 *     <body: the file key wrapped>
 *
 *     key  = scrypt(passphrase, "age-encryption.org/v1/scrypt" || salt, N = 2^logN, r = 8, p = 1, 32 bytes)
 *     body = ChaCha20-Poly1305(key, nonce = 12 zero bytes, file key)   (16 + 16 bytes)
 *
 * The nonce is fixed at zero, which is safe only because every key wraps one
 * file key once: each recipient draws a fresh random salt, so each file gets a
 * fresh key. Never reuse a recipient, a salt or a derived key for a second file.
 *
 * The passphrase is used as its UTF-8 bytes, without Unicode normalisation, as
 * age does.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from "node:crypto";
import { Stanza, type Identity, type Recipient } from "age-encryption";
import { MAX_READ_WORK_FACTOR } from "./journal-cipher.js";

const LABEL = "age-encryption.org/v1/scrypt";
const SALT_BYTES = 16;
const FILE_KEY_BYTES = 16;
const TAG_BYTES = 16;
const ZERO_NONCE = Buffer.alloc(12);

/** The stanza's log2 N: a decimal without a leading zero, as age requires. */
const WORK_FACTOR_TEXT = /^[1-9][0-9]*$/;
/** Unpadded standard base64, as age writes stanza arguments. */
const BASE64_TEXT = /^[A-Za-z0-9+/]*$/;

/**
 * The scrypt key for one salt, on the thread pool (`scrypt`, not `scryptSync`),
 * so two derivations can run at once and the event loop stays free.
 */
export function deriveScryptKey(passphrase: string, salt: Uint8Array, logN: number): Promise<Buffer> {
  const N = 2 ** logN;
  // scrypt needs about 128·N·r bytes; node refuses more than 32 MiB unless told.
  const maxmem = 128 * N * 8 + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase, Buffer.concat([Buffer.from(LABEL), salt]), 32, { N, r: 8, p: 1, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Wraps one file key for a passphrase. The key derivation starts as soon as the
 * recipient is made, so it can run while other work (reading the journal) goes
 * on; a recipient wraps one file key only, and then it is spent.
 */
export class ScryptRecipient implements Recipient {
  readonly #logN: number;
  readonly #salt = randomBytes(SALT_BYTES);
  #key: Promise<Buffer> | undefined;

  constructor(passphrase: string, logN: number) {
    this.#logN = logN;
    this.#key = deriveScryptKey(passphrase, this.#salt, logN);
    // A failure is reported by wrapFileKey; until then it must not count as unhandled.
    this.#key.catch(() => {});
  }

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const pending = this.#key;
    if (pending === undefined) throw new Error("a scrypt recipient wraps one file key only");
    this.#key = undefined;
    const key = await pending;
    const cipher = createCipheriv("chacha20-poly1305", key, ZERO_NONCE, { authTagLength: TAG_BYTES });
    const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
    const salt = this.#salt.toString("base64").replace(/=+$/, "");
    return [new Stanza(["scrypt", salt, String(this.#logN)], new Uint8Array(body))];
  }
}

/**
 * Keys derived from one passphrase, by salt and work factor. It belongs with
 * that passphrase: a cache must never be given a different one.
 */
export type KeyCache = Map<string, Promise<Buffer>>;

/** Why a header could not be opened with a passphrase, found before any key is tried on the payload. */
export type StanzaProblem =
  { kind: "not-passphrase" } | { kind: "malformed"; detail: string } | { kind: "work-factor"; logN: number };

/**
 * Unwraps the file key from a scrypt stanza. It records what happened, so the
 * caller can tell a wrong passphrase (the stanza was well formed and the
 * unwrap failed to authenticate) from a damaged or foreign file, without
 * reading error messages.
 */
export class ScryptIdentity implements Identity {
  readonly #passphrase: string;
  readonly #keys: KeyCache | undefined;
  /** A well-formed stanza was tried with the passphrase and did not authenticate. */
  unwrapFailed = false;
  /** The file key was unwrapped: anything failing after this is damage. */
  unwrapped = false;
  /** Set when the header cannot be opened with a passphrase at all. */
  problem: StanzaProblem | undefined;

  /** `keys`: the keys this passphrase gave for earlier salts, so a file read twice is derived once. */
  constructor(passphrase: string, keys?: KeyCache) {
    this.#passphrase = passphrase;
    this.#keys = keys;
  }

  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    const scryptStanzas = stanzas.filter((stanza) => stanza.args[0] === "scrypt");
    if (scryptStanzas.length === 0) return this.#refuse({ kind: "not-passphrase" });
    if (stanzas.length !== 1) return this.#refuse({ kind: "malformed", detail: "a scrypt stanza must be alone" });
    const stanza = scryptStanzas[0]!;
    const [, saltText, logNText] = stanza.args;
    if (stanza.args.length !== 3 || saltText === undefined || logNText === undefined) {
      return this.#refuse({ kind: "malformed", detail: "the scrypt stanza has the wrong arguments" });
    }
    if (!WORK_FACTOR_TEXT.test(logNText)) {
      return this.#refuse({ kind: "malformed", detail: "the scrypt work factor is not a valid number" });
    }
    const logN = Number(logNText);
    if (logN > MAX_READ_WORK_FACTOR) return this.#refuse({ kind: "work-factor", logN });
    const salt = BASE64_TEXT.test(saltText) ? Buffer.from(saltText, "base64") : undefined;
    if (salt === undefined || salt.length !== SALT_BYTES || salt.toString("base64").replace(/=+$/, "") !== saltText) {
      return this.#refuse({ kind: "malformed", detail: "the scrypt salt is not valid" });
    }
    if (stanza.body.length !== FILE_KEY_BYTES + TAG_BYTES) {
      return this.#refuse({ kind: "malformed", detail: "the scrypt stanza body has the wrong length" });
    }

    const key = await this.#key(salt, logN);
    const body = Buffer.from(stanza.body);
    const decipher = createDecipheriv("chacha20-poly1305", key, ZERO_NONCE, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(body.subarray(FILE_KEY_BYTES));
    let fileKey: Buffer;
    try {
      fileKey = Buffer.concat([decipher.update(body.subarray(0, FILE_KEY_BYTES)), decipher.final()]);
    } catch {
      this.unwrapFailed = true;
      return null;
    }
    this.unwrapped = true;
    return new Uint8Array(fileKey);
  }

  /** A read may reuse a key (same passphrase, salt and N, same key); only a write needs a fresh salt. */
  #key(salt: Buffer, logN: number): Promise<Buffer> {
    const id = `${salt.toString("hex")} ${logN}`;
    let key = this.#keys?.get(id);
    if (key === undefined) {
      key = deriveScryptKey(this.#passphrase, salt, logN);
      this.#keys?.set(id, key);
      // A derivation that failed (out of memory) may be tried again.
      key.catch(() => this.#keys?.delete(id));
    }
    return key;
  }

  #refuse(problem: StanzaProblem): null {
    this.problem = problem;
    return null;
  }
}
