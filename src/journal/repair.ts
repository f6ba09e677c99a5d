import { chmodSync, existsSync, lstatSync, readdirSync, rmSync, statSync, type Stats } from "node:fs";
import { dirname, join } from "node:path";
import { StoreError } from "../errors.js";
import { kindOf, NotRegularFileError, writeFileAtomic } from "./atomic-file.js";
import type { Journal } from "./entry.js";
import { fileErrorReason } from "./file-errors.js";
import { readJournalBytes } from "./journal-text.js";
import { pidExists } from "./liveness.js";
import { inspectLock, type Lock, type LockState } from "./lock.js";
import { CURRENT_VERSION, NewerJournalError } from "./migrations.js";
import { FileTooLargeError, readRegularFile } from "./read-file.js";
import { EXPORT_VERSION } from "../export/formats.js";
import { jsonText } from "../export/json-text.js";
import { salvageJournal, type Dropped, type Mended, type Salvage } from "./salvage.js";
import { inspectSettings } from "./settings.js";
import { describeSince } from "./lock-words.js";
import { folderOwner } from "./ownership.js";
import { FILE_MODE, JournalStore, MAX_JOURNAL_BYTES } from "./store.js";
import { storeFileKind, storeFiles, storeTempWriter } from "./store-files.js";

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

type Problem = (message: string, fixable: boolean, oneLine?: string, importance?: number) => void;

/** Looks at the journal folder and its files without changing anything. */
export function diagnose(dir: string, now = Date.now()): Diagnosis {
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
    checkJournalFile(files.journal, stats, result, problem);
  }

  result.staleLock = checkLock(files.lock, now, checks, problem);
  result.brokenSettings = checkSettings(files.settings, checks, problem);
  checkLeftovers(dir, checks, problem);
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

function checkJournalFile(file: string, stats: Stats, result: Diagnosis, problem: Problem): void {
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
  checkContent(file, result, problem);
}

function checkContent(file: string, result: Diagnosis, problem: Problem): void {
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
  const reading = readJournalBytes(raw);
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
    const salvage = salvageJournal(raw);
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

/** Whether the lock blocks saves (a repair clears it); says who is saving when someone is. */
function checkLock(lock: string, now: number, checks: Check[], problem: Problem): boolean {
  let state: LockState;
  try {
    state = inspectLock(lock, now);
  } catch (error) {
    problem(`the lock file cannot be read (${fileErrorReason(error)})`, false);
    return false;
  }
  switch (state.state) {
    case "free":
      return false;
    case "folder":
      if (state.empty && !state.abandoned) {
        checks.push({ severity: "notice", message: "an earlier version of rejection-coach is saving right now" });
        return false;
      }
      problem(
        state.empty
          ? "an empty folder was left where the lock goes, by an earlier version that stopped while saving"
          : "a folder with files in it, or a special file, sits where the lock goes: every save is refused until it is cleared",
        true,
      );
      return true;
    case "unreadable":
      if (!state.abandoned) {
        checks.push({ severity: "notice", message: "another program is saving right now" });
        return false;
      }
      problem("a lock file that cannot be read blocks saves", true);
      return true;
    case "held": {
      const who = `pid ${state.holder.pid} on ${state.holder.host}${describeSince(state.holder.since)}`;
      if (!state.abandoned) {
        checks.push({ severity: "notice", message: `another rejection-coach is saving right now (${who})` });
        return false;
      }
      problem(`a lock was left by a rejection-coach that stopped while saving (${who}); the next save clears it`, true);
      return true;
    }
  }
}

function checkSettings(file: string, checks: Check[], problem: Problem): boolean {
  let reading;
  try {
    reading = inspectSettings(file);
  } catch (error) {
    problem(`the settings cannot be read (${fileErrorReason(error)})`, false);
    return false;
  }
  if (!reading) return false;
  if (reading.unreadable) {
    problem(`the settings file ${reading.unreadable}`, true);
    return true;
  }
  for (const { key, problem: why } of reading.problems) problem(`the setting \`${key}\` ${why}`, true);
  if (reading.problems.length === 0) checks.push({ severity: "ok", message: "the settings are valid" });
  return reading.problems.length > 0;
}

function checkLeftovers(dir: string, checks: Check[], problem: Problem): void {
  const { abandoned, inProgress, backups, setAside } = leftovers(dir);
  if (abandoned.length > 0) {
    problem(
      `${abandoned.length} unfinished temporary ${abandoned.length === 1 ? "file" : "files"} from an interrupted save (the journal itself is not affected)`,
      true,
    );
  }
  if (inProgress.length > 0) checks.push({ severity: "notice", message: "a save is in progress" });
  const loose = [...backups, ...setAside].filter((path) => modeOf(path) & 0o077);
  if (loose.length > 0) problem(`${loose.length} backup(s) can be read by other users (they should be 0600)`, true);
  if (backups.length > 0) {
    checks.push({
      severity: "notice",
      message: `${backups.length} backup(s) from earlier repairs, newest ${backups.at(-1)}; delete them when you no longer need them`,
    });
  }
  if (setAside.length > 0) {
    checks.push({
      severity: "notice",
      message: `${setAside.length} file(s) of entries set aside by a repair, newest ${setAside.at(-1)}; ${HOW_TO_RETURN}`,
    });
  }
}

/** What to do with a file of entries set aside, in one sentence. */
export const HOW_TO_RETURN =
  "open it in a text editor, correct the fields named in the repair, then bring the entries back with 'rejection-coach import FILE'";

function finish(result: Diagnosis): Diagnosis {
  const problems = result.checks.filter((check) => check.severity === "problem");
  result.healthy = problems.length === 0;
  result.repairable = problems.some((check) => check.fixable);
  result.fullyRepairable = problems.length > 0 && problems.every((check) => check.fixable);
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
  mended: Mended[];
  setAside: Dropped[];
  /** The file the set-aside entries were written to, ready to import once fixed. */
  setAsideFile?: string;
  renamed: Salvage["renamed"];
  /** What else was put right, in plain words. */
  fixed: string[];
}

/**
 * Repairs what `diagnose` found that it can, under the store's lock: keeps a
 * copy of the original bytes, writes every valid entry back through the store,
 * keeps the settings that can be kept, tightens the modes of the store's own
 * files and clears what interrupted saves left behind. A journal from a newer
 * version, or one that cannot be read at all, is left alone (StoreError). What
 * it cannot fix (a shared folder's mode) is left for the person: diagnose again.
 */
export async function repair(dir: string, now = new Date()): Promise<RepairReport> {
  const before = diagnose(dir, now.getTime());
  const report: RepairReport = {
    file: before.file,
    rewritten: false,
    dropped: [],
    mended: [],
    setAside: [],
    renamed: [],
    fixed: [],
  };
  if (before.healthy) return report;
  if (!before.repairable || before.state === "newer" || before.state === "unusable") {
    throw new StoreError(before.file, before.problem ?? "cannot be repaired");
  }
  const files = storeFiles(dir);

  // A folder where the lock goes blocks taking the lock itself: it goes first.
  const lockStats = before.staleLock ? lstatOrMissing(files.lock) : undefined;
  if (lockStats && !lockStats.isFile()) rmSync(files.lock, { recursive: true, force: true });
  const store = new JournalStore(dir);
  try {
    await store.withLock(async (lock) => {
      // Under the lock no save of this tool is running; only a dead writer's files are removed.
      const { abandoned } = leftovers(dir);
      for (const path of abandoned) rmSync(path, { recursive: true, force: true });
      if (abandoned.length > 0) report.fixed.push(`removed ${abandoned.length} unfinished temporary file(s)`);
      const journal = salvageInto(store.readRaw(), report, now);
      if (journal) store.writeJournal(journal, lock);
      if (before.brokenSettings) repairSettings(store, lock, report, now);
    });
  } catch (error) {
    if (error instanceof StoreError || !(error as NodeJS.ErrnoException).code) throw error;
    throw new StoreError(before.file, `cannot be repaired (${fileErrorReason(error)})`);
  }
  if (before.staleLock) report.fixed.push("cleared the lock a stopped save left behind");
  if (before.looseFile && existsSync(before.file)) {
    if (modeOf(before.file) & 0o077) chmodSync(before.file, FILE_MODE);
    report.fixed.push("made the journal private (0600)");
  }
  const kept = leftovers(dir);
  const looseBackups = [...kept.backups, ...kept.setAside].filter((path) => modeOf(path) & 0o077);
  for (const path of looseBackups) chmodSync(path, FILE_MODE);
  if (looseBackups.length > 0) report.fixed.push(`made ${looseBackups.length} backup(s) private (0600)`);
  return report;
}

/** The journal to write after a salvage of these bytes, or undefined when they are fine as they are. */
function salvageInto(raw: Buffer | undefined, report: RepairReport, now: Date): Journal | undefined {
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
  report.backup = keepBeside(report.file, "backup-", "", raw, now);
  if (salvage.setAside.length > 0) {
    const document = jsonText({ version: EXPORT_VERSION, entries: salvage.setAside.map(({ entry }) => entry) });
    report.setAsideFile = keepBeside(report.file, "set-aside-", ".json", Buffer.from(`${document}\n`), now);
  }
  report.rewritten = true;
  report.kept = salvage.journal.entries.length;
  report.dropped = salvage.dropped;
  report.mended = salvage.mended;
  report.setAside = salvage.setAside.map(({ where, reason }) => ({ where, reason }));
  report.renamed = salvage.renamed;
  return salvage.journal;
}

function repairSettings(store: JournalStore, lock: Lock, report: RepairReport, now: Date): void {
  const file = store.files.settings;
  const reading = inspectSettings(file);
  if (!reading || (!reading.unreadable && reading.problems.length === 0)) return;
  let raw: Buffer | undefined;
  try {
    raw = readRegularFile(file, 1024 * 1024);
  } catch {
    raw = undefined;
  }
  if (!raw) {
    // Not read (no permission, a folder, too large): nothing can be kept of it, and nothing is removed.
    throw new StoreError(
      file,
      `${reading.unreadable ?? "cannot be read"}; doctor --repair leaves it for you to move away`,
    );
  }
  const backup = keepBeside(file, "backup-", "", raw, now);
  store.writeOwnFile(file, `${JSON.stringify(reading.settings, undefined, "\t")}\n`, lock);
  const dropped = reading.unreadable
    ? "it could not be read"
    : reading.problems.map(({ key }) => `\`${key}\``).join(", ");
  report.fixed.push(
    `rewrote the settings without what was wrong (${dropped})${backup ? `; the original is kept in ${backup}` : ""}`,
  );
}

/**
 * Keeps bytes beside `file` (the original as a backup, or the entries set aside)
 * under a name no other such file has. It is written whole (temporary copy, then
 * rename), so a repair stopped part-way leaves a temporary file that `doctor`
 * clears, never a backup that looks whole.
 */
function keepBeside(file: string, kind: string, extension: string, raw: Buffer, now: Date): string {
  const stamp = timestamp(now);
  for (let n = 1; ; n++) {
    const path = `${file}.${kind}${stamp}${n > 1 ? `-${n}` : ""}${extension}`;
    if (statOf(path) !== "missing") continue;
    try {
      // Root repairing someone's journal leaves copies they can open.
      writeFileAtomic(path, raw, { mode: FILE_MODE, owner: folderOwner(dirname(file)) });
    } catch (error) {
      throw new StoreError(
        path,
        `cannot keep a backup before repairing (${fileErrorReason(error)}); nothing was changed`,
      );
    }
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

interface Leftovers {
  abandoned: string[];
  inProgress: string[];
  backups: string[];
  setAside: string[];
}

/**
 * The store's temporary files, sorted by whether their writer still runs (the
 * pid is in the name), and the backups. Lock files being created or taken over
 * (`journal.json.lock.PID-TOKEN`) count as temporary files too.
 */
function leftovers(dir: string): Leftovers {
  const result: Leftovers = { abandoned: [], inProgress: [], backups: [], setAside: [] };
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return result;
  }
  for (const name of names) {
    const kind = storeFileKind(name);
    if (kind === "backup") result.backups.push(join(dir, name));
    if (kind === "set-aside") result.setAside.push(join(dir, name));
    if (kind !== "temp" && kind !== "lock-leftover") continue;
    const pid = storeTempWriter(name);
    (pid !== undefined && pidExists(pid) ? result.inProgress : result.abandoned).push(join(dir, name));
  }
  return result;
}

function lstatOrMissing(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function statOf(path: string): Stats | "missing" | string {
  try {
    return statSync(path);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : fileErrorReason(error);
  }
}

const modeOf = (path: string): number => lstatSync(path).mode & 0o777;
const octal = (mode: number): string => `0${mode.toString(8).padStart(3, "0")}`;
