const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "it is a folder",
};

/**
 * A file system error in a few plain words ("permission denied", "the disk is
 * full"), for the end of a message that already names the file. `words` adds or
 * replaces some for one caller (a missing path is a missing folder to a writer);
 * an error with a code in neither keeps the system's own message.
 */
export function fileErrorReason(error: unknown, words: Record<string, string> = {}): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) return (error as Error).message;
  // hasOwn: a code is looked up by name, and the prototype's names are not codes.
  const known = [words, REASONS].find((table) => Object.hasOwn(table, code));
  return known ? known[code]! : (error as Error).message;
}
