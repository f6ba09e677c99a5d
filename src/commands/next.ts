import { Option, type Command } from "commander";
import type { OpenAction } from "../coach/actions.js";
import { UsageError } from "../errors.js";
import type { Entry } from "../journal/entry.js";
import { entryLabel } from "../ui/entry-label.js";
import { formatDay } from "../ui/labels.js";
import { renderNextSteps } from "../ui/next-view.js";
import { canPrompt, printData, printJson, say, stdoutIsTerminal } from "../ui/output.js";
import { safeLine } from "../ui/safe-text.js";
import { symbols } from "../ui/symbols.js";
import { theme } from "../ui/theme.js";
import { openJournal } from "./context.js";
import { readDayFlag } from "./date-flag.js";

// Each action loads what it uses when it runs, not when the CLI starts, so --help and the other commands stay fast.

interface NextOptions {
  json?: boolean;
  ics?: boolean;
  output?: string;
}

export function registerNext(command: Command): void {
  const next = command
    .description("your open next steps across the journal, soonest due first")
    .option("--json", "print as JSON")
    .addOption(
      new Option("--ics", "your dated steps and reminders as a calendar file (iCalendar, .ics)").conflicts("json"),
    )
    .option("-o, --output <file>", "with --ics: write the calendar to this file instead of standard output")
    .addHelpText(
      "after",
      `
Each step has a short number (its place in the list) and an id; either works
with 'next done'. Overdue steps are marked and come first; undated ones last.

Examples:
  rejection-coach next
  rejection-coach next done 1
  rejection-coach next add 3f2a Ask Sam for a referral --due "next friday"
  rejection-coach next --json | jq -r '.[] | select(.overdue) | .text'
  rejection-coach next --ics --output steps.ics
  rejection-coach next --ics > steps.ics

--ics gives each open step with a due date a whole-day event with a reminder
at 9:00, a day to reflect on each rejection not yet reflected on, and a
check-in after a hard day. Importing the file again updates the same events;
a step marked done is left out, and its old event stays until you delete it.`,
    )
    .action(async (options: NextOptions, command: Command) => {
      if (options.output !== undefined && !options.ics) {
        throw new UsageError("--output writes the calendar file; use it with --ics");
      }
      if (options.ics) {
        await (await import("./next-calendar.js")).writeCalendar(command, options.output);
        return;
      }
      const [{ openActions }, { toDay }] = await Promise.all([
        import("../coach/actions.js"),
        import("../journal/dates.js"),
      ]);
      const journal = await (await openJournal(command)).read();
      const today = toDay(new Date());
      const items = openActions(journal, today);
      if (options.json) {
        printJson(items.map(toJson));
        return;
      }
      if (items.length === 0) {
        say("No open next steps. Add one with: rejection-coach next add ID TEXT [--due DATE]");
        return;
      }
      printData(renderNextSteps(items));
      if (stdoutIsTerminal()) say(theme.muted("\nMark one done with: rejection-coach next done N"));
    });

  // commander hands next's own flags to its subcommands too: a calendar flag there would be quietly ignored.
  next.hook("preAction", (_next, running) => {
    const { ics, output } = next.opts<NextOptions>();
    if (running !== next && (ics || output !== undefined)) {
      throw new UsageError(`--ics and --output go with 'next' on its own, not with 'next ${running.name()}'`);
    }
  });

  next
    .command("done")
    .description("mark next steps as done, by number or id")
    .argument("<step...>", "the step's number in the list, or its id")
    .addHelpText(
      "after",
      "\nExamples:\n  rejection-coach next done 1\n  rejection-coach next done 2 3\n  rejection-coach next done a1b2c3d4",
    )
    .action(async (refs: string[], _options: unknown, command: Command) => {
      const [{ markStepsDone }, { toDay }] = await Promise.all([
        import("../journal/changes.js"),
        import("../journal/dates.js"),
      ]);
      const { json } = command.optsWithGlobals<NextOptions>();
      const store = await openJournal(command);
      const now = new Date();
      const { steps, remaining } = await markStepsDone(store, refs, now);
      if (json) {
        printJson(steps.map(({ action, entry }) => ({ ...action, entry: entryRef(entry) })));
        return;
      }
      for (const { action, entry, already } of steps) {
        say(
          already
            ? `Already done: ${safeLine(action.text)} (${formatDay(toDay(new Date(action.doneAt!)), now)})`
            : `${theme.tick()} Done: ${safeLine(action.text)} ${theme.muted(`(${entryLabel(entry)})`)}`,
        );
      }
      // The numbers shift once a step is done: show the new ones to whoever is looking.
      if (stdoutIsTerminal()) {
        if (remaining.length === 0) say("That was the last open step.");
        else {
          say(theme.muted("\nStill open, with their new numbers:"));
          printData(renderNextSteps(remaining));
        }
      }
    });

  next
    .command("edit")
    .description("change a next step's text or due date, by number or id")
    .argument("<step>", "the step's number in the list, or its id")
    .option("--text <text>", "what to do, in new words")
    .option("--due <date>", "a new due date: friday, in 2 weeks, 2026-12-01")
    .option("--no-due", "remove the due date")
    .addHelpText(
      "after",
      '\nExamples:\n  rejection-coach next edit 2 --due "next monday"\n  rejection-coach next edit a1b2c3d4 --text "Email Sam about the referral" --no-due',
    )
    .action(async (ref: string, options: { text?: string; due?: string | false }, command: Command) => {
      const { changeStep } = await import("../journal/changes.js");
      const { json } = command.optsWithGlobals<NextOptions>();
      if (options.text === undefined && options.due === undefined) {
        throw new UsageError("nothing to change: give --text TEXT, --due DATE or --no-due");
      }
      const now = new Date();
      const store = await openJournal(command);
      const due =
        typeof options.due === "string"
          ? await readDayFlag("--due", options.due, { now, direction: "future" })
          : options.due === false
            ? null
            : undefined;
      const { action, entry } = await changeStep(store, ref, { text: options.text, due }, now);
      if (json) {
        printJson({ ...action, entry: entryRef(entry) });
        return;
      }
      say(
        `${theme.good("Updated")} ${safeLine(action.text)}${action.due ? ` (due ${formatDay(action.due, now)})` : due === null ? " (no due date)" : ""} ${theme.muted(`${symbols().separator} ${action.id}`)}`,
      );
    });

  next
    .command("remove")
    .description("remove a next step for good, by number or id (asks first)")
    .argument("<step>", "the step's number in the list, or its id")
    .option("-y, --yes", "remove without asking (for scripts)")
    .addHelpText(
      "after",
      "\nExamples:\n  rejection-coach next remove 2\n  rejection-coach next remove a1b2c3d4 --yes\n\nA step that is finished is better marked with 'next done': it keeps counting as done.",
    )
    .action(async (ref: string, options: { yes?: boolean }, command: Command) => {
      const [{ findStep, removeStep }, { loadPrompts }] = await Promise.all([
        import("../journal/changes.js"),
        import("../flows/prompts.js"),
      ]);
      const { json } = command.optsWithGlobals<NextOptions>();
      const now = new Date();
      const store = await openJournal(command);
      // Found now, removed by its id: the list numbers could shift while the question is open.
      const { action, entry } = findStep(await store.read(), ref, now);
      if (!options.yes) {
        if (!canPrompt() || json) {
          throw new UsageError(`not removing next step ${action.id} without a confirmation; add --yes in a script`);
        }
        say(`This removes: ${safeLine(action.text)} ${theme.muted(`(${entryLabel(entry)}, id ${action.id})`)}`);
        const prompts = await loadPrompts();
        if (!(await prompts.confirm({ message: "Remove it for good? There is no undo.", default: false }))) {
          say("Kept it. Nothing was removed.");
          return;
        }
      }
      const removed = await removeStep(store, action.id, now);
      if (json) {
        printJson({ ...removed.action, entry: entryRef(removed.entry) });
        return;
      }
      say(`${theme.good("Removed")} ${safeLine(removed.action.text)} ${theme.muted(`(${entryLabel(removed.entry)})`)}`);
    });

  next
    .command("add")
    .description("add a next step to a rejection or a win (an interview to prepare for)")
    .argument("<id>", "the entry's id (or the start of it)")
    .argument("<text...>", "what to do")
    .option("--due <date>", "when by: friday, in 2 weeks, 2026-12-01")
    .addHelpText(
      "after",
      '\nExamples:\n  rejection-coach next add 3f2a Practice the salary question\n  rejection-coach next add 3f2a "Email Sam a thank-you" --due tomorrow',
    )
    .action(async (id: string, words: string[], options: { due?: string }, command: Command) => {
      const { addStep } = await import("../journal/changes.js");
      const { json } = command.optsWithGlobals<NextOptions>();
      const text = words.join(" ").trim();
      if (!text) throw new UsageError("a next step needs some text");
      const store = await openJournal(command);
      const now = new Date();
      const due =
        options.due === undefined ? undefined : await readDayFlag("--due", options.due, { now, direction: "future" });
      const { action, entry } = await addStep(store, id, { text, due }, now);
      if (json) {
        printJson({ ...action, entry: entryRef(entry) });
        return;
      }
      say(
        `${theme.tick()} Added: ${safeLine(action.text)}${due ? ` (due ${formatDay(due, now)})` : ""} ${theme.muted(`to ${entryLabel(entry)}, id ${action.id}`)}`,
      );
    });
}

const entryRef = (entry: Entry) =>
  entry.kind === "rejection"
    ? { id: entry.id, company: entry.company, role: entry.role }
    : { id: entry.id, kind: entry.kind, title: entry.title, ...(entry.company ? { company: entry.company } : {}) };

function toJson(item: OpenAction) {
  return {
    n: item.n,
    ...item.action,
    overdue: item.overdue,
    daysLeft: item.daysLeft ?? null,
    entry: entryRef(item.entry),
  };
}
