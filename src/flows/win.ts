import type { WinFields } from "../journal/make-entry.js";
import { WIN_KINDS } from "../journal/vocabulary.js";
import { WIN_KIND_NAMES } from "../ui/labels.js";
import { describeWinField } from "../ui/entry-summary.js";
import type { NewAction } from "../coach/reflection.js";
import { askChoice, askDueDay, askOptionalText, askPastDay, askRequiredText, askTags, hinted } from "./ask.js";
import type { Prompts } from "./prompts.js";
import { editFields, fieldsOf, newEntryFlow, type FieldSpec, type FlowOptions } from "./review.js";

const field = fieldsOf<WinFields>(describeWinField);

const WIN_FIELDS: readonly FieldSpec<WinFields>[] = [
  field("winKind", "Kind", (prompts, values) =>
    // Enter must not claim more than the person said.
    askChoice(prompts, "What kind of win?", {
      values: WIN_KINDS,
      names: WIN_KIND_NAMES,
      current: values.winKind,
      fallback: "other",
    }),
  ),
  field("title", "What happened", (prompts, values) =>
    askRequiredText(prompts, "In a few words, what happened?", values.title, "a few words about it"),
  ),
  field("company", "Company", (prompts, values) => askOptionalText(prompts, "Which company, if any?", values.company)),
  field("date", "Date", (prompts, values, context) =>
    askPastDay(prompts, "When was it?", values.date, context.now, "the date of a win"),
  ),
  field("tags", "Tags", (prompts, values) => askTags(prompts, values.tags ?? [])),
  field("note", "Note", (prompts, values) => askOptionalText(prompts, "Anything to add?", values.note)),
];

/**
 * Asks for what `given` does not have, then shows a summary with a chance to
 * change any field, as log does. Returns the answers, or undefined when the
 * person chose not to save.
 */
export function winFlow(
  prompts: Prompts,
  given: Partial<WinFields>,
  options: FlowOptions,
): Promise<WinFields | undefined> {
  return newEntryFlow(prompts, WIN_FIELDS, given, {
    show: options.show,
    now: options.now,
    greeting: "Good to hear. A few quick questions, and it is in your journal.\n",
    defaults: { tags: [] },
  });
}

/** Changes a saved win: its values are the defaults. Undefined when left as it was. */
export function editWinFlow(
  prompts: Prompts,
  current: WinFields,
  options: FlowOptions,
): Promise<WinFields | undefined> {
  return editFields(prompts, WIN_FIELDS, current, options);
}

/**
 * After an interview is won, the time to plan for it: one optional next step,
 * with an optional due day. Enter on the first question skips it.
 */
export async function winStepFlow(prompts: Prompts, now: Date): Promise<NewAction | undefined> {
  const text = (
    await prompts.input(hinted("Any next step? (e.g. prepare for the interview)", "optional, Enter to skip"))
  ).trim();
  if (!text) return undefined;
  const due = await askDueDay(prompts, now);
  return due ? { text, due } : { text };
}
