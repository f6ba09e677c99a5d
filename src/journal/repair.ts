import { chmodSync, existsSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { StoreError } from "../errors.js";
import { writeFileAtomic } from "./atomic-file.js";
import { diagnose } from "./diagnose.js";
import type { Journal } from "./entry.js";
import { EXPORT_VERSION } from "./export-version.js";
import { fileErrorReason } from "./file-errors.js";
import { lstatOrMissing, modeOf, statOf } from "./file-status.js";
import type { EncryptedReading } from "./encrypted-reading.js";
import { encryptJournal, journalKind, prepareEncryption } from "./journal-cipher.js";
import { readJournalBytes } from "./journal-check.js";
import { leftovers } from "./leftovers.js";
import type { Lock } from "./lock.js";
import { NewerJournalError } from "./migrations.js";
import { readRegularFile } from "./read-file.js";
import { jsonText } from "../export/json-text.js";
import { salvageJournal, type Dropped, type Mended, type Salvage } from "./salvage.js";
import { inspectSettings } from "./settings.js";
import { folderOwner } from "./ownership.js";
import { FILE_MODE, JournalStore } from "./store.js";
import { storeFiles } from "./store-files.js";

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
  /** That file is age-encrypted with the journal's passphrase, as the journal is. */
  setAsideEncrypted?: boolean;
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
 *
 * An encrypted journal is salvaged only with `encrypted`, what its passphrase
 * opened: in memory, written back encrypted with the same passphrase, its backup
 * the ciphertext as it was and its set-aside entries encrypted too.
 */
export async function repair(
  dir: string,
  now = new Date(),
  encrypted?: { reading: EncryptedReading; passphrase: string },
): Promise<RepairReport> {
  const before = diagnose(dir, now.getTime(), encrypted?.reading);
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
      const journal = await salvageInto(store.readRaw(), report, now, encrypted);
      if (journal) {
        const encryption = encrypted && prepareEncryption(encrypted.passphrase);
        await store.writeJournal(journal, lock, undefined, encryption);
      }
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
async function salvageInto(
  raw: Buffer | undefined,
  report: RepairReport,
  now: Date,
  encrypted: { reading: EncryptedReading; passphrase: string } | undefined,
): Promise<Journal | undefined> {
  if (raw === undefined) return undefined;
  const opened = journalKind(raw) === "plain" ? undefined : encrypted?.reading;
  // Without what the passphrase opened, of these very bytes, an encrypted journal is left as it is.
  if (journalKind(raw) !== "plain" && (opened?.state !== "opened" || !opened.raw.equals(raw))) return undefined;
  const bytes = opened?.state === "opened" ? opened.bytes : raw;
  const reading = readJournalBytes(bytes);
  if (reading.state === "healthy") return undefined;
  if (reading.state === "newer") throw new StoreError(report.file, reading.problem);
  let salvage: Salvage;
  try {
    salvage = salvageJournal(bytes);
  } catch (error) {
    if (error instanceof NewerJournalError) throw new StoreError(report.file, error.message);
    throw error;
  }
  // The bytes as they are on disk: an encrypted journal's backup is its ciphertext.
  report.backup = keepBeside(report.file, "backup-", "", raw, now);
  if (salvage.setAside.length > 0) {
    const document = jsonText({ version: EXPORT_VERSION, entries: salvage.setAside.map(({ entry }) => entry) });
    let setAside = Buffer.from(`${document}\n`);
    if (encrypted && opened) {
      setAside = Buffer.from(await encryptJournal(setAside, encrypted.passphrase));
      report.setAsideEncrypted = true;
    }
    report.setAsideFile = keepBeside(report.file, "set-aside-", ".json", setAside, now);
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
