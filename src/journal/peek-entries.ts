import type { Entry } from "./entry.js";
import { readRegularFile } from "./read-file.js";
import { MAX_JOURNAL_BYTES } from "./store.js";
import { storeFiles } from "./store-files.js";

/** How a journal encrypted with age begins: such a file needs a passphrase, and a peek never asks for one. */
const AGE_HEADER = "age-encryption.org/";

/**
 * The entries of the journal in `dir` as they are on disk, for naming them
 * (shell completion): read without a lock, a check or a prompt, and never
 * written. A journal that is missing, encrypted, unreadable or not the shape
 * expected gives no entries rather than an error; one entry that does not look
 * like an entry is skipped. Nothing here is trusted: a command that acts on an
 * entry reads the journal through the store.
 */
export function peekEntries(dir: string): Entry[] {
  let raw: Buffer;
  try {
    raw = readRegularFile(storeFiles(dir).journal, MAX_JOURNAL_BYTES);
  } catch {
    return [];
  }
  if (raw.subarray(0, AGE_HEADER.length).toString("latin1") === AGE_HEADER) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch {
    return [];
  }
  const entries = (parsed as { entries?: unknown } | null)?.entries;
  return Array.isArray(entries) ? entries.filter(looksLikeEntry) : [];
}

const isText = (value: unknown): value is string => typeof value === "string";

/** Enough of an entry to be named: an id, and the words its label is made of. */
function looksLikeEntry(value: unknown): value is Entry {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  if (!isText(entry.id) || !entry.id) return false;
  if (entry.kind === "rejection") return isText(entry.company) && isText(entry.role);
  return entry.kind === "win" && isText(entry.title);
}
