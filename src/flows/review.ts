import { summaryTable } from "../ui/entry-summary.js";
import { theme } from "../ui/theme.js";
import type { AskContext } from "./ask.js";
import type { Prompts } from "./prompts.js";

/** One field of an entry: how to ask for it and how to show it in the summary. */
export interface FieldSpec<T> {
  key: keyof T & string;
  label: string;
  ask(prompts: Prompts, values: Partial<T>, context: AskContext): Promise<unknown>;
  describe(values: Partial<T>): string;
}

/** A maker of one kind of entry's fields, all shown in the summary by `describe`. */
export const fieldsOf =
  <T>(describe: (key: keyof T & string, values: Partial<T>) => string) =>
  (key: keyof T & string, label: string, ask: FieldSpec<T>["ask"]): FieldSpec<T> => ({
    key,
    label,
    ask,
    describe: (values) => describe(key, values),
  });

/** Asks, in order, for each field `values` does not have yet, unless `skip` says it does not apply; fills them in. */
async function askMissing<T>(
  prompts: Prompts,
  fields: readonly FieldSpec<T>[],
  values: Partial<T>,
  context: AskContext,
  options: { skip?: (key: keyof T, values: Partial<T>) => boolean; suggested?: Partial<T> },
): Promise<void> {
  for (const spec of fields) {
    if (values[spec.key] !== undefined || options.skip?.(spec.key, values)) continue;
    // A suggestion is asked with its value as the default: one Enter takes it.
    (values as Record<string, unknown>)[spec.key] = await spec.ask(
      prompts,
      { ...options.suggested, ...values },
      context,
    );
  }
}

/** What the log and win flows take from the command. */
export interface FlowOptions {
  /** Prints a message between questions (the command passes a writer to stderr). */
  show(text: string): void;
  now?: Date;
  likelyReasons?: AskContext["likelyReasons"];
}

/**
 * A new entry: asks for each field `given` lacks, fills in `defaults`, then
 * shows the summary until the person saves and `accept` (a last check) agrees.
 * Undefined when the person chose not to save.
 */
export async function newEntryFlow<T>(
  prompts: Prompts,
  fields: readonly FieldSpec<T>[],
  given: Partial<T>,
  options: FlowOptions & {
    greeting: string;
    defaults: Partial<T>;
    skip?: (key: keyof T, values: Partial<T>) => boolean;
    accept?: (answers: T) => Promise<boolean>;
    /** Answers read elsewhere (an email): asked as defaults, not taken as given. */
    suggested?: () => Promise<Partial<T>>;
    remark?: ReviewOptions["remark"];
  },
): Promise<T | undefined> {
  const now = options.now ?? new Date();
  const values: Partial<T> = { ...given };
  options.show(options.greeting);
  const suggested = await options.suggested?.();
  await askMissing(
    prompts,
    fields,
    values,
    { now, likelyReasons: options.likelyReasons },
    {
      skip: options.skip,
      suggested,
    },
  );
  let answers = { ...options.defaults, ...values } as T;
  for (;;) {
    const reviewed = await reviewFields(prompts, fields, answers, {
      show: options.show,
      now,
      mode: "new",
      remark: options.remark,
      likelyReasons: options.likelyReasons,
    });
    if (!reviewed || !options.accept || (await options.accept(reviewed))) return reviewed;
    answers = reviewed;
  }
}

/** Changes a saved entry: its values are the defaults. Undefined when left as it was. */
export function editFields<T>(
  prompts: Prompts,
  fields: readonly FieldSpec<T>[],
  current: T,
  options: FlowOptions,
): Promise<T | undefined> {
  return reviewFields(prompts, fields, current, { show: options.show, now: options.now ?? new Date(), mode: "edit" });
}

export interface ReviewOptions {
  /** Prints the summary (the command passes a writer to stderr). */
  show(text: string): void;
  now: Date;
  /** "new": asked before the first save; "edit": changing a saved entry. */
  mode: "new" | "edit";
  likelyReasons?: AskContext["likelyReasons"];
  /** A word after a field's value in the summary, such as where a guess came from. */
  remark?(key: string, values: Record<string, unknown>): string | undefined;
}

/**
 * Shows the answers and lets the person change any field, as often as they
 * like, before saving. Returns the final answers, or undefined when they
 * chose not to save (new) or to leave the entry as it was (edit).
 */
async function reviewFields<T>(
  prompts: Prompts,
  fields: readonly FieldSpec<T>[],
  start: T,
  options: ReviewOptions,
): Promise<T | undefined> {
  const values = { ...start } as Partial<T>;
  const context: AskContext = {
    now: options.now,
    editing: options.mode === "edit",
    likelyReasons: options.likelyReasons,
  };
  const editing = options.mode === "edit";
  let changed = false;
  for (;;) {
    const row = (field: FieldSpec<T>): [string, string] => {
      const remark = options.remark?.(field.key, values);
      return [field.label, `${field.describe(values)}${remark ? `  ${theme.muted(remark)}` : ""}`];
    };
    options.show(`\n${summaryTable(fields.map(row))}\n`);
    const choice = await prompts.select<string>({
      message: editing ? "What would you like to change?" : "Does this look right?",
      choices: [
        { value: "save", name: editing ? "Save the changes" : "Yes, save it" },
        ...fields.map((field) => ({ value: field.key, name: `Change: ${field.label.toLowerCase()}` })),
        { value: "stop", name: editing ? "Leave it as it was" : "Don't save it" },
      ],
      // Editing starts on the first field; once something has changed, saving is one Enter away.
      default: editing && !changed ? fields[0]?.key : "save",
      pageSize: fields.length + 2,
    });
    if (choice === "save") return values as T;
    if (choice === "stop") return undefined;
    const field = fields.find((candidate) => candidate.key === choice)!;
    (values as Record<string, unknown>)[field.key] = await field.ask(prompts, values, context);
    changed = true;
  }
}
