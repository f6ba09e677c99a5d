import { readdirSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { journalKind } from "./journal-cipher.js";
import { pidExists } from "./liveness.js";
import { readFileHead } from "./read-file.js";
import { storeFileKind, storeTempWriter } from "./store-files.js";

export interface Leftovers {
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
export function leftovers(dir: string): Leftovers {
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

/**
 * The copies of the journal's entries beside it that are plain text: the
 * backups and set-aside files of earlier repairs. Once the journal is
 * encrypted, they are what is left to read.
 */
export function plainCopies({ backups, setAside }: Leftovers): string[] {
  return [...backups, ...setAside].filter((path) => {
    try {
      return journalKind(readFileHead(path, 128)) === "plain";
    } catch {
      return false;
    }
  });
}

/**
 * Removes the temporary copies that saves which never finished left behind
 * (their process has ended): each may hold the journal as it was, in plain
 * text. Lock leftovers hold no entry and are left to the lock's own rules.
 * Returns how many were removed.
 */
export function removeAbandonedCopies(dir: string): number {
  const copies = leftovers(dir).abandoned.filter((path) => storeFileKind(basename(path)) === "temp");
  for (const path of copies) rmSync(path, { force: true });
  return copies.length;
}
