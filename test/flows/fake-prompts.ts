import type { Prompts } from "../../src/flows/prompts.js";

/** Press Enter on whatever the prompt offers: its default, or the choices already checked. */
export const ENTER = Symbol("enter");
/** Ctrl+C: the prompt rejects the way Inquirer's do. */
export const CTRL_C = Symbol("ctrl-c");

export type Answer = string | number | string[] | typeof ENTER | typeof CTRL_C;

export interface Asked {
  type: "input" | "select" | "checkbox";
  message: string;
  default?: unknown;
  choices?: unknown[];
  checked?: unknown[];
}

interface Choice {
  value: unknown;
  checked?: boolean;
}

/**
 * Prompts that answer from a list, in order, as a person would type them.
 * `input` runs the prompt's own validate and, when it refuses, records the
 * message and takes the next answer (as Inquirer asks again). Running out of
 * answers, or an answer that is not one of the choices, fails the test.
 */
export function fakePrompts(answers: Answer[]) {
  const queue = [...answers];
  const asked: Asked[] = [];
  const refused: string[] = [];

  const next = (message: string): Answer => {
    if (queue.length === 0) throw new Error(`no answer left for the question "${message}"`);
    const answer = queue.shift()!;
    if (answer === CTRL_C) {
      const error = new Error("User force closed the prompt with SIGINT");
      error.name = "ExitPromptError";
      throw error;
    }
    return answer;
  };

  const input = async (config: {
    message: string;
    default?: string;
    validate?: (value: string) => boolean | string | Promise<boolean | string>;
  }) => {
    asked.push({ type: "input", message: config.message, default: config.default });
    for (;;) {
      const answer = next(config.message);
      const typed = answer === ENTER ? "" : String(answer);
      const value = typed || config.default || "";
      const verdict = config.validate ? await config.validate(value) : true;
      if (verdict === true) return value;
      refused.push(typeof verdict === "string" ? verdict : "invalid");
    }
  };

  const select = async (config: { message: string; default?: unknown; choices: Choice[] }) => {
    const values = config.choices.map((choice) => choice.value);
    asked.push({ type: "select", message: config.message, default: config.default, choices: values });
    const answer = next(config.message);
    const value = answer === ENTER ? (config.default ?? values[0]) : answer;
    if (!values.includes(value)) throw new Error(`"${String(value)}" is not a choice of "${config.message}"`);
    return value;
  };

  const checkbox = async (config: { message: string; choices: Choice[] }) => {
    const values = config.choices.map((choice) => choice.value);
    const checked = config.choices.filter((choice) => choice.checked).map((choice) => choice.value);
    asked.push({ type: "checkbox", message: config.message, choices: values, checked });
    const answer = next(config.message);
    const picked = answer === ENTER ? checked : (answer as unknown[]);
    for (const value of picked) {
      if (!values.includes(value)) throw new Error(`"${String(value)}" is not a choice of "${config.message}"`);
    }
    return picked;
  };

  const unused = (name: string) => () => {
    throw new Error(`the flow called ${name}, which this test does not expect`);
  };

  const prompts = {
    input,
    select,
    checkbox,
    confirm: unused("confirm"),
    number: unused("number"),
    editor: unused("editor"),
    search: unused("search"),
  } as unknown as Prompts;

  return { prompts, asked, refused, remaining: () => queue.length };
}
