import type { checkbox, confirm, editor, input, number, search, select } from "@inquirer/prompts";

/**
 * The prompt functions a flow may call: the one seam between flows and the
 * terminal. Commands pass the real Inquirer prompts; tests pass their own.
 */
export interface Prompts {
  input: typeof input;
  select: typeof select;
  checkbox: typeof checkbox;
  confirm: typeof confirm;
  number: typeof number;
  editor: typeof editor;
  search: typeof search;
}

const stopping = new AbortController();

/**
 * Ends the prompt on screen as Ctrl+C would (it rejects with AbortPromptError).
 * main() calls it on SIGINT: Ctrl+C typed at a prompt arrives as a key, but a
 * signal sent to the process only reaches the prompts through this.
 */
export function stopPrompts(): void {
  stopping.abort();
}

/** True for the error a prompt rejects with when the person stops it. */
export const isPromptStop = (error: unknown): boolean =>
  error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError");

/** Inquirer is slow to import, so only commands that prompt load it. */
export async function loadPrompts(): Promise<Prompts> {
  const { checkbox, confirm, editor, input, number, search, select } = await import("@inquirer/prompts");
  const stoppable = <P extends (config: never, context?: { signal?: AbortSignal }) => unknown>(prompt: P): P =>
    ((config: never, context?: object) => prompt(config, { ...context, signal: stopping.signal })) as P;
  return {
    checkbox: stoppable(checkbox),
    confirm: stoppable(confirm),
    editor: stoppable(editor),
    input: stoppable(input),
    number: stoppable(number),
    search: stoppable(search),
    select: stoppable(select),
  };
}
