import { StoreError } from "../errors.js";
import type { PreparedEncryption } from "./journal-cipher.js";
import type { KeyCache } from "./scrypt-recipient.js";

/**
 * Gives the passphrase of an encrypted journal. The store asks it at most once
 * and only when the journal on disk is encrypted: a plain journal never asks.
 */
export type PassphraseProvider = () => Promise<string>;

/**
 * The store's side of an encrypted journal: the passphrase, asked once and kept
 * in memory only, and the turn of ciphertext into the journal's bytes and back.
 * The cipher itself (journal-cipher.ts) is loaded only when a journal is
 * encrypted, so a plain journal's commands never load it.
 */
export class StoreCipher {
  #passphrase: Promise<string> | undefined;
  /** Keys the passphrase gave, by salt: a command that reads the journal twice derives its key once. */
  readonly #keys: KeyCache = new Map();

  constructor(
    private readonly file: string,
    private readonly provider: PassphraseProvider | undefined,
    /** log2 N for what this store writes; tests lower it, else the cipher's default. */
    private readonly workFactor: number | undefined,
  ) {}

  /** The passphrase, asked the first time only: a command asks once however often it reads. */
  #ask(): Promise<string> {
    if (this.provider === undefined) {
      return Promise.reject(new StoreError(this.file, "is encrypted, and no passphrase was given to open it"));
    }
    return (this.#passphrase ??= this.provider());
  }

  /**
   * Asks for the passphrase now, if it was not asked yet: before a write takes
   * the lock, so that nobody else's save waits on a person at a prompt.
   */
  async ready(): Promise<void> {
    await this.#ask();
  }

  /**
   * The journal's bytes inside the ciphertext `raw`. A file that cannot be
   * decrypted is reported as not repairable: `doctor --repair` or a save would
   * otherwise replace the only copy of what it holds. A wrong passphrase passes
   * through as itself (exit 1, "wrong passphrase").
   */
  async open(raw: Buffer): Promise<Buffer> {
    const [passphrase, cipher] = await Promise.all([this.#ask(), import("./journal-cipher.js")]);
    try {
      const plain = await cipher.decryptJournal(raw, passphrase, { keys: this.#keys });
      return Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
    } catch (error) {
      if (error instanceof cipher.DamagedJournalError || error instanceof cipher.WorkFactorError) {
        throw new StoreError(
          this.file,
          `${error.message}; it is left as it is, and 'rejection-coach doctor' says what can be done`,
        );
      }
      throw error;
    }
  }

  /**
   * Starts deriving the key for the next write now, so that it runs while the
   * journal is decrypted: a read-modify-write then costs about one derivation
   * of wall time, not two. A failure is kept for whoever awaits the result,
   * not reported as unhandled when nobody does (the read failed first).
   */
  prepare(passphrase: Promise<string> = this.#ask()): Promise<PreparedEncryption> {
    const prepared = Promise.all([passphrase, import("./journal-cipher.js")]).then(([given, cipher]) =>
      cipher.prepareEncryption(given, { workFactor: this.workFactor }),
    );
    prepared.catch(() => undefined);
    return prepared;
  }
}
