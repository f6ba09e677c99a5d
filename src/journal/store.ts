import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, type Stats } from "node:fs";
import Conf from "conf";
import { StoreError } from "../errors.js";
import type { Journal } from "./entry.js";
import { CURRENT_VERSION, InvalidJournalError, NewerJournalError, migrate, validateJournal } from "./migrations.js";
import { JOURNAL_FILE_NAME, journalPath } from "./paths.js";
import { jsonErrorText } from "./salvage.js";
import { writeFileAtomic } from "./atomic-file.js";

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/**
 * How long to wait for another process's lock, and when a lock is stale: a
 * writer killed mid-write leaves its lock behind, and the next one takes it
 * over once it has not been refreshed for `stale` milliseconds.
 */
export const LOCK_OPTIONS = {
  stale: 5_000,
  update: 1_000,
  realpath: false,
  retries: { retries: 60, factor: 1.3, minTimeout: 20, maxTimeout: 400, randomize: true },
} as const;

const EMPTY = "the file is empty";

const emptyJournal = (): Journal => ({ version: CURRENT_VERSION, entries: [] });

/**
 * The journal on disk: one JSON file, read through conf and written whole by
 * writeFileAtomic (temporary copy, fsync, rename; mode 0600) in a 0700 folder. Reads take no lock, since writes replace the file
 * whole; every read-modify-write holds a cross-process lock and re-reads inside it.
 * A file that cannot be read or validated is reported and never written.
 */
export class JournalStore {
  readonly file: string;

  constructor(readonly dir: string) {
    this.file = journalPath(dir);
  }

  /** The journal as it is now; an empty one when no file exists yet. */
  read(): Journal {
    return this.#load().journal;
  }

  /**
   * Runs `change` on a fresh copy of the journal under the lock and writes the
   * result. `change` mutates the journal it is given; its return value is passed on.
   * If it throws, nothing is written.
   */
  async update<T>(change: (journal: Journal) => T | Promise<T>): Promise<T> {
    this.#prepareDir();
    const release = await this.#lock();
    try {
      const { journal } = this.#load();
      const result = await change(journal);
      this.#write(journal);
      return result;
    } finally {
      await release().catch(() => undefined);
    }
  }

  /** The raw bytes as they are on disk, or undefined when there is no file. */
  readRaw(): Buffer | undefined {
    try {
      return readFileSync(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw this.#ioError(error, "cannot be read");
    }
  }

  /** Writes a whole journal under the lock, validating it first (used by repair and import). */
  async replace(journal: Journal): Promise<void> {
    await this.update((current) => {
      current.entries = journal.entries;
    });
  }

  /**
   * Replaces the journal whatever state the file is in (doctor --repair): under
   * the lock, `rebuild` gets the bytes on disk and returns the journal to write,
   * or undefined to leave the file as it is.
   */
  async rebuild(
    rebuild: (raw: Buffer | undefined) => Journal | undefined | Promise<Journal | undefined>,
  ): Promise<void> {
    this.#prepareDir();
    const release = await this.#lock();
    try {
      const journal = await rebuild(this.readRaw());
      if (journal) this.#write(journal);
    } finally {
      await release().catch(() => undefined);
    }
  }

  #load(): { journal: Journal } {
    if (existsSync(this.dir) && !statSync(this.dir).isDirectory()) {
      throw new StoreError(this.dir, "the data path is a file, not a folder; choose another with --data");
    }
    // existsSync says false when the folder cannot be searched: that is not an empty journal.
    const stat = this.#stat();
    if (!stat) return { journal: emptyJournal() };
    let parsed: unknown;
    try {
      // conf parses the file once in its constructor; keep that parse rather than
      // asking for `.store`, which would read and parse the whole file again.
      this.#conf((value) => (parsed = value));
    } catch (error) {
      if (error instanceof SyntaxError) {
        const problem = error.message === EMPTY ? "is empty" : `is not valid JSON (${jsonErrorText(error)})`;
        throw new StoreError(this.file, problem, true);
      }
      throw this.#ioError(error, "cannot be read");
    }
    if (this.#sealMatches(stat) && (parsed as Partial<Journal> | undefined)?.version === CURRENT_VERSION) {
      return { journal: parsed as Journal };
    }
    try {
      return { journal: validateJournal(migrate(parsed).journal) };
    } catch (error) {
      if (error instanceof InvalidJournalError) {
        throw new StoreError(this.file, error.message, !(error instanceof NewerJournalError));
      }
      throw error;
    }
  }

  #stat(): Stats | undefined {
    try {
      return statSync(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw this.#ioError(error, "cannot be read");
    }
  }

  /**
   * The seal records which file this tool last wrote and validated (device,
   * inode, size, modification time). While the journal is still that file,
   * validating every entry again on each read would only repeat the result:
   * at 10,000 entries it costs more than parsing. Any other change to the file,
   * by hand or by another program, gives it a new inode or time, and the next
   * read validates it in full.
   */
  #sealOf(stat: Stats): string {
    return JSON.stringify({ dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs });
  }

  #sealMatches(stat: Stats): boolean {
    try {
      return readFileSync(this.sealFile, "utf8") === this.#sealOf(stat);
    } catch {
      return false;
    }
  }

  get sealFile(): string {
    return `${this.file}.checked`;
  }

  #conf(onParse?: (value: unknown) => void): Conf {
    return new Conf({
      cwd: this.dir,
      configName: JOURNAL_FILE_NAME.replace(/\.json$/, ""),
      projectSuffix: "",
      configFileMode: FILE_MODE,
      accessPropertiesByDotNotation: false,
      deserialize: (text: string) => {
        if (text.trim() === "") throw new SyntaxError(EMPTY);
        const value: unknown = JSON.parse(text);
        onParse?.(value);
        return value as Record<string, unknown>;
      },
    });
  }

  #write(journal: Journal): void {
    const checked = validateJournal({ ...journal });
    try {
      // The same JSON conf writes (tab-indented), written so that a full disk cannot cut it short.
      const text = JSON.stringify({ version: CURRENT_VERSION, entries: checked.entries }, undefined, "\t");
      writeFileAtomic(this.file, text, { mode: FILE_MODE });
    } catch (error) {
      throw this.#ioError(error, "cannot be written");
    }
    try {
      writeFileAtomic(this.sealFile, this.#sealOf(statSync(this.file)), { mode: FILE_MODE, durable: false });
    } catch {
      // Without a seal the next read validates in full, which is only slower.
      rmSync(this.sealFile, { force: true });
    }
  }

  #prepareDir(): void {
    try {
      if (existsSync(this.dir)) {
        if (!statSync(this.dir).isDirectory()) {
          throw new StoreError(this.dir, "the data path is a file, not a folder; choose another with --data");
        }
        if ((statSync(this.dir).mode & 0o077) !== 0) chmodSync(this.dir, DIR_MODE);
      } else {
        mkdirSync(this.dir, { recursive: true, mode: DIR_MODE });
      }
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw this.#ioError(error, "cannot be created", this.dir);
    }
  }

  async #lock(): Promise<() => Promise<void>> {
    // proper-lockfile retries on every error; only "someone else holds it" is worth
    // waiting for. A read-only or forbidden folder is reported at once, not after 20 s.
    // Loaded here, not at the top: only writers lock, and it patches fs on import.
    const { default: lockfile } = await import("proper-lockfile");
    const { retries, ...options } = LOCK_OPTIONS;
    for (let attempt = 0; ; attempt++) {
      try {
        return await lockfile.lock(this.file, {
          ...options,
          retries: 0,
          lockfilePath: `${this.file}.lock`,
          onCompromised: () => undefined,
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw this.#ioError(error, "cannot be written");
        if (attempt >= retries.retries) {
          throw new StoreError(this.file, "is locked by another rejection-coach process; try again in a moment");
        }
        const wait = Math.min(retries.maxTimeout, retries.minTimeout * retries.factor ** attempt);
        await new Promise((resolve) => setTimeout(resolve, wait * (1 + Math.random())));
      }
    }
  }

  #ioError(error: unknown, what: string, path = this.file): StoreError {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : code === "EROFS"
          ? "the file system is read-only"
          : code === "ENOSPC"
            ? "the disk is full"
            : code === "ENOTDIR"
              ? "a part of the path is a file, not a folder"
              : (error as Error).message;
    return new StoreError(path, `${what}: ${reason}`);
  }
}
