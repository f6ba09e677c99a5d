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

/** How long answerSettled waits after a prompt appears before typing. */
export const SETTLE_MS = 150;

/**
 * The built CLI in a real pseudo-terminal: what a person sees and types.
 * `waitFor` reads the screen output (colours stripped) until a text appears.
 */
export class PtySession {
  readonly process: pty.IPty;
  #output = "";
  #exit: Promise<{ exitCode: number; signal?: number }>;

  constructor(
    args: string[],
    options: { dataDir: string; env?: NodeJS.ProcessEnv; cols?: number; rows?: number; term?: string },
  ) {
    this.process = pty.spawn(process.execPath, [BIN, ...args], {
      name: options.term ?? "xterm-256color",
      cols: options.cols ?? 100,
      rows: options.rows ?? 40,
      env: cliEnv(options.dataDir, options.env) as Record<string, string>,
    });
    this.process.onData((data) => (this.#output += data));
    this.#exit = new Promise((resolve) => this.process.onExit(resolve));
  }

  /** Everything printed so far, without colour codes. */
  get output(): string {
    return stripAnsi(this.#output);
  }

  /** Everything printed so far, as the terminal received it. */
  get rawOutput(): string {
    return this.#output;
  }

  async waitFor(text: string | RegExp, timeoutMs = 10_000): Promise<void> {
    const start = Date.now();
    const found = () => (typeof text === "string" ? this.output.includes(text) : text.test(this.output));
    while (!found()) {
      if (Date.now() - start > timeoutMs) {
        throw new Error(`timed out waiting for ${String(text)}; screen so far:\n${this.output.slice(-2000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Waits for a prompt, then types an answer (and Enter, unless told not to). */
  async answer(prompt: string | RegExp, keys: string, enter = true): Promise<void> {
    await this.waitFor(prompt);
    this.type(keys + (enter ? KEY.enter : ""));
  }

  /**
   * Like answer, but waits a moment after the prompt appears before typing:
   * keys typed the instant its text is on screen can be lost.
   */
  async answerSettled(prompt: string | RegExp, keys: string, enter = true, settleMs = SETTLE_MS): Promise<void> {
    await this.waitFor(prompt);
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    this.type(keys + (enter ? KEY.enter : ""));
  }

  type(keys: string): void {
    this.process.write(keys);
  }

  /** Marks what has been read, so the next waitFor only sees new output. */
  clear(): void {
    this.#output = "";
  }

  async exited(timeoutMs = 15_000): Promise<number> {
    const timer = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no exit; screen:\n${this.output.slice(-2000)}`)), timeoutMs).unref(),
    );
    const { exitCode } = await Promise.race([this.#exit, timer]);
    return exitCode;
  }
}
