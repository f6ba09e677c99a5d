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
  const { checkbox, confirm, input, number, search, select } = await import("@inquirer/prompts");
  const stoppable = <P extends (config: never, context?: { signal?: AbortSignal }) => unknown>(prompt: P): P =>
    ((config: never, context?: object) => prompt(config, { ...context, signal: stopping.signal })) as P;
  return {
    checkbox: stoppable(checkbox),
    confirm: stoppable(confirm),
    editor: strictEditor,
    input: stoppable(input),
    number: stoppable(number),
    search: stoppable(search),
    select: stoppable(select),
  };
}

/** True for the error an editor prompt rejects with when the editor cannot be launched or fails. */
export const isEditorFailure = (error: unknown): boolean =>
  error instanceof Error && (error.name === "LaunchEditorError" || error.name === "EditorExitError");

/**
 * Inquirer's editor prompt shows a launch failure and waits for Enter again
 * (a trap when $EDITOR is wrong), and ignores the editor's exit status. This
 * one opens the editor itself and rejects instead, so a flow can fall back to
 * typing the answer.
 */
const strictEditor = (async (config: Parameters<Prompts["editor"]>[0]) => {
  const { ExternalEditor } = await import("@inquirer/external-editor");
  process.stdout.write(`${config.message}\n`);
  const external = new ExternalEditor(config.default ?? "", { postfix: config.postfix ?? ".txt" });
  const text = await external.runAsync();
  if (external.lastExitStatus !== 0) {
    const error = new Error(`the editor exited with status ${external.lastExitStatus}`);
    error.name = "EditorExitError";
    throw error;
  }
  return text;
}) as Prompts["editor"];

/**
 * Opens the editor for a longer answer; when it cannot be launched or fails,
 * says so in one line and asks for the answer as a plain input (`input`) instead.
 */
export async function editOrType(
  prompts: Prompts,
  say: (text: string) => void,
  question: { editorMessage: string; input: Parameters<Prompts["input"]>[0] },
): Promise<string> {
  try {
    return await prompts.editor({ message: question.editorMessage, postfix: ".md", waitForUserInput: false });
  } catch (error) {
    if (!isEditorFailure(error)) throw error;
    const cause = (error as Error).cause;
    const reason = cause instanceof Error ? cause.message : (error as Error).message;
    say(`Could not open your editor (${reason}); type the answer here instead.`);
    return prompts.input(question.input);
  }
}
