import { mkdirSync, rmSync, statSync, type Stats } from "node:fs";
import { StoreError } from "../errors.js";
import { ForeignOwnerError, NotRegularFileError, writeFileAtomic } from "./atomic-file.js";
import type { Journal } from "./entry.js";
import { fileErrorReason } from "./file-errors.js";
import { CURRENT_VERSION, sealOf, vouchedJournal } from "./journal-text.js";
import { acquireLock, LockBlockedError, LockLostError, LockTimeoutError, type Lock, type LockState } from "./lock.js";
import { describeLock } from "./lock-words.js";
import { folderOwner, giveToParentOwner } from "./ownership.js";
import { FileTooLargeError, readRegularFile } from "./read-file.js";
import { markSaved } from "./save-state.js";
import { storeFiles, type StoreFiles } from "./store-files.js";
import { io } from "../io.js";

export const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

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
  /**
   * Given the journal each `read()` returns, before the command has it: what the
   * command read can serve more than the command (the nudge) without a second read.
   */
  onRead?: (journal: Journal) => void | Promise<void>;
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
 *
 * conf (used by the first version) is not used here: it reads whatever is at the
 * path (a FIFO hangs it, a huge file fills memory), its writer ignores short
 * writes, and it takes no lock.
 */
export class JournalStore {
  readonly files: StoreFiles;
  readonly file: string;

  constructor(
    readonly dir: string,
    private readonly options: StoreOptions = {},
  ) {
    this.files = storeFiles(dir);
    this.file = this.files.journal;
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
    return this.withLock(async (lock) => {
      const raw = this.readRaw();
      const { journal, text } =
        raw === undefined ? { journal: emptyJournal(), text: undefined } : await this.#parse(raw);
      const result = await change(journal);
      await this.writeJournal(journal, lock, text);
      return result;
    });
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
    this.#prepareDir();
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
    this.#checkDir();
    try {
      return readRegularFile(this.file, MAX_JOURNAL_BYTES);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw this.#readError(error);
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
      throw this.#writeError(error, path);
    }
  }

  /**
   * The journal in `raw`, with its text when the seal vouches for it. Only bytes
   * the seal does not vouch for load the schemas and are checked in full.
   */
  async #parse(raw: Buffer): Promise<{ journal: Journal; text?: string }> {
    const seal = this.#seal();
    const vouched = vouchedJournal(raw, seal);
    if (vouched) return vouched;
    const { readJournalBytes } = await import("./journal-check.js");
    // Without the seal: it was just found not to vouch, and asking again would hash the file again.
    const reading = readJournalBytes(raw);
    switch (reading.state) {
      case "healthy":
        return { journal: reading.journal };
      case "newer":
        throw new StoreError(this.file, reading.problem);
      default:
        throw new StoreError(this.file, reading.problem, true);
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
   * `vouchedText`, the text the seal vouched for when it was read.
   */
  async writeJournal(journal: Journal, lock: Lock, vouchedText?: string): Promise<void> {
    const { checkedJournalBytes } = await import("./journal-check.js");
    const bytes = checkedJournalBytes(journal, vouchedText);
    const owner = folderOwner(this.dir);
    try {
      writeFileAtomic(this.file, bytes, {
        mode: FILE_MODE,
        owner,
        beforeCommit: () => lock.assertHeld(),
      });
      markSaved();
    } catch (error) {
      throw this.#writeError(error, this.file);
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

  #checkDir(): void {
    let stats: Stats;
    try {
      stats = statSync(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw new StoreError(this.dir, `cannot be opened: ${fileErrorReason(error)}`);
    }
    if (!stats.isDirectory()) {
      throw new StoreError(this.dir, "the data path is a file, not a folder; choose another with --data");
    }
  }

  /**
   * Creates the data folder, private, if it does not exist. A folder that exists
   * is left as it is: it may be one the person chose and shares on purpose
   * (`doctor` says what others can do with it).
   */
  #prepareDir(): void {
    this.#checkDir();
    let created: string | undefined;
    try {
      created = mkdirSync(this.dir, { recursive: true, mode: DIR_MODE });
    } catch (error) {
      throw new StoreError(this.dir, `cannot be created: ${fileErrorReason(error)}`);
    }
    if (created !== undefined) giveToParentOwner(created, this.dir);
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
      throw this.#writeError(error, this.files.lock);
    }
  }

  #readError(error: unknown): StoreError {
    if (error instanceof NotRegularFileError) {
      return new StoreError(
        this.file,
        `is ${error.kind}, not a regular file; rejection-coach reads only a plain file there`,
      );
    }
    if (error instanceof FileTooLargeError) {
      return new StoreError(
        this.file,
        `is larger than ${MAX_JOURNAL_BYTES / 1024 / 1024} MB, far more than a journal holds; is it the right file?`,
      );
    }
    return new StoreError(this.file, `cannot be read: ${fileErrorReason(error)}`);
  }

  #writeError(error: unknown, path: string): StoreError {
    if (error instanceof StoreError) return error;
    if (error instanceof LockLostError) {
      return new StoreError(
        this.file,
        "another process took over the lock while this one was saving; nothing was saved; try again",
      );
    }
    if (error instanceof ForeignOwnerError) {
      return new StoreError(
        path,
        `belongs to another user (uid ${error.uid}); saving as this user would take it from them, so nothing was saved`,
      );
    }
    if (error instanceof NotRegularFileError) {
      return new StoreError(path, `is ${error.kind}, not a regular file; nothing was saved`);
    }
    return new StoreError(path, `cannot be written: ${fileErrorReason(error)}`);
  }
}
