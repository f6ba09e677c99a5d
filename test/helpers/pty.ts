import * as pty from "node-pty";
import stripAnsi from "strip-ansi";
import { BIN, cliEnv } from "./cli.js";

/** Keys as a terminal sends them. */
export const KEY = {
  enter: "\r",
  down: "\u001b[B",
  up: "\u001b[A",
  space: " ",
  ctrlC: "\u0003",
  backspace: "\u007f",
} as const;

/** The question `log` starts with on a terminal, and the keys that answer it "No, just ask me the questions". */
export const EMAIL_OFFER = "Do you have their email?";
export const NO_EMAIL = KEY.up;

/** What Inquirer writes when a prompt is done, just before it closes its readline. */
const PROMPT_DONE = "\u001b[?25h";

/**
 * The built CLI in a real pseudo-terminal: what a person sees and types.
 * `waitFor` reads the screen output (colours stripped) until a text appears.
 *
 * Typing into a prompt: Inquirer creates its readline, then draws the prompt one
 * event-loop turn later (setImmediate), and whatever arrives on a terminal in that
 * turn is dropped on purpose (stale keystrokes, Inquirer issue #1303). The first
 * drawing and the key listener come in one synchronous step, so once the prompt
 * is drawn its keys are safe. Keys are lost only when typed on the strength of
 * text that was on screen before that drawing: the previous prompt's own lines
 * (the same question asked twice, "Does this look right?" after a change) or
 * words printed before the prompt. `answer` therefore waits for the prompt's text
 * in what was written after the previous answered prompt was done (Inquirer ends
 * each prompt by showing the cursor, then closes its readline).
 */
export class PtySession {
  readonly process: pty.IPty;
  #output = "";
  /** Where in #output the current prompt's drawing may start. */
  #from = 0;
  /** Set after an answer with Enter: the prompt typed into must say it is done before the next is looked for. */
  #answeredAt: number | undefined;
  #listeners = new Set<() => void>();
  #exit: Promise<{ exitCode: number; signal?: number }>;

  constructor(
    args: string[],
    options: {
      dataDir: string;
      env?: NodeJS.ProcessEnv;
      cols?: number;
      rows?: number;
      term?: string;
      /** Standard output goes to this file, as `> FILE` in a shell; the terminal keeps stdin and stderr. */
      stdoutTo?: string;
      /** Another program to run in the terminal (a shell), with `args`; the built CLI by default. */
      file?: string;
    },
  ) {
    const command = options.file ? [options.file, ...args] : [process.execPath, BIN, ...args];
    const [file, ...argv] =
      options.stdoutTo === undefined
        ? command
        : ["/bin/sh", "-c", 'out="$1"; shift; exec "$@" > "$out"', "sh", options.stdoutTo, ...command];
    this.process = pty.spawn(file!, argv, {
      name: options.term ?? "xterm-256color",
      cols: options.cols ?? 100,
      rows: options.rows ?? 40,
      env: cliEnv(options.dataDir, options.env) as Record<string, string>,
    });
    keepOutputPastExit(this.process);
    this.process.onData((data) => {
      this.#output += data;
      for (const listener of this.#listeners) listener();
    });
    this.#exit = new Promise((resolve) => this.process.onExit(resolve));
    void this.#exit.then(() => {
      for (const listener of this.#listeners) listener();
    });
  }

  /** Everything printed so far, without colour codes. */
  get output(): string {
    return stripAnsi(this.#output);
  }

  /** Everything printed so far, as the terminal received it. */
  get rawOutput(): string {
    return this.#output;
  }

  /**
   * Resolves when `condition` holds, checked on every write from the CLI (no
   * polling). The limit only keeps a broken test from hanging.
   */
  until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      let exited = false;
      void this.#exit.then(() => (exited = true));
      const check = () => {
        if (condition()) {
          finish();
          resolve();
        } else if (exited) {
          finish();
          reject(new Error(`the CLI exited while waiting for ${what}; screen so far:\n${this.output.slice(-2000)}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out waiting for ${what}; screen so far:\n${this.output.slice(-2000)}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.#listeners.delete(check);
      };
      this.#listeners.add(check);
      check();
    });
  }

  /** Waits until `text` is anywhere in what was printed since the start or the last clear(). */
  waitFor(text: string | RegExp, timeoutMs = 10_000): Promise<void> {
    return this.until(() => matches(this.output, text), String(text), timeoutMs);
  }

  /**
   * Waits until the prompt showing `text` is drawn and listening: after the
   * prompt answered last (if any) is done, its text appears in what follows.
   */
  async waitForPrompt(text: string | RegExp, timeoutMs = 10_000): Promise<void> {
    await this.until(
      () => {
        if (this.#answeredAt !== undefined) {
          const done = this.#output.indexOf(PROMPT_DONE, this.#answeredAt);
          if (done < 0) return false;
          this.#from = done + PROMPT_DONE.length;
          this.#answeredAt = undefined;
        }
        return matches(stripAnsi(this.#output.slice(this.#from)), text);
      },
      `the prompt ${String(text)}`,
      timeoutMs,
    );
  }

  /** Waits for a prompt (see waitForPrompt), then types an answer (and Enter, unless told not to). */
  async answer(prompt: string | RegExp, keys: string, enter = true): Promise<void> {
    await this.waitForPrompt(prompt);
    this.type(keys + (enter ? KEY.enter : ""));
    // Without Enter the prompt stays the one on screen; with it, the next one comes after it is done.
    if (!enter) return;
    if (this.#output.includes("\u001b[", this.#from)) this.#answeredAt = this.#output.length;
    // A plain question (TERM=dumb, --plain) is one line of text, no codes and no redraws: the next
    // question is whatever is printed after the answer. Its reader pauses between questions, so
    // an answer typed early waits in the terminal for the next question.
    else this.#from = this.#output.length;
  }

  type(keys: string): void {
    this.process.write(keys);
  }

  /** Marks what has been read, so the next waitFor only sees new output. */
  clear(): void {
    if (this.#answeredAt !== undefined && this.#output.includes(PROMPT_DONE, this.#answeredAt)) {
      this.#answeredAt = undefined;
    }
    this.#output = "";
    this.#from = 0;
    if (this.#answeredAt !== undefined) this.#answeredAt = 0;
  }

  async exited(timeoutMs = 15_000): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no exit; screen:\n${this.output.slice(-2000)}`)), timeoutMs);
    });
    try {
      const { exitCode } = await Promise.race([this.#exit, limit]);
      return exitCode;
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * node-pty, once the child has exited, gives the terminal 200 ms (a timer) to
 * deliver what is left to read, then destroys it, dropping whatever the event
 * loop had not read yet: on a busy machine the last lines a command printed
 * (seen in CI: a trap's name cut off mid-word). The destruction is put off by two
 * turns of the event loop, each of which reads what the terminal holds (its poll
 * phase comes before setImmediate's), so nothing already written is lost.
 */
function keepOutputPastExit(process: pty.IPty): void {
  const socket = (process as unknown as { _socket?: { destroy(): unknown } })._socket;
  if (!socket) throw new Error("node-pty has changed: its terminal socket is no longer where PtySession looks");
  const destroy = socket.destroy.bind(socket);
  socket.destroy = () => {
    setImmediate(() => setImmediate(destroy));
    return socket;
  };
}

const matches = (output: string, text: string | RegExp): boolean =>
  typeof text === "string" ? output.includes(text) : text.test(output);
