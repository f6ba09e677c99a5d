import { createInterface, type Interface } from "node:readline/promises";
import { stripVTControlCharacters } from "node:util";
import { fitLines, terminalColumns } from "../ui/output.js";
import type { Prompts } from "./prompts.js";
import { io } from "../io.js";
import { stopError } from "./prompt-stop.js";

/**
 * The prompts as plain questions and answers, for a terminal that cannot move
 * the cursor (TERM=dumb), a screen reader, or anyone who chose `--plain`: each
 * question is printed once, choices are numbered, and the answer is a line
 * typed and sent with Enter. Nothing is redrawn and no escape code is sent, so
 * what is on screen reads top to bottom.
 */

interface PlainChoice<Value> {
  value: Value;
  name: string;
  checked: boolean;
  disabled: boolean;
}

type Validate<T> = ((value: T) => boolean | string | Promise<string | boolean>) | undefined;

/**
 * Text for a plain terminal: no colour codes, nothing that moves the cursor, and
 * long lines wrapped between words (such a terminal cuts them wherever they end).
 */
const plain = (text: string): string => fitLines(stripVTControlCharacters(text), (terminalColumns() ?? 80) - 1);

export function plainPrompts(signal: AbortSignal): Omit<Prompts, "editor"> {
  let lines: Interface | undefined;
  let ended = false;
  let pending: ((error: Error) => void) | undefined;
  const reader = (): Interface => {
    if (!lines) {
      // terminal: false: the terminal echoes and edits the line itself, and readline sends no codes.
      lines = createInterface({ input: io().stdin, output: io().stdout, terminal: false });
      lines.on("close", () => {
        ended = true;
        pending?.(stopError("ExitPromptError"));
      });
    }
    return lines;
  };
  const write = (text: string): void => void io().stdout.write(text);

  /** One line from the person, without its line ending. */
  async function ask(question: string): Promise<string> {
    if (signal.aborted) throw stopError("AbortPromptError");
    if (ended) throw stopError("ExitPromptError");
    const rl = reader();
    const closed = new Promise<never>((_, reject) => (pending = reject));
    try {
      return await Promise.race([rl.question(question, { signal }), closed]);
    } catch (error) {
      if ((error as Error).name === "AbortError") throw stopError("AbortPromptError");
      throw error;
    } finally {
      pending = undefined;
      // Paused between questions, so the process can end once the flow is done.
      rl.pause();
    }
  }

  /** Asks until `read` accepts the answer; a refusal is said on its own line before asking again. */
  async function askUntil<T>(question: string, read: (text: string) => Promise<T | { refused: string }>): Promise<T> {
    for (;;) {
      const result = await read(await ask(question));
      if (result && typeof result === "object" && "refused" in result) write(`${plain(result.refused)}\n`);
      else return result;
    }
  }

  async function check<T>(validate: Validate<T>, value: T): Promise<true | { refused: string }> {
    const verdict = validate ? await validate(value) : true;
    if (verdict === true) return true;
    return { refused: typeof verdict === "string" ? verdict : "That answer cannot be used; please try again." };
  }

  function choicesOf<Value>(choices: readonly unknown[]): PlainChoice<Value>[] {
    return choices.flatMap((choice): PlainChoice<Value>[] => {
      if (choice && typeof choice === "object" && "separator" in choice) return [];
      if (choice === null || typeof choice !== "object") {
        return [{ value: choice as Value, name: String(choice), checked: false, disabled: false }];
      }
      const c = choice as { value: Value; name?: string; checked?: boolean; disabled?: boolean | string };
      return [
        { value: c.value, name: c.name ?? String(c.value), checked: Boolean(c.checked), disabled: Boolean(c.disabled) },
      ];
    });
  }

  /** "  1) Applied", one line each; a choice that cannot be picked says so. */
  const numbered = (choices: readonly PlainChoice<unknown>[], marks: boolean): string =>
    choices
      .map((choice, index) => {
        const mark = marks ? (choice.checked ? "[x] " : "[ ] ") : "";
        const off = choice.disabled ? " (not available)" : "";
        return `${plain(`  ${index + 1}) ${mark}${choice.name}${off}`)}\n`;
      })
      .join("");

  /** The choice a typed answer names: its number, or its name as shown. */
  function picked<Value>(choices: readonly PlainChoice<Value>[], text: string): PlainChoice<Value> | undefined {
    const typed = text.trim();
    const choice = /^\d+$/.test(typed)
      ? choices[Number(typed) - 1]
      : choices.find((c) => stripVTControlCharacters(c.name).toLowerCase() === typed.toLowerCase());
    return choice && !choice.disabled ? choice : undefined;
  }

  const input = (async (config: Parameters<Prompts["input"]>[0]) => {
    const fallback = config.default ?? "";
    const question = `${plain(config.message)}${fallback ? ` (Enter for ${plain(fallback)})` : ""}\n> `;
    return askUntil(question, async (typed) => {
      const text = typed === "" ? fallback : typed;
      if (config.required && text.trim() === "") return { refused: "Please type an answer." };
      const verdict = await check(config.validate, text);
      return verdict === true ? text : verdict;
    });
  }) as Prompts["input"];

  const select = (async (config: { message: string; choices: readonly unknown[]; default?: unknown }) => {
    const choices = choicesOf<unknown>(config.choices);
    const first = choices.findIndex((c) => !c.disabled && c.value === config.default);
    const start = first >= 0 ? first : choices.findIndex((c) => !c.disabled);
    write(`${plain(config.message)}\n${numbered(choices, false)}`);
    return askUntil(`Type a number${start >= 0 ? ` (Enter for ${start + 1})` : ""}:\n> `, async (typed) => {
      if (typed.trim() === "" && start >= 0) return choices[start]!.value;
      return picked(choices, typed)?.value ?? { refused: `Please type a number from 1 to ${choices.length}.` };
    });
  }) as Prompts["select"];

  const checkbox = (async (config: {
    message: string;
    choices: readonly unknown[];
    required?: boolean;
    validate?: Validate<readonly PlainChoice<unknown>[]>;
  }) => {
    const choices = choicesOf<unknown>(config.choices);
    const ticked = choices.filter((c) => c.checked);
    write(`${plain(config.message)}\n${numbered(choices, ticked.length > 0)}`);
    const enter = ticked.length ? "Enter keeps the ticked ones, 0 for none" : "Enter for none";
    return askUntil(`Type the numbers separated by commas (${enter}):\n> `, async (typed) => {
      const parts = typed.split(/[\s,]+/).filter(Boolean);
      let chosen: PlainChoice<unknown>[];
      if (parts.length === 0) chosen = ticked;
      else if (parts.length === 1 && parts[0] === "0") chosen = [];
      else {
        const found = parts.map((part) => picked(choices, part));
        if (found.some((choice) => !choice)) {
          return { refused: `Please type numbers from 1 to ${choices.length}, separated by commas.` };
        }
        chosen = choices.filter((choice) => found.includes(choice));
      }
      if (config.required && chosen.length === 0) return { refused: "Please pick at least one." };
      const verdict = await check(config.validate, chosen);
      return verdict === true ? chosen.map((choice) => choice.value) : verdict;
    });
  }) as Prompts["checkbox"];

  const confirm = (async (config: Parameters<Prompts["confirm"]>[0]) => {
    const fallback = config.default ?? true;
    return askUntil(`${plain(config.message)} (y/n, Enter for ${fallback ? "y" : "n"})\n> `, async (typed) => {
      const text = typed.trim().toLowerCase();
      if (text === "") return fallback;
      if (text === "y" || text === "yes") return true;
      if (text === "n" || text === "no") return false;
      return { refused: "Please type y or n." };
    });
  }) as Prompts["confirm"];

  const number = (async (config: {
    message: string;
    default?: number;
    min?: number;
    max?: number;
    step?: number | "any";
    required?: boolean;
    validate?: Validate<number | undefined>;
  }) => {
    const { min = -Infinity, max = Infinity } = config;
    const range = Number.isFinite(min) && Number.isFinite(max) ? ` from ${min} to ${max}` : "";
    const fallback = config.default === undefined ? "" : ` (Enter for ${config.default})`;
    return askUntil(`${plain(config.message)}${fallback}\n> `, async (typed) => {
      const text = typed.trim();
      const value = text === "" ? config.default : Number(text);
      if (value === undefined) {
        if (config.required) return { refused: `Please type a number${range}.` };
      } else {
        const whole = config.step !== "any";
        if (!Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
          return { refused: `Please type a ${whole ? "whole " : ""}number${range}.` };
        }
      }
      const verdict = await check(config.validate, value);
      return verdict === true ? value : verdict;
    });
  }) as Prompts["number"];

  const search = (async (config: {
    message: string;
    source: (term: string | undefined, opt: { signal: AbortSignal }) => unknown;
  }) => {
    for (;;) {
      const term = (await ask(`${plain(config.message)} (type a few letters, Enter for all)\n> `)).trim();
      const choices = choicesOf<unknown>((await config.source(term || undefined, { signal })) as unknown[]);
      if (choices.length === 0) {
        write("Nothing matches that; try other letters.\n");
        continue;
      }
      return select({ message: "Which one?", choices: choices.map((c) => ({ ...c })) });
    }
  }) as Prompts["search"];

  /**
   * Many lines, such as a pasted email, whose blank lines cannot end it: a line
   * of a single full stop does, as in mail programs of old, or the end of input.
   */
  const paste = async (config: { message: string }): Promise<string> => {
    write(`${plain(config.message)}\nPaste it, then type a line with only a full stop (.) to finish.\n`);
    const lines: string[] = [];
    // The end of input is no way out here: the questions after the paste read the same input.
    for (;;) {
      const typed = await ask("");
      if (typed.trim() === ".") break;
      lines.push(typed);
    }
    return lines.join("\n");
  };

  return { input, select, checkbox, confirm, number, search, paste };
}
