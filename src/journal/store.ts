import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import Conf from "conf";
import lockfile from "proper-lockfile";
import { StoreError } from "../errors.js";
import type { Journal } from "./entry.js";
import { CURRENT_VERSION, InvalidJournalError, migrate, validateJournal } from "./migrations.js";
import { JOURNAL_FILE_NAME, journalPath } from "./paths.js";

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/**
 * How long to wait for another process's lock, and when a lock is stale: a
 * writer killed mid-write leaves its lock behind, and the next one takes it
 * over once it has not been refreshed for `stale` milliseconds.
 */
const LOCK_OPTIONS = {
  stale: 5_000,
  update: 1_000,
  realpath: false,
  retries: { retries: 60, factor: 1.3, minTimeout: 20, maxTimeout: 400, randomize: true },
} as const;

const emptyJournal = (): Journal => ({ version: CURRENT_VERSION, entries: [] });

/**
 * The journal on disk: one JSON file written through conf (atomic rename, mode
 * 0600) in a 0700 folder. Reads take no lock, since writes replace the file
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
      const { journal, conf } = this.#load();
      const result = await change(journal);
      this.#write(conf ?? this.#conf(), journal);
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

  #load(): { journal: Journal; conf?: Conf } {
    if (existsSync(this.dir) && !statSync(this.dir).isDirectory()) {
      throw new StoreError(this.dir, "the data path is a file, not a folder; choose another with --data");
    }
    if (!existsSync(this.file)) return { journal: emptyJournal() };
    let parsed: unknown;
    let conf: Conf;
    try {
      // conf parses the file once in its constructor; keep that parse rather than
      // asking for `.store`, which would read and parse the whole file again.
      conf = this.#conf((value) => (parsed = value));
    } catch (error) {
      if (error instanceof SyntaxError) throw new StoreError(this.file, `is not valid JSON (${error.message})`);
      throw this.#ioError(error, "cannot be read");
    }
    try {
      return { journal: validateJournal(migrate(parsed).journal), conf };
    } catch (error) {
      if (error instanceof InvalidJournalError) throw new StoreError(this.file, error.message);
      throw error;
    }
  }

  #conf(onParse?: (value: unknown) => void): Conf {
    return new Conf({
      cwd: this.dir,
      configName: JOURNAL_FILE_NAME.replace(/\.json$/, ""),
      projectSuffix: "",
      configFileMode: FILE_MODE,
      accessPropertiesByDotNotation: false,
      deserialize: (text: string) => {
        const value: unknown = JSON.parse(text);
        onParse?.(value);
        return value as Record<string, unknown>;
      },
    });
  }

  #write(conf: Conf, journal: Journal): void {
    const checked = validateJournal({ ...journal });
    try {
      conf.store = { version: CURRENT_VERSION, entries: checked.entries } as unknown as Record<string, unknown>;
      // atomic rename keeps the temp file's mode; an older file may have been looser.
      chmodSync(this.file, FILE_MODE);
    } catch (error) {
      throw this.#ioError(error, "cannot be written");
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
    try {
      return await lockfile.lock(this.file, {
        ...LOCK_OPTIONS,
        lockfilePath: `${this.file}.lock`,
        onCompromised: () => undefined,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
        throw new StoreError(this.file, "is locked by another rejection-coach process; try again in a moment");
      }
      throw this.#ioError(error, "cannot be locked");
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
