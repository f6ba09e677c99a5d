import {
  closeSync,
  constants,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from "node:fs";
import { Socket } from "node:net";
import { basename, dirname, join, resolve } from "node:path";
import { CoachError, UsageError } from "../errors.js";
import {
  abandonedTemps,
  abandonedTempsIn,
  kindOf,
  resolveWriteTarget,
  writeFileAtomic,
} from "../journal/atomic-file.js";
import type { Entry } from "../journal/entry.js";
import { realPathOf } from "../journal/real-path.js";
import { fileErrorReason } from "../journal/file-errors.js";
import { isStorePath } from "../journal/store-files.js";
import { markdownNote, noteFileName } from "./markdown.js";

/** An export file or folder that cannot be written; names the path. Exit 1. */
export class ExportError extends CoachError {
  constructor(
    readonly path: string,
    readonly problem: string,
    doing = "cannot write the export",
  ) {
    super(`${path}: ${doing}: ${problem}`);
  }
}

/**
 * An export aimed at the journal's own files or folder. Bad usage (exit 2): the
 * same path will always be refused, whatever is on disk, and nothing was written.
 */
export class StorePathError extends UsageError {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/** Why a write failed, in plain words; a missing path here is a missing folder. */
const reason = (error: unknown): string =>
  fileErrorReason(error, {
    ENOENT: "the folder does not exist",
    EPIPE: "the program reading it stopped before the end",
  });

/** How often to look again for a reader of a named pipe; waiting costs nothing else. */
const READER_POLL_MS = 100;

/**
 * Where an export goes. A regular file (or a new one) is replaced whole; a
 * character device or a named pipe is written into, since replacing it would
 * put a file where the device or pipe was; one of this process's own standard
 * streams (`/dev/stdout`) is written through the stream the process already has,
 * so a shell's `>>` keeps appending.
 */
export type ExportTarget =
  | { kind: "file"; path: string }
  | { kind: "device"; path: string }
  | { kind: "pipe"; path: string }
  | { kind: "standard"; path: string; fd: 1 | 2 };

/** Refuses a path that would land on one of the store's files, through symlinks and `..` too. */
function refuseStorePath(dataDir: string, path: string): void {
  const target = resolve(path);
  if (!isStorePath(dataDir, target)) return;
  const real = realPathOf(target);
  const via = real === target ? "" : ` (it leads to ${real})`;
  throw new StorePathError(target, `that is one of the journal's own files${via}; export to another path`);
}

/** What kind of target `path` is for an export, refusing the store's files, folders and disks. */
export function exportTarget(path: string, dataDir: string): ExportTarget {
  const target = resolve(path);
  refuseStorePath(dataDir, target);
  const fd = ownStandardStream(target);
  if (fd !== undefined) return { kind: "standard", path: target, fd };
  let stats: Stats | undefined;
  try {
    stats = statSync(target, { throwIfNoEntry: false });
  } catch (error) {
    throw new ExportError(target, reason(error));
  }
  if (!stats || stats.isFile()) return { kind: "file", path: target };
  if (stats.isCharacterDevice()) return { kind: "device", path: target };
  if (stats.isFIFO()) return { kind: "pipe", path: target };
  if (stats.isDirectory()) throw new ExportError(target, "it is a folder");
  throw new ExportError(target, `it is ${kindOf(stats)}, not a file`);
}

/** Writes a file or stream target; a standard stream is the caller's, which already holds it. */
export async function writeExport(target: Exclude<ExportTarget, { kind: "standard" }>, text: string): Promise<void> {
  try {
    if (target.kind === "file") writeExportFile(target.path, text);
    else if (target.kind === "device") writeDevice(target.path, text);
    else await writePipe(target.path, text);
  } catch (error) {
    throw error instanceof CoachError ? error : new ExportError(target.path, reason(error));
  }
}

/**
 * Writes an export file whole or not at all (see writeFileAtomic). The journal
 * is private, so exports are too (mode 0600). Temporary copies that a killed
 * export left beside the file are removed first. Returns the absolute path.
 */
export function writeExportFile(path: string, text: string, dataDir?: string): string {
  return replaceFile(resolve(path), text, { dataDir, cleanUp: true });
}

/** `cleanUp` lists the folder: writeNotes does that once for all its notes instead. */
function replaceFile(target: string, text: string, options: { dataDir?: string; cleanUp: boolean }): string {
  if (options.dataDir !== undefined) refuseStorePath(options.dataDir, target);
  if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ExportError(target, "it is a folder");
  }
  try {
    if (options.cleanUp) removeAll(abandonedTemps(resolveWriteTarget(target)));
    writeFileAtomic(target, text, { mode: 0o600 });
  } catch (error) {
    throw new ExportError(target, reason(error));
  }
  return target;
}

/** Into a device as `>` in a shell would, but creating and truncating nothing (a terminal stays ours to share). */
function writeDevice(path: string, text: string): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_NOCTTY);
  try {
    writeFileSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/**
 * Into a named pipe, once a program reads it, as `>` in a shell would. Neither
 * the wait for a reader nor a slow reader may block a thread: a blocked open or
 * write cannot be interrupted, and the process could then not even exit on
 * Ctrl+C. So the pipe is opened without blocking, again until a reader is
 * there, and written through the event loop like the process's own stdout.
 */
async function writePipe(path: string, text: string): Promise<void> {
  const fd = await openWhenRead(path);
  const pipe = new Socket({ fd, readable: false, writable: true });
  await new Promise<void>((done, fail) => {
    pipe.once("error", fail);
    pipe.once("close", (hadError) => hadError || done());
    pipe.end(text);
  });
}

async function openWhenRead(path: string): Promise<number> {
  for (;;) {
    try {
      return openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch (error) {
      // ENXIO: nobody has the pipe open for reading yet.
      if ((error as NodeJS.ErrnoException).code !== "ENXIO") throw error;
    }
    await new Promise((wake) => setTimeout(wake, READER_POLL_MS));
  }
}

/**
 * One Markdown note per entry in `dir` (created if needed); a note for the same
 * entry is replaced. A note that cannot be written does not stop the others; the
 * error then says how many were written and which were not.
 */
export function writeNotes(
  dir: string,
  entries: readonly Entry[],
  options: { dataDir?: string } = {},
): { dir: string; length: number } {
  const folder = resolve(dir);
  if (options.dataDir !== undefined) refuseNotesFolder(options.dataDir, folder);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new ExportError(folder, reason(error), "cannot create the notes folder");
  }
  const names = entries.map(noteFileName);
  removeAll(abandonedNoteTemps(folder, new Set(names)));
  const failed: string[] = [];
  entries.forEach((entry, index) => {
    const name = names[index]!;
    const file = join(folder, name);
    // The name is made of letters, digits and hyphens only; this only guards that promise.
    if (dirname(file) !== folder) throw new ExportError(file, `it is outside ${folder}`, "refusing to write");
    try {
      replaceFile(file, markdownNote(entry), { dataDir: options.dataDir, cleanUp: false });
    } catch (error) {
      if (!(error instanceof ExportError || error instanceof StorePathError)) throw error;
      failed.push(`${name} (${error.problem})`);
    }
  });
  if (failed.length > 0) {
    const written = entries.length - failed.length;
    const more = failed.length > 1 ? `, and ${failed.length - 1} more` : "";
    throw new ExportError(
      folder,
      `${failed[0]}${more}`,
      `wrote ${written} of ${entries.length} notes; could not write`,
    );
  }
  return { dir: folder, length: entries.length };
}

/** Notes beside the journal could be taken for its files, and `doctor` would list them: refuse the data folder. */
export function refuseNotesFolder(dataDir: string, dir: string): void {
  const folder = resolve(dir);
  refuseStorePath(dataDir, folder);
  const real = realPathOf(folder);
  if (real !== realPathOf(resolve(dataDir))) return;
  const via = real === folder ? "" : ` (it leads to ${real})`;
  throw new StorePathError(folder, `that is the journal's own data folder${via}; write the notes to another folder`);
}

/** Temporary copies of these notes that a killed export left (one listing for all of them). */
const abandonedNoteTemps = (folder: string, names: ReadonlySet<string>): string[] =>
  abandonedTempsIn(folder, (name) => names.has(name));

/** Leftovers are removed where possible; one that cannot be is no reason to fail the export. */
function removeAll(paths: readonly string[]): void {
  for (const path of paths) {
    try {
      rmSync(path, { force: true });
    } catch {
      // left for doctor or the next export
    }
  }
}

/**
 * 1 or 2 when `path` is, through its symlinks, this process's own stdout or
 * stderr (`/dev/stdout` leads to `/proc/self/fd/1`). Following those links to a
 * file and replacing it would undo a shell's `>>`; for a pipe there is no file.
 */
function ownStandardStream(path: string): 1 | 2 | undefined {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    // The real folder turns /proc/self and /dev/fd into /proc/PID.
    const where = join(realPathOf(dirname(current)), basename(current));
    const match = /^\/proc\/(\d+)\/(?:task\/\d+\/)?fd\/([12])$/.exec(where);
    if (match && Number(match[1]) === process.pid) return match[2] === "1" ? 1 : 2;
    try {
      if (!lstatSync(current).isSymbolicLink()) return undefined;
      current = resolve(dirname(current), readlinkSync(current));
    } catch {
      return undefined;
    }
  }
  return undefined;
}
