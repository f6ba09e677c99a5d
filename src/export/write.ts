import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CoachError } from "../errors.js";
import type { Entry } from "../journal/entry.js";
import { markdownNote, noteFileName } from "./markdown.js";

/** An export file or folder that cannot be written; names the path. Exit 1. */
export class ExportError extends CoachError {}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOENT") return "the folder does not exist";
  if (code === "ENOTDIR") return "a part of the path is a file, not a folder";
  if (code === "EISDIR") return "it is a folder";
  if (code === "ENOSPC") return "the disk is full";
  if (code === "EROFS") return "the file system is read-only";
  return (error as Error).message;
}

/**
 * Writes a whole file or nothing: the text goes to a temporary file beside it,
 * which then replaces the target in one rename. The journal is private, so
 * exports are too (mode 0600). Returns the absolute path.
 */
export function writeFileAtomic(path: string, text: string): string {
  const target = resolve(path);
  if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ExportError(`${target}: cannot write the export: it is a folder`);
  }
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const fd = openSync(temp, "wx", 0o600);
    try {
      // writeFileSync keeps writing until all is written (or throws ENOSPC); a
      // single writeSync may write only part on a nearly full disk, and say nothing.
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new ExportError(`${target}: cannot write the export: ${reason(error)}`);
  }
  return target;
}

/** One Markdown note per entry in `dir` (created if needed); a note for the same entry is replaced. */
export function writeNotes(dir: string, entries: readonly Entry[]): { dir: string; length: number } {
  const folder = resolve(dir);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new ExportError(`${folder}: cannot create the notes folder: ${reason(error)}`);
  }
  for (const entry of entries) {
    const file = join(folder, noteFileName(entry));
    // The name is made of letters, digits and hyphens only; this only guards that promise.
    if (dirname(file) !== folder) throw new ExportError(`${file}: refusing to write outside ${folder}`);
    writeFileAtomic(file, markdownNote(entry));
  }
  return { dir: folder, length: entries.length };
}
