import { rmSync } from "node:fs";
import { CoachError, StoreError } from "../errors.js";
import { writeFileAtomic } from "./atomic-file.js";
import type { Journal } from "./entry.js";
import { CURRENT_VERSION, sealDisowns, sealOf, vouchedJournal } from "./journal-text.js";
import { acquireLock, LockBlockedError, LockTimeoutError, type Lock, type LockState } from "./lock.js";
import { describeLock } from "./lock-words.js";
import { checkDataDir, prepareDataDir } from "./store-dir.js";
import { folderOwner } from "./ownership.js";
import { readError, writeError } from "./store-errors.js";
import { journalKind, WrongPassphraseError, type PreparedEncryption } from "./journal-cipher.js";
import { readFileHead, readRegularFile } from "./read-file.js";
import { markEncrypted, markSaved } from "./save-state.js";
import { StoreCipher, type PassphraseProvider } from "./store-cipher.js";
import { storeFiles, type StoreFiles } from "./store-files.js";
import { io } from "../io.js";

export const FILE_MODE = 0o600;

/**
 * The largest journal the store reads: far beyond years of daily entries (about
 * 700 bytes each), and below what one JavaScript string can hold.
 */
export const MAX_JOURNAL_BYTES = 256 * 1024 * 1024;

export interface StoreOptions {
  /** Told once when another process has held the lock for a moment. */
  onLockWait?: (state: LockState) => void;
  /** How long to wait for another writer; REJECTION_COACH_LOCK_WAIT (seconds) by default, else 60 s. */
  lockWaitMs?: number;
  /** Asked, once, only when the journal is encrypted. */
  passphrase?: PassphraseProvider;
  /** log2 N for an encrypted journal's writes; lowered by tests only (journal-cipher.ts's default otherwise). */
  workFactor?: number;
  /**
   * Given the journal each `read()` returns, before the command has it: what the
   * command read can serve more than the command (the nudge) without a second read.
   */
  onRead?: (journal: Journal) => void | Promise<void>;
}

/** A journal as read, with its text when the seal vouched for it. */
interface Parsed {
  journal: Journal;
  text?: string;
}

const emptyJournal = (): Journal => ({ version: CURRENT_VERSION, entries: [] });

/**
 * The journal on disk: one JSON file in a data folder (see store-files.ts for
 * every file kept there).
 *
 * - Reads take no lock: every write replaces the file whole, so a reader sees the
 *   old journal or the new one. A file that is not a regular file, or too large, is
 *   refused before it is read.
 * - Every read-modify-write holds the lock (lock.ts), reads the journal again
 *   inside it, and checks just before the rename that the lock is still its own.
 * - A file that cannot be read or validated is reported and never written.
 * - The seal beside the journal is a hash of the bytes last written and validated:
 *   while the file has exactly those bytes, its entries are not validated again.
 * - An encrypted journal (an age file, store-cipher.ts) is decrypted in memory
 *   and written back encrypted: the temporary copy holds ciphertext, and the seal
 *   is the hash of the ciphertext, so nothing on disk tells the plain text.
 *
 * conf (used by the first version) is not used here: it reads whatever is at the
 * path (a FIFO hangs it, a huge file fills memory), its writer ignores short
 * writes, and it takes no lock.
 */
export class JournalStore {
  readonly files: StoreFiles;
  readonly file: string;
  readonly #cipher: StoreCipher;

  constructor(
    readonly dir: string,
    private readonly options: StoreOptions = {},
  ) {
    this.files = storeFiles(dir);
    this.file = this.files.journal;
    this.#cipher = new StoreCipher(this.file, options.passphrase, options.workFactor);
  }

  /** The journal as it is now; an empty one when no file exists yet. */
  async read(): Promise<Journal> {
    const raw = this.readRaw();
    const journal = raw === undefined ? emptyJournal() : (await this.#parse(raw)).journal;
    await this.options.onRead?.(journal);
    return journal;
  }

  /**
   * Runs `change` on a fresh copy of the journal under the lock and writes the
   * result. `change` mutates the journal it is given; its return value is passed on.
   * If it throws, nothing is written.
   */
  async update<T>(change: (journal: Journal) => T | Promise<T>): Promise<T> {
    await this.#askBeforeLocking();
    return this.withLock(async (lock) => {
      const raw = this.readRaw();
      // The write key's derivation starts before the read key's, so the two overlap.
      const encryption = raw !== undefined && journalKind(raw) !== "plain" ? this.#cipher.prepare() : undefined;
      const { journal, text }: Parsed = raw === undefined ? { journal: emptyJournal() } : await this.#parse(raw);
      const result = await change(journal);
      await this.writeJournal(journal, lock, text, encryption);
      return result;
    });
  }

  /**
   * Writes the journal again under the lock: encrypted with `passphrase`, or
   * plain when it is undefined (encrypt, decrypt, passphrase). Reading it asks
   * for the current passphrase as any read does. `from` is the form the command
   * found it in: if another command changed that meanwhile, nothing is written.
   * `backup` is given the bytes on disk, read under the lock, before anything is written.
   */
  async rewrite(
    passphrase: string | undefined,
    options: { from: "plain" | "encrypted"; backup?: (raw: Buffer) => void },
  ): Promise<void> {
    await this.#askBeforeLocking();
    const encryption = passphrase === undefined ? undefined : this.#cipher.prepare(Promise.resolve(passphrase));
    await this.withLock(async (lock) => {
      const raw = this.readRaw();
      const form = raw !== undefined && journalKind(raw) !== "plain" ? "encrypted" : "plain";
      if (form !== options.from) {
        throw new CoachError(
          `another rejection-coach has just ${form === "plain" ? "decrypted" : "encrypted"} the journal; nothing was changed`,
        );
      }
      const { journal, text }: Parsed = raw === undefined ? { journal: emptyJournal() } : await this.#parse(raw);
      if (raw !== undefined) options.backup?.(raw);
      // A crash between the journal's rename and the seal's must not leave a hash of the plain bytes beside ciphertext.
      if (encryption) this.#removeSeal();
      await this.writeJournal(journal, lock, text, encryption);
    });
  }

  /**
   * The journal's form on disk, from its first bytes only (a 100 MB journal is
   * not read for it): no file yet, plain JSON, or an age file.
   */
  form(): "missing" | "plain" | "encrypted" {
    checkDataDir(this.dir);
    try {
      return journalKind(readFileHead(this.file, 128)) === "plain" ? "plain" : "encrypted";
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
      throw readError(this.file, error);
    }
  }

  /**
   * An encrypted journal's passphrase is asked before the lock is taken: a
   * person may take their time at the prompt, and other saves must not wait
   * for them. What the head of the file cannot tell, the locked read reports.
   */
  async #askBeforeLocking(): Promise<void> {
    let form: ReturnType<JournalStore["form"]>;
    try {
      form = this.form();
    } catch {
      return;
    }
    if (form === "encrypted") await this.#cipher.ready();
  }

  /** Writes a whole journal under the lock, validating it first (used by import). */
  async replace(journal: Journal): Promise<void> {
    await this.update((current) => {
      current.entries = journal.entries;
    });
  }

  /**
   * Runs `work` holding the store's lock, in a data folder that exists. Other
   * files of the store (settings) are written under the same lock.
   */
  async withLock<T>(work: (lock: Lock) => T | Promise<T>): Promise<T> {
    prepareDataDir(this.dir);
    const lock = await this.#lock();
    try {
      return await work(lock);
    } finally {
      try {
        lock.release();
      } catch {
        // The lock names a process that is about to end: the next writer clears it.
      }
    }
  }

  /** The raw bytes as they are on disk, or undefined when there is no file. */
  readRaw(): Buffer | undefined {
    checkDataDir(this.dir);
    try {
      return readRegularFile(this.file, MAX_JOURNAL_BYTES);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw readError(this.file, error);
    }
  }

  /**
   * Writes another file of the store (settings) as safely as the journal:
   * atomic, durable, owned as the folder is, and only while the lock is held.
   */
  writeOwnFile(path: string, data: string | Uint8Array, lock: Lock): void {
    try {
      writeFileAtomic(path, data, {
        mode: FILE_MODE,
        owner: folderOwner(this.dir),
        beforeCommit: () => lock.assertHeld(),
      });
    } catch (error) {
      throw writeError(this.file, error, path);
    }
  }

  /**
   * The journal in `raw`, with its text when the seal vouches for it. Only bytes
   * the seal does not vouch for load the schemas and are checked in full.
   */
  async #parse(raw: Buffer): Promise<Parsed> {
    const seal = this.#seal();
    const encrypted = journalKind(raw) !== "plain";
    if (encrypted) markEncrypted();
    const bytes = encrypted ? await this.#open(raw, seal) : raw;
    // The seal is always the hash of the bytes on disk, ciphertext for an encrypted journal.
    const vouched = vouchedJournal(bytes, seal, raw);
    if (vouched) return vouched;
    const { readJournalBytes } = await import("./journal-check.js");
    // Without the seal: it was just found not to vouch, and asking again would hash the file again.
    const reading = readJournalBytes(bytes);
    switch (reading.state) {
      case "healthy":
        return { journal: reading.journal };
      case "newer":
        throw new StoreError(this.file, reading.problem);
      default:
        // A salvage would write the journal plain, and its backup too: an encrypted one is never repaired.
        throw new StoreError(this.file, reading.problem, !encrypted);
    }
  }

  async #open(raw: Buffer, seal: string | undefined): Promise<Buffer> {
    try {
      return await this.#cipher.open(raw);
    } catch (error) {
      if (error instanceof WrongPassphraseError && sealDisowns(seal, raw)) throw new WrongPassphraseError(true);
      throw error;
    }
  }

  #removeSeal(): void {
    try {
      rmSync(this.files.seal, { force: true });
    } catch (error) {
      throw writeError(this.file, error, this.files.seal);
    }
  }

  #seal(): string | undefined {
    try {
      // Through the same checks as the journal: a FIFO or a device here must not hang a read.
      return readRegularFile(this.files.seal, 1024).toString("utf8");
    } catch {
      return undefined;
    }
  }

  /**
   * Writes a whole journal while `lock` is held (update, and doctor --repair
   * after a salvage), every entry checked first except those unchanged from
   * `vouchedText`, the text the seal vouched for when it was read. With
   * `encryption`, what is written (temporary copy included) is its ciphertext.
   */
  async writeJournal(
    journal: Journal,
    lock: Lock,
    vouchedText?: string,
    encryption?: Promise<PreparedEncryption>,
  ): Promise<void> {
    const { checkedJournalBytes } = await import("./journal-check.js");
    const checked = checkedJournalBytes(journal, vouchedText);
    const bytes = encryption ? await (await encryption).encrypt(checked) : checked;
    const owner = folderOwner(this.dir);
    try {
      writeFileAtomic(this.file, bytes, {
        mode: FILE_MODE,
        owner,
        beforeCommit: () => lock.assertHeld(),
      });
      markSaved();
    } catch (error) {
      throw writeError(this.file, error, this.file);
    }
    try {
      writeFileAtomic(this.files.seal, sealOf(bytes), { mode: FILE_MODE, durable: false, owner });
    } catch {
      // Without a seal the next read validates in full, which is only slower. The
      // journal is saved: nothing here may turn that into an error (a retry would save it twice).
      try {
        rmSync(this.files.seal, { force: true });
      } catch {
        // A stale seal cannot vouch for the new bytes: its hash no longer matches.
      }
    }
  }

  async #lock(): Promise<Lock> {
    const fromEnv = Number(io().env.REJECTION_COACH_LOCK_WAIT);
    const waitMs = this.options.lockWaitMs ?? (fromEnv > 0 ? fromEnv * 1000 : undefined);
    try {
      return await acquireLock(this.files.lock, { waitMs, onWait: this.options.onLockWait });
    } catch (error) {
      if (error instanceof LockTimeoutError) {
        throw new StoreError(
          this.file,
          `${describeLock(error.lock)}; nothing was saved; try again once it has finished`,
        );
      }
      if (error instanceof LockBlockedError) {
        throw new StoreError(
          this.files.lock,
          "is a folder with files in it, or a special file, where the lock goes, so nothing can be saved; 'rejection-coach doctor --repair' clears it",
        );
      }
      throw writeError(this.file, error, this.files.lock);
    }
  }
}
