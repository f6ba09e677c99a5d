import { mkdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { CoachError } from "../errors.js";
import { writeFileAtomic } from "../journal/atomic-file.js";
import type { Entry } from "../journal/entry.js";
import { fileErrorReason } from "../journal/file-errors.js";
import { markdownNote, noteFileName } from "./markdown.js";

/** An export file or folder that cannot be written; names the path. Exit 1. */
export class ExportError extends CoachError {}

/** Why a write failed, in plain words; a missing path here is a missing folder. */
const reason = (error: unknown): string =>
  (error as NodeJS.ErrnoException).code === "ENOENT" ? "the folder does not exist" : fileErrorReason(error);

/**
 * Writes an export file whole or not at all (see writeFileAtomic). The journal
 * is private, so exports are too (mode 0600). Returns the absolute path.
 */
export function writeExportFile(path: string, text: string): string {
  const target = resolve(path);
  if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ExportError(`${target}: cannot write the export: it is a folder`);
  }
  try {
    writeFileAtomic(target, text, { mode: 0o600 });
  } catch (error) {
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
    writeExportFile(file, markdownNote(entry));
  }
  return { dir: folder, length: entries.length };
}
