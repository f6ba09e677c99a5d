import { StringDecoder } from "node:string_decoder";
import { io } from "../io.js";
import { theme } from "../ui/theme.js";
import { symbols } from "../ui/symbols.js";
import { stopError } from "./prompt-stop.js";

/** The most of a paste that is kept: an email is a few kilobytes; a mistaken paste of a whole log is not read. */
export const MAX_PASTE_CHARS = 256 * 1024;

export interface PasteConfig {
  message: string;
}

// Terminals that support it wrap a paste in these codes once asked to
// (bracketed paste mode), so the blank lines between an email's paragraphs
// are told apart from the Enter that ends it.
const PASTE_MODE_ON = "\x1b[?2004h";
const PASTE_MODE_OFF = "\x1b[?2004l";
const PASTE_START = "\x1b[200~";
const PASTE_END = "\x1b[201~";
/** The start of an escape sequence whose last byte has not arrived yet. */
// eslint-disable-next-line no-control-regex -- escape sequences are what it matches
const UNFINISHED_ESCAPE = /^\x1b(?:\[[0-9;?]*[ -/]*)?$/;
/** Any other escape sequence (arrow keys, function keys) is not text. */
// eslint-disable-next-line no-control-regex -- escape sequences are what it matches
const OTHER_ESCAPE = /^\x1b(?:\[[0-9;?]*[ -/]*[@-~]|O.|.)?/;

/**
 * Reads text pasted (or typed) into the terminal, many lines at once, until
 * Enter on an empty line or Ctrl+D. A blank line inside a paste does not end
 * it: the terminal marks the paste, and where it cannot, a paste arrives as
 * one chunk while a typed Enter arrives alone. Ctrl+C rejects as the other
 * prompts do.
 */
export function pastePrompt(config: PasteConfig, signal: AbortSignal): Promise<string> {
  const { stdin, stdout } = io();
  const input = stdin as NodeJS.ReadStream;
  const write = (text: string) => void stdout.write(text);

  return new Promise<string>((resolve, reject) => {
    if (signal.aborted) {
      reject(stopError("AbortPromptError"));
      return;
    }
    const decoder = new StringDecoder("utf8");
    let text = "";
    let line = "";
    let pasting = false;
    // Once the terminal has marked a paste, every Enter outside the marks was typed.
    let marksPastes = false;
    let cut = false;
    // An escape sequence cut in two by the terminal's read waits for its end in the next chunk.
    let carried = "";
    // A CR that ended one chunk: an LF starting the next belongs to the same line break.
    let afterCR = false;

    const finish = (outcome: () => void) => {
      input.removeListener("data", onData);
      signal.removeEventListener("abort", onAbort);
      write(PASTE_MODE_OFF);
      input.setRawMode?.(false);
      input.pause();
      outcome();
    };
    const onAbort = () => finish(() => reject(stopError("AbortPromptError")));
    const done = () =>
      finish(() => {
        const lines = text.trim() ? text.trim().split("\n").length : 0;
        const note = cut ? ` (only the first ${MAX_PASTE_CHARS / 1024} KB)` : "";
        const said = lines === 0 ? "Nothing was pasted." : `Read ${lines} line${lines === 1 ? "" : "s"}${note}.`;
        write(`\r\n${theme.good(symbols().tick)} ${said}\n`);
        resolve(text);
      });

    function onData(chunk: Buffer | string) {
      const data = carried + (typeof chunk === "string" ? chunk : decoder.write(chunk));
      carried = "";
      // A typed Enter arrives on its own; a paste without the terminal's marks arrives as one chunk.
      const lone = /^(\r\n|\r|\n)$/.test(data);
      // What is shown back, written once a chunk: a large paste is not a write per character.
      let echo = "";
      const add = (chars: string): boolean => {
        if (text.length + chars.length > MAX_PASTE_CHARS) {
          cut = true;
          return false;
        }
        text += chars;
        echo += chars === "\n" ? "\r\n" : chars;
        return true;
      };
      const end = (outcome: () => void) => {
        write(theme.muted(echo));
        outcome();
      };
      for (let at = 0; at < data.length;) {
        const rest = data.slice(at, at + PASTE_START.length);
        if (rest === PASTE_START || rest === PASTE_END) {
          pasting = rest === PASTE_START;
          marksPastes = true;
          at += PASTE_START.length;
          continue;
        }
        const char = data[at]!;
        if (char === "\x1b") {
          const sequence = data.slice(at, at + 16);
          if (UNFINISHED_ESCAPE.test(sequence) && at + sequence.length === data.length) {
            carried = sequence;
            break;
          }
          at += OTHER_ESCAPE.exec(sequence)![0].length;
          continue;
        }
        at++;
        const wasAfterCR = afterCR;
        afterCR = char === "\r" && at === data.length;
        if (char === "\n" && wasAfterCR && at === 1) continue;
        if (char === "\x03") return end(() => finish(() => reject(stopError("ExitPromptError"))));
        if (char === "\x04") return end(done);
        if (char === "\r" || char === "\n") {
          if (char === "\r" && data[at] === "\n") at++;
          if ((lone || marksPastes) && !pasting && line === "") return end(done);
          add("\n");
          line = "";
        } else if (char === "\x7f" || char === "\b") {
          // Only what is still on the current line can be taken back.
          const last = [...line].at(-1);
          if (last) {
            line = line.slice(0, -last.length);
            text = text.slice(0, -last.length);
            echo += "\b \b";
          }
        } else if (char >= " " || char === "\t") {
          if (add(char)) line += char;
        }
      }
      write(theme.muted(echo));
    }

    signal.addEventListener("abort", onAbort);
    input.setRawMode?.(true);
    write(PASTE_MODE_ON);
    input.on("data", onData);
    input.resume();
    // Asked only once keys are read raw: anything typed after the question appears is the paste's.
    write(`${theme.accent("?")} ${theme.heading(config.message)}\r\n`);
    write(`${theme.muted("Paste it, then press Enter on an empty line (or Ctrl+D). Ctrl+C stops.")}\r\n`);
  });
}
