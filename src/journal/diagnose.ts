import type { Stats } from "node:fs";
import { kindOf, NotRegularFileError } from "./atomic-file.js";
import { fileErrorReason } from "./file-errors.js";
import { octal, statOf } from "./file-status.js";
import type { EncryptedReading } from "./encrypted-reading.js";
import { journalKind } from "./journal-cipher.js";
import { readJournalBytes } from "./journal-check.js";
import { CURRENT_VERSION, NewerJournalError } from "./migrations.js";
import { FileTooLargeError, readRegularFile } from "./read-file.js";
import { salvageJournal, type Dropped, type Mended, type Salvage } from "./salvage.js";
import { checkLeftovers, checkLock, checkSettings } from "./side-file-checks.js";
import { MAX_JOURNAL_BYTES } from "./store.js";
import { storeFiles } from "./store-files.js";

export type { Dropped, Mended } from "./salvage.js";

/** ok: as it should be; notice: worth knowing, nothing to fix; problem: needs attention. */
export type Severity = "ok" | "notice" | "problem";

export interface Check {
  severity: Severity;
  message: string;
  /** `doctor --repair` can fix it. */
  fixable?: boolean;
}

export interface Diagnosis {
  dir: string;
  file: string;
  /** missing: no journal yet; unusable: cannot be read at all (a path or permission problem). */
  state: "missing" | "healthy" | "damaged" | "newer" | "unusable";
  checks: Check[];
  /** No problems at all. */
  healthy: boolean;
  /** There are problems and `doctor --repair` can fix at least one of them. */
  repairable: boolean;
  /** Every problem found is one `doctor --repair` can fix. */
  fullyRepairable: boolean;
  /** The first problem, phrased to follow the file name in a one-line message. */
  problem?: string;
  /** Valid entries in a healthy journal. */
  entries?: number;
  /** The journal is an age file: its entries are checked only when doctor was given the passphrase. */
  encrypted?: boolean;
  looseFile?: boolean;
  /** A lock that blocks saves: left by a stopped save, unreadable, or a folder. */
  staleLock?: boolean;
  /** settings.json cannot be used as it is. */
  brokenSettings?: boolean;
  /** What a repair would keep and drop, for a damaged journal. */
  salvage?: {
    kept: number;
    found: number;
    dropped: Dropped[];
    /** Entries kept without a field that was wrong. */
    mended: Mended[];
    /** Entries a repair moves to a file of their own, to be fixed by hand and imported. */
    setAside: Dropped[];
    renamed: Salvage["renamed"];
  };
}

export type Problem = (message: string, fixable: boolean, oneLine?: string, importance?: number) => void;

/**
 * Looks at the journal folder and its files without changing anything. An
 * encrypted journal's entries are checked only in `encrypted`, what its
 * passphrase opened (encrypted-reading.ts).
 */
export function diagnose(dir: string, now = Date.now(), encrypted?: EncryptedReading): Diagnosis {
  const files = storeFiles(dir);
  const checks: Check[] = [];
  const result: Diagnosis = {
    dir,
    file: files.journal,
    state: "missing",
    checks,
    healthy: true,
    repairable: false,
    fullyRepairable: false,
  };
  // The one-line summary names what matters most: the content before modes and leftovers.
  let rank = Infinity;
  const problem: Problem = (message, fixable, oneLine = message, importance = 1) => {
    checks.push({ severity: "problem", message, fixable });
    if (importance < rank) [rank, result.problem] = [importance, oneLine];
  };

  const folder = statOf(dir);
  if (folder === "missing") {
    checks.push({ severity: "notice", message: "there is no journal yet; logging your first entry creates it" });
    return finish(result);
  }
  if (typeof folder === "string" || !folder.isDirectory()) {
    result.state = "unusable";
    problem(
      typeof folder === "string"
        ? `the folder ${dir} cannot be opened (${folder})`
        : `the data path ${dir} is a file, not a folder; choose another with --data or REJECTION_COACH_HOME`,
      false,
    );
    return finish(result);
  }
  checkFolder(folder, checks, problem);

  const stats = statOf(files.journal);
  if (stats === "missing") {
    checks.push({ severity: "notice", message: "there is no journal file yet; logging your first entry creates it" });
  } else if (typeof stats === "string") {
    result.state = "unusable";
    problem(`the journal cannot be opened (${stats})`, false, undefined, 0);
  } else {
    checkJournalFile(files.journal, stats, result, problem, encrypted);
  }

  result.staleLock = checkLock(files.lock, now, checks, problem);
  result.brokenSettings = checkSettings(files.settings, checks, problem);
  checkLeftovers(dir, checks, problem, result.encrypted);
  return finish(result);
}

/**
 * The data folder may be one the person chose and shares on purpose (a synced
 * folder, a shared drive), so its mode is reported, never changed.
 */
function checkFolder(folder: Stats, checks: Check[], problem: Problem): void {
  const mode = folder.mode & 0o7777;
  const sticky = (mode & 0o1000) !== 0;
  if (mode & 0o022 && !sticky) {
    problem(
      `other users can add, replace or delete files in the folder (mode ${octal(mode)}): they could replace the journal; 'chmod 700' it if no one else needs it`,
      false,
    );
  } else if (mode & 0o077) {
    checks.push({
      severity: "notice",
      message: `other users can list the folder (mode ${octal(mode)}): they see the file names, not what is in them`,
    });
  } else checks.push({ severity: "ok", message: `the folder is private (${octal(mode)})` });
}

function checkJournalFile(
  file: string,
  stats: Stats,
  result: Diagnosis,
  problem: Problem,
  encrypted: EncryptedReading | undefined,
): void {
  if (!stats.isFile()) {
    result.state = "unusable";
    problem(`the journal is ${kindOf(stats)}, not a regular file`, false, undefined, 0);
    return;
  }
  const uid = process.getuid?.();
  if (uid !== undefined && uid !== 0 && stats.uid !== uid) {
    problem(`the journal belongs to another user (uid ${stats.uid}); run rejection-coach as that user`, false);
  }
  const fileMode = stats.mode & 0o777;
  if (fileMode & 0o077) {
    result.looseFile = true;
    problem(`the journal can be read by other users (mode ${octal(fileMode)}; it should be 0600)`, true);
  } else result.checks.push({ severity: "ok", message: `the journal is private (${octal(fileMode)})` });
  checkContent(file, result, problem, encrypted);
}

function checkContent(file: string, result: Diagnosis, problem: Problem, encrypted?: EncryptedReading): void {
  let raw: Buffer;
  try {
    raw = readRegularFile(file, MAX_JOURNAL_BYTES);
  } catch (error) {
    result.state = "unusable";
    const why =
      error instanceof NotRegularFileError
        ? `it is ${error.kind}`
        : error instanceof FileTooLargeError
          ? `it is larger than ${MAX_JOURNAL_BYTES / 1024 / 1024} MB`
          : fileErrorReason(error);
    problem(`the journal cannot be read (${why})`, false, undefined, 0);
    return;
  }
  let bytes = raw;
  if (journalKind(raw) !== "plain") {
    result.encrypted = true;
    const opened = checkEncrypted(raw, result, problem, encrypted);
    if (opened === undefined) return;
    bytes = opened;
  }
  const reading = readJournalBytes(bytes);
  if (reading.state === "healthy") {
    result.state = "healthy";
    const count = reading.journal.entries.length;
    result.entries = count;
    result.checks.push({
      severity: "ok",
      message: `${count} ${count === 1 ? "entry" : "entries"}, all valid (journal version ${reading.version})`,
    });
    if (reading.version < CURRENT_VERSION) {
      result.checks.push({
        severity: "notice",
        message: `it was written by an older version; it is brought up to version ${CURRENT_VERSION} the next time something is saved`,
      });
    }
    return;
  }
  if (reading.state === "newer") {
    result.state = "newer";
    problem(`the journal ${reading.problem}; doctor leaves it as it is`, false, reading.problem, 0);
    return;
  }
  try {
    const salvage = salvageJournal(bytes);
    result.state = "damaged";
    result.salvage = {
      kept: salvage.journal.entries.length,
      found: salvage.found,
      dropped: salvage.dropped,
      mended: salvage.mended,
      setAside: salvage.setAside.map(({ where, reason }) => ({ where, reason })),
      renamed: salvage.renamed,
    };
    problem(`the journal ${reading.problem}`, true, reading.problem, 0);
  } catch (error) {
    if (!(error instanceof NewerJournalError)) throw error;
    result.state = "newer";
    problem(`the journal ${error.message}; doctor leaves it as it is`, false, error.message, 0);
  }
}

/**
 * What an encrypted journal's passphrase showed: the bytes inside it to check
 * like a plain journal's, or undefined when it could not be opened (reported here).
 */
function checkEncrypted(
  raw: Buffer,
  result: Diagnosis,
  problem: Problem,
  encrypted: EncryptedReading | undefined,
): Buffer | undefined {
  // Another process may have saved since the passphrase opened it: then the entries are not the ones checked.
  const reading = encrypted?.state === "opened" && !encrypted.raw.equals(raw) ? undefined : encrypted;
  result.state = "healthy";
  switch (reading?.state) {
    case "opened":
      result.checks.push({ severity: "ok", message: "the journal is encrypted, and the passphrase opens it" });
      return reading.bytes;
    case "wrong-passphrase":
      problem(
        "the passphrase given does not open the journal (wrong passphrase), so its entries were not checked",
        false,
        "wrong passphrase",
        0,
      );
      return undefined;
    case "unreadable":
      result.state = "unusable";
      problem(
        `${reading.problem}. Nothing was changed, and nothing will write over it. Put back a copy from a backup ` +
          "(a --backup file, a backup drive, a synced folder's history), or keep the file in case the damage can be undone",
        false,
        reading.problem,
        0,
      );
      return undefined;
    default:
      result.checks.push({
        severity: "notice",
        message:
          "the journal is encrypted; with its passphrase (typed, REJECTION_COACH_PASSPHRASE or --passphrase-file) doctor checks its entries too",
      });
      return undefined;
  }
}

function finish(result: Diagnosis): Diagnosis {
  const problems = result.checks.filter((check) => check.severity === "problem");
  result.healthy = problems.length === 0;
  result.repairable = problems.some((check) => check.fixable);
  result.fullyRepairable = problems.length > 0 && problems.every((check) => check.fixable);
  if (result.problem && problems.length > 1) result.problem += ` (and ${problems.length - 1} more)`;
  return result;
}
