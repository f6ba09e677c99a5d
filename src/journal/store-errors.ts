import { StoreError } from "../errors.js";
import { ForeignOwnerError, NotRegularFileError } from "./atomic-file.js";
import { fileErrorReason } from "./file-errors.js";
import { LockLostError } from "./lock.js";
import { FileTooLargeError } from "./read-file.js";
import { MAX_JOURNAL_BYTES } from "./store.js";

/*
 * The store's file errors in the words a person reads: what is wrong with the
 * file, and whether anything was saved. Kept apart from store.ts, which is about
 * when files are read and written.
 */
export function readError(file: string, error: unknown): StoreError {
  if (error instanceof NotRegularFileError) {
    return new StoreError(file, `is ${error.kind}, not a regular file; rejection-coach reads only a plain file there`);
  }
  if (error instanceof FileTooLargeError) {
    return new StoreError(
      file,
      `is larger than ${MAX_JOURNAL_BYTES / 1024 / 1024} MB, far more than a journal holds; is it the right file?`,
    );
  }
  return new StoreError(file, `cannot be read: ${fileErrorReason(error)}`);
}

export function writeError(file: string, error: unknown, path: string): StoreError {
  if (error instanceof StoreError) return error;
  if (error instanceof LockLostError) {
    return new StoreError(
      file,
      "another process took over the lock while this one was saving; nothing was saved; try again",
    );
  }
  if (error instanceof ForeignOwnerError) {
    return new StoreError(
      path,
      `belongs to another user (uid ${error.uid}); saving as this user would take it from them, so nothing was saved`,
    );
  }
  if (error instanceof NotRegularFileError) {
    return new StoreError(path, `is ${error.kind}, not a regular file; nothing was saved`);
  }
  return new StoreError(path, `cannot be written: ${fileErrorReason(error)}`);
}
