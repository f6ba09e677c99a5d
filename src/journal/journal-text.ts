import { createHash } from "node:crypto";
import type { Entry, Journal } from "./entry.js";

/*
 * The journal file's text: how a journal is written, the seal that vouches for
 * bytes this tool wrote and checked, and reading such vouched-for bytes without
 * checking them again. Nothing here loads the schemas (zod): a read of a journal
 * the seal vouches for needs only this. Everything else goes through
 * journal-check.ts.
 */

/** The version of the journal file this build writes. Bump it with a migration in migrations.ts. */
export const CURRENT_VERSION = 2;

/** The text the store writes for a journal: tab-indented JSON, as conf wrote it. */
export const journalText = (entries: readonly Entry[]): string =>
  JSON.stringify({ version: CURRENT_VERSION, entries }, undefined, "\t");

declare const PACKAGE_VERSION: string;

/**
 * The seal of a journal's exact bytes (about a millisecond per megabyte), and
 * of the build that checked them: another version's checks may differ, so its
 * seal does not vouch here, and the first read after an upgrade checks in full.
 */
export function sealOf(raw: Uint8Array): string {
  return `sha256:${createHash("sha256").update(raw).digest("hex")} rejection-coach/${PACKAGE_VERSION}\n`;
}

/**
 * The seal names other bytes than `bytes` (whatever build wrote it): the file
 * was changed after rejection-coach last saved it. Undefined without a seal.
 */
export function sealDisowns(seal: string | undefined, bytes: Uint8Array): boolean {
  if (seal === undefined) return false;
  return !seal.startsWith(`sha256:${createHash("sha256").update(bytes).digest("hex")} `);
}

/** Bytes the seal vouches for: written by this tool after every entry was checked. */
export interface Vouched {
  journal: Journal;
  text: string;
}

/**
 * The journal in `bytes` when `seal` is the seal of these exact bytes and they
 * are of this build's version; undefined otherwise, and then the bytes must be
 * checked in full. The same bytes cannot hold a different answer.
 *
 * For an encrypted journal, `sealed` is the ciphertext on disk and `bytes` what
 * it decrypted to: the seal is over the ciphertext, which authenticates its contents.
 */
export function vouchedJournal(
  bytes: Buffer,
  seal: string | undefined,
  sealed: Uint8Array = bytes,
): Vouched | undefined {
  if (seal === undefined || seal !== sealOf(sealed)) return undefined;
  const text = bytes.toString("utf8");
  try {
    const journal = JSON.parse(text) as Journal;
    return journal.version === CURRENT_VERSION && Array.isArray(journal.entries) ? { journal, text } : undefined;
  } catch {
    return undefined;
  }
}

const ENTRIES_START = '\n\t"entries": [\n\t\t{\n';
const ENTRY_BREAK = "\n\t\t},\n\t\t{\n";
const ENTRIES_END = "\n\t\t}\n\t]\n}";

/**
 * Each entry's text inside a journal's text, in order. journalText puts every
 * entry's braces alone on a line at two tabs and JSON strings hold no raw line
 * breaks, so these boundaries cannot occur inside an entry.
 */
export function entryTexts(text: string): string[] {
  const start = text.indexOf(ENTRIES_START);
  if (start === -1 || !text.endsWith(ENTRIES_END)) return [];
  return text.slice(start + ENTRIES_START.length, text.length - ENTRIES_END.length).split(ENTRY_BREAK);
}

/**
 * JSON.parse's message without the piece of the file it quotes, which can hold
 * raw bytes and line breaks: the message goes on one line of a terminal.
 */
export function jsonErrorText(error: Error): string {
  return error.message.replace(/,\s*"[\s\S]*" is not valid JSON$/, "").replace(/[\r\n]+/g, " ");
}
