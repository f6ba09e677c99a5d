import { randomBytes } from "node:crypto";
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Replaces `file` with `text` so that a reader sees either the old file or the
 * new one whole: write a temporary copy beside it, flush it to disk, rename it
 * over the file, flush the folder.
 *
 * Written here rather than left to conf, whose writer (atomically) makes a single
 * write() call and ignores a short count: on a nearly full disk it renames a
 * truncated copy over the journal and reports success. writeFileSync keeps
 * writing until all is written, or throws ENOSPC, and then the old file stays.
 * The temporary name (`journal.json.tmp-…`) is the one `doctor` looks for.
 */
export function writeFileAtomic(file: string, text: string, mode: number, { durable = true } = {}): void {
  const temp = `${file}.tmp-${Date.now().toString().slice(-10)}${randomBytes(3).toString("hex")}`;
  const fd = openSync(temp, "wx", mode);
  try {
    fchmodSync(fd, mode); // the umask may have taken bits away; the mode is ours to set
    writeFileSync(fd, text);
    if (durable) fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, file);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
    throw error;
  }
  if (durable) syncFolder(dirname(file));
}

/** Makes the rename itself durable; some systems cannot open a folder for this, which is fine. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
