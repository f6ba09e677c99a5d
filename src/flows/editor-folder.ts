import { statfsSync } from "node:fs";
import { io } from "../io.js";

/** statfs types of file systems that live in memory only: tmpfs and ramfs. */
const MEMORY_FILE_SYSTEMS = new Set([0x01021994, 0x858458f6]);

/** Where a memory-only folder is usually found: the session's runtime folder, then the shared one. */
const defaultCandidates = (): string[] =>
  [io().env.XDG_RUNTIME_DIR, "/dev/shm", "/run/shm"].filter((dir): dir is string => Boolean(dir));

/**
 * A folder whose files never reach a disk, for the editor's temporary file:
 * what a person types there may be the most private thing in their journal.
 * Undefined where there is none (macOS, Windows, a container without one).
 */
export function memoryFolder(candidates: readonly string[] = defaultCandidates()): string | undefined {
  for (const dir of candidates) {
    try {
      if (MEMORY_FILE_SYSTEMS.has(statfsSync(dir).type)) return dir;
    } catch {
      // Not there, or not ours to look at: the next one may be.
    }
  }
  return undefined;
}

/** The editor is not opened: its file would hold an encrypted journal's words in plain text on a disk. */
export class EditorUnsafeError extends Error {
  override readonly name = "EditorUnsafeError";
  constructor() {
    super("your journal is encrypted, and this system has no memory-only folder for the editor's file");
  }
}

/**
 * The folder for the editor's file: memory-only where there is one. Without one,
 * the system's temporary folder, unless the journal is encrypted.
 */
export function editorFolder(journalEncrypted: boolean, memory: string | undefined): string | undefined {
  if (memory === undefined && journalEncrypted) throw new EditorUnsafeError();
  return memory;
}
