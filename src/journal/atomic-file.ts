import { randomBytes } from "node:crypto";
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  writeFileSync,
  type Stats,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { pidExists } from "./liveness.js";
import { realPathOf } from "./real-path.js";

export interface AtomicWriteOptions {
  mode: number;
  /** Flush the file and the folder to disk (false only for caches that may be lost). */
  durable?: boolean;
  /**
   * Runs after the new bytes are on disk and just before the rename: it throws
   * to abandon the write (the store checks here that it still holds its lock).
   */
  beforeCommit?: () => void;
  /** Who should own a file that does not exist yet, when root writes it for someone. */
  owner?: { uid: number; gid: number };
}

/** A path that must not be replaced by a file: a folder, a device, a FIFO, a socket. */
export class NotRegularFileError extends Error {
  readonly code = "ENOTREG";
  constructor(
    readonly path: string,
    readonly kind: string,
  ) {
    super(`${path} is ${kind}, not a regular file`);
  }
}

/** A file that belongs to another user: replacing it would take it away from them. */
export class ForeignOwnerError extends Error {
  readonly code = "EFOREIGN";
  constructor(
    readonly path: string,
    readonly uid: number,
  ) {
    super(`${path} belongs to another user (uid ${uid})`);
  }
}

/**
 * Replaces `file` with `data` so that a reader sees either the old file or the
 * new one whole: write a temporary copy beside it, flush it to disk, rename it
 * over the file, flush the folder. Returns the path actually written.
 *
 * Written here rather than left to conf, whose writer (atomically) makes a single
 * write() call and ignores a short count: on a nearly full disk it renames a
 * truncated copy over the journal and reports success. writeFileSync keeps
 * writing until all is written, or throws ENOSPC, and then the old file stays.
 *
 * A symlink is followed, so the link stays and its target gets the new bytes. A
 * folder, device or FIFO is refused (a rename would replace it with a file). The
 * owner of the file is kept: root writes it back under its owner's name, and any
 * other user refuses a file that is not theirs.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions): string {
  const { mode, durable = true, beforeCommit } = options;
  const target = resolveWriteTarget(file);
  const existing = lstatOrUndefined(target);
  if (existing && !existing.isFile()) throw new NotRegularFileError(target, kindOf(existing));
  const owner = ownerFor(target, existing, options.owner);

  const temp = tempPathFor(target);
  const fd = openSync(temp, "wx", mode);
  try {
    fchmodSync(fd, mode); // the umask may have taken bits away; the mode is ours to set
    if (owner) fchownSync(fd, owner.uid, owner.gid);
    writeFileSync(fd, data);
    if (durable) fsyncSync(fd);
    closeSync(fd);
    beforeCommit?.();
    renameSync(temp, target);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
    throw error;
  }
  if (durable) syncFolder(dirname(target));
  return target;
}

/** The file a write to `file` lands in: `file` itself, or the end of its chain of symlinks. */
export function resolveWriteTarget(file: string): string {
  let path = resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    const stats = lstatOrUndefined(path);
    if (!stats?.isSymbolicLink()) return path;
    // A relative link is relative to the folder it really sits in: "../x" inside a
    // symlinked folder must go where the system goes, not where the path's text says.
    path = resolve(realPathOf(dirname(path)), readlinkSync(path));
  }
  throw Object.assign(new Error(`${file}: too many levels of symbolic links`), { code: "ELOOP" });
}

/**
 * The temporary copy's name: `FILE.tmp-PID-RANDOM`. The pid tells a copy whose
 * writer still runs (a save in progress) from one a killed writer left behind.
 */
function tempPathFor(file: string): string {
  return `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
}

/** The pid in a temporary copy's name, when `name` is one for `base` (a file name, no folder). */
function tempWriterPid(name: string, base: string): number | undefined {
  if (!name.startsWith(`${base}.tmp-`)) return undefined;
  const match = /^(\d+)-[0-9a-f]+$/.exec(name.slice(base.length + 5));
  return match ? Number(match[1]) : undefined;
}

/** Temporary copies of `file` whose writer is no longer running (killed part-way). */
export function abandonedTemps(file: string): string[] {
  const base = basename(file);
  return abandonedTempsIn(dirname(file), (name) => name === base);
}

/** Temporary copies in `dir`, of files whose names `isTarget` accepts, whose writer is no longer running. */
export function abandonedTempsIn(dir: string, isTarget: (name: string) => boolean): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => {
      const base = name.slice(0, name.lastIndexOf(".tmp-"));
      if (!isTarget(base)) return false;
      const pid = tempWriterPid(name, base);
      return pid !== undefined && pid !== process.pid && !pidExists(pid);
    })
    .sort()
    .map((name) => join(dir, name));
}

function ownerFor(
  target: string,
  existing: Stats | undefined,
  wanted: AtomicWriteOptions["owner"],
): { uid: number; gid: number } | undefined {
  const uid = process.getuid?.();
  if (uid === undefined) return undefined; // Windows: no owners to keep
  if (existing) {
    if (uid === 0) return existing.uid === 0 && existing.gid === 0 ? undefined : existing;
    if (existing.uid !== uid) throw new ForeignOwnerError(target, existing.uid);
    return undefined;
  }
  return uid === 0 && wanted && wanted.uid !== 0 ? wanted : undefined;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** What a path is, in words, for a message. */
export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isSocket()) return "a socket";
  if (stats.isSymbolicLink()) return "a symbolic link";
  return "not a regular file";
}

/** Makes the rename itself durable; some systems cannot open a folder for this, which is fine. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
