import { toDay } from "../journal/dates.js";
import { DateInputError, parseDay, readDay, type DayReading } from "../journal/day-input.js";
import { splitList } from "../journal/make-entry.js";
import { MOOD_MAX, MOOD_MIN, type Ending, type Reason } from "../journal/vocabulary.js";
import { wholeNumberIn } from "../journal/whole-number.js";
import { formatDay, MOOD_SCALE } from "../ui/labels.js";
import { safeLine } from "../ui/safe-text.js";
import { theme } from "../ui/theme.js";
import type { Prompts } from "./prompts.js";

/** What a question needs besides the prompts: the clock, for dates, and whether a saved entry is being changed. */
export interface AskContext {
  now: Date;
  /** True when changing a saved entry: questions about the moment of logging are asked in the past tense. */
  editing?: boolean;
  /** The likely reasons in a reason typed by hand, with the words that suggest each. */
  likelyReasons?(text: string, ended: Ending | undefined): { value: Reason; from: string }[];
}

/**
 * A question with a muted hint after it. The hint goes once the question is
 * answered, so the finished line reads "✔ When did you hear? yesterday".
 */
export function hinted(question: string, hint: string | undefined) {
  if (!hint) return { message: question };
  return {
    message: `${question} ${theme.muted(hint)}`,
    theme: {
      style: { message: (text: string, status: string) => theme.heading(status === "done" ? question : text) },
    },
  };
}

/**
 * A stored value offered as an input's default. Inquirer prints the default
 * as it is (in brackets, and again as the answer), so the prompt gets the safe,
 * one-line form. Enter, or Tab then Enter, gives back exactly that form: it means
 * "keep", so the stored text itself comes back, never its display form.
 * Anything else typed is the new answer.
 */
export function storedDefault(current: string | undefined) {
  const shown = current === undefined ? undefined : safeLine(current);
  return {
    default: shown,
    answered: (answer: string): string => (current !== undefined && answer === shown ? current : answer),
  };
}

/** Optional text: Enter skips it (or keeps the current value, which Tab puts in for editing), "-" removes it. */
export async function askOptionalText(
  prompts: Prompts,
  question: string,
  current: string | undefined,
): Promise<string | undefined> {
  const hint = current ? "Enter keeps, Tab edits, - removes" : "optional, Enter to skip";
  const stored = storedDefault(current);
  const answer = stored.answered(await prompts.input({ ...hinted(question, hint), default: stored.default })).trim();
  return answer === "-" || answer === "" ? undefined : answer;
}

export async function askRequiredText(
  prompts: Prompts,
  question: string,
  current: string | undefined,
  missing: string,
): Promise<string> {
  const stored = storedDefault(current);
  const answer = await prompts.input({
    ...hinted(question, current ? "Enter keeps, Tab edits" : undefined),
    default: stored.default,
    validate: (text) => (text.trim() ? true : `Please type ${missing}`),
  });
  return stored.answered(answer).trim();
}

/**
 * A past day in the person's words ("yesterday", "last friday", "1 dec 2025");
 * Enter means today, or keeps the current day. A future day is refused and
 * asked again; `what` names the day in that refusal ("the date you heard").
 */
export async function askPastDay(
  prompts: Prompts,
  question: string,
  current: string | undefined,
  now: Date,
  what?: string,
): Promise<string> {
  const read = (text: string): Promise<DayReading> =>
    text.trim()
      ? readDay(text, { now, direction: "past", what })
      : Promise.resolve({ day: current ?? toDay(now), numeric: false, ambiguous: false });
  // validate has already read each answer; the finished line shows the day it became.
  const days = new Map<string, DayReading>();
  const answer = await prompts.input({
    ...hinted(question, `Enter for ${current ?? "today"}, or a day like yesterday or last friday`),
    validate: (text) => dayRefusal(async () => days.set(text, await read(text))),
    transformer: (text, { isFinal }) => (isFinal ? shownDay(text, days.get(text), now) : text),
  });
  return (days.get(answer) ?? (await read(answer))).day;
}

/** A date question's validate: true once `read` has read the answer, else why it cannot be read. */
async function dayRefusal(read: () => Promise<unknown>): Promise<true | string> {
  try {
    await read();
    return true;
  } catch (error) {
    if (error instanceof DateInputError) return error.message;
    throw error;
  }
}

/**
 * "yesterday (2026-11-23)"; just the day when Enter was pressed or a day was typed.
 * Numbers are confirmed in words, "01/12/2026 (Tue 1 Dec 2026)", since they
 * could be read month first or day first.
 */
function shownDay(typed: string, reading: DayReading | undefined, now: Date): string {
  const text = typed.trim();
  if (!reading) return text;
  if (reading.numeric) return `${text} (${formatDay(reading.day, now, { year: true })})`;
  return !text || text === reading.day ? reading.day : `${text} (${reading.day})`;
}

/**
 * A mood from 1 to 10, refused in the tool's own words. `hint` is the scale,
 * left off (null) when the question already says it.
 */
export async function askMood(
  prompts: Prompts,
  question: string,
  current: number | undefined,
  hint: string | null = MOOD_SCALE,
): Promise<number> {
  const answer = await prompts.input({
    ...hinted(question, hint ?? undefined),
    default: current === undefined ? undefined : String(current),
    validate: (text) =>
      wholeNumberIn(text, MOOD_MIN, MOOD_MAX) === undefined
        ? `Please type a whole number from ${MOOD_MIN} to ${MOOD_MAX} (${MOOD_SCALE})`
        : true,
  });
  return wholeNumberIn(answer, MOOD_MIN, MOOD_MAX)!;
}

/** Tags as typed: "remote, design" -> ["remote", "design"]; Enter keeps the current ones, "-" clears them. */
export async function askTags(prompts: Prompts, current: readonly string[]): Promise<string[]> {
  const hint = current.length ? "Enter keeps, Tab edits, - removes" : "separated by commas, optional";
  const shown = current.length ? current.map(safeLine).join(", ") : undefined;
  const answer = await prompts.input({ ...hinted("Any tags?", hint), default: shown });
  // Kept as they are: read back from the shown form, a tag with a comma would split.
  if (shown !== undefined && answer === shown) return [...current];
  return answer.trim() === "-" ? [] : splitList([answer]);
}

/**
 * A required choice from a vocabulary, with no "skip": Enter takes the current
 * value, or `fallback` (the answer that claims least), and the question says
 * which. A choice shows its name, or `choiceName` when the list says more.
 */
export function askChoice<V extends string>(
  prompts: Prompts,
  question: string,
  options: {
    values: readonly V[];
    names: Record<V, string>;
    choiceName?: (value: V) => string;
    current: V | undefined;
    fallback: V;
  },
): Promise<V> {
  const { values, names, choiceName = (value: V) => names[value], current, fallback } = options;
  const chosen = current ?? fallback;
  return prompts.select<V>({
    ...hinted(question, `Enter ${current === undefined ? "for" : "keeps"} "${names[chosen]}"`),
    choices: values.map((value) => ({ value, name: choiceName(value) })),
    default: chosen,
  });
}

/**
 * A checkbox validate that refuses `alone` ticked together with anything
 * else, so "none" or "I don't know" is never saved beside a reason.
 */
export const exclusive =
  <V>(alone: V, name: string) =>
  (chosen: readonly { value: V }[]): true | string =>
    chosen.length > 1 && chosen.some((choice) => choice.value === alone)
      ? `'${name}' can't go with other choices; untick one`
      : true;

/** A due day in plain words ("friday", "in two weeks"), today or later; Enter for none. */
export async function askDueDay(prompts: Prompts, now: Date): Promise<string | undefined> {
  // validate reads the date; the answered line then shows the day it became.
  const read = new Map<string, string>();
  const dueText = await prompts.input({
    message: "By when? (friday, in two weeks, 2026-12-01; Enter for no date)",
    transformer: (value, { isFinal }) =>
      isFinal
        ? read.has(value)
          ? `${value} ${theme.muted(`(${formatDay(read.get(value)!, now)})`)}`
          : theme.muted("no date")
        : value,
    validate: (value) =>
      value.trim()
        ? dayRefusal(async () => read.set(value, await parseDay(value, { now, direction: "future" })))
        : true,
  });
  return read.get(dueText) ?? (dueText.trim() ? await parseDay(dueText, { now, direction: "future" }) : undefined);
}
