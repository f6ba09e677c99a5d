import { InvalidArgumentError, type Command } from "commander";
import type { Question, ReflectionContent } from "../content/schema.js";
import { UsageError } from "../errors.js";
import type { AnswerChange } from "../journal/changes.js";
import type { Entry, RejectionEntry } from "../journal/entry.js";
import type { JournalStore } from "../journal/store.js";
import { printJson, say } from "../ui/output.js";
import { theme } from "../ui/theme.js";
import { collectPair } from "./reflect-options.js";

/** The flags that change one part of a rejection rather than its own fields. */
export interface PartOptions {
  checkin?: number;
  removeCheckin?: number;
  answer?: Record<string, string>;
  removeAnswer?: string[];
}

export function addPartOptions(command: Command): Command {
  return command
    .option("--checkin <n>", "change check-in N (as numbered in 'show') with --mood and --note", position)
    .option("--remove-checkin <n>", "remove check-in N (as numbered in 'show')", position)
    .option(
      "--answer <question=text>",
      "change or add a reflection answer by its question id (repeatable); an empty text clears it",
      collectPair("--answer", (text) => text),
    )
    .option(
      "--remove-answer <question>",
      "clear a reflection answer by its question id (repeatable)",
      (id: string, previous: string[] = []) => [...previous, id.trim()],
    );
}

function position(value: string): number {
  if (!/^\s*\d{1,4}\s*$/.test(value) || Number(value) < 1) {
    throw new InvalidArgumentError("must be a check-in number: 1 for the first one");
  }
  return Number(value);
}

export const givesPart = (options: PartOptions): boolean =>
  options.checkin !== undefined ||
  options.removeCheckin !== undefined ||
  options.answer !== undefined ||
  options.removeAnswer !== undefined;

/**
 * Carries out the part flags: one kind of change per run, so a mistake in one
 * does not leave another half done. `fields` are the entry flags also given:
 * with --checkin, --mood and --note are the check-in's.
 */
export async function editPart(
  store: JournalStore,
  entry: Entry,
  options: PartOptions & { json?: boolean },
  fields: { mood?: number; note?: string; [key: string]: unknown },
  context: { now: Date; reflection: () => Promise<ReflectionContent> },
): Promise<void> {
  if (entry.kind !== "rejection") {
    throw new UsageError(`${entry.id} is a win; check-ins and reflection answers belong to rejections`);
  }
  const kinds = [
    options.checkin !== undefined ? "--checkin" : "",
    options.removeCheckin !== undefined ? "--remove-checkin" : "",
    options.answer !== undefined || options.removeAnswer !== undefined ? "--answer/--remove-answer" : "",
  ].filter(Boolean);
  if (kinds.length > 1) throw new UsageError(`${kinds.join(" and ")} go in separate edits, one at a time`);
  const others = Object.keys(fields).filter((key) => options.checkin === undefined || !["mood", "note"].includes(key));
  if (others.length > 0) {
    throw new UsageError(
      `${kinds[0]} changes ${options.checkin !== undefined ? "a check-in's --mood and --note" : "one part"} only; change the entry's own fields in a separate edit`,
    );
  }
  const { changeAnswers, changeCheckin, removeCheckin } = await import("../journal/changes.js");
  const { now } = context;
  let saved: RejectionEntry;
  let done: string;
  if (options.checkin !== undefined) {
    if (fields.mood === undefined && fields.note === undefined) {
      throw new UsageError('--checkin N needs --mood 1-10, --note TEXT or both (--note "" removes the note)');
    }
    const result = await changeCheckin(store, entry.id, options.checkin, { mood: fields.mood, note: fields.note }, now);
    saved = result.entry;
    const what = [
      fields.mood !== undefined ? "mood" : "",
      fields.note ? "note" : fields.note === "" ? "note removed" : "",
    ];
    done = `check-in ${options.checkin} (${what.filter(Boolean).join(", ")})`;
  } else if (options.removeCheckin !== undefined) {
    const result = await removeCheckin(store, entry.id, options.removeCheckin, now);
    saved = result.entry;
    done = `removed check-in ${options.removeCheckin} (${result.checkin.at.slice(0, 10)}, mood ${result.checkin.mood})`;
  } else {
    const { stageQuestions } = await import("../coach/reflection.js");
    const changes = answerChanges(entry, options, stageQuestions(await context.reflection(), entry));
    saved = await changeAnswers(store, entry.id, changes.list, changes.order, now);
    done = describeAnswerChanges(changes.list);
  }
  say(`${theme.good("Updated")} ${theme.id(saved.id)}: ${done}.`);
  if (options.json) printJson(saved);
}

/** "answer why-this-role, cleared first-glance" */
export const describeAnswerChanges = (changes: readonly { questionId: string; answer?: string }[]): string =>
  changes.map((change) => `${change.answer?.trim() ? "answer" : "cleared"} ${change.questionId}`).join(", ");

/** The answers asked for, each checked against the questions this rejection's stage and ending get. */
function answerChanges(
  entry: RejectionEntry,
  options: PartOptions,
  questions: readonly Question[],
): { list: AnswerChange[]; order: string[] } {
  if (!entry.reflection) {
    throw new UsageError(`${entry.id} has no reflection yet; add one with 'rejection-coach reflect ${entry.id}'`);
  }
  const saved = entry.reflection.answers;
  const wording = (id: string): string | undefined =>
    saved.find((answer) => answer.questionId === id)?.question ??
    questions.find((question) => question.id === id)?.text;
  const wanted: [string, string | undefined][] = [
    ...Object.entries(options.answer ?? {}),
    ...(options.removeAnswer ?? []).map((id): [string, undefined] => [id, undefined]),
  ];
  const list = wanted.map(([questionId, answer]): AnswerChange => {
    const question = wording(questionId);
    if (question === undefined) {
      const ids = [...new Set([...saved.map((answer) => answer.questionId), ...questions.map((q) => q.id)])];
      throw new UsageError(`'${questionId}' is not a question of this reflection (questions: ${ids.join(", ")})`);
    }
    return { questionId, question, answer };
  });
  return { list, order: questions.map((question) => question.id) };
}
