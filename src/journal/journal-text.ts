import { createHash } from "node:crypto";
import type { Journal } from "./entry.js";
import { describeDuplicateKey, duplicateKeyIn } from "./json-keys.js";
import { CURRENT_VERSION, InvalidJournalError, NewerJournalError, migrate, validateJournal } from "./migrations.js";

/**
 * The one way journal bytes become a journal, for the store, `doctor` and the
 * repair alike, so that what one calls healthy the others read the same.
 */

/** How a journal file reads, from its bytes alone. */
export type Reading =
  | { state: "empty"; problem: string }
  | { state: "healthy"; journal: Journal; version: number }
  | { state: "newer"; problem: string; version: number }
  | { state: "damaged"; problem: string };

/**
 * Reads journal bytes. With a `seal` that matches these exact bytes (the hash
 * this tool wrote beside the file it last validated), the entries are not
 * validated again: the same bytes cannot hold a different answer.
 */
export function readJournalBytes(raw: Buffer, seal?: string): Reading {
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
  if (seal !== undefined && version === CURRENT_VERSION && seal === sealOf(raw)) {
    return { state: "healthy", journal: parsed as Journal, version: CURRENT_VERSION };
  }
  // JSON.parse keeps the last of two equal keys: a second `"entries": []` would read as an empty journal.
  const duplicate = duplicateKeyIn(text);
  if (duplicate) return { state: "damaged", problem: describeDuplicateKey(duplicate) };
  try {
    const { journal } = migrate(parsed);
    return { state: "healthy", journal: validateJournal(journal), version: typeof version === "number" ? version : 0 };
  } catch (error) {
    if (error instanceof NewerJournalError)
      return { state: "newer", problem: error.message, version: version as number };
    if (error instanceof InvalidJournalError) return { state: "damaged", problem: error.message };
    throw error;
  }
}

/** The bytes the store writes for a journal: tab-indented JSON, as conf writes it. */
export function journalBytes(journal: Journal): Buffer {
  return Buffer.from(JSON.stringify({ version: CURRENT_VERSION, entries: journal.entries }, undefined, "\t"));
}

/** The seal of a journal's exact bytes (about a millisecond per megabyte). */
export function sealOf(raw: Uint8Array): string {
  return `sha256:${createHash("sha256").update(raw).digest("hex")}\n`;
}

/**
 * JSON.parse's message without the piece of the file it quotes, which can hold
 * raw bytes and line breaks: the message goes on one line of a terminal.
 */
export function jsonErrorText(error: Error): string {
  return error.message.replace(/,\s*"[\s\S]*" is not valid JSON$/, "").replace(/[\r\n]+/g, " ");
}
