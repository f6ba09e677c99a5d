import stripAnsi from "strip-ansi";
import type { Prompts } from "../../src/flows/prompts.js";

/** Press Enter on whatever the prompt offers: its default, or the choices already checked. */
export const ENTER = Symbol("enter");
/** Ctrl+C: the prompt rejects the way Inquirer's do. */
export const CTRL_C = Symbol("ctrl-c");

export type PromptKind = keyof Prompts;

/** One question the flow asked, with its config and (for inputs and checkboxes) the validation messages it gave. */
export interface Call {
  kind: PromptKind;
  /** The message without colour. */
  message: string;
  config: Record<string, unknown> & { message: string };
  /** Messages returned by `validate` for refused answers, in order. */
  refused: string[];
}

/**
 * What to answer a call with: a value, ENTER or CTRL_C. Undefined is a skip:
 * "" for text, [] for checkboxes, Enter on an untouched select (its default,
 * else its first choice, as Inquirer does: where the flows put their "skip"),
 * the minimum for a required number, no for a confirm.
 * When an input's or a checkbox's validate refuses the answer, the responder is
 * called again for the same call, as Inquirer asks again; `call.refused` says how often.
 */
export type Responder = (call: Call) => unknown;

/** An answer in a list given in order. */
export type Answer = string | number | boolean | string[] | typeof ENTER | typeof CTRL_C;

/** An input refused this often fails the test rather than asking for ever. */
const MAX_TRIES = 10;

export const choiceValues = (call: Call): unknown[] =>
  (call.config.choices as { value: unknown }[]).map((choice) => choice.value);

export const checkedValues = (call: Call): unknown[] =>
  (call.config.choices as { value: unknown; checked?: boolean }[])
    .filter((choice) => choice.checked)
    .map((choice) => choice.value);

/** The error Inquirer rejects with when the person presses Ctrl+C. */
function exitPromptError(): Error {
  const error = new Error("User force closed the prompt with SIGINT");
  error.name = "ExitPromptError";
  return error;
}

/** What the prompt returns for a responder's answer; an answer that is not one of the choices fails the test. */
function resolve(call: Call, answer: unknown): unknown {
  if (answer === CTRL_C) throw exitPromptError();
  const { config } = call;
  const notAChoice = (value: unknown) => new Error(`"${String(value)}" is not a choice of "${call.message}"`);
  switch (call.kind) {
    case "input": {
      const typed = answer === undefined || answer === ENTER ? "" : String(answer);
      return typed || config.default || "";
    }
    case "select": {
      const values = choiceValues(call);
      const value = answer === ENTER || answer === undefined ? (config.default ?? values[0]) : answer;
      if (!values.includes(value)) throw notAChoice(value);
      return value;
    }
    case "checkbox": {
      const picked = answer === ENTER ? checkedValues(call) : answer === undefined ? [] : (answer as unknown[]);
      for (const value of picked) if (!choiceValues(call).includes(value)) throw notAChoice(value);
      return picked;
    }
    case "number":
      if (answer === ENTER) return config.default;
      return answer === undefined ? (config.required ? config.min : undefined) : answer;
    case "confirm":
      if (answer === ENTER) return config.default ?? true;
      return answer ?? false;
    default:
      if (answer === ENTER) return config.default ?? "";
      return answer ?? "";
  }
}

/**
 * Fake Prompts that answer through `respond` and record every call, and every
 * message an input's or a checkbox's validate refused with (also in order across
 * calls, in `refused`). A checkbox's validate gets the ticked choices, as Inquirer gives them.
 */
export function fakePrompts(respond: Responder = () => undefined): {
  prompts: Prompts;
  calls: Call[];
  refused: string[];
} {
  const calls: Call[] = [];
  const refused: string[] = [];
  const make =
    (kind: PromptKind) =>
    async (config: Call["config"]): Promise<unknown> => {
      const call: Call = { kind, message: stripAnsi(config.message), config, refused: [] };
      calls.push(call);
      if (kind !== "input" && kind !== "checkbox") return resolve(call, respond(call));
      const validate = config.validate as
        ((value: unknown) => boolean | string | Promise<boolean | string>) | undefined;
      const ticked = (values: unknown[]) =>
        (config.choices as { value: unknown }[]).filter((choice) => values.includes(choice.value));
      for (;;) {
        const value = resolve(call, respond(call));
        const verdict = !validate ? true : await validate(kind === "input" ? value : ticked(value as unknown[]));
        if (verdict === true) return value;
        const message = typeof verdict === "string" ? verdict : "invalid";
        call.refused.push(message);
        refused.push(message);
        if (call.refused.length >= MAX_TRIES) {
          throw new Error(`no accepted answer for "${call.message}"; refused: ${call.refused.join(" | ")}`);
        }
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
    paste: make("paste"),
  } as unknown as Prompts;
  return { prompts, calls, refused };
}

/**
 * A responder that gives the answers in order, as a person would type them:
 * one per question, and one more for each refused try at an input or checkbox. Running
 * out of answers fails the test; `remaining()` tells whether all were used.
 */
export function inOrder(answers: readonly Answer[]): { respond: Responder; remaining: () => number } {
  const queue = [...answers];
  const respond: Responder = (call) => {
    if (queue.length === 0) throw new Error(`no answer left for the question "${call.message}"`);
    return queue.shift();
  };
  return { respond, remaining: () => queue.length };
}

/**
 * A responder that answers by the question's message; questions no pattern
 * matches are skipped. For an input, a list is a series of tries, one each
 * time it is asked; for a checkbox, a list of lists is.
 */
export const byMessage =
  (answers: readonly [RegExp, unknown][]): Responder =>
  (call) => {
    const answer = answers.find(([pattern]) => pattern.test(call.message))?.[1];
    const tries =
      (call.kind === "input" && Array.isArray(answer)) ||
      (call.kind === "checkbox" && Array.isArray(answer) && answer.length > 0 && answer.every(Array.isArray));
    return tries ? (answer as unknown[])[call.refused.length] : answer;
  };
