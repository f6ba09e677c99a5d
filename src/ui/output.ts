import { wrapAnsi } from "fast-wrap-ansi";
import { jsonText } from "../export/json-text.js";

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
