/**
 * A file system error in a few plain words ("permission denied", "the disk is
 * full"), for the end of a message that already names the file; an error with
 * a code not listed here keeps the system's own message.
 */
export function fileErrorReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "the file system is read-only";
    case "ENOSPC":
      return "the disk is full";
    case "ENOTDIR":
      return "a part of the path is a file, not a folder";
    case "EISDIR":
      return "it is a folder";
    default:
      return (error as Error).message;
  }
}
