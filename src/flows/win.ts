import type { WinFields } from "../journal/make-entry.js";
import { WIN_KINDS } from "../journal/vocabulary.js";
import { WIN_KIND_NAMES } from "../ui/labels.js";
import { describeWinField } from "../ui/entry-summary.js";
import { askOptionalText, askPastDay, askRequiredText, askTags } from "./ask.js";
import type { FlowOptions } from "./log.js";
import type { Prompts } from "./prompts.js";
import { reviewFields, type FieldSpec } from "./review.js";

const field = (key: keyof WinFields, label: string, ask: FieldSpec<WinFields>["ask"]): FieldSpec<WinFields> => ({
  key,
  label,
  ask,
  describe: (values) => describeWinField(key, values),
});

export const WIN_FIELDS: readonly FieldSpec<WinFields>[] = [
  field("winKind", "Kind", (prompts, values) =>
    prompts.select({
      message: "What kind of win?",
      choices: WIN_KINDS.map((value) => ({ value, name: WIN_KIND_NAMES[value] })),
      default: values.winKind,
    }),
  ),
  field("title", "What happened", (prompts, values) =>
    askRequiredText(prompts, "In a few words, what happened?", values.title, "a few words about it"),
  ),
  field("company", "Company", (prompts, values) => askOptionalText(prompts, "Which company, if any?", values.company)),
  field("date", "Date", (prompts, values, context) => askPastDay(prompts, "When was it?", values.date, context.now)),
  field("tags", "Tags", (prompts, values) => askTags(prompts, values.tags ?? [])),
  field("note", "Note", (prompts, values) => askOptionalText(prompts, "Anything to add?", values.note)),
];

/**
 * Asks for what `given` does not have. A win is saved straight away, without
 * a review: it is meant to take seconds, and `edit` can change it later.
 */
export async function winFlow(prompts: Prompts, given: Partial<WinFields>, options: FlowOptions): Promise<WinFields> {
  const context = { now: options.now ?? new Date() };
  const values: Partial<WinFields> = { ...given };
  options.show("Good to hear. A few quick questions, and it is in your journal.\n");
  for (const spec of WIN_FIELDS) {
    if (values[spec.key] !== undefined) continue;
    (values as Record<string, unknown>)[spec.key] = await spec.ask(prompts, values, context);
  }
  return { tags: [], ...values } as WinFields;
}

/** Changes a saved win: its values are the defaults. Undefined when left as it was. */
export function editWinFlow(
  prompts: Prompts,
  current: WinFields,
  options: FlowOptions,
): Promise<WinFields | undefined> {
  return reviewFields(prompts, WIN_FIELDS, current, {
    show: options.show,
    now: options.now ?? new Date(),
    mode: "edit",
  });
}
