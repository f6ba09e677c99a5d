import { readlinkSync } from "node:fs";
import { wrapAnsi } from "fast-wrap-ansi";
import { jsonText } from "../export/json-text.js";
import { fileErrorReason } from "../journal/file-errors.js";
import { safeLine } from "./safe-text.js";

/** Prompts need both ends to be a terminal: a pipe in either direction means a script. */
export const canPrompt = (): boolean => Boolean(process.stdin.isTTY && process.stdout.isTTY);

/** Data for stdout: JSON, exports, listings. */
export function printData(text: string): void {
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

export function printJson(value: unknown): void {
  printData(jsonText(value));
}

/** Messages for the person (confirmations, hints, warnings) go to stderr, so stdout stays data. */
export function say(text: string): void {
  process.stderr.write(`${text}\n`);
}

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

/** Width to wrap prose to: the terminal's, capped for readability; 80 when piped. */
export function textWidth(): number {
  const columns = process.stdout.isTTY ? process.stdout.columns : undefined;
  return Math.max(40, Math.min(columns ?? 80, 100));
}

export function wrap(text: string, indent = 0, width = textWidth()): string {
  const pad = " ".repeat(indent);
  return wrapAnsi(text, width - indent, { hard: true, trim: true })
    .split("\n")
    .map((line) => pad + line)
    .join("\n");
}
