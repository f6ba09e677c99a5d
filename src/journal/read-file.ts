import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { kindOf, NotRegularFileError } from "./atomic-file.js";

/** A file over the size a reader accepts. */
export class FileTooLargeError extends Error {
  readonly code = "EFBIG";
  constructor(
    readonly path: string,
    readonly limit: number,
  ) {
    super(`${path} is larger than ${Math.round(limit / 1024 / 1024)} MB`);
  }
}

/**
 * The bytes of a regular file, read whole, or an error: a FIFO, a device or a
 * folder is refused before anything is read (opening with O_NONBLOCK so that a
 * FIFO with no writer cannot hang the open), and a file that is, or grows,
 * larger than `maxBytes` is refused rather than read into memory. Errors from
 * the system (ENOENT, EACCES, ...) are thrown as they are.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new NotRegularFileError(path, kindOf(stats));
    if (stats.size > maxBytes) throw new FileTooLargeError(path, maxBytes);
    // Read to the end rather than trusting the size: the file may change while it is read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stats.size - total, 64 * 1024), 16 * 1024 * 1024) + 1);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw new FileTooLargeError(path, maxBytes);
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * The first `count` bytes of a regular file (fewer when it is shorter), with
 * the same refusals as readRegularFile: enough to tell what kind of file it is.
 */
export function readFileHead(path: string, count: number): Buffer {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new NotRegularFileError(path, kindOf(stats));
    const head = Buffer.alloc(count);
    return head.subarray(0, readSync(fd, head, 0, count, 0));
  } finally {
    closeSync(fd);
  }
}
