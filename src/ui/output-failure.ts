import { readlinkSync } from "node:fs";
import { fileErrorReason } from "../journal/file-errors.js";
import { safeLine } from "./safe-text.js";

/**
 * Why the output could not be written, naming where stdout points when it is a
 * file or device (`> /dev/full`, `> out.json` on a full disk) rather than a pipe.
 */
export function stdoutFailure(error: unknown, saved: boolean): string {
  let target = "standard output";
  try {
    const link = readlinkSync("/proc/self/fd/1");
    if (link.startsWith("/")) target = safeLine(link);
  } catch {
    // Not Linux, or no /proc: the generic name will do.
  }
  const after = saved ? "; the journal was saved all the same (running the command again would save it twice)" : "";
  return `cannot write the output to ${target}: ${fileErrorReason(error)}${after}`;
}
