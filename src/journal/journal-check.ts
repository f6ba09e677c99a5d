import type { Entry, Journal } from "./entry.js";
import { describeDuplicateKey, duplicateKeyIn } from "./json-keys.js";
import { entryTexts, journalText, jsonErrorText, vouchedJournal } from "./journal-text.js";
import { checkEntries, InvalidJournalError, NewerJournalError, migrate, validateJournal } from "./migrations.js";

/*
 * The one way journal bytes become a journal, and a journal becomes bytes, for
 * the store, `doctor` and the repair alike, so that what one calls healthy the
 * others read the same. This loads the schemas; the store comes here only when
 * the seal does not vouch for what it reads, and to write.
 */

/** How a journal file reads, from its bytes alone. */
export type Reading =
  | { state: "empty"; problem: string }
  | { state: "healthy"; journal: Journal; version: number; text: string; vouched: boolean }
  | { state: "newer"; problem: string; version: number }
  | { state: "damaged"; problem: string };

/**
 * Reads journal bytes. With a `seal` that matches these exact bytes (the hash
 * this tool wrote beside the file it last checked), the entries are not checked
 * again.
 */
export function readJournalBytes(raw: Buffer, seal?: string): Reading {
  const vouched = vouchedJournal(raw, seal);
  if (vouched) return { state: "healthy", ...vouched, version: vouched.journal.version, vouched: true };
  // A byte-order mark is not JSON; this tool never writes one.
  const text = raw.toString("utf8");
  if (text.trim() === "") return { state: "empty", problem: "is empty" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { state: "damaged", problem: `is not valid JSON (${jsonErrorText(error as Error)})` };
  }
  const version = (parsed as { version?: unknown } | null)?.version;
  // JSON.parse keeps the last of two equal keys: a second `"entries": []` would read as an empty journal.
  const duplicate = duplicateKeyIn(text);
  if (duplicate) return { state: "damaged", problem: describeDuplicateKey(duplicate) };
  try {
    const { journal } = migrate(parsed);
    return {
      state: "healthy",
      journal: validateJournal(journal),
      version: typeof version === "number" ? version : 0,
      text,
      vouched: false,
    };
  } catch (error) {
    if (error instanceof NewerJournalError)
      return { state: "newer", problem: error.message, version: version as number };
    if (error instanceof InvalidJournalError) return { state: "damaged", problem: error.message };
    throw error;
  }
}

/**
 * The bytes to write for `journal`, every entry checked against the schema
 * first (a bug must not save a broken file), except those whose text is, to the
 * byte, an entry of `vouchedText`: bytes the seal vouched for were checked when
 * they were written. Saving one entry into a large journal checks that one.
 */
export function checkedJournalBytes(journal: Journal, vouchedText?: string): Buffer {
  let entries: Entry[] = journal.entries;
  let text = journalText(entries);
  const before = vouchedText === undefined ? [] : entryTexts(vouchedText);
  const pieces = entryTexts(text);
  // Most saves change one entry or add one at the end: each entry is first
  // compared with the one at its place, and looked up among all only when
  // entries have moved (one removed or inserted before it).
  let known: Set<string> | undefined;
  const unchanged = (index: number): boolean => {
    const piece = pieces[index];
    if (piece === undefined || pieces.length !== entries.length) return false;
    if (before[index] === piece) return true;
    return index < before.length && (known ??= new Set(before)).has(piece);
  };
  const checked = checkEntries(entries, (index) => !unchanged(index));
  // The schema fills defaults and orders keys: what it returns is what is written.
  const reads = (entry: Entry, index: number) =>
    entry === entries[index] || JSON.stringify(entry) === JSON.stringify(entries[index]);
  if (!checked.every(reads)) {
    entries = checked;
    text = journalText(entries);
  }
  return Buffer.from(text);
}
