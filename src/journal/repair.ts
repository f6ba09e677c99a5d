import {
  chmodSync,
  closeSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from "node:fs";
import { join } from "node:path";
import { StoreError } from "../errors.js";
import type { Journal } from "./entry.js";
import { fileErrorReason } from "./file-errors.js";
import { CURRENT_VERSION, NewerJournalError } from "./migrations.js";
import { JOURNAL_FILE_NAME, journalPath } from "./paths.js";
import { readJournalBytes, salvageJournal, type Dropped, type Salvage } from "./salvage.js";
import { JournalStore, LOCK_OPTIONS } from "./store.js";

export type { Dropped } from "./salvage.js";

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
const TEMP_PREFIX = `${JOURNAL_FILE_NAME}.tmp-`;
const BACKUP_PREFIX = `${JOURNAL_FILE_NAME}.backup-`;

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
  /** There are problems and `doctor --repair` can fix every one of them. */
  repairable: boolean;
  /** The first problem, phrased to follow the file name in a one-line message. */
  problem?: string;
  /** Valid entries in a healthy journal. */
  entries?: number;
  /** Modes that are too open, and a lock a stopped save left behind. */
  looseFolder?: boolean;
  looseFile?: boolean;
  staleLock?: boolean;
  /** What a repair would keep and drop, for a damaged journal. */
  salvage?: { kept: number; found: number; dropped: Dropped[]; renamed: Salvage["renamed"] };
}

/** Looks at the journal folder and file without changing anything. */
export function diagnose(dir: string, now = Date.now()): Diagnosis {
  const file = journalPath(dir);
  const checks: Check[] = [];
  const result: Diagnosis = { dir, file, state: "missing", checks, healthy: true, repairable: false };
  // The one-line summary names what matters most: the content before modes and leftovers.
  let rank = Infinity;
  const problem = (message: string, fixable: boolean, oneLine = message, importance = 1) => {
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
  const folderMode = folder.mode & 0o777;
  if (folderMode & 0o077) {
    result.looseFolder = true;
    problem(`the folder can be opened by other users (mode ${octal(folderMode)}; it should be 0700)`, true);
  } else checks.push({ severity: "ok", message: `the folder is private (${octal(folderMode)})` });

  const stats = statOf(file);
  if (stats === "missing") {
    checks.push({ severity: "notice", message: "there is no journal file yet; logging your first entry creates it" });
  } else if (typeof stats === "string" || !stats.isFile()) {
    result.state = "unusable";
    problem(
      typeof stats === "string" ? `the journal cannot be opened (${stats})` : "the journal is not a file",
      false,
      undefined,
      0,
    );
  } else {
    const fileMode = stats.mode & 0o777;
    if (fileMode & 0o077) {
      result.looseFile = true;
      problem(`the journal can be read by other users (mode ${octal(fileMode)}; it should be 0600)`, true);
    } else checks.push({ severity: "ok", message: `the journal is private (${octal(fileMode)})` });
    checkContent(file, result, problem);
  }

  result.staleLock = checkLock(file, now, checks, problem);
  checkLeftovers(dir, now, checks, problem);
  return finish(result);
}

function checkContent(
  file: string,
  result: Diagnosis,
  problem: (message: string, fixable: boolean, oneLine?: string, importance?: number) => void,
): void {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch (error) {
    result.state = "unusable";
    problem(`the journal cannot be read (${fileErrorReason(error)})`, false, undefined, 0);
    return;
  }
  const reading = readJournalBytes(raw);
  if (reading.state === "healthy") {
    result.state = "healthy";
    result.entries = reading.journal.entries.length;
    const count = reading.journal.entries.length;
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
    const salvage = salvageJournal(raw);
    result.state = "damaged";
    result.salvage = {
      kept: salvage.journal.entries.length,
      found: salvage.found,
      dropped: salvage.dropped,
      renamed: salvage.renamed,
    };
    problem(`the journal ${reading.problem}`, true, reading.problem, 0);
  } catch (error) {
    if (!(error instanceof NewerJournalError)) throw error;
    result.state = "newer";
    problem(`the journal ${error.message}; doctor leaves it as it is`, false, error.message, 0);
  }
}

function checkLock(
  file: string,
  now: number,
  checks: Check[],
  problem: (message: string, fixable: boolean) => void,
): boolean {
  const lock = statOf(`${file}.lock`);
  if (typeof lock === "string") return false;
  const age = now - lock.mtimeMs;
  if (age <= LOCK_OPTIONS.stale) {
    checks.push({ severity: "notice", message: "another rejection-coach is saving right now" });
    return false;
  }
  problem(
    `a lock was left by a rejection-coach that stopped while saving (${ago(age)}); the next save clears it`,
    true,
  );
  return true;
}

function checkLeftovers(
  dir: string,
  now: number,
  checks: Check[],
  problem: (message: string, fixable: boolean) => void,
): void {
  const { temps, backups } = leftovers(dir);
  const old = temps.filter((path) => ageOf(path, now) > LOCK_OPTIONS.stale);
  if (old.length > 0) {
    problem(
      `${old.length} unfinished temporary ${old.length === 1 ? "copy" : "copies"} from an interrupted save (the journal itself is not affected)`,
      true,
    );
  } else if (temps.length > 0) checks.push({ severity: "notice", message: "a save is in progress" });
  const loose = backups.filter((path) => modeOf(path) & 0o077);
  if (loose.length > 0) problem(`${loose.length} backup(s) can be read by other users (they should be 0600)`, true);
  if (backups.length > 0) {
    checks.push({
      severity: "notice",
      message: `${backups.length} backup(s) from earlier repairs, newest ${backups.at(-1)}; delete them when you no longer need them`,
    });
  }
}

function finish(result: Diagnosis): Diagnosis {
  const problems = result.checks.filter((check) => check.severity === "problem");
  result.healthy = problems.length === 0;
  result.repairable = problems.length > 0 && problems.every((check) => check.fixable);
  if (result.problem && problems.length > 1) result.problem += ` (and ${problems.length - 1} more)`;
  return result;
}

export interface RepairReport {
  file: string;
  /** The copy of the original bytes, when the journal was rewritten. */
  backup?: string;
  rewritten: boolean;
  /** Entries in the repaired journal. */
  kept?: number;
  dropped: Dropped[];
  renamed: Salvage["renamed"];
  /** What else was put right, in plain words. */
  fixed: string[];
}

/**
 * Repairs what `diagnose` found, under the store's lock: keeps a copy of the
 * original bytes, writes every valid entry back through the store, tightens
 * modes and clears what interrupted saves left behind. A journal from a newer
 * version, or one that cannot be read at all, is left alone (StoreError).
 */
export async function repair(dir: string, now = new Date()): Promise<RepairReport> {
  const before = diagnose(dir, now.getTime());
  const report: RepairReport = { file: before.file, rewritten: false, dropped: [], renamed: [], fixed: [] };
  if (before.healthy) return report;
  if (!before.repairable) throw new StoreError(before.file, before.problem ?? "cannot be repaired");

  try {
    await new JournalStore(dir).rebuild((raw) => rebuild(raw, dir, report, now));
  } catch (error) {
    if (error instanceof StoreError || !(error as NodeJS.ErrnoException).code) throw error;
    throw new StoreError(before.file, `cannot be repaired (${fileErrorReason(error)})`);
  }
  if (before.staleLock && !existsAt(`${before.file}.lock`))
    report.fixed.push("cleared the lock a stopped save left behind");
  if (before.looseFolder) {
    if (modeOf(dir) & 0o077) chmodSync(dir, DIR_MODE);
    report.fixed.push("made the folder private (0700)");
  }
  if (before.looseFile && existsAt(before.file)) {
    if (modeOf(before.file) & 0o077) chmodSync(before.file, FILE_MODE);
    report.fixed.push("made the journal private (0600)");
  }
  const looseBackups = leftovers(dir).backups.filter((path) => modeOf(path) & 0o077);
  for (const path of looseBackups) chmodSync(path, FILE_MODE);
  if (looseBackups.length > 0) report.fixed.push(`made ${looseBackups.length} backup(s) private (0600)`);
  return report;
}

/** The part of a repair that runs under the lock, on the bytes as they are now. */
function rebuild(raw: Buffer | undefined, dir: string, report: RepairReport, now: Date): Journal | undefined {
  // Under the lock no save is running, so every temporary copy is a leftover.
  const temps = leftovers(dir).temps;
  for (const path of temps) rmSync(path, { force: true });
  if (temps.length > 0) report.fixed.push(`removed ${temps.length} unfinished temporary copy(ies)`);
  if (raw === undefined) return undefined;
  const reading = readJournalBytes(raw);
  if (reading.state === "healthy") return undefined;
  if (reading.state === "newer") throw new StoreError(report.file, reading.problem);
  let salvage: Salvage;
  try {
    salvage = salvageJournal(raw);
  } catch (error) {
    if (error instanceof NewerJournalError) throw new StoreError(report.file, error.message);
    throw error;
  }
  report.backup = writeBackup(report.file, raw, now);
  report.rewritten = true;
  report.kept = salvage.journal.entries.length;
  report.dropped = salvage.dropped;
  report.renamed = salvage.renamed;
  return salvage.journal;
}

/** Writes the original bytes beside the journal, never over an existing file. */
function writeBackup(file: string, raw: Buffer, now: Date): string {
  const stamp = timestamp(now);
  for (let n = 1; ; n++) {
    const path = `${file}.backup-${stamp}${n > 1 ? `-${n}` : ""}`;
    let fd: number;
    try {
      fd = openSync(path, "wx", FILE_MODE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw new StoreError(
        path,
        `cannot keep a backup before repairing (${fileErrorReason(error)}); nothing was changed`,
      );
    }
    try {
      for (let written = 0; written < raw.length;) written += writeSync(fd, raw, written);
      fsyncSync(fd);
    } catch (error) {
      // The original is untouched; a half-written copy of it would only mislead.
      closeSync(fd);
      unlinkSync(path);
      throw new StoreError(
        path,
        `cannot keep a backup before repairing (${fileErrorReason(error)}); nothing was changed`,
      );
    }
    closeSync(fd);
    chmodSync(path, FILE_MODE);
    return path;
  }
}

/** YYYYMMDD-HHMMSS in local time, as a person would look for it. */
function timestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-` +
    `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`
  );
}

function leftovers(dir: string): { temps: string[]; backups: string[] } {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return { temps: [], backups: [] };
  }
  return {
    temps: names.filter((name) => name.startsWith(TEMP_PREFIX)).map((name) => join(dir, name)),
    backups: names.filter((name) => name.startsWith(BACKUP_PREFIX)).map((name) => join(dir, name)),
  };
}

function statOf(path: string): Stats | "missing" | string {
  try {
    return statSync(path);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : fileErrorReason(error);
  }
}

const existsAt = (path: string): boolean => typeof statOf(path) !== "string";
const modeOf = (path: string): number => lstatSync(path).mode & 0o777;
const octal = (mode: number): string => `0${mode.toString(8).padStart(3, "0")}`;

function ageOf(path: string, now: number): number {
  const stats = statOf(path);
  return typeof stats === "string" ? 0 : now - stats.mtimeMs;
}

function ago(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} seconds ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} minutes ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} hours ago` : `${Math.round(hours / 24)} days ago`;
}
