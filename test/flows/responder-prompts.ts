import stripAnsi from "strip-ansi";
import type { Prompts } from "../../src/flows/prompts.js";

export type PromptKind = keyof Prompts;

/** One question the flow asked, with its config and (for inputs) the validation messages it gave. */
export interface Call {
  kind: PromptKind;
  /** The message without colour. */
  message: string;
  config: Record<string, unknown> & { message: string };
  /** Messages returned by `validate` for refused answers, in order. */
  refused: string[];
}

/**
 * What to answer a call with; undefined falls back to a skip: "" for text,
 * [] for checkboxes, the last choice for selects, the minimum for a required number.
 * For an input, an array is a series of tries: each is validated as the real
 * prompt would, until one is accepted.
 */
export type Responder = (call: Call) => unknown;

export const choiceValues = (call: Call): unknown[] =>
  (call.config.choices as { value: unknown }[]).map((choice) => choice.value);

/** Fake Prompts that answer through `respond` and record every call. */
export function fakePrompts(respond: Responder = () => undefined): { prompts: Prompts; calls: Call[] } {
  const calls: Call[] = [];
  const make =
    (kind: PromptKind) =>
    async (config: Call["config"]): Promise<unknown> => {
      const call: Call = { kind, message: stripAnsi(config.message), config, refused: [] };
      calls.push(call);
      const answer = respond(call);
      if (answer instanceof Error) throw answer;
      if (kind === "input") {
        const tries = answer === undefined ? [""] : Array.isArray(answer) ? answer : [answer];
        const validate = config.validate as ((value: string) => Promise<string | boolean>) | undefined;
        for (const value of tries as string[]) {
          const verdict = validate ? await validate(value) : true;
          if (verdict === true) return value;
          call.refused.push(String(verdict));
        }
        throw new Error(`no accepted answer for "${call.message}"; refused: ${call.refused.join(" | ")}`);
      }
      if (answer !== undefined) return answer;
      switch (kind) {
        case "checkbox":
          return [];
        case "select":
          return choiceValues(call).at(-1);
        case "number":
          return config.required ? config.min : undefined;
        case "confirm":
          return false;
        default:
          return "";
      }
    };
  const prompts = {
    input: make("input"),
    select: make("select"),
    checkbox: make("checkbox"),
    confirm: make("confirm"),
    number: make("number"),
    editor: make("editor"),
    search: make("search"),
  } as unknown as Prompts;
  return { prompts, calls };
}

/** The error Inquirer rejects with when the person presses Ctrl+C. */
export function exitPromptError(): Error {
  const error = new Error("User force closed the prompt with SIGINT");
  error.name = "ExitPromptError";
  return error;
}
