import { InvalidArgumentError } from "commander";
import { REASONS, spelledId, storedId, type Reason } from "../journal/vocabulary.js";
import { wholeNumberIn } from "../journal/whole-number.js";

/*
 * The argParsers the commands give commander. A refusal throws
 * InvalidArgumentError, which commander reports as bad usage naming the flag
 * and the value, followed by the message given here.
 */

/** A whole number from `min` to `max`; `refusal` says what is allowed, in the words of the flag's help. */
export function wholeNumberParser(
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
  refusal = `must be a whole number from ${min} to ${max}`,
) {
  return (value: string): number => {
    const number = wholeNumberIn(value, min, max);
    if (number === undefined) throw new InvalidArgumentError(refusal);
    return number;
  };
}

/** A comma-separated list's items, trimmed, in the spelling they are stored in, empty ones dropped. */
const items = (value: string, read: (item: string) => string): string[] =>
  value
    .split(",")
    .map((item) => read(item.trim()))
    .filter(Boolean);

/**
 * The one parser for flags that take several values: repeated
 * (`--tag remote --tag design`), comma-separated (`--tag remote,design`) or
 * both. With a vocabulary, each item must be one of its words, in either
 * spelling, and is kept as the stored id.
 */
export function listParser<T extends string>(allowed?: readonly T[]) {
  return (value: string, previous: T[] = []): T[] => {
    const given = items(value, (item) => (allowed ? storedId(item) : item));
    for (const item of given) {
      if (allowed && !allowed.includes(item as T)) {
        throw new InvalidArgumentError(`Allowed choices are ${allowed.map(spelledId).join(", ")}.`);
      }
    }
    return [...previous, ...(given as T[])];
  };
}

/** Reasons as a list that may also be `none`, any case, without repeats. */
export function reasonsParser(list: string, previous: Reason[] = []): Reason[] {
  const names = items(list, (name) => storedId(name.toLowerCase()));
  if (names.length === 1 && names[0] === "none") return previous;
  const unknown = names.filter((name) => !(REASONS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new InvalidArgumentError(
      `'${unknown.map(spelledId).join(", ") || list}' is not a reason (reasons: ${REASONS.map(spelledId).join(", ")}, or none)`,
    );
  }
  return [...new Set([...previous, ...(names as Reason[])])];
}

/** "key=value" options that may be given many times, collected into one record. */
export function pairParser<T>(flag: string, read: (value: string) => T) {
  return (pair: string, previous: Record<string, T> = {}): Record<string, T> => {
    const at = pair.indexOf("=");
    const key = pair.slice(0, at).trim();
    if (at <= 0 || !key) throw new InvalidArgumentError(`write it as ${flag} ID=VALUE`);
    let value: T;
    try {
      value = read(pair.slice(at + 1));
    } catch (error) {
      if (error instanceof InvalidArgumentError) throw new InvalidArgumentError(`'${key}': ${error.message}`);
      throw error;
    }
    return { ...previous, [key]: value };
  };
}

/** A flag that may be given many times, each value kept as it was typed. */
export const repeatParser = (value: string, previous: string[] = []): string[] => [...previous, value];

export interface PlannedStep {
  text: string;
  due?: string;
}

/**
 * `--action TEXT`, repeatable, each optionally followed by the `--due DATE` that
 * belongs to it: commander parses options in order, so a --due goes with the
 * --action before it. One pair of parsers per command, since they share that step.
 */
export function actionParsers() {
  let last: PlannedStep | undefined;
  return {
    action: (text: string, previous: PlannedStep[] = []): PlannedStep[] => {
      if (!text.trim()) throw new InvalidArgumentError("a next step needs some text");
      last = { text: text.trim() };
      return [...previous, last];
    },
    due: (date: string): true => {
      if (!last) throw new InvalidArgumentError("put --due after the --action it belongs to");
      if (last.due !== undefined) throw new InvalidArgumentError("each --action takes one --due");
      last.due = date;
      return true;
    },
  };
}
