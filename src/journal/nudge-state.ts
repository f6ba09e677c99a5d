import { writeFileAtomic } from "./atomic-file.js";
import { isDayInRange } from "./dates.js";
import { lstatOrMissing } from "./file-status.js";
import { folderOwner } from "./ownership.js";
import { readRegularFile } from "./read-file.js";
import { storeFiles } from "./store-files.js";

/*
 * The day the nudge was last shown, in `nudge-shown` beside the journal: one
 * YYYY-MM-DD line, nothing about the journal. It is written without the
 * journal's lock, on purpose: it is not part of the journal, so a nudge never
 * waits for a save in progress nor makes a save wait. Two terminals racing
 * can at worst both show the day's nudge once; the journal is never touched.
 */

/** A day, a newline and room to spare: anything larger is not this file. */
const MAX_BYTES = 64;

/** The local day the nudge was last shown, or undefined when it never was or the file makes no sense. */
export function lastNudgeDay(dir: string): string | undefined {
  try {
    const day = readRegularFile(storeFiles(dir).nudge, MAX_BYTES).toString("utf8").trim();
    return isDayInRange(day) ? day : undefined;
  } catch {
    // Missing, unreadable, a FIFO or a folder: as if never shown. Whether it can be
    // written is what decides (rememberNudgeDay), so a broken file cannot make it daily.
    return undefined;
  }
}

/**
 * Records `day` as the day the nudge was shown, atomically and private (0600),
 * without flushing to disk: losing it in a crash costs one more nudge, not data.
 * Returns false when it cannot be recorded; the caller then stays quiet, since
 * without the record it could not keep to once a day.
 */
export function rememberNudgeDay(dir: string, day: string): boolean {
  const file = storeFiles(dir).nudge;
  // The atomic write follows a symlink (as the journal's must): here that would write over someone's file.
  const stats = lstatOrMissing(file);
  if (stats && !stats.isFile()) return false;
  try {
    writeFileAtomic(file, `${day}\n`, { mode: 0o600, durable: false, owner: folderOwner(dir) });
    return true;
  } catch {
    return false;
  }
}
