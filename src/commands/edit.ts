import type { Command } from "commander";
import { UsageError } from "../errors.js";
import type { RejectionEntry, WinEntry } from "../journal/entry.js";
import type { RejectionFields, WinFields } from "../journal/make-entry.js";
import { canPrompt, printJson, say } from "../ui/output.js";
import { theme } from "../ui/theme.js";
import { openContent, openJournal } from "./context.js";
import { addPartOptions, describeAnswerChanges, editPart, givesPart, type PartOptions } from "./edit-parts.js";
import {
  addRejectionOptions,
  addWinOptions,
  REJECTION_FLAGS,
  rejectionFieldsFrom,
  WIN_FLAGS,
  winFieldsFrom,
  type RejectionOptions,
  type WinOptions,
} from "./entry-options.js";

type EditOptions = RejectionOptions & WinOptions & PartOptions & { forgetEmail?: boolean };

/** Flags that only make sense for one kind of entry, by the option name commander gives them. */
const REJECTION_ONLY = ["role", "stage", "ended", "reasonGiven", "reason", "mood", "emotion", "forgetEmail"] as const;
const WIN_ONLY = ["kind", "title"] as const;
const flagName = (key: string): string => `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

export function registerEdit(command: Command): void {
  command
    .description(
      "change a saved entry (a rejection or a win): asked on a terminal, or by the same flags as log and win",
    )
    .argument("<id>", "the entry's id, or the start of it");
  addRejectionOptions(command);
  // Editing keeps the entry's date unless --date is given: log's "default: today" does not hold here.
  const date = command.options.find((option) => option.long === "--date");
  if (date) date.description = "move it to another day: 2026-11-20, yesterday, last friday (default: kept)";
  addWinOptions(command, { withCommon: false });
  addPartOptions(command)
    .option("--forget-email", "remove the copy of their email that log --keep-email kept")
    .addHelpText(
      "after",
      `
With no flags, on a terminal, it shows the entry and asks which field to change,
with the current value filled in. With flags, only those fields change.
For text you can remove (the reason given, a note), pass an empty value: --note "".
A rejection's check-ins (numbered in 'show') and reflection answers (by question id)
change one part at a time: --checkin N with --mood and --note, --remove-checkin N,
--answer ID=TEXT and --remove-answer ID. On a terminal, 'edit ID' offers the reflection too.

Examples:
  rejection-coach edit 3f9a
  rejection-coach edit 3f9a --mood 6 --emotion relieved
  rejection-coach edit 3f9a --stage final --note "They said it was close."
  rejection-coach edit 7c21 --title "Second interview at Acme" --json
  rejection-coach edit 3f9a --checkin 2 --mood 7 --note "Slept on it; feeling steadier."
  rejection-coach edit 3f9a --answer why-this-role="The team's mission." --remove-answer first-glance`,
    )
    .action(async (id: string, options: EditOptions, command: Command) => {
      // Loaded per action, not at the top of the file: --help and the other commands stay fast.
      const [
        { findEntry },
        { editRejectionFlow },
        { editWinFlow },
        { loadPrompts },
        { chooseEntryPart, editAnswersFlow },
        { stageQuestions },
        journalChanges,
        { changedFields },
        { saveChanges },
      ] = await Promise.all([
        import("../journal/queries.js"),
        import("../flows/log.js"),
        import("../flows/win.js"),
        import("../flows/prompts.js"),
        import("../flows/edit-reflection.js"),
        import("../coach/reflection.js"),
        import("../journal/changes.js"),
        import("../journal/make-entry.js"),
        import("../journal/save.js"),
      ]);
      const now = new Date();
      const store = await openJournal(command);
      const entry = findEntry(await store.read(), id);
      const isRejection = entry.kind === "rejection";
      const misplaced = (isRejection ? WIN_ONLY : REJECTION_ONLY).filter((key) => options[key] !== undefined);
      if (misplaced.length > 0) {
        throw new UsageError(
          `${misplaced.map(flagName).join(", ")} ${misplaced.length === 1 ? "is" : "are"} not for ${isRejection ? "a rejection" : "a win"}; ${entry.id} is ${isRejection ? "a rejection" : "a win"}`,
        );
      }

      const fieldFlags = [...REJECTION_ONLY, ...WIN_ONLY, "company", "date", "tag", "note"] as const;
      const alongside = fieldFlags.filter((key) => key !== "forgetEmail" && options[key] !== undefined);
      if (options.forgetEmail && (alongside.length > 0 || givesPart(options))) {
        throw new UsageError("--forget-email goes on its own; make the other changes with a second edit");
      }
      if (options.forgetEmail && entry.kind === "rejection") {
        const saved = entry.email === undefined ? entry : await saveChanges(store, entry.id, { email: undefined }, now);
        say(
          entry.email === undefined
            ? `No email is kept with ${entry.id}; nothing changed.`
            : `${theme.good("Updated")} ${theme.id(saved.id)}: their email is no longer kept.`,
        );
        if (options.json) printJson(saved);
        return;
      }
      const current = isRejection ? rejectionFieldsOf(entry) : winFieldsOf(entry);
      let wanted: Partial<RejectionFields> | Partial<WinFields> = isRejection
        ? await rejectionFieldsFrom(options, now, current as RejectionFields)
        : await winFieldsFrom(options, now);
      const reflection = async () => (await openContent(command)).reflection;
      if (givesPart(options)) {
        await editPart(store, entry, options, wanted, { now, reflection, changes: journalChanges, stageQuestions });
        return;
      }
      if (Object.keys(wanted).length === 0) {
        if (options.json || !canPrompt()) {
          throw new UsageError(
            `nothing to change: give the fields as flags (such as ${isRejection ? "--mood 6 or --note TEXT" : "--title TEXT"}), or run 'rejection-coach edit ${entry.id}' in a terminal`,
          );
        }
        const prompts = await loadPrompts();
        say(`Changing ${theme.id(entry.id)}, the ${entry.kind} of ${entry.date}.`);
        if (entry.kind === "rejection" && entry.reflection) {
          const part = await chooseEntryPart(prompts);
          if (part === "stop") {
            say("Left as it was.");
            return;
          }
          if (part === "reflection") {
            const questions = stageQuestions(await reflection(), entry);
            const answers = await editAnswersFlow(prompts, entry.reflection, questions);
            if (!answers || answers.length === 0) {
              say(answers ? "Nothing changed." : "Left as it was.");
              return;
            }
            const order = questions.map((question) => question.id);
            const saved = await journalChanges.changeAnswers(store, entry.id, answers, order, now);
            say(`${theme.good("Updated")} ${theme.id(saved.id)}: ${describeAnswerChanges(answers)}.`);
            return;
          }
        }
        const edited = isRejection
          ? await editRejectionFlow(prompts, current as RejectionFields, { show: say, now })
          : await editWinFlow(prompts, current as WinFields, { show: say, now });
        if (!edited) {
          say("Left as it was.");
          return;
        }
        wanted = edited;
      }

      const changed = changedFields(current, { ...current, ...wanted });
      if (changed.length === 0) {
        say("Nothing changed.");
        if (options.json) printJson(entry);
        return;
      }
      const changes = Object.fromEntries(changed.map((key) => [key, (wanted as Record<string, unknown>)[key]]));
      const saved = await saveChanges(store, entry.id, changes, now);
      const flags = isRejection ? REJECTION_FLAGS : WIN_FLAGS;
      const names = changed.map((key) => (flags as Record<string, string>)[key]!.replace(/^--/, ""));
      say(`${theme.good("Updated")} ${theme.id(saved.id)}: ${names.join(", ")}.`);
      if (options.json) printJson(saved);
    });
}

function rejectionFieldsOf(entry: RejectionEntry): RejectionFields {
  const { company, role, stage, ended, date, reasonGiven, reasons, mood, emotions, tags, note } = entry;
  return { company, role, stage, ended, date, reasonGiven, reasons, mood, emotions, tags, note };
}

function winFieldsOf(entry: WinEntry): WinFields {
  const { winKind, title, company, date, tags, note } = entry;
  return { winKind, title, company, date, tags, note };
}
