import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Journal } from "../../src/journal/entry.js";
import { decryptJournal, journalKind, WrongPassphraseError } from "../../src/journal/journal-cipher.js";
import { readJournalBytes } from "../../src/journal/journal-check.js";

/**
 * What the encrypted-journal tests ask of a data folder: which form the journal
 * is in (plain, or encrypted with which passphrase), and whether any file in the
 * folder holds a text the person typed.
 */
export interface JournalForm {
  /** "plain", or the passphrase that opens it. */
  form: string;
  /** The journal's plain bytes. */
  plain: Buffer;
  journal: Journal;
}

/**
 * The journal in `bytes`: plain, or decrypted with the first of `passphrases`
 * that opens it. Throws when it is neither, or is not a healthy journal.
 */
export async function journalForm(bytes: Buffer, passphrases: string[]): Promise<JournalForm> {
  let form = "plain";
  let plain = bytes;
  if (journalKind(bytes) !== "plain") {
    const opened = await openWithAny(bytes, passphrases);
    if (opened === undefined) throw new Error(`encrypted with none of the passphrases ${passphrases.join(", ")}`);
    [form, plain] = opened;
  }
  const reading = readJournalBytes(plain);
  if (reading.state !== "healthy") throw new Error(`not a healthy journal (${form}): ${reading.problem}`);
  return { form, plain, journal: reading.journal };
}

async function openWithAny(bytes: Buffer, passphrases: string[]): Promise<[string, Buffer] | undefined> {
  for (const passphrase of passphrases) {
    try {
      const plain = await decryptJournal(bytes, passphrase);
      return [passphrase, Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength)];
    } catch (error) {
      if (!(error instanceof WrongPassphraseError)) throw error;
    }
  }
  return undefined;
}

/** Every file under `dir`, recursively, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

/** The ways a text can sit in a file's bytes: UTF-8, UTF-16LE, and escaped inside a JSON string. */
export function encodings(text: string): Buffer[] {
  const escaped = JSON.stringify(text).slice(1, -1);
  const ascii = text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const forms = new Set([text, escaped, ascii]);
  return [...forms].flatMap((form) => [Buffer.from(form, "utf8"), Buffer.from(form, "utf16le")]);
}

/** Where a secret was found: `file: secret`, for each file under `dir` (less `skip`) holding one in any encoding. */
export function secretsIn(dir: string, secrets: string[], skip: (file: string) => boolean = () => false): string[] {
  const found: string[] = [];
  for (const file of filesUnder(dir)) {
    if (skip(file)) continue;
    const bytes = readFileSync(join(dir, file));
    for (const secret of secrets) {
      if (encodings(secret).some((form) => bytes.includes(form))) found.push(`${file}: ${secret}`);
    }
  }
  return found;
}

/** Names of files under `dir` that contain one of `secrets` (case-insensitive). */
export function secretsInNames(dir: string, secrets: string[]): string[] {
  return filesUnder(dir).filter((file) =>
    secrets.some((secret) => relative(dir, join(dir, file)).toLowerCase().includes(secret.toLowerCase())),
  );
}
