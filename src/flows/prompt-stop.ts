/*
 * How a prompt on screen is stopped, apart from the prompts themselves (slow to
 * load), so that the process's signal handling and error reporting can use it
 * at start-up.
 */

/** The signal every prompt is given. */
export const stopping = new AbortController();

/**
 * Ends the prompt on screen as Ctrl+C would (it rejects with AbortPromptError).
 * main.ts calls it on a stop signal: Ctrl+C typed at a prompt arrives as a key, but a
 * signal sent to the process only reaches the prompts through this.
 */
export function stopPrompts(): void {
  stopping.abort();
}

/** True for the error a prompt rejects with when the person stops it. */
export const isPromptStop = (error: unknown): boolean =>
  error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError");

/** The error Inquirer's prompts reject with, for prompts of the tool's own, so one check handles all. */
export function stopError(name: "AbortPromptError" | "ExitPromptError"): Error {
  const error = new Error(name === "ExitPromptError" ? "the input ended" : "the prompt was stopped");
  error.name = name;
  return error;
}
