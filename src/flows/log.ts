import type { NewRejection, RejectionFields } from "../journal/make-entry.js";
import { EMOTIONS, ENDINGS, REASONS, STAGES, type Emotion, type Reason } from "../journal/vocabulary.js";
import { ALONE_REASON, reasonsFor } from "../journal/reason-rules.js";
import { RULES } from "../coach/signals.js";
import { ENDING_NAMES, REASON_CHOICES, REJECTION_LABELS, STAGE_NAMES, stageChoice } from "../ui/labels.js";
import { describeRejectionField } from "../ui/entry-summary.js";
import { askChoice, askMood, askOptionalText, askPastDay, askRequiredText, askTags, exclusive, hinted } from "./ask.js";
import type { Prompts } from "./prompts.js";
import { askForEmail, type EmailOutcome, type EmailStep } from "./email-step.js";
import { emailRemark } from "../ui/email-view.js";
import { safeLine } from "../ui/safe-text.js";
import { theme } from "../ui/theme.js";
import { editFields, fieldsOf, newEntryFlow, type FieldSpec, type FlowOptions } from "./review.js";

const rejectionField = fieldsOf<RejectionFields>(describeRejectionField);
const field = (key: keyof RejectionFields, ask: FieldSpec<RejectionFields>["ask"]) =>
  rejectionField(key, REJECTION_LABELS[key], ask);

/** The questions, in the order they are asked. */
const REJECTION_FIELDS: readonly FieldSpec<RejectionFields>[] = [
  field("company", (prompts, values) =>
    askRequiredText(prompts, "Which company was it?", values.company, "the company's name, even a short one"),
  ),
  field("role", (prompts, values) =>
    askRequiredText(prompts, "What was the role?", values.role, "the role, in a few words"),
  ),
  field("stage", (prompts, values) =>
    askChoice(prompts, "How far did it get?", {
      values: STAGES,
      names: STAGE_NAMES,
      choiceName: stageChoice,
      current: values.stage,
      fallback: "applied",
    }),
  ),
  field("ended", (prompts, values) =>
    askChoice(prompts, "How did it end?", {
      values: ENDINGS,
      names: ENDING_NAMES,
      current: values.ended,
      fallback: "rejected",
    }),
  ),
  field("date", (prompts, values, context) =>
    askPastDay(
      prompts,
      values.ended === "ghosted" ? "About when did it go quiet?" : "When did you hear?",
      values.date,
      context.now,
      values.ended === "ghosted" ? "the day it went quiet" : "the date you heard",
    ),
  ),
  field("reasonGiven", (prompts, values) => askOptionalText(prompts, "Did they give a reason?", values.reasonGiven)),
  field("reasons", (prompts, values, context) => {
    // A reason they gave, typed or read from their email, ticks what its words suggest; the person decides.
    const likely =
      values.reasons === undefined && values.reasonGiven
        ? (context.likelyReasons?.(values.reasonGiven, values.ended) ?? [])
        : [];
    const ticked = values.reasons ?? likely.map((found) => found.value);
    return prompts.checkbox<Reason>({
      ...hinted(
        "What do you think played a part?",
        likely.length > 0 ? "ticked from their words; pick any, or none" : "pick any, or none",
      ),
      choices: reasonsFor(values.ended).map((value) => {
        const from = likely.filter((found) => found.value === value).map((found) => `'${safeLine(found.from)}'`);
        return {
          value,
          name:
            from.length > 0
              ? `${REASON_CHOICES[value]}  ${theme.muted(`from ${from.join(", ")}`)}`
              : REASON_CHOICES[value],
          checked: ticked.includes(value),
        };
      }),
      pageSize: REASONS.length,
      validate: exclusive<Reason>(ALONE_REASON, REASON_CHOICES[ALONE_REASON]),
    });
  }),
  field("mood", (prompts, values, context) =>
    askMood(
      prompts,
      context.editing ? "How did you feel when you logged it?" : "How are you feeling about it right now?",
      values.mood,
    ),
  ),
  field("emotions", (prompts, values, context) =>
    prompts.checkbox<Emotion>({
      ...hinted(
        context.editing
          ? "Which of these words fit how you felt then?"
          : lowDay(values)
            ? "That sounds like a hard day. Which of these words fit?"
            : "Which of these words fit how you feel?",
        "pick any, or none",
      ),
      choices: EMOTIONS.map((value) => ({ value, checked: values.emotions?.includes(value) ?? false })),
      pageSize: EMOTIONS.length,
    }),
  ),
  field("tags", (prompts, values) => askTags(prompts, values.tags ?? [])),
  field("note", (prompts, values) =>
    askOptionalText(prompts, "Anything else you want to remember about it?", values.note),
  ),
];

const lowDay = (values: Partial<RejectionFields>): boolean => values.mood !== undefined && values.mood <= RULES.lowMood;

/** Asked when the same rejection seems to be in the journal already; saving it twice is never the default. */
export function confirmDuplicate(prompts: Prompts): Promise<boolean> {
  return prompts.confirm({ message: "Save it anyway?", default: false });
}

export interface LogFlowOptions extends FlowOptions {
  /** Says why the answers look like a rejection already in the journal; undefined when they do not. */
  duplicate?(fields: RejectionFields): string | undefined;
  /** Reading their email; without it, no email is offered. */
  email?: EmailStep;
}

/**
 * Asks for every field that `given` (the flags) does not have, then shows a
 * summary with a chance to change any field. An apparent duplicate is named
 * and saved only when the person says so; otherwise it is back to the
 * summary. Returns the answers, or undefined when the person chose not to save.
 */
export async function logFlow(
  prompts: Prompts,
  given: Partial<RejectionFields>,
  options: LogFlowOptions,
): Promise<NewRejection | undefined> {
  let email: EmailOutcome = {};
  const answers = await newEntryFlow(prompts, REJECTION_FIELDS, given, {
    show: options.show,
    now: options.now,
    likelyReasons: options.likelyReasons,
    suggested: async () => {
      if (!options.email) return {};
      email = await askForEmail(prompts, options.email, options.show);
      return email.suggestion?.fields ?? {};
    },
    remark: (key, values) => emailRemark(email.suggestion, key, values),
    greeting:
      "Sorry this one didn't work out. A few questions, then some ideas that may help.\nPress Ctrl+C at any time to stop; nothing is saved until the end.\n",
    defaults: { reasons: [], emotions: [], tags: [] },
    // Silence comes with no reason to quote.
    skip: (key, answers) => key === "reasonGiven" && answers.ended === "ghosted",
    accept: async (answers) => {
      const duplicate = options.duplicate?.(answers);
      if (!duplicate) return true;
      options.show(duplicate);
      return confirmDuplicate(prompts);
    },
  });
  return answers && email.keep ? { ...answers, email: email.text } : answers;
}

/** Changes a saved rejection: its values are the defaults. Undefined when left as it was. */
export function editRejectionFlow(
  prompts: Prompts,
  current: RejectionFields,
  options: FlowOptions,
): Promise<RejectionFields | undefined> {
  return editFields(prompts, REJECTION_FIELDS, current, options);
}
