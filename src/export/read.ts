import { closeSync, openSync, readSync, fstatSync } from "node:fs";
import { resolve } from "node:path";
import { fileErrorReason } from "../journal/file-errors.js";
import { ImportError, MAX_IMPORT_BYTES } from "../journal/import.js";
import { readStdin } from "../read-stdin.js";

const tooLarge = (source: string) =>
  new ImportError(
    `${source}: is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, far more than any journal; is it the right file?`,
  );

/** Reads to the end, stopping at the size limit (a named pipe has no size to check first). */
function readLimited(fd: number, source: string): string {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(1024 * 1024);
  for (;;) {
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) break;
    total += read;
    if (total > MAX_IMPORT_BYTES) throw tooLarge(source);
    chunks.push(Buffer.from(chunk.subarray(0, read)));
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The text of an import: a file, or standard input for `-`. */
export async function readImport(file: string): Promise<{ text: string; source: string }> {
  if (file === "-") {
    const text = await readStdin({ bytes: MAX_IMPORT_BYTES, tooLarge: () => tooLarge("standard input") });
    return { text, source: "standard input" };
  }
  const path = resolve(file);
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    const why = fileErrorReason(error, { ENOENT: "no such file" });
    throw new ImportError(`${path}: cannot be read: ${why}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new ImportError(`${path}: is a folder, not an export file`);
    if (stat.size > MAX_IMPORT_BYTES) throw tooLarge(path);
    return { text: readLimited(fd, path), source: path };
  } finally {
    closeSync(fd);
  }
}
