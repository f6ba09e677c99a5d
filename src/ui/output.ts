import stringWidth from "fast-string-width";
import { wrapAnsi } from "fast-wrap-ansi";
import { jsonText } from "../export/json-text.js";
import { io, type OutputStream } from "../io.js";

/** Prompts need both ends to be a terminal: a pipe in either direction means a script. */
export const canPrompt = (): boolean => Boolean(io().stdin.isTTY && io().stdout.isTTY);

/** Whether stdout is a terminal, where a person (not a script) reads what is printed. */
export const stdoutIsTerminal = (): boolean => Boolean(io().stdout.isTTY);

/** Data for stdout: JSON, exports, listings. */
export function printData(text: string): void {
  io().stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

export function printJson(value: unknown): void {
  printData(jsonText(value));
}

/**
 * Messages for the person (confirmations, hints, warnings) go to stderr, so stdout
 * stays data. On a terminal, a line too long for it is wrapped between words, as
 * the terminal itself would cut it mid-word.
 */
export function say(text: string): void {
  const columns = terminalColumns(io().stderr);
  io().stderr.write(`${columns === undefined ? text : fitLines(text, columns - 1)}\n`);
}

/** Each line that is wider than `width` wrapped between words, its continuation under its own indent. */
export function fitLines(text: string, width: number): string {
  return text
    .split("\n")
    .map((line) => {
      if (stringWidth(line) <= width) return line;
      const indent = /^ */.exec(line)![0].length;
      return wrap(line.slice(indent), indent, width);
    })
    .join("\n");
}

/**
 * A terminal's width in columns, or undefined off a terminal. Some terminals
 * (a serial console, a pane being resized) report 0: that means unknown, not
 * nothing fits, so it counts as the common 80.
 */
export function terminalColumns(stream: OutputStream = io().stdout): number | undefined {
  if (!stream.isTTY) return undefined;
  return stream.columns !== undefined && Number.isFinite(stream.columns) && stream.columns > 0 ? stream.columns : 80;
}

/** Width to wrap prose to: the terminal's, capped for readability; 80 when piped. */
export function textWidth(): number {
  return Math.max(40, Math.min(terminalColumns() ?? 80, 100));
}

export function wrap(text: string, indent = 0, width = textWidth()): string {
  const pad = " ".repeat(indent);
  return wrapAnsi(text, width - indent, { hard: true, trim: true })
    .split("\n")
    .map((line) => pad + line)
    .join("\n");
}
