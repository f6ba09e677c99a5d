import { basename, dirname, join, resolve } from "node:path";
import { realPathOf } from "./real-path.js";

/**
 * Every file the store keeps in its data folder, named in one place so that the
 * writer, `doctor` and the export guard cannot disagree about them.
 *
 *   journal.json              the journal
 *   journal.json.checked      the seal: a hash of the bytes last validated (of the ciphertext, when encrypted)
 *   journal.json.lock         who is saving now (pid, host, since when)
 *   journal.json.backup-*     copies kept by `doctor --repair`
 *   journal.json.set-aside-*  entries `doctor --repair` could not keep, to fix and import
 *   settings.json             the person's settings
 *   settings.json.backup-*    copies kept by `doctor --repair`
 *   nudge-shown               the local day the once-a-day word about what is waiting was last shown
 *   FILE.tmp-PID-RANDOM       a save in progress, or one a killed writer left
 *   journal.json.lock.*       a lock being created or taken over
 */
const JOURNAL_NAME = "journal.json";
const SEAL_NAME = `${JOURNAL_NAME}.checked`;
const LOCK_NAME = `${JOURNAL_NAME}.lock`;
export const SETTINGS_NAME = "settings.json";
const BACKUP_PREFIX = `${JOURNAL_NAME}.backup-`;
const SETTINGS_BACKUP_PREFIX = `${SETTINGS_NAME}.backup-`;
const SET_ASIDE_PREFIX = `${JOURNAL_NAME}.set-aside-`;
const NUDGE_NAME = "nudge-shown";

export interface StoreFiles {
  dir: string;
  journal: string;
  seal: string;
  lock: string;
  settings: string;
  nudge: string;
}

export function storeFiles(dir: string): StoreFiles {
  return {
    dir,
    journal: join(dir, JOURNAL_NAME),
    seal: join(dir, SEAL_NAME),
    lock: join(dir, LOCK_NAME),
    settings: join(dir, SETTINGS_NAME),
    nudge: join(dir, NUDGE_NAME),
  };
}

export type StoreFileKind =
  "journal" | "seal" | "lock" | "lock-leftover" | "settings" | "nudge" | "backup" | "set-aside" | "temp";

/** `NAME.tmp-PID-RANDOM`, as writeFileAtomic names its temporary copies. */
const TEMP_SUFFIX = /\.tmp-(\d+)-[0-9a-f]+$/;
/** `journal.json.lock.PID-TOKEN`: a lock being created, or one set aside while it is taken over. */
const LOCK_LEFTOVER = /^journal\.json\.lock\.(\d+)-[0-9a-f]+$/;

/** What a name in the data folder is to the store, or undefined for a file that is not the store's. */
export function storeFileKind(name: string): StoreFileKind | undefined {
  if (name === JOURNAL_NAME) return "journal";
  if (name === SEAL_NAME) return "seal";
  if (name === LOCK_NAME) return "lock";
  if (name === SETTINGS_NAME) return "settings";
  if (name === NUDGE_NAME) return "nudge";
  if (name.startsWith(`${LOCK_NAME}.`)) return "lock-leftover";
  const temp = TEMP_SUFFIX.exec(name);
  if (temp) return storeFileKind(name.slice(0, temp.index)) ? "temp" : undefined;
  if (name.startsWith(BACKUP_PREFIX) || name.startsWith(SETTINGS_BACKUP_PREFIX)) return "backup";
  if (name.startsWith(SET_ASIDE_PREFIX)) return "set-aside";
  return undefined;
}

/**
 * The pid of the process that made a temporary file of the store (a copy being
 * written, or a lock being created), so that one whose process has ended can be
 * told from a save in progress.
 */
export function storeTempWriter(name: string): number | undefined {
  const kind = storeFileKind(name);
  const match = kind === "temp" ? TEMP_SUFFIX.exec(name) : kind === "lock-leftover" ? LOCK_LEFTOVER.exec(name) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * Whether writing to `path` would land on one of the store's files: the path
 * itself, or wherever its symlinks lead, compared with where the store's own
 * files really are (the journal may itself be a symlink).
 */
export function isStorePath(dir: string, path: string): boolean {
  const target = realPathOf(resolve(path));
  const realDir = realPathOf(resolve(dir));
  if (dirname(target) === realDir && storeFileKind(basename(target)) !== undefined) return true;
  const { journal, settings } = storeFiles(resolve(dir));
  return [journal, settings].some((file) => realPathOf(file) === target);
}
