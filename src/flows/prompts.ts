import type { checkbox, confirm, editor, input, number, search, select } from "@inquirer/prompts";
import { fitLines, terminalColumns } from "../ui/output.js";
import { plainMode } from "../ui/plain-mode.js";
import { unicodeOutput } from "../ui/symbols.js";
import { io, runState } from "../io.js";
import { stopping } from "./prompt-stop.js";
import { pastePrompt, type PasteConfig } from "./paste-prompt.js";

export { isPromptStop, stopPrompts } from "./prompt-stop.js";

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
  /** Many lines pasted at once, such as an email. */
  paste(config: PasteConfig): Promise<string>;
}

/**
 * The prompts for this terminal. Plain mode (TERM=dumb, `--plain`, the `plain`
 * setting) asks plain questions with numbered choices. Otherwise Inquirer's,
 * slow to import and so loaded only by commands that prompt, with questions and
 * choices wrapped between words (Inquirer cuts long lines mid-word) and ASCII
 * marks where the locale is not UTF-8.
 */
export async function loadPrompts(): Promise<Prompts> {
  if (plainMode()) {
    const { plainPrompts } = await import("./plain-prompts.js");
    return { ...plainPrompts(stopping.signal), editor: strictEditor };
  }
  const { checkbox, confirm, input, number, search, select } = await import("@inquirer/prompts");
  const ascii = !unicodeOutput();
  const stoppable = <P extends (config: never, context?: { signal?: AbortSignal }) => unknown>(
    prompt: P,
    pointer = 2,
  ): P =>
    ((config: PromptConfig, context?: object) =>
      prompt(fitted(ascii ? withAsciiTheme(config) : config, pointer) as never, {
        ...context,
        signal: stopping.signal,
      })) as unknown as P;
  return {
    // The columns before a choice's name: "❯ " for a select, "❯◯ " for a checkbox.
    checkbox: stoppable(checkbox, 3),
    confirm: stoppable(confirm),
    editor: strictEditor,
    input: stoppable(input),
    number: stoppable(number),
    search: stoppable(search),
    select: stoppable(select),
    paste: (config) => pastePrompt(config, stopping.signal),
  };
}

interface PromptConfig {
  message: string;
  choices?: readonly unknown[];
  theme?: Record<string, unknown>;
}

/** The question and each choice wrapped to the terminal between words, continuation lines indented. */
function fitted(config: PromptConfig, pointer: number): PromptConfig {
  const width = (terminalColumns() ?? 80) - 1;
  // "? " comes before the question.
  const message = fitLines(config.message, width - 2).replaceAll("\n", "\n  ");
  if (!Array.isArray(config.choices)) return { ...config, message };
  const choices = config.choices.map((choice: unknown) => {
    if (!choice || typeof choice !== "object" || !("name" in choice) || typeof choice.name !== "string") return choice;
    const name = fitLines(choice.name, width - pointer).replaceAll("\n", `\n${" ".repeat(pointer)}`);
    // The answered line shows the name as it was, on one line.
    return name === choice.name ? choice : { short: choice.name, ...choice, name };
  });
  return { ...config, message, choices };
}

/** Inquirer's figures choose Unicode by TERM alone; where the locale is not UTF-8, ASCII instead. */
function withAsciiTheme(config: PromptConfig): PromptConfig {
  const given = config.theme ?? {};
  const part = (key: string) => (given[key] as Record<string, unknown> | undefined) ?? {};
  const keys: Record<string, string> = { "↑↓": "up/down", "⏎": "enter" };
  return {
    ...config,
    theme: {
      ...given,
      prefix: { idle: "?", done: "v", ...part("prefix") },
      spinner: { interval: 120, frames: ["-", "\\", "|", "/"], ...part("spinner") },
      icon: {
        cursor: ">",
        checked: "[x]",
        unchecked: "[ ]",
        disabledChecked: "(x)",
        disabledUnchecked: "( )",
        ...part("icon"),
      },
      style: {
        keysHelpTip: (pairs: [string, string][]) =>
          pairs.map(([key, action]) => `${keys[key] ?? key} ${action}`).join(", "),
        ...part("style"),
      },
    },
  };
}

/** True for the error an editor prompt rejects with when the editor cannot be launched or fails. */
export const isEditorFailure = (error: unknown): boolean =>
  error instanceof Error && ["LaunchEditorError", "EditorExitError", "EditorUnsafeError"].includes(error.name);

/**
 * Inquirer's editor prompt shows a launch failure and waits for Enter again
 * (a trap when $EDITOR is wrong), and ignores the editor's exit status. This
 * one opens the editor itself and rejects instead, so a flow can fall back to
 * typing the answer.
 */
const strictEditor = (async (config: Parameters<Prompts["editor"]>[0]) => {
  const [{ ExternalEditor }, { editorFolder, memoryFolder }] = await Promise.all([
    import("@inquirer/external-editor"),
    import("./editor-folder.js"),
  ]);
  const dir = editorFolder(runState().encrypted, memoryFolder());
  io().stdout.write(`${config.message}\n`);
  // Only its owner may read it, wherever it is; removed as soon as the editor is closed.
  const external = new ExternalEditor(config.default ?? "", { postfix: config.postfix ?? ".txt", dir, mode: 0o600 });
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
