import type { Check, Problem } from "./diagnose.js";
import { fileErrorReason } from "./file-errors.js";
import { modeOf } from "./file-status.js";
import { leftovers, plainCopies } from "./leftovers.js";
import { inspectLock, type LockState } from "./lock.js";
import { describeSince } from "./lock-words.js";
import { inspectSettings } from "./settings.js";

/**
 * What `doctor` finds beside the journal: the lock, the settings, and the files
 * saves and repairs leave in the folder.
 */

/** Whether the lock blocks saves (a repair clears it); says who is saving when someone is. */
export function checkLock(lock: string, now: number, checks: Check[], problem: Problem): boolean {
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

export function checkSettings(file: string, checks: Check[], problem: Problem): boolean {
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

/** `encrypted`: the journal is, so a plain copy beside it undoes what encryption protects. */
export function checkLeftovers(dir: string, checks: Check[], problem: Problem, encrypted = false): void {
  const found = leftovers(dir);
  const { abandoned, inProgress, backups, setAside } = found;
  const plain = encrypted ? plainCopies(found) : [];
  if (plain.length > 0) {
    problem(
      `${plain.length} older ${plain.length === 1 ? "copy" : "copies"} beside the encrypted journal ${plain.length === 1 ? "is" : "are"} plain text (newest ${plain.at(-1)}): anyone who can read ${plain.length === 1 ? "it" : "them"} can read your entries; delete ${plain.length === 1 ? "it" : "them"}, or move ${plain.length === 1 ? "it" : "them"} somewhere safe`,
      false,
    );
  }
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
const HOW_TO_RETURN =
  "open it in a text editor, correct the fields named in the repair, then bring the entries back with 'rejection-coach import FILE'";
