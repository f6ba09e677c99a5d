import type { Question } from "../content/schema.js";
import type { AnswerChange } from "../journal/changes.js";
import type { Reflection } from "../journal/entry.js";
import { safeLine } from "../ui/safe-text.js";
import { theme } from "../ui/theme.js";
import { askOptionalText } from "./ask.js";
import type { Prompts } from "./prompts.js";

export type EntryPart = "fields" | "reflection" | "stop";

/** On a reflected rejection, `edit` first asks which part: the entry's own fields or the reflection. */
export function chooseEntryPart(prompts: Prompts): Promise<EntryPart> {
  return prompts.select<EntryPart>({
    message: "Which part would you like to change?",
    choices: [
      { value: "fields", name: "The entry: company, role, stage, mood, note and the rest" },
      { value: "reflection", name: "The reflection: your answers to its questions" },
      { value: "stop", name: "Leave it as it was" },
    ],
    default: "fields",
  });
}

const PREVIEW = 40;

function preview(answer: string | undefined): string {
  if (answer === undefined) return "(no answer)";
  const line = safeLine(answer);
  return line.length > PREVIEW ? `${line.slice(0, PREVIEW - 1)}…` : line;
}

/**
 * Lists the reflection's questions with their answers; the person picks one,
 * changes or clears it, and may pick another. Returns the answers that differ
 * from the saved ones, or undefined when they leave it as it was.
 */
export async function editAnswersFlow(
  prompts: Prompts,
  reflection: Pick<Reflection, "answers">,
  questions: readonly Pick<Question, "id" | "text">[],
): Promise<AnswerChange[] | undefined> {
  const saved = new Map(reflection.answers.map((answer) => [answer.questionId, answer]));
  // Answered questions no longer in the content stay editable; unanswered ones for the stage can be answered now.
  const asked = [
    ...reflection.answers.map((answer) => ({ id: answer.questionId, text: answer.question })),
    ...questions.filter((question) => !saved.has(question.id)),
  ];
  const current = new Map([...saved].map(([id, answer]) => [id, answer.answer as string | undefined]));
  const changed = (): AnswerChange[] =>
    asked
      .filter((question) => current.get(question.id) !== saved.get(question.id)?.answer)
      .map((question) => ({ questionId: question.id, question: question.text, answer: current.get(question.id) }));
  for (;;) {
    const pending = changed().length > 0;
    const choice = await prompts.select<string>({
      message: "Which answer would you like to change?",
      choices: [
        ...(pending ? [{ value: "save", name: "Save the changes" }] : []),
        ...asked.map((question) => ({
          value: question.id,
          name: `${safeLine(question.text)} ${theme.muted(preview(current.get(question.id)))}`,
        })),
        { value: "stop", name: "Leave it as it was" },
      ],
      default: pending ? "save" : asked[0]?.id,
      pageSize: asked.length + 2,
    });
    if (choice === "save") return changed();
    if (choice === "stop") return undefined;
    const question = asked.find((candidate) => candidate.id === choice)!;
    current.set(question.id, await askOptionalText(prompts, question.text, current.get(question.id)));
  }
}
