import { randomBytes } from "node:crypto";
import {
  closeSync,
  linkSync,
  lstatSync,
  openSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeSync,
} from "node:fs";
import { currentProcess, livenessOf, type Liveness, type ProcessIdentity } from "./liveness.js";
import { readRegularFile } from "./read-file.js";

/**
 * A lock between processes that never takes the lock from a writer that is still
 * running, however slow it is: a large journal, a disk whose fsync takes seconds,
 * a laptop put to sleep mid-save.
 *
 * The lock is a file holding the holder's pid, host, process start time and a
 * random token. A waiter takes it over only when that process has ended, which it
 * can ask the system (livenessOf). A lock from another machine (a shared folder)
 * cannot be checked, so it is taken over only after FOREIGN_LOCK_LIMIT_MS.
 *
 * Locks based on a refreshed modification time (proper-lockfile) count a holder
 * as gone when its timer has not run for a few seconds, which is exactly what a
 * busy or stopped holder looks like; the holder then writes over the newer file.
 * Here, a holder also checks that the lock is still its own just before it
 * replaces the journal (Lock.assertHeld), and gives up if not.
 */
export interface LockHolder extends ProcessIdentity {
  /** When the lock was taken, as an ISO timestamp. */
  since: string;
  token: string;
}

/** How long a lock held from another machine is respected. */
export const FOREIGN_LOCK_LIMIT_MS = 10 * 60_000;
/** A lock file whose content cannot be read is not ours in progress after this long. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;
/** A lock file is a line of JSON; anything larger is not one. */
const MAX_LOCK_BYTES = 4096;
/** How long a writer waits for the holder before giving up, unless told otherwise. */
const DEFAULT_LOCK_WAIT_MS = 60_000;

/** What is at the lock's path, for a waiter and for `doctor`. */
export type LockState =
  | { state: "free" }
  | { state: "held"; holder: LockHolder; liveness: Liveness; abandoned: boolean }
  | { state: "unreadable"; ageMs: number; abandoned: boolean }
  | { state: "folder"; empty: boolean; abandoned: boolean };

/** The lock was taken over (or removed) while this process held it: it must not write. */
export class LockLostError extends Error {}

/** The holder did not finish within the wait; names who holds it. */
export class LockTimeoutError extends Error {
  constructor(readonly lock: LockState) {
    super("the lock is held by another process");
  }
}

/** A folder, or another kind of file, sits where the lock goes. */
export class LockBlockedError extends Error {}

export interface Lock {
  readonly holder: LockHolder;
  /** Throws LockLostError unless the lock file is still this holder's. */
  assertHeld(): void;
  /** Removes the lock if it is still ours; never someone else's. */
  release(): void;
}

export interface AcquireOptions {
  waitMs?: number;
  /** Called once, when the lock has been busy for a moment, with who holds it. */
  onWait?: (state: LockState) => void;
  now?: () => number;
}

export async function acquireLock(path: string, options: AcquireOptions = {}): Promise<Lock> {
  const { waitMs = DEFAULT_LOCK_WAIT_MS, onWait, now = Date.now } = options;
  const started = now();
  let pause = 10;
  let told = false;
  const self = currentProcess();
  for (;;) {
    // Look before trying: a waiter writes nothing in the data folder while the lock is taken.
    const state = inspectLock(path, now());
    if (state.state === "free") {
      const holder: LockHolder = { ...self, since: new Date(now()).toISOString(), token: newToken() };
      if (tryCreate(path, holder)) return heldLock(path, holder);
      continue;
    }
    if (state.state === "folder" && !state.empty) {
      throw new LockBlockedError(`${path} is a folder with files in it, or a special file, where the lock file goes`);
    }
    if (state.abandoned) {
      if (state.state === "folder") removeEmptyFolder(path);
      else breakLock(path, state);
      continue;
    }

    const waited = now() - started;
    if (waited >= waitMs) throw new LockTimeoutError(state);
    if (!told && waited >= 1000) {
      told = true;
      onWait?.(state);
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 1.5, 250);
  }
}

/** Reads what is at the lock's path, without changing anything. */
export function inspectLock(path: string, now = Date.now()): LockState {
  let stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { state: "free" };
    throw error;
  }
  const ageMs = now - stats.mtimeMs;
  // A future time can only come from a clock that was wrong: it says nothing about a holder.
  const old = ageMs > UNREADABLE_LOCK_GRACE_MS || ageMs < -1000;
  if (stats.isDirectory()) {
    // An empty folder is the lock an earlier version of this tool made (proper-lockfile),
    // which refreshed its time every second while it was held.
    const empty = isEmptyFolder(path);
    return { state: "folder", empty, abandoned: empty && old };
  }
  // A FIFO or a device there would hang a read, or never end: it blocks saves until cleared.
  if (!stats.isFile()) return { state: "folder", empty: false, abandoned: false };
  let text: string | undefined;
  try {
    text = readRegularFile(path, MAX_LOCK_BYTES).toString("utf8");
  } catch (error) {
    // Another user's lock this user may not read is still a holder, not a broken file.
    if ((error as NodeJS.ErrnoException).code === "EACCES") return { state: "unreadable", ageMs, abandoned: false };
  }
  const holder = parseHolder(text);
  if (!holder) return { state: "unreadable", ageMs, abandoned: old };
  const liveness = livenessOf(holder);
  const heldFor = now - Date.parse(holder.since);
  // Another machine's clock may run a little ahead or behind: only a lock far from now is abandoned.
  const abandoned = liveness === "dead" || (liveness === "unknown" && !(Math.abs(heldFor) < FOREIGN_LOCK_LIMIT_MS));
  return { state: "held", holder, liveness, abandoned };
}

/**
 * Creates the lock with its content in one step: the holder is written to a file
 * of its own, then hard-linked to the lock's path, which fails if a lock exists.
 * A waiter never sees a lock without a holder in it. Where hard links are not
 * supported, the lock is created with O_EXCL and then filled in.
 */
function tryCreate(path: string, holder: LockHolder): boolean {
  const text = JSON.stringify(holder);
  const own = `${path}.${holder.pid}-${holder.token}`;
  writeNew(own, text);
  try {
    linkSync(own, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "ENOSYS") {
      return createExclusive(path, text);
    }
    throw error;
  } finally {
    rmSync(own, { force: true });
  }
}

function createExclusive(path: string, text: string): boolean {
  try {
    writeNew(path, text);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function writeNew(path: string, text: string): void {
  // Readable by others (it holds only a pid, a host, a time and a token), so that
  // another user's process can see that the holder is alive rather than guess.
  const fd = openSync(path, "wx", 0o644);
  try {
    const bytes = Buffer.from(text);
    for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
  } finally {
    closeSync(fd);
  }
}

/**
 * Takes an abandoned lock away without ever removing a live one: the lock is
 * first renamed to a name only this process uses (one waiter wins the rename),
 * then checked to be the abandoned one it looked at. If a live holder took the
 * lock in between, it is put back; should that fail too, that holder finds its
 * lock gone before it writes (assertHeld) and saves nothing.
 */
function breakLock(path: string, seen: LockState): void {
  const aside = `${path}.${process.pid}-${newToken()}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // another waiter took it first
    throw error;
  }
  const taken = parseHolder(readQuietly(aside));
  const expected = seen.state === "held" ? seen.holder.token : undefined;
  if (taken && taken.token !== expected && livenessOf(taken) !== "dead") {
    try {
      linkSync(aside, path);
    } catch {
      // Someone else has the lock now; the holder we moved will notice.
    }
  }
  rmSync(aside, { force: true });
}

function heldLock(path: string, holder: LockHolder): Lock {
  const isOurs = () => parseHolder(readQuietly(path))?.token === holder.token;
  const release = () => {
    process.removeListener("exit", release);
    if (isOurs()) rmSync(path, { force: true });
  };
  // A stop signal ends the process with process.exit(), which skips `finally`:
  // the lock is still released on the way out (a SIGKILL leaves it, and the next
  // writer sees that its holder has ended).
  process.on("exit", release);
  return {
    holder,
    assertHeld() {
      if (!isOurs()) throw new LockLostError("the lock was taken over by another process");
    },
    release,
  };
}

function parseHolder(text: string | undefined): LockHolder | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (
      typeof value.pid === "number" &&
      typeof value.host === "string" &&
      typeof value.since === "string" &&
      typeof value.token === "string"
    ) {
      return value as LockHolder;
    }
  } catch {
    // not a lock this tool wrote
  }
  return undefined;
}

function readQuietly(path: string): string | undefined {
  try {
    return readRegularFile(path, MAX_LOCK_BYTES).toString("utf8");
  } catch {
    return undefined;
  }
}

function isEmptyFolder(path: string): boolean {
  try {
    return readdirSync(path).length === 0;
  } catch {
    return false;
  }
}

function removeEmptyFolder(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    // another waiter removed it, or something was put in it: the next look decides
  }
}

const newToken = (): string => randomBytes(8).toString("hex");
