import { readFileSync } from "node:fs";
import type { Journal } from "../../src/journal/entry.js";
import { readJournalBytes } from "../../src/journal/journal-check.js";
import { CURRENT_VERSION } from "../../src/journal/journal-text.js";
import { storeFiles } from "../../src/journal/store-files.js";

/**
 * The journal saved in a data folder, read the way `doctor` reads it: every
 * entry checked, whatever the seal says. Throws when it is not a healthy
 * journal, so a test that expects entries fails loudly on a damaged file.
 * No journal file yet is an empty journal.
 */
export function storedJournal(dir: string): Journal {
  const { journal: file } = storeFiles(dir);
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { version: CURRENT_VERSION, entries: [] };
    throw error;
  }
  const reading = readJournalBytes(raw);
  if (reading.state !== "healthy") throw new Error(`${file}: ${reading.problem}`);
  return reading.journal;
}
