import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { resolve } from "node:path";
import { fileErrorReason } from "./journal/file-errors.js";
import { readStdinBytes } from "./read-stdin.js";

/** How a command reads a file argument: its size limit and how it words a failure. */
export interface InputRules {
  maxBytes: number;
  /** The error for a file that cannot be read, worded by `message`. */
  error(message: string): Error;
  /** "is larger than 64 MB, far more than any journal; is it the right file?" */
  tooLarge: string;
  /** "an export file": what a folder given instead is not. */
  what: string;
}

/**
 * Text from bytes: UTF-8, or UTF-16 where a byte-order mark says so (what
 * Windows tools save as "Unicode text"). A UTF-8 byte-order mark is dropped.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
}

/** Reads to the end, stopping at the size limit (a named pipe has no size to check first). */
function readLimited(fd: number, source: string, rules: InputRules): string {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(Math.min(rules.maxBytes + 1, 1024 * 1024));
  for (;;) {
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) break;
    total += read;
    if (total > rules.maxBytes) throw rules.error(`${source}: ${rules.tooLarge}`);
    chunks.push(Buffer.from(chunk.subarray(0, read)));
  }
  return decodeText(Buffer.concat(chunks));
}

/** The text of a file argument, or of standard input for `-`; a pipe or process substitution works too. */
export async function readTextInput(file: string, rules: InputRules): Promise<{ text: string; source: string }> {
  if (file === "-") {
    const bytes = await readStdinBytes({
      bytes: rules.maxBytes,
      tooLarge: () => rules.error(`standard input: ${rules.tooLarge}`),
    });
    return { text: decodeText(bytes), source: "standard input" };
  }
  const path = resolve(file);
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw rules.error(`${path}: cannot be read: ${fileErrorReason(error, { ENOENT: "no such file" })}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw rules.error(`${path}: is a folder, not ${rules.what}`);
    if (stat.size > rules.maxBytes) throw rules.error(`${path}: ${rules.tooLarge}`);
    return { text: readLimited(fd, path, rules), source: path };
  } finally {
    closeSync(fd);
  }
}
